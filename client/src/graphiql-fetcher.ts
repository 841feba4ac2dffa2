import { getToken } from './settings';

/** A GraphiQL fetcher over plain fetch; sends the curation token so mutations can be tried too. */
export function createFetcher(url: string) {
  return async (params: unknown, opts?: { headers?: Record<string, string> }) => {
    const token = getToken();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(opts?.headers ?? {}),
      },
      body: JSON.stringify(params),
    });
    return res.json();
  };
}
