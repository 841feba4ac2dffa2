import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, ok, startHarness, type Harness, type Json } from './harness';

// Issue 12: an ingest corrected in the preview, a merge previewed and undone, a saved view
// deleted — each in the audit log under the named token that did it.
const WANG = 'wang-token-0123456789';
const LI = 'li-token-0123456789';
const CHANGAN = 'enterprise:重庆长安汽车股份有限公司';
const XIAOKANG = 'enterprise:重庆小康动力有限公司';
const TEXT = '重庆日报讯 3月5日，臻宝科技投资5亿元的半导体材料项目落户沙坪坝区。华峰新材料与臻宝科技签署战略合作协议。';

const PREVIEW = `query($input: ArticleInput!) { previewArticle(input: $input) {
  ok articleId entities { key type name id isNew } relations { key id type from to confidence existing } } }`;
const INGEST = `mutation($input: ArticleInput!) { ingestArticle(input: $input) { ok created errors { code message } relationsAdded { id } } }`;
const MERGE_PREVIEW = `query($keep: ID!, $merge: ID!) { mergePreview(keepId: $keep, mergeId: $merge) {
  keep { id } merge { id name } aliasesAdded evidenceMoved articlesMoved
  relations { relation { id type } becomes outcome } conflicts { code relationId message } } }`;
