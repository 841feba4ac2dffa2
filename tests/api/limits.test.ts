import type { GraphStore } from '@chain-atlas/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, codes, ok, startHarness, type Harness } from './harness';

const ID = 'district:渝中区';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ limits: { maxBodyBytes: 64 * 1024 } });
});
afterAll(async () => {
  await h?.close();
});

/** entity { relations { edges { node { from { relations { … } } } } } } nested `levels` times. */
function deepQuery(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `relations(first: 1) { edges { node { from { ${inner} } } } }`;
  return `{ entity(id: "${ID}") { ${inner} } }`;
}

describe('limits', () => {
  it('refuses a query nested 20 deep as QUERY_TOO_COMPLEX before running it', async () => {
    const res = await h.gql(deepQuery(5)); // 5 × 4 levels = depth 21
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.data).toBeUndefined();
  });

  it('accepts a query within the depth limit', async () => {
    ok(await h.gql(deepQuery(2)));
  });

  it('accepts the widest view of the explorer: the largest neighbourhood with edges and evidence', async () => {
    ok(
      await h.gql(`{ neighbourhood(ids: ["${ID}"], depth: 3, limit: 2000) { truncated nodes { id type name aliases degree }
        edges { id type amountCny role from { id } to { id } evidence { text start end article { id title } } } } }`),
    );
  });

  it('refuses a page bigger than the maximum as BAD_USER_INPUT naming the argument', async () => {
    for (const q of [
      `{ search(query: "重庆", first: 100000) { score } }`,
      `{ articles(first: 100000) { totalCount } }`,
      `{ entity(id: "${ID}") { relations(first: 100000) { totalCount } } }`,
      `{ neighbourhood(ids: ["${ID}"], limit: 100000) { truncated } }`,
      `{ neighbourhood(ids: ["${ID}"], depth: 4) { truncated } }`,
      `{ paths(from: "${ID}", to: "platform:忽米网", maxLength: 7) { nodes { id } } }`,
      `{ search(query: "重庆", first: -1) { score } }`,
    ]) {
      const res = await h.gql(q);
      expect(codes(res), q).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].message).toMatch(/first|limit|depth|maxLength/);
    }
  });

  it('prices a query by its page sizes: many big pages nested are QUERY_TOO_COMPLEX', async () => {
    const inner = `relations(first: 100) { edges { node { from { relations(first: 100) { edges { node { id } } } } } } }`;
    const res = await h.gql(`{ search(query: "重庆", first: 100) { entity { ${inner} } } }`);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.errors![0].extensions?.complexity).toBeGreaterThan(res.errors![0].extensions?.maxComplexity as number);
  });

  it('prices page sizes given as variables too', async () => {
    const q = `query($n: Int) { search(query: "重庆", first: $n) { entity { relations(first: $n) { edges { node { from { relations(first: $n) { totalCount } } } } } } } }`;
    expect(codes(await h.gql(q, { n: 100 }))).toEqual(['QUERY_TOO_COMPLEX']);
    ok(await h.gql(q, { n: 2 }));
  });

  it('refuses an oversized body as PAYLOAD_TOO_LARGE', async () => {
    const text = '重庆'.repeat(40_000); // ~240 kB of UTF-8, over this server's 64 kB
    const res = await h.post(JSON.stringify({ query: 'mutation($t: String!) { ingestArticle(input: { text: $t }) { ok } }', variables: { t: text } }), {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await h.store.stats()).articles).toBe(5);
  });

  it('runs a small batch and refuses a batch larger than allowed', async () => {
    const one = { query: '{ stats { articles } }' };
    const small = await h.post(JSON.stringify([one, one]));
    expect(small.status).toBe(200);
    expect(((await small.json()) as unknown[]).length).toBe(2);
    const big = await h.post(JSON.stringify(new Array(50).fill(one)));
    expect(big.status).toBe(400);
    expect((await big.json()).errors[0].extensions.code).toBe('BATCH_TOO_LARGE');
  });
});

