import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteGraphStore } from '../src/sqlite/store';
import { syntheticGraph } from '../src/synthetic';
import { checkGraph } from '../src/check';
import { articleId, entityId, relationId } from '../src/ids';
import { ARTICLE_1, ARTICLE_2, article } from '../src/contract';

const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const loader = fileURLToPath(new URL('./fixtures/load-synthetic.ts', import.meta.url));

function runLoader(db: string, relations: number, seed: number, batch: number, killAfterBatches?: number) {
  return new Promise<{ code: number | null; signal: string | null; batches: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', loader, db, String(relations), String(seed), String(batch)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let batches = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      batches += (chunk.match(/^batch /gmu) ?? []).length;
      if (killAfterBatches !== undefined && batches >= killAfterBatches) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, batches }));
  });
}

/** What each synthetic article must leave behind when it is present: its distinct statements. */
function expectedEvidence(relations: number, seed: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of syntheticGraph({ relations, seed }).extractions()) {
    const key = new Map(x.entities.map((e) => [e.key, entityId(e.type, e.name)]));
    const distinct = new Set(
      x.relations
        .filter((r) => key.get(r.from) !== key.get(r.to))
        .map((r) => `${relationId(r.type, key.get(r.from)!, key.get(r.to)!)}|${r.evidence.start}|${r.evidence.end}`),
    );
    out.set(articleId(x.article.text), distinct.size);
  }
  return out;
}

describe('faults while loading into SQLite', () => {
  it('leaves every article whole or absent when the loader is killed, and a second run completes the set', async () => {
    const db = join(dir, 'killed.sqlite');
    const killed = await runLoader(db, 20_000, 3, 50, 3);
    expect(killed.signal).toBe('SIGKILL');

    const store = SqliteGraphStore.open(db);
    const { problems } = await checkGraph(store);
    expect(problems).toEqual([]);
    const expected = expectedEvidence(20_000, 3);
    const present = store.db.prepare('SELECT a.id, (SELECT count(*) FROM evidence v WHERE v.article_id = a.id) AS n FROM articles a').all() as { id: string; n: number }[];
    expect(present.length).toBeGreaterThanOrEqual(150);
    expect(present.length).toBeLessThan(expected.size);
    for (const a of present) expect(a.n).toBe(expected.get(a.id));
    await store.close();

    const again = await runLoader(db, 20_000, 3, 50);
    expect(again.code).toBe(0);
    const clean = join(dir, 'clean.sqlite');
    expect((await runLoader(clean, 20_000, 3, 50)).code).toBe(0);
    const [a, b] = [SqliteGraphStore.open(db), SqliteGraphStore.open(clean)];
    expect(await a.stats()).toEqual(await b.stats());
    expect((await checkGraph(a)).problems).toEqual([]);
    await a.close();
    await b.close();
  }, 120_000);

  it('lets two loaders share one file: one waits for the other, nothing is lost or corrupted', async () => {
    const db = join(dir, 'shared.sqlite');
    const [one, two] = await Promise.all([runLoader(db, 5_000, 11, 20), runLoader(db, 5_000, 12, 20)]);
    expect([one.code, two.code]).toEqual([0, 0]);
    const store = SqliteGraphStore.open(db);
    expect((await store.stats()).articles).toBe(1000);
    expect((await checkGraph(store)).problems).toEqual([]);
    await store.close();
  }, 120_000);

  it('rolls back an article when the disk is full, and loads it once there is room', async () => {
    const store = SqliteGraphStore.open(join(dir, 'full.sqlite'));
    await store.upsertArticle(ARTICLE_1);
    const before = await store.stats();
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    // No room for more pages: SQLite answers SQLITE_FULL, as on a full disk.
    store.db.pragma(`max_page_count = ${pages}`);
    const long = '山城日报讯 ' + '南岸区的海豚科技有限公司为星河动力提供芯片。'.repeat(2000);
    const big = article(
      { title: '大文章', date: '2025-08-01', text: long },
      [
        { key: 'd', type: 'District', name: '南岸区' },
        { key: 'e', type: 'Enterprise', name: '海豚科技有限公司' },
      ],
      [{ type: 'LOCATED_IN', from: 'e', to: 'd', evidence: '南岸区的海豚科技有限公司' }],
    );
    await expect(store.upsertArticle(big)).rejects.toThrow(/full/);
    expect(await store.stats()).toEqual(before);
    store.db.pragma('max_page_count = 1073741823');
    expect((await store.upsertArticle(big)).created).toBe(true);
    expect((await store.upsertArticle(ARTICLE_2)).created).toBe(true);
    expect((await checkGraph(store)).problems).toEqual([]);
    await store.close();
  });

  it('refuses writes on a store opened read-only and keeps the graph as it was', async () => {
    const path = join(dir, 'ro.sqlite');
    const writer = SqliteGraphStore.open(path);
    await writer.upsertArticle(ARTICLE_1);
    const before = await writer.stats();
    await writer.close();
    const reader = SqliteGraphStore.open(path, { readonly: true });
    await expect(reader.upsertArticle(ARTICLE_2)).rejects.toThrow(/readonly/i);
    expect(await reader.stats()).toEqual(before);
    await reader.close();
  });
});