const MERGE = `mutation($keep: ID!, $merge: ID!) { mergeEntities(keepId: $keep, mergeId: $merge) { id aliases } }`;
const UNMERGE = `mutation($keep: ID!, $merge: ID!) { unmergeEntities(keepId: $keep, mergeId: $merge) { id name aliases } }`;
const AUDIT = `query($actor: String, $kind: AuditKind) { auditLog(actor: $actor, kind: $kind, first: 100) { id kind actor target before after } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ workers: { threads: 1 }, tokens: [{ actor: 'wang', token: WANG }, { actor: 'li', token: LI }] });
});
afterAll(async () => {
  await h?.close();
});

const entity = async (id: string) => ok(await h.gql(`query($id: ID!) { entity(id: $id) { id name aliases degree relations { edges { node { id } } } } }`, { id })).entity;

describe('an ingest corrected in the preview', () => {
  it('leaves out an unticked fact, retypes and attaches entities, and loads the rest once', async () => {
    const p = ok(await h.gql(PREVIEW, { input: { text: TEXT } })).previewArticle;
    expect(p.ok).toBe(true);
    expect(p.relations.length).toBeGreaterThanOrEqual(3);
    for (const r of p.relations) expect(typeof r.confidence === 'number' || r.confidence === null).toBe(true);
    const drop = p.relations.find((r: Json) => r.type === 'COOPERATES_WITH');
    const kept = p.relations.filter((r: Json) => r.key !== drop.key);
    // 华峰新材料 attached to the graph's entity by hand (it would land there by alias anyway: the
    // attach must agree with the resolver), 臻宝科技 untouched.
    const huafeng = p.entities.find((e: Json) => e.name.includes('华峰'));
    const edits = { dropRelations: [drop.key], attach: [{ key: huafeng.key, entityId: 'enterprise:重庆华峰新材料有限公司' }] };
    const edited = ok(await h.gql(PREVIEW, { input: { text: TEXT, edits } })).previewArticle;
    expect(edited.relations.map((r: Json) => r.key)).toEqual(kept.map((r: Json) => r.key));
    expect(edited.entities.find((e: Json) => e.key === huafeng.key)).toMatchObject({ id: 'enterprise:重庆华峰新材料有限公司', isNew: false });

    const first = ok(await h.gql(INGEST, { input: { text: TEXT, title: '臻宝', edits } }, { token: WANG })).ingestArticle;
    expect(first).toMatchObject({ ok: true, created: true, errors: [] });
    const rels = ok(await h.gql(`query($ids: [ID!]!) { relations(ids: $ids) { id } }`, { ids: p.relations.map((r: Json) => r.id) })).relations.map((r: Json) => r.id);
    expect(rels).not.toContain(drop.id);
    for (const r of kept) expect(rels).toContain(r.id);
    const again = ok(await h.gql(INGEST, { input: { text: TEXT, title: '臻宝', edits } }, { token: WANG })).ingestArticle;
    expect(again).toMatchObject({ ok: true, created: false, relationsAdded: [] });

    // A retype the extraction's facts cannot carry leaves those facts out.
    const zhenbao = p.entities.find((e: Json) => e.name.includes('臻宝'));
    const retyped = ok(await h.gql(PREVIEW, { input: { text: TEXT, edits: { retype: [{ key: zhenbao.key, type: 'DISTRICT' }] } } })).previewArticle;
    expect(retyped.entities.find((e: Json) => e.key === zhenbao.key).type).toBe('DISTRICT');
    expect(retyped.relations.some((r: Json) => r.from === zhenbao.key || r.to === zhenbao.key)).toBe(false);

    expect(codes(await h.gql(PREVIEW, { input: { text: TEXT, edits: { retype: [{ key: 'nope', type: 'DISTRICT' }] } } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(PREVIEW, { input: { text: TEXT, edits: { attach: [{ key: huafeng.key, entityId: 'enterprise:不存在' }] } } }))).toEqual(['NOT_FOUND']);
    const [ingest] = ok(await h.gql(AUDIT, { kind: 'INGEST' })).auditLog;
    expect(ingest).toMatchObject({ kind: 'INGEST', actor: 'wang' });
  });
});

describe('a merge previewed, made and undone', () => {
  it('previews what moves, merges as previewed, and undoes back to the graph before', async () => {
    const before = { keep: await entity(CHANGAN), merge: await entity(XIAOKANG), stats: ok(await h.gql('{ stats { entities relations evidence } }')).stats };
    const preview = ok(await h.gql(MERGE_PREVIEW, { keep: CHANGAN, merge: XIAOKANG })).mergePreview;
    expect(preview).toMatchObject({ keep: { id: CHANGAN }, merge: { id: XIAOKANG, name: '重庆小康动力有限公司' } });
    expect(preview.aliasesAdded).toContain('重庆小康动力有限公司');
    expect(preview.relations.map((m: Json) => m.relation.id).sort()).toEqual(before.merge.relations.edges.map((e: Json) => e.node.id).sort());
    for (const m of preview.relations) expect(['MOVED', 'JOINED', 'DROPPED']).toContain(m.outcome);
    expect(codes(await h.gql(MERGE_PREVIEW, { keep: CHANGAN, merge: 'district:两江新区' }))).toEqual(['BAD_USER_INPUT']);

    const merged = ok(await h.gql(MERGE, { keep: CHANGAN, merge: XIAOKANG }, { token: WANG })).mergeEntities;
    expect(merged.aliases).toEqual(expect.arrayContaining(preview.aliasesAdded));
    expect(codes(await h.gql(UNMERGE, { keep: CHANGAN, merge: XIAOKANG }))).toEqual(['UNAUTHENTICATED']);
    const back = ok(await h.gql(UNMERGE, { keep: CHANGAN, merge: XIAOKANG }, { token: LI })).unmergeEntities;
    expect(back).toMatchObject({ id: XIAOKANG, name: '重庆小康动力有限公司' });
    expect(await entity(CHANGAN)).toEqual(before.keep);
    expect(await entity(XIAOKANG)).toEqual(before.merge);
    expect(ok(await h.gql('{ stats { entities relations evidence } }')).stats).toEqual(before.stats);
    expect(codes(await h.gql(UNMERGE, { keep: CHANGAN, merge: XIAOKANG }, { token: LI }))).toEqual(['CONFLICT']);

    const log = ok(await h.gql(AUDIT, {})).auditLog;
    expect(log.slice(0, 2).map((e: Json) => [e.kind, e.actor, e.target])).toEqual([
      ['UNMERGE', 'li', XIAOKANG],
      ['MERGE', 'wang', CHANGAN],
    ]);
    expect(JSON.parse(log[0].after)).toMatchObject({ restored: { id: XIAOKANG } });
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});

describe('a saved view deleted', () => {
  it('is in the audit log with the actor who deleted it', async () => {
    const saved = ok(await h.gql(`mutation { saveView(input: { name: "长安", state: "{}" }) { view { id } deleteKey } }`)).saveView;
    expect(ok(await h.gql(`mutation($id: ID!) { deleteView(id: $id) }`, { id: saved.view.id }, { token: LI })).deleteView).toBe(true);
    const [entry] = ok(await h.gql(AUDIT, { kind: 'DELETE_VIEW' })).auditLog;
    expect(entry).toMatchObject({ kind: 'DELETE_VIEW', actor: 'li', target: saved.view.id, after: null });
    expect(JSON.parse(entry.before)).toMatchObject({ name: '长安' });
    expect(ok(await h.gql(AUDIT, { actor: 'li', kind: 'DELETE_VIEW' })).auditLog).toHaveLength(1);
    // By time: a day's entries, none before the log began, a bad date refused.
    const WHEN = `query($since: String, $until: String) { auditLog(since: $since, until: $until, first: 100) { id at } }`;
    const today = new Date().toISOString().slice(0, 10);
    const all = ok(await h.gql(AUDIT, {})).auditLog;
    expect(ok(await h.gql(WHEN, { since: today })).auditLog.map((e: Json) => e.id)).toEqual(all.map((e: Json) => e.id));
    expect(ok(await h.gql(WHEN, { until: '2000-01-01' })).auditLog).toEqual([]);
    expect(ok(await h.gql(WHEN, { since: '2999-01-01' })).auditLog).toEqual([]);
    const mid = all[Math.floor(all.length / 2)].at;
    expect(ok(await h.gql(WHEN, { until: mid })).auditLog.filter((e: Json) => e.at >= mid)).toEqual([]);
    expect(codes(await h.gql(WHEN, { since: 'yesterday' }))).toEqual(['BAD_USER_INPUT']);
  });
});
