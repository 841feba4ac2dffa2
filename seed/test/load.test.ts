import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteGraphStore } from '@chain-atlas/graph';
import { readArticleFiles } from '../src/files';
import { loadArticles } from '../src/load';

const DIR = join(import.meta.dirname, '..', '..', 'data', 'articles');
const tmp = mkdtempSync(join(tmpdir(), 'seed-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loading into SQLite', () => {
  it('loads the five articles, and a second load changes nothing', async () => {
    const store = SqliteGraphStore.open(join(tmp, 'graph.sqlite'));
    try {
      const { files } = await readArticleFiles([DIR]);
      const first = await loadArticles(store, files);
      expect(first.failed).toEqual([]);
      expect(first.loaded).toHaveLength(5);
      expect(first.entitiesAdded).toBeGreaterThan(50);
      const before = await store.stats();
      const second = await loadArticles(store, files);
      expect(second.loaded).toEqual([]);
      expect(second.unchanged).toHaveLength(5);
      expect(second.entitiesAdded).toBe(0);
      expect(second.relationsAdded).toBe(0);
      expect(await store.stats()).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('reports a bad article and loads the rest', async () => {
    const store = SqliteGraphStore.open(join(tmp, 'bad.sqlite'));
    try {
      const { files } = await readArticleFiles([join(DIR, '000_1dec3f20949d3dbf.txt')]);
      const bad = { ...files[0], file: 'empty.txt', bytes: new Uint8Array(), meta: { file: 'empty.txt' } };
      const report = await loadArticles(store, [bad, ...files]);
      expect(report.failed).toEqual([expect.objectContaining({ file: 'empty.txt', code: 'EMPTY' })]);
      expect(report.loaded).toEqual(['000_1dec3f20949d3dbf.txt']);
    } finally {
      await store.close();
    }
  });
});
