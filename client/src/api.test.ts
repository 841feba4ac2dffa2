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
    // Reads go without the token; only mutations carry it.
    expect((init.headers as Record<string, string>).authorization).toBeUndefined();
    expect(JSON.parse(init.body as string).variables.q).toBe('忽米');
    fetch.mockResolvedValueOnce(new Response(JSON.stringify({ data: { deleteArticle: true } }), { status: 200 }));
    await api(gql).deleteArticle('a1');
    const [, init2] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect((init2.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('refuses a token no header can carry, instead of failing every request', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { search: [] } }), { status: 200 }));
    const gql = createClient({ token: () => '令牌', fetch: fetch as unknown as typeof globalThis.fetch });
    await expect(api(gql).search('忽米')).resolves.toEqual([]);
    await expect(api(gql).deleteArticle('a1')).rejects.toMatchObject({ kind: 'auth' });
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