describe('bad input', () => {
  it('answers BAD_USER_INPUT for malformed ids and cursors', async () => {
    for (const q of [
      `{ entity(id: "") { id } }`,
      `{ entity(id: "not-an-id") { id } }`,
      `{ entity(id: "company:赛力斯") { id } }`,
      `{ article(id: "") { id } }`,
      `{ article(id: "../../etc/passwd") { id } }`,
      `{ neighbourhood(ids: []) { truncated } }`,
      `{ neighbourhood(ids: ["x"]) { truncated } }`,
      `{ paths(from: "", to: "${ID}") { nodes { id } } }`,
      `{ articles(after: "!!!") { totalCount } }`,
      `{ articles(after: "${Buffer.from('r:rel:abc').toString('base64url')}") { totalCount } }`,
      `{ search(query: "   ") { score } }`,
    ]) {
      expect(codes(await h.gql(q)), q).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('answers GraphQL’s own codes for a malformed or invalid document, and for bad JSON', async () => {
    expect(codes(await h.gql(`{ entity(id: `))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codes(await h.gql(`{ nosuchfield }`))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codes(await h.gql(`{ search(query: "x", types: [COMPANY]) { score } }`))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const res = await h.post('{"query": ');
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('blocks a request a browser could send cross-site without preflight (CSRF)', async () => {
    const res = await fetch(`${h.url}/graphql?query=${encodeURIComponent('{ stats { articles } }')}`);
    expect(res.status).toBe(400);
    const json = await fetch(`${h.url}/graphql?query=${encodeURIComponent('{ stats { articles } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(json.status).toBe(200);
  });

  it('stays up and answers normally after every bad request above', async () => {
    expect(ok(await h.gql(`{ stats { articles } }`)).stats.articles).toBe(5);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});

describe('timeouts and errors in production', () => {
  it('answers TIMEOUT when the store takes longer than the request may', async () => {
    const slow = (store: GraphStore): GraphStore =>
      new Proxy(store, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          if (prop !== 'search' || typeof v !== 'function') return typeof v === 'function' ? v.bind(target) : v;
          return async (...args: unknown[]) => {
            await new Promise((r) => setTimeout(r, 300));
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    const t = await startHarness({ empty: true, wrapStore: slow, limits: { requestTimeoutMs: 50 } });
    try {
      expect(codes(await t.gql(`{ search(query: "重庆") { score } }`))).toEqual(['TIMEOUT']);
      ok(await t.gql(`{ stats { articles } }`));
    } finally {
      await t.close();
    }
  });

  it('hides internal messages and stack traces in production, keeps them in development', async () => {
    const broken = (store: GraphStore): GraphStore =>
      new Proxy(store, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          if (prop === 'stats') return async () => Promise.reject(new Error('disk /var/secret/graph.sqlite is on fire'));
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    const prod = await startHarness({ empty: true, wrapStore: broken, production: true });
    const dev = await startHarness({ empty: true, wrapStore: broken, production: false });
    try {
      const p = await prod.gql(`{ stats { articles } }`);
      expect(codes(p)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(p.errors)).not.toMatch(/secret|stacktrace|\.ts:/);
      const d = await dev.gql(`{ stats { articles } }`);
      expect(codes(d)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(d.errors![0].message).toContain('on fire');
      expect(d.errors![0].extensions?.stacktrace).toBeDefined();
      // A coded error keeps its message in production: it is meant for the user.
      expect(codes(await prod.gql(`{ entity(id: "nope") { id } }`))).toEqual(['BAD_USER_INPUT']);
    } finally {
      await prod.close();
      await dev.close();
    }
  });

  it('turns introspection off when configured', async () => {
    const closed = await startHarness({ empty: true, introspection: false });
    try {
      const res = await closed.gql(`{ __schema { queryType { name } } }`);
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      ok(await closed.gql(`{ stats { articles } }`));
    } finally {
      await closed.close();
    }
  });
});
