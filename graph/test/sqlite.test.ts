import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteGraphStore } from '../src/sqlite/store';
import { runGraphStoreContract, ARTICLE_1, ARTICLE_2 } from '../src/contract';

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

  it('answers every call after close with a clear error', async () => {
    const store = SqliteGraphStore.open(join(dir, `closed-${n++}.sqlite`));
    await store.close();
    await expect(store.stats()).rejects.toThrow(/closed/);
  });
});
