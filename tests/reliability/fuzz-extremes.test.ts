import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteGraphStore, checkGraph } from '@chain-atlas/graph';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB, ingest, loneSurrogates, preview, rss, utf8 } from './fuzz-cases';

// The extremes of bad input, each of which once broke something: a string with lone
// surrogates (stored altered, offsets off), a 10 MB page (quadratic mention overlap check),
// a 100,000-character line without a full stop (quadratic relating within one sentence).

let dir: string;
let store: SqliteGraphStore;
const loaded = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chain-atlas-fuzz-bugs-'));
  store = SqliteGraphStore.open(join(dir, 'graph.sqlite'));
  await ingest(store, { category: 'warm-up', input: '臻宝科技投资5亿元的半导体材料项目落户沙坪坝区。', expect: 'loaded' }, 0, loaded);
});
afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('extreme articles', () => {
  it('a string with lone surrogates loads with its text intact (or is refused with a code)', async () => {
    const problems: string[] = [];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(loneSurrogates, async (s) => {
        n++;
        try {
          await ingest(store, { category: 'lone-surrogate/string', input: s, expect: 'any' }, n, loaded);
        } catch (err) {
          problems.push(`${preview(s)}: ${(err as Error).message}`);
        }
      }),
      { seed: 20_250_917, numRuns: 100 },
    );
    expect(problems.length, problems.slice(0, 5).join('\n')).toBe(0);
    expect((await checkGraph(store)).problems).toEqual([]);
  });

  it('loads a 10 MB page within 10 s and bounded memory', async () => {
    const para = '重庆日报讯 臻宝科技投资5亿元的半导体材料项目落户沙坪坝区，平湖金龙为长安汽车提供精密铜管配套。今年以来，全市产业链加快补链强链。\n';
    const bytes = utf8(para.repeat(Math.ceil((10 * MiB) / utf8(para).length)));
    const before = rss();
    const outcome = await ingest(store, { category: '10MB', input: bytes, expect: 'loaded' }, 1, loaded);
    const after = rss();
    console.log(`10 MB page: ${outcome.kind} in ${outcome.ms.toFixed(0)} ms; RSS ${(before / MiB).toFixed(0)} → ${(after / MiB).toFixed(0)} MiB`);
    expect(outcome.kind).toBe('loaded');
    expect(after - before).toBeLessThan(1024 * MiB);
    expect(outcome.ms).toBeLessThan(10_000);
  }, 120_000);

  it('loads a 100,000-character line with no punctuation within 3 s', async () => {
    const words = ['重庆', '臻宝科技', '投资', '项目', '落户', '沙坪坝区', '有限公司', '产业', '集群', '平台', '合作', '长安汽车', '配套'];
    let line = '';
    for (let i = 0; line.length < 100_000; i++) line += words[(i * 7 + (i >> 3)) % words.length];
    line = line.slice(0, 100_000);
    const outcome = await ingest(store, { category: '100k-line', input: line, expect: 'loaded' }, 2, loaded);
    console.log(`100k-character line: ${outcome.kind} in ${outcome.ms.toFixed(0)} ms`);
    expect(outcome.kind).toBe('loaded');
    expect(outcome.ms).toBeLessThan(3000);
  }, 60_000);

  it('leaves a whole graph', async () => {
    expect((await checkGraph(store)).problems).toEqual([]);
  }, 60_000);
});
