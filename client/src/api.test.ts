import { describe, expect, it, vi } from 'vitest';
import { ApiError, api, createClient } from './api';

describe('GraphQL client', () => {
  it('posts JSON with the bearer token and returns data', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { search: [] } }), { status: 200 }));
    const gql = createClient({ url: '/graphql', token: () => 'tok', fetch: fetch as unknown as typeof globalThis.fetch });
    await api(gql).search('忽米');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(init.body as string).variables.q).toBe('忽米');
  });

  it('tells unreachable servers, auth failures and GraphQL errors apart', async () => {
    const down = createClient({ fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch });
    await expect(down('{ stats { articles } }')).rejects.toMatchObject({ kind: 'unreachable' });
    const auth = createClient({
      fetch: (async () => new Response(JSON.stringify({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }), { status: 200 })) as unknown as typeof fetch,
    });
    await expect(auth('mutation { deleteArticle(id: "x") }')).rejects.toMatchObject({ kind: 'auth' });
    const bad = createClient({ fetch: (async () => new Response('<html>', { status: 500 })) as unknown as typeof fetch });
    const err = await bad('{ x }').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: 'http', status: 500 });
  });
});
