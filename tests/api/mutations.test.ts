import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, codes, ok, startHarness, type Harness } from './harness';

// 臻宝科技 is the short name (简称) the bundled articles give 重庆臻宝科技股份有限公司.
const ZHENBAO = 'enterprise:重庆臻宝科技股份有限公司';
const NEW_ARTICLE = {
  text: '重庆日报讯 3月5日，臻宝科技投资5亿元的半导体材料项目落户沙坪坝区。该项目建成后将进一步完善全市半导体产业链。',
  title: '臻宝科技半导体材料项目落户沙坪坝',
  date: '2025-03-06',
  source: '重庆日报',
  url: 'https://example.com/news/zhenbao',
};

const INGEST = `mutation($input: ArticleInput!) { ingestArticle(input: $input) {
  ok created evidenceAdded errors { code message }
  article { id title date source url }
  entitiesAdded { id type name } entitiesExisting { id name }
  relationsAdded { id type amountCny from { id } to { id } evidence { text } } relationsExisting { id } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('authorisation', () => {
  it('refuses a mutation without the token, with a wrong one, and writes nothing', async () => {
    const before = await h.store.stats();
    for (const token of [undefined, 'wrong-token', `${TOKEN}x`]) {
      const res = await h.gql(INGEST, { input: NEW_ARTICLE }, { token });
      expect(res.status).toBe(401);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data?.ingestArticle).toBeUndefined();
    }
    expect(codes(await h.gql(`mutation { deleteArticle(id: "abc") }`))).toEqual(['UNAUTHENTICATED']);
    expect(await h.store.stats()).toEqual(before);
  });

  it('closes every mutation when the server has no token configured', async () => {
    const open = await startHarness({ token: undefined, empty: true });
    try {
      const res = await open.gql(`mutation { addAlias(entityId: "district:渝中区", alias: "渝中") { id } }`, {}, { token: 'anything' });
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    } finally {
      await open.close();
    }
  });
});

describe('ingestArticle', () => {
  it('extracts a new article and lands its short name on the existing enterprise', async () => {
    const before = await h.store.getEntity(ZHENBAO);
    const res = ok(await h.gql(INGEST, { input: NEW_ARTICLE }, { token: TOKEN }));
    const report = res.ingestArticle;
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.created).toBe(true);
    expect(report.article).toMatchObject({ title: NEW_ARTICLE.title, date: NEW_ARTICLE.date, source: '重庆日报', url: NEW_ARTICLE.url });
    // 臻宝科技 is not a new node: it is the enterprise the bundled articles already had.
    expect(report.entitiesExisting.map((e: { id: string }) => e.id)).toContain(ZHENBAO);
    expect(report.entitiesAdded.map((e: { id: string }) => e.id)).not.toContain('enterprise:臻宝科技');
    const invest = report.relationsAdded.find((r: { type: string }) => r.type === 'INVESTS_IN');
    expect(invest).toBeDefined();
    expect(invest.from.id).toBe(ZHENBAO);
    expect(invest.amountCny).toBe(500_000_000);
    expect(NEW_ARTICLE.text).toContain(invest.evidence[0].text);

    const after = ok(await h.gql(`{ entity(id: "${ZHENBAO}") { degree articles { id } ... on Enterprise { projects { id name } } } }`));
    expect(after.entity.degree).toBe(before!.degree + 1);
    expect(after.entity.articles.map((a: { id: string }) => a.id)).toContain(report.article.id);
    expect(after.entity.projects.map((p: { id: string }) => p.id)).toContain(invest.to.id);
    expect(ok(await h.gql(`{ stats { articles } }`)).stats.articles).toBe(6);
  });

  it('loads the same text once: the second time it reports what exists and changes nothing', async () => {
    const before = await h.store.stats();
    const again = ok(await h.gql(INGEST, { input: NEW_ARTICLE }, { token: TOKEN })).ingestArticle;
    expect(again.ok).toBe(true);
    expect(again.created).toBe(false);
    expect(again.entitiesAdded).toEqual([]);
    expect(again.entitiesExisting.map((e: { id: string }) => e.id)).toContain(ZHENBAO);
    expect(await h.store.stats()).toEqual(before);
  });

  it('answers a coded error for garbage and writes nothing', async () => {
    const before = await h.store.stats();
    for (const text of ['', '   \n\t  ']) {
      const res = ok(await h.gql(INGEST, { input: { text } }, { token: TOKEN })).ingestArticle;
      expect(res.ok).toBe(false);
      expect(res.errors.map((e: { code: string }) => e.code)).toEqual(['EMPTY']);
      expect(res.article).toBeNull();
    }
    const binary = ok(await h.gql(INGEST, { input: { text: '\u0000\u0001\u0002\u0003'.repeat(50) } }, { token: TOKEN })).ingestArticle;
    expect(binary.ok).toBe(false);
    expect(binary.errors[0].code).toMatch(/^[A-Z_]+$/);
    expect(await h.store.stats()).toEqual(before);
  });

  it('refuses malformed metadata as BAD_USER_INPUT', async () => {
    const before = await h.store.stats();
    for (const input of [
      { ...NEW_ARTICLE, text: `${NEW_ARTICLE.text}！`, date: '6 March 2025' },
      { ...NEW_ARTICLE, text: `${NEW_ARTICLE.text}？`, url: 'javascript:alert(1)' },
    ]) {
      const res = await h.gql(INGEST, { input }, { token: TOKEN });
      expect(codes(res), JSON.stringify(res.errors)).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await h.gql(INGEST, { input: { title: 'no text' } }, { token: TOKEN }))).toEqual(['BAD_USER_INPUT']);
    expect(await h.store.stats()).toEqual(before);
  });
});

describe('curation', () => {
  it('adds an alias that search then finds, and lists it as a curation', async () => {
    const res = ok(
      await h.gql(`mutation { addAlias(entityId: "platform:忽米网", alias: "忽米工业互联网") { id aliases } }`, {}, { token: TOKEN }),
    );
    expect(res.addAlias.aliases).toContain('忽米工业互联网');
    const { search } = ok(await h.gql(`{ search(query: "忽米工业互联网") { entity { id } matched } }`));
    expect(search[0]).toEqual({ entity: { id: 'platform:忽米网' }, matched: '忽米工业互联网' });
    const { curations } = ok(await h.gql(`{ curations { kind entityId value entity { id } } }`));
    expect(curations).toContainEqual({ kind: 'ALIAS', entityId: 'platform:忽米网', value: '忽米工业互联网', entity: { id: 'platform:忽米网' } });
  });

  it('answers NOT_FOUND for an alias of an unknown entity, BAD_USER_INPUT for an empty alias', async () => {
    expect(codes(await h.gql(`mutation { addAlias(entityId: "platform:没有", alias: "x") { id } }`, {}, { token: TOKEN }))).toEqual(['NOT_FOUND']);
    expect(codes(await h.gql(`mutation { addAlias(entityId: "platform:忽米网", alias: "  ") { id } }`, {}, { token: TOKEN }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('merges two entities: relations move, the merged id finds the kept one', async () => {
    // 赛力斯 has a supplier; the other is any enterprise with relations that shares none with it.
    const keep = 'enterprise:赛力斯';
    const k = await h.store.getEntity(keep);
    const neighbours = new Set(k!.relations.flatMap((r) => [r.from, r.to]));
    const hits = await h.store.search('公司', { types: ['Enterprise'], limit: 100 });
    const others = await Promise.all(hits.map((hit) => h.store.getEntity(hit.entity.id)));
    const m = others.find((e) => e && e.id !== keep && e.id !== ZHENBAO && e.degree > 0 && !neighbours.has(e.id));
    expect(m).toBeDefined();
    const merge = m!.id;
    const res = ok(
      await h.gql(
        `mutation($keep: ID!, $merge: ID!) { mergeEntities(keepId: $keep, mergeId: $merge) { id aliases degree } }`,
        { keep, merge },
        { token: TOKEN },
      ),
    ).mergeEntities;
    expect(res.id).toBe(keep);
    expect(res.aliases).toContain(m!.name);
    expect(res.degree).toBe(k!.degree + m!.degree);
    const viaOld = ok(await h.gql(`{ entity(id: "${merge}") { id ... on Enterprise { suppliers { id } } } }`)).entity;
    expect(viaOld.id).toBe(keep);
    expect(viaOld.suppliers.length).toBeGreaterThan(0);
    const { curations } = ok(await h.gql(`{ curations { kind entityId value } }`));
    expect(curations).toContainEqual({ kind: 'MERGE', entityId: keep, value: merge });
  });

  it('refuses to merge entities of different types or an entity into itself', async () => {
    const cross = await h.gql(`mutation { mergeEntities(keepId: "district:渝中区", mergeId: "platform:忽米网") { id } }`, {}, { token: TOKEN });
    expect(codes(cross)).toEqual(['BAD_USER_INPUT']);
    const self = await h.gql(`mutation { mergeEntities(keepId: "district:渝中区", mergeId: "district:渝中区") { id } }`, {}, { token: TOKEN });
    expect(codes(self)).toEqual(['BAD_USER_INPUT']);
    const unknown = await h.gql(`mutation { mergeEntities(keepId: "district:渝中区", mergeId: "district:没有") { id } }`, {}, { token: TOKEN });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
  });
});

describe('deleteArticle', () => {
  it('removes an article with what only it stated, and answers false the second time', async () => {
    const ingested = ok(await h.gql(INGEST, { input: { ...NEW_ARTICLE, text: `${NEW_ARTICLE.text}（本报记者）` } }, { token: TOKEN }))
      .ingestArticle;
    expect(ingested.created).toBe(true);
    const id = ingested.article.id;
    const before = await h.store.stats();
    expect(ok(await h.gql(`mutation($id: ID!) { deleteArticle(id: $id) }`, { id }, { token: TOKEN })).deleteArticle).toBe(true);
    expect(ok(await h.gql(`query($id: ID!) { article(id: $id) { id } }`, { id })).article).toBeNull();
    expect((await h.store.stats()).articles).toBe(before.articles - 1);
    expect(ok(await h.gql(`mutation($id: ID!) { deleteArticle(id: $id) }`, { id }, { token: TOKEN })).deleteArticle).toBe(false);
    // 臻宝科技 came from the bundled articles: deleting a later article leaves it.
    expect(ok(await h.gql(`{ entity(id: "${ZHENBAO}") { id } }`)).entity).toEqual({ id: ZHENBAO });
  });
});
