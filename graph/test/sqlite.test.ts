import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteGraphStore } from '../src/sqlite/store';
import { runGraphStoreContract, ARTICLE_1, ARTICLE_2, ARTICLE_3 } from '../src/contract';
import { entityId } from '../src/ids';

const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runGraphStoreContract('SQLite', async () => SqliteGraphStore.open(join(dir, `graph-${n++}.sqlite`)));

describe('SqliteGraphStore', () => {
  it('rolls back an article whose write fails in the middle', async () => {
    const store = SqliteGraphStore.open(join(dir, `fault-${n++}.sqlite`));
    await store.upsertArticle(ARTICLE_1);
    // A fault the extraction cannot foresee: the third evidence row written fails.
    store.db.exec(`CREATE TEMP TRIGGER fail_third_evidence BEFORE INSERT ON evidence
      WHEN (SELECT count(*) FROM evidence) >= 8 BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const before = await store.stats();
    await expect(store.upsertArticle(ARTICLE_2)).rejects.toThrow(/disk trouble/);
    expect(await store.stats()).toEqual(before);
    expect((await store.listArticles()).total).toBe(1);
    store.db.exec('DROP TRIGGER fail_third_evidence');
    expect((await store.upsertArticle(ARTICLE_2)).created).toBe(true);
    await store.close();
  });

  it('walks what was written after its in-memory index was built: by itself, by another process, not what rolled back', async () => {
    const path = join(dir, `index-${n++}.sqlite`);
    const a = SqliteGraphStore.open(path);
    await a.upsertArticle(ARTICLE_1);
    const xinghe = entityId('Enterprise', '重庆星河动力科技有限公司');
    const lanjing = entityId('Enterprise', '蓝鲸电池有限公司');
    const qingmu = entityId('Enterprise', '青木材料股份有限公司');
    expect((await a.neighbourhood([xinghe])).nodes.map((e) => e.id)).not.toContain(lanjing);
    // Another connection (as a loader in another process would) commits ARTICLE_2.
    const b = SqliteGraphStore.open(path);
    await b.upsertArticle(ARTICLE_2);
    await b.close();
    expect((await a.neighbourhood([xinghe])).nodes.map((e) => e.id)).toContain(lanjing);
    // This store's own write, and a batch article that failed and must leave no trace.
    const broken = { ...ARTICLE_3, relations: [...ARTICLE_3.relations, { ...ARTICLE_3.relations[0], from: 'nobody' }] };
    const outcomes = await a.upsertArticles([broken]);
    expect(outcomes[0].ok).toBe(false);
    expect((await a.neighbourhood([lanjing])).nodes.map((e) => e.id)).not.toContain(qingmu);
    await a.upsertArticle(ARTICLE_3);
    expect((await a.neighbourhood([lanjing])).nodes.map((e) => e.id)).toContain(qingmu);
    expect((await a.paths(qingmu, xinghe, { limit: 1 }))[0].nodes.map((e) => e.id)).toEqual([qingmu, lanjing, xinghe]);
    // A delete is seen at once.
    const third = (await a.listArticles()).items.find((x) => x.title === '璧山区新材料企业')!;
    await a.deleteArticle(third.id);
    expect(await a.paths(qingmu, xinghe)).toEqual([]);
    await a.close();
  });

  it('keeps the graph across reopening the file', async () => {
    const path = join(dir, `reopen-${n++}.sqlite`);
    const a = SqliteGraphStore.open(path);
    await a.upsertArticle(ARTICLE_1);
    const stats = await a.stats();
    await a.close();
    const b = SqliteGraphStore.open(path);
    expect(await b.stats()).toEqual(stats);
    expect((await b.upsertArticle(ARTICLE_1)).created).toBe(false);
    await b.close();
  });

  it('refuses a file from a newer ChainAtlas', async () => {
    const path = join(dir, `future-${n++}.sqlite`);
    const a = SqliteGraphStore.open(path);
    a.db.pragma('user_version = 999');
    await a.close();
    expect(() => SqliteGraphStore.open(path)).toThrow(/newer/);
  });

  it('brings a file of schema 7 forward: evidence loaded before has unknown rule and confidence, and is in the review queue', async () => {
    const path = join(dir, `v7-${n++}.sqlite`);
    const old = SqliteGraphStore.open(path);
    await old.upsertArticle({ ...ARTICLE_1, relations: ARTICLE_1.relations.map((r) => ({ ...r, rule: 'invests', confidence: 0.9 })) });
    // Back to what migration 7 left: no rule or confidence columns, no acceptances.
    old.db.exec(`ALTER TABLE evidence DROP COLUMN rule; ALTER TABLE evidence DROP COLUMN confidence;
      ALTER TABLE held_evidence DROP COLUMN rule; ALTER TABLE held_evidence DROP COLUMN confidence; DROP TABLE acceptances`);
    old.db.pragma('user_version = 7');
    await old.close();

    const store = SqliteGraphStore.open(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(8);
    const relations = (await store.getEntity(entityId('Enterprise', '重庆星河动力科技有限公司')))!.relations;
    for (const r of relations) {
      expect(r.evidence.every((e) => e.rule === null && e.confidence === null)).toBe(true);
      expect(r).toMatchObject({ confidence: null, support: { evidence: 1, articles: 1 }, accepted: null });
    }
    expect((await store.reviewQueue()).total).toBe(6);
    await store.close();
  });

  it('answers every call after close with a clear error', async () => {
    const store = SqliteGraphStore.open(join(dir, `closed-${n++}.sqlite`));
    await store.close();
    await expect(store.stats()).rejects.toThrow(/closed/);
  });
});
