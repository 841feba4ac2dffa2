import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, codes, ok, startHarness, type Harness } from './harness';

// A wrong fact of the bundled articles (issue 12): 两江水土云计算中心 placed in 两江新区 from a
// sentence that never says where it is. Served from worker threads, as `pnpm start` runs it.
const PLATFORM = 'platform:两江水土云计算中心';
const REJECT = `mutation($id: ID!, $reason: String!, $evidence: EvidenceKeyInput) {
  rejectRelation(relationId: $id, reason: $reason, evidence: $evidence) {
    id relationId type fromId toId from { name } to { name } reason at actor evidence { articleId text start end article { id } } } }`;
const RESTORE = `mutation($id: ID!, $evidence: EvidenceKeyInput) { restoreRelation(relationId: $id, evidence: $evidence) { id type evidence { text } } }`;

let h: Harness;
let relationId: string;
beforeAll(async () => {
  h = await startHarness({ workers: { threads: 1 } });
  const e = (await h.store.getEntity(PLATFORM))!;
  relationId = e.relations.find((r) => r.type === 'LOCATED_IN')!.id;
});
afterAll(async () => {
  await h?.close();
});

const view = async () =>
  ok(
    await h.gql(`{ stats { relations evidence }
      entity(id: "${PLATFORM}") { degree relations { totalCount edges { node { id } } } }
      neighbourhood(ids: ["${PLATFORM}"], depth: 1) { edges { id } }
      rejections { id reason } }`),
  );

describe('rejecting a fact over the API', () => {
  it('needs the token and a reason, and names what it cannot find; the server stays up', async () => {
    expect(codes(await h.gql(REJECT, { id: relationId, reason: '没有说位置' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await h.gql(REJECT, { id: relationId, reason: '   ' }, { token: TOKEN }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(REJECT, { id: relationId, reason: 'x', evidence: { articleId: 'abc', start: 1.5, end: 2 } }, { token: TOKEN }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(REJECT, { id: 'rel:nothing', reason: 'x' }, { token: TOKEN }))).toEqual(['NOT_FOUND']);
    expect(codes(await h.gql(RESTORE, { id: relationId }, { token: TOKEN }))).toEqual(['NOT_FOUND']);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect((await view()).rejections).toEqual([]);
  });

  it('takes the fact out of the entity, its neighbourhood and the counts, lists it, and restores it', async () => {
    const before = await view();
    expect(before.entity.relations.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(relationId);

    const rejection = ok(await h.gql(REJECT, { id: relationId, reason: '句子没有说它在两江新区' }, { token: TOKEN })).rejectRelation;
    expect(rejection).toMatchObject({ id: relationId, relationId, type: 'LOCATED_IN', fromId: PLATFORM, from: { name: '两江水土云计算中心' }, reason: '句子没有说它在两江新区', evidence: null });

    const after = await view();
    expect(after.stats.relations).toBe(before.stats.relations - 1);
    expect(after.entity.degree).toBe(before.entity.degree - 1);
    expect(after.entity.relations.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(relationId);
    expect(after.neighbourhood.edges.map((r: { id: string }) => r.id)).not.toContain(relationId);
    expect(after.rejections).toEqual([{ id: relationId, reason: '句子没有说它在两江新区' }]);

    const restored = ok(await h.gql(RESTORE, { id: relationId }, { token: TOKEN })).restoreRelation;
    expect(restored).toMatchObject({ id: relationId, type: 'LOCATED_IN' });
    expect(restored.evidence[0].text).toContain('两江水土云计算中心');
    expect(await view()).toEqual(before);
  });

  it('rejects one sentence of a relation by its article and offsets', async () => {
    const [rel] = await h.store.getRelations([relationId]);
    const ev = rel.evidence[0];
    const piece = { articleId: ev.articleId, start: ev.start, end: ev.end };
    const rejection = ok(await h.gql(REJECT, { id: relationId, reason: '不是这个意思', evidence: piece }, { token: TOKEN })).rejectRelation;
    expect(rejection.evidence).toMatchObject({ ...piece, text: ev.text, article: { id: ev.articleId } });
    expect(rejection.id).toBe(`${relationId}#${ev.articleId}:${ev.start}-${ev.end}`);
    // Its only sentence: the relation went with it.
    expect(ok(await h.gql(`{ relations(ids: ["${relationId}"]) { id } }`)).relations).toEqual([]);
    expect(ok(await h.gql(RESTORE, { id: relationId, evidence: piece }, { token: TOKEN })).restoreRelation.id).toBe(relationId);
  });
});

describe('the audit log over the API, with named tokens', () => {
  let named: Harness;
  beforeAll(async () => {
    named = await startHarness({ tokens: [{ actor: 'wang', token: 'wang-token' }, { actor: 'li', token: 'li-token' }] });
  });
  afterAll(async () => {
    await named?.close();
  });

  it('records who rejected, restored, aliased and deleted, with before and after, and filters by actor and kind', async () => {
    const rel = (await named.store.getEntity(PLATFORM))!.relations[0];
    ok(await named.gql(REJECT, { id: rel.id, reason: '错误' }, { token: 'wang-token' }));
    ok(await named.gql(RESTORE, { id: rel.id }, { token: 'li-token' }));
    ok(await named.gql(`mutation { addAlias(entityId: "${PLATFORM}", alias: "水土云计算中心") { id } }`, {}, { token: 'li-token' }));
    const article = (await named.store.listArticles()).items[0];
    ok(await named.gql(`mutation { deleteArticle(id: "${article.id}") }`, {}, { token: TOKEN }));

    const AUDIT = `query($actor: String, $kind: AuditKind, $first: Int, $after: ID) {
      auditLog(actor: $actor, kind: $kind, first: $first, after: $after) { id kind at actor target before after } }`;
    const log = ok(await named.gql(AUDIT)).auditLog;
    expect(log.map((e: { kind: string; actor: string | null }) => [e.kind, e.actor])).toEqual([
      ['DELETE_ARTICLE', null],
      ['ALIAS', 'li'],
      ['RESTORE', 'li'],
      ['REJECT', 'wang'],
    ]);
    expect(JSON.parse(log[1].after)).toMatchObject({ added: '水土云计算中心' });
    expect(JSON.parse(log[3].before)).toMatchObject({ relation: { id: rel.id } });
    expect(JSON.parse(log[0].before)).toMatchObject({ id: article.id });
    expect(log[0].after).toBeNull();
    expect(ok(await named.gql(AUDIT, { actor: 'li' })).auditLog.map((e: { kind: string }) => e.kind)).toEqual(['ALIAS', 'RESTORE']);
    expect(ok(await named.gql(AUDIT, { kind: 'REJECT' })).auditLog.map((e: { actor: string }) => e.actor)).toEqual(['wang']);
    expect(ok(await named.gql(AUDIT, { first: 2, after: log[1].id })).auditLog).toEqual(log.slice(2));
    expect(codes(await named.gql(AUDIT, { kind: 'NOPE' }))).toEqual(['BAD_USER_INPUT']);
  });
});
