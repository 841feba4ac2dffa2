import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, codes, ok, startHarness, type Harness } from './harness';

const ARTICLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'articles');

let h: Harness;
let closed: Harness;
beforeAll(async () => {
  h = await startHarness({ allowedHosts: ['chain-atlas.intranet'] });
  closed = await startHarness({ introspection: false });
});
afterAll(async () => {
  await h?.close();
  await closed?.close();
});

/** A GET with this Host header (fetch will not send one of its own choosing). */
function getAs(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as { errors?: { message: string; extensions: { code: string } }[] } });

describe('client errors answer 4xx with a code', () => {
  it('variables of the wrong type: 400 BAD_USER_INPUT', async () => {
    const res = await h.gql('query($n: Int) { search(query: "重庆", first: $n) { score } }', { n: 'abc' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('a persisted-query hash that does not match: 400 BAD_REQUEST', async () => {
    const { status, body } = await json(await h.post(JSON.stringify({ query: '{ stats { articles } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } })));
    expect(status).toBe(400);
    expect(body.errors![0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a subscription: 400 BAD_REQUEST', async () => {
    const res = await h.gql('subscription { __typename }');
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_REQUEST']);
  });

  it('a charset it cannot read: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"query":"{ stats { articles } }"}' });
    const { status, body } = await json(res);
    expect(status).toBe(415);
    expect(body.errors![0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('what the server tells', () => {
  it('suggests no field names when introspection is off', async () => {
    const open = await h.gql('mutation { deleteArticl(id: "x") }', {}, { token: TOKEN });
    expect(open.errors![0].message).toMatch(/Did you mean/);
    const res = await closed.gql('mutation { deleteArticl(id: "x") }', {}, { token: TOKEN });
    expect(res.status).toBe(400);
    expect(res.errors![0].message).not.toMatch(/Did you mean|deleteArticle/);
  });

  it('answers 421 to a Host it does not serve (DNS rebinding), and its own names', async () => {
    const port = new URL(h.url).port;
    const as = (host: string) => getAs(`${h.url}/healthz`, host);
    const evil = await as(`rebound.attacker.example:${port}`);
    expect(evil.status).toBe(421);
    expect(JSON.parse(evil.body).errors[0].extensions.code).toBe('MISDIRECTED_REQUEST');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `chain-atlas.intranet:${port}`, 'CHAIN-ATLAS.intranet', `app.localhost:${port}`]) {
      expect((await as(host)).status, host).toBe(200);
    }
    const graphql = await getAs(`${h.url}/graphql?query=${encodeURIComponent('{ stats { articles } }')}`, 'rebound.attacker.example');
    expect(graphql.status).toBe(421);
  });
});

describe('ingested text', () => {
  it('refuses a lone surrogate instead of storing U+FFFD in its place', async () => {
    const before = (await h.store.stats()).articles;
    const res = await h.post(
      '{"query":"mutation($t: String!) { ingestArticle(input: { text: $t }) { ok } }","variables":{"t":"重庆日报讯 臻宝科技\\ud800投资5亿元的半导体材料项目落户沙坪坝区。"}}',
      { authorization: `Bearer ${TOKEN}` },
    );
    const body = (await res.json()) as { errors?: { message: string; extensions: { code: string } }[] };
    expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toMatch(/surrogate/);
    expect((await h.store.stats()).articles).toBe(before);
  });

  it('takes an article at the article limit however it is escaped: the body limit agrees', async () => {
    // 400 000 characters of news sent with every CJK character as a \uXXXX escape: more
    // than 2 MB of JSON for an article within the 500 000-character limit.
    const news = readFileSync(join(ARTICLES, readdirSync(ARTICLES).filter((n) => n.endsWith('.txt')).sort()[0]), 'utf8');
    let text = '';
    for (let i = 0; text.length < 400_000; i++) text += `${news}\n（第${i}版）\n`;
    text = text.slice(0, 400_000);
    const escaped = JSON.stringify({ query: 'mutation($t: String!) { ingestArticle(input: { text: $t }) { ok errors { code } } }', variables: { t: text } }).replace(
      /[\u0080-\uffff]/gu,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect(escaped.length).toBeGreaterThan(2 * 1024 * 1024);
    const res = await h.post(escaped, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: { ingestArticle: { ok: boolean } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.ingestArticle).toBeDefined();
  }, 60_000);
});

describe('search folds what a pasted name carries', () => {
  it('finds 忽米网 from full-width ＨＭＷ and from a name with zero-width characters in it', async () => {
    const find = async (q: string) => ok(await h.gql(`query($q: String!) { search(query: $q) { entity { id } } }`, { q })).search.map((x: { entity: { id: string } }) => x.entity.id);
    expect(await find('ＨＭＷ')).toContain('platform:忽米网');
    expect(await find('忽\u200b米\u200d网')).toContain('platform:忽米网');
    expect(await find('\ufeff忽米网')).toContain('platform:忽米网');
  });
});

describe('curation', () => {
  it('follows merges: an alias or a merge naming a merged-away id lands on the entity kept', async () => {
    const hits = ok(await h.gql(`{ search(query: "公司", types: [ENTERPRISE], first: 10) { entity { id name } } }`)).search;
    const [a, b, c] = hits.map((x: { entity: { id: string } }) => x.entity.id);
    ok(await h.gql('mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { id } }', { k: a, m: b }, { token: TOKEN }));
    const aliased = ok(await h.gql('mutation($id: ID!) { addAlias(entityId: $id, alias: "合并后的简称") { id aliases } }', { id: b }, { token: TOKEN })).addAlias;
    expect(aliased.id).toBe(a);
    expect(aliased.aliases).toContain('合并后的简称');
    const merged = ok(await h.gql('mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { id } }', { k: b, m: c }, { token: TOKEN })).mergeEntities;
    expect(merged.id).toBe(a);
    expect(ok(await h.gql(`query($id: ID!) { entity(id: $id) { id } }`, { id: c })).entity.id).toBe(a);
  });

  it('refuses to merge two districts', async () => {
    const res = await h.gql('mutation { mergeEntities(keepId: "district:渝中区", mergeId: "district:两江新区") { id } }', {}, { token: TOKEN });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toMatch(/districts cannot be merged/);
    expect(ok(await h.gql(`{ entity(id: "district:两江新区") { id } }`)).entity.id).toBe('district:两江新区');
  });
});
