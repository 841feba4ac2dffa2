import { join } from 'node:path';
import { REPO_ROOT, type GraphStore } from '@chain-atlas/graph';
import { loadArticles, readArticleFiles, type LoadReport } from '@chain-atlas/seed';
import type { Logger } from 'pino';

/** The articles that ship with the repository, so a fresh clone shows a populated graph. */
export const BUNDLED_ARTICLES_DIR = join(REPO_ROOT, 'data', 'articles');

/**
 * Loads the .txt files of a directory (metadata from its articles.json) through the seed
 * pipeline, one atomic upsert each. A failing article is logged and skipped: one bad file
 * should not keep the server from starting.
 */
export async function loadBundledArticles(
  store: GraphStore,
  options: { dir?: string; logger?: Logger } = {},
): Promise<LoadReport> {
  const { files, failures } = await readArticleFiles([options.dir ?? BUNDLED_ARTICLES_DIR]);
  const report = await loadArticles(store, files, { failures });
  for (const f of report.failed) options.logger?.warn({ file: f.file, code: f.code, reason: f.reason }, 'bundled article not loaded');
  return report;
}
