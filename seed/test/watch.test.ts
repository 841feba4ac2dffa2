import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteGraphStore } from '@chain-atlas/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchArticles, type ArticleWatcher } from '../src/watch';

const tmp = mkdtempSync(join(tmpdir(), 'seed-watch-'));
const dir = join(tmp, 'inbox');
const lines: string[] = [];
let store: SqliteGraphStore;
let watcher: ArticleWatcher;

const ARTICLE_A = '重庆日报讯 3月5日，臻宝科技投资5亿元的半导体材料项目落户沙坪坝区。';
const ARTICLE_B_1 = '重庆日报讯 重庆星河动力科技有限公司投资12亿元的新能源电驱系统项目落户江北区。';
const ARTICLE_B_2 = '该项目建成后将带动江北区智能网联汽车产业集群发展。';

/** Waits until the log has `n` lines (the watcher writes one per file handled). */
async function linesReach(n: number, timeoutMs = 15_000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  while (lines.length < n) {
    if (Date.now() > until) throw new Error(`the log has ${lines.length} lines, not ${n}: ${JSON.stringify(lines)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return lines;
}

beforeAll(async () => {
  mkdirSync(dir);
  writeFileSync(join(dir, 'already.txt'), ARTICLE_A);
  store = SqliteGraphStore.open(join(tmp, 'graph.sqlite'));
  watcher = watchArticles(store, dir, { settleMs: 300, log: (l) => lines.push(l) });
  await watcher.ready;
});
afterAll(async () => {
  await watcher?.close();
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('seed watch', () => {
  it('loads the files already there, one log line each', async () => {
    const [line] = await linesReach(1);
    expect(line).toMatch(/ loaded already\.txt: \+\d+ entities, \+\d+ relations, \+\d+ evidence$/u);
    expect((await store.stats()).articles).toBe(1);
  });

  it('reads a file still being written once, whole, after it settles', async () => {
    const path = join(dir, 'new.txt');
    writeFileSync(path, ARTICLE_B_1);
    await new Promise((r) => setTimeout(r, 120)); // less than the settle time: still "being written"
    appendFileSync(path, ARTICLE_B_2);
    const all = await linesReach(2);
    expect(all[1]).toMatch(/ loaded new\.txt: /u);
    const articles = (await store.listArticles()).items;
    expect(articles).toHaveLength(2);
    const loaded = await store.getArticles(articles.map((a) => a.id));
    expect(loaded.map((a) => a.text)).toContain(ARTICLE_B_1 + ARTICLE_B_2);
    expect(await store.search('星河动力')).not.toEqual([]);
  });

  it('loads a changed file as its new text, reports a copy as unchanged, logs a bad file and goes on', async () => {
    appendFileSync(join(dir, 'already.txt'), '该项目建成后将进一步完善全市半导体产业链。');
    await linesReach(3);
    writeFileSync(join(dir, 'copy.txt'), readFileSync(join(dir, 'new.txt')));
    await linesReach(4);
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    writeFileSync(join(dir, 'notes.md'), '# not an article');
    await linesReach(5);
    await watcher.idle();
    expect(lines[2]).toMatch(/ loaded already\.txt: /u);
    expect(lines[3]).toMatch(/ unchanged copy\.txt: the same text is already loaded$/u);
    expect(lines[4]).toMatch(/ failed broken\.txt: BINARY: /u);
    expect((await store.stats()).articles).toBe(3);
    // Still watching after the failure.
    writeFileSync(join(dir, 'last.txt'), '重庆日报讯 忽米网与赛力斯签署战略合作协议。');
    expect((await linesReach(6))[5]).toMatch(/ loaded last\.txt: /u);
    expect(lines).toHaveLength(6);
  });
});
