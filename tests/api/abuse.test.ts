import { checkGraph, type GraphStats } from '@chain-atlas/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, codes, ok, startHarness, type Harness } from './harness';

// What people (and scanners) send an API on a network. Each answer is a coded error or a
// harmless result; the server stays up and the graph does not change.

const INJECTIONS = [
  "'",
  '"',
  "'}) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "'; DROP TABLE entities; --",
  '1 OR 1=1 -- ',
  '/* */ UNION SELECT * FROM articles',
  'a\u0000b',
  '\u0000',
  '"忽米" OR "赛力斯"',
  'NEAR(忽米 网)',
  '*',
  '^忽',
  '%_%',
  '\\',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '\u202e网米忽',
  '𠀀𠀁',
];

let h: Harness;
let before: GraphStats;
let firstId: string;
beforeAll(async () => {
  h = await startHarness({ corsOrigins: ['https://analysts.example'] });
  before = await h.store.stats();
  firstId = (await h.store.listArticles()).items[0].id;
});
afterAll(async () => {
  await h?.close();
});

function deep(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `relations(first: 1) { edges { node { from { ${inner} } } } }`;
  return `{ entity(id: "district:渝中区") { ${inner} } }`;
}

describe('abuse of the API', () => {
  it('refuses a query nested 50 deep', async () => {
    const res = await h.gql(deep(13));
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses first: 1000000000 wherever a page size is taken', async () => {
    for (const q of [
      '{ search(query: "重庆", first: 1000000000) { score } }',
      '{ articles(first: 1000000000) { totalCount } }',
      '{ entity(id: "district:渝中区") { relations(first: 1000000000) { totalCount } } }',
      '{ neighbourhood(ids: ["district:渝中区"], limit: 1000000000) { truncated } }',
      '{ paths(from: "district:渝中区", to: "platform:忽米网", first: 1000000000) { nodes { id } } }',
    ]) {
      expect(codes(await h.gql(q)), q).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses 10,000 aliases in one query before running any of them', async () => {
    const fields = Array.from({ length: 10_000 }, (_, i) => `a${i}: search(query: "重庆", first: 20) { score }`).join(' ');
    const res = await h.gql(`{ ${fields} }`);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses a 10 MB body without reading it into the graph', async () => {
    const res = await h.post(JSON.stringify({ query: '{ stats { articles } }', variables: { pad: 'x'.repeat(10 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers injection strings in every text argument of every query harmlessly', async () => {
    for (const s of INJECTIONS) {
      const v = { s };
      const answers = [
        await h.gql('query($s: String!) { search(query: $s) { entity { id } } }', v),
        await h.gql('query($s: ID!) { entity(id: $s) { id } }', v),
        await h.gql('query($s: ID!) { article(id: $s) { id } }', v),
        await h.gql('query($s: ID!) { neighbourhood(ids: [$s]) { truncated } }', v),
        await h.gql('query($s: ID!) { paths(from: $s, to: "platform:忽米网") { nodes { id } } }', v),
        await h.gql('query($s: String) { articles(after: $s) { totalCount } }', v),
        await h.gql('query($s: String) { entity(id: "platform:忽米网") { relations(after: $s) { totalCount } } }', v),
      ];
      for (const res of answers) {
        expect(res.status, `${s}: ${JSON.stringify(res.errors)}`).toBeLessThan(500);
        for (const code of codes(res)) expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(code);
      }
    }
    expect(await h.store.stats()).toEqual(before);
  });

  it('answers injection strings in every argument of every mutation without harm', async () => {
    for (const s of INJECTIONS) {
      const v = { s };
      const auth = { token: TOKEN };
      for (const res of [
        await h.gql('mutation($s: ID!) { addAlias(entityId: $s, alias: "x") { id } }', v, auth),
        await h.gql('mutation($s: ID!) { mergeEntities(keepId: $s, mergeId: "platform:忽米网") { id } }', v, auth),
        await h.gql('mutation($s: ID!) { mergeEntities(keepId: "platform:忽米网", mergeId: $s) { id } }', v, auth),
        await h.gql('mutation($s: ID!) { deleteArticle(id: $s) }', v, auth),
        await h.gql('mutation($s: String!) { ingestArticle(input: { text: "短文。", title: $s, source: $s, url: $s, date: $s }) { ok } }', v, auth),
      ]) {
        expect(res.status).toBeLessThan(500);
        for (const code of codes(res)) expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(code);
      }
    }
    // An alias is free text: an injection string stored as one is data, and changes nothing else.
    const aliased = await h.gql('mutation($s: String!) { addAlias(entityId: "platform:忽米网", alias: $s) { aliases } }', { s: "'}) DETACH DELETE n //" }, { token: TOKEN });
    expect(ok(aliased).addAlias.aliases).toContain("'}) DETACH DELETE n //");
    const after = await h.store.stats();
    expect({ ...after, articles: before.articles }).toEqual(before);
    expect(await h.store.getArticle(firstId)).not.toBeNull();
    expect((await checkGraph(h.store)).problems).toEqual([]);
  });

  it('refuses mutations without the token, or with a wrong one of any length', async () => {
    for (const token of [undefined, '', 'x', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      const res = await h.gql(`mutation { deleteArticle(id: "${firstId}") }`, {}, { token });
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await h.store.getArticle(firstId)).not.toBeNull();
  });

  it('shares answers only with the origins it is told to (CORS)', async () => {
    const preflight = (origin: string) =>
      fetch(`${h.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('https://analysts.example')).headers.get('access-control-allow-origin')).toBe('https://analysts.example');
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { articles } }' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('is still up, and the graph is whole, after all of it', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect(ok(await h.gql('{ search(query: "忽米") { entity { name } } }')).search[0].entity.name).toBe('忽米网');
    expect((await checkGraph(h.store)).problems).toEqual([]);
  });
});
