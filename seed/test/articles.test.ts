import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract';
import { readArticleFiles } from '../src/files';

const DIR = join(import.meta.dirname, '..', '..', 'data', 'articles');

describe('the five bundled articles', () => {
  it('extract with every relation evidence sliced exactly from the original text', async () => {
    const { files, failures } = await readArticleFiles([DIR]);
    expect(failures).toEqual([]);
    expect(files).toHaveLength(5);
    for (const f of files) {
      const original = readFileSync(f.path, 'utf8');
      const r = extractArticle(f.bytes, f.meta);
      expect(r.text).toBe(original);
      expect(r.spec.article).toBe(f.file);
      expect(r.spec.relations.length).toBeGreaterThan(0);
      for (const rel of r.spec.relations) {
        expect(original.slice(rel.evidence.start, rel.evidence.end)).toBe(rel.evidence.text);
        expect(r.spec.entities.some((e) => e.id === rel.from)).toBe(true);
      }
      const graph = r.toArticleExtraction();
      expect(graph.article.text).toBe(original);
      expect(graph.entities.every((e) => ['District', 'Cluster', 'Enterprise', 'Platform', 'Project'].includes(e.type))).toBe(true);
      expect(f.meta.title).toBeTruthy();
    }
  });

  it('is pure: the same input gives the same output', async () => {
    const { files } = await readArticleFiles([DIR]);
    const a = extractArticle(files[0].bytes, files[0].meta).spec;
    const b = extractArticle(files[0].bytes, files[0].meta).spec;
    expect(b).toEqual(a);
  });
});
