import { readSettings } from './settings';

/** A GraphiQL fetcher over plain fetch; sends the curation token so mutations can be tried too. */
export function createFetcher(url: string) {
  return async (params: unknown, opts?: { headers?: Record<string, string> }) => {
    const { token } = readSettings();
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

/** GraphiQL's example; client/src/operations.test.ts checks it against the schema like the explorer's own. */
export const GRAPHIQL_DEFAULT_QUERY = `# ChainAtlas 产业链图谱 — try Ctrl+Enter
query Search {
  search(query: "忽米", first: 5) {
    matched
    entity { id type name aliases degree }
  }
  stats { articles entities relations }
}
`;
