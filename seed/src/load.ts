import type { GraphStore } from '@chain-atlas/graph';
import { ExtractionError } from './errors';
import { extractArticle } from './extract';
import type { ArticleFile, ArticleFileFailure } from './files';

export interface LoadProgress {
  done: number;
  total: number;
  file: string;
  outcome: 'loaded' | 'unchanged' | 'failed';
  reason?: string;
}

export interface LoadReport {
  loaded: string[];
  unchanged: string[];
  failed: { file: string; reason: string; code?: string }[];
  entitiesAdded: number;
  relationsAdded: number;
  evidenceAdded: number;
}

/**
 * Extracts each article and loads it with `store.upsertArticle` (atomic per article). A
 * failing article is reported with its reason and skipped; the rest still load.
 */
export async function loadArticles(
  store: GraphStore,
  files: ArticleFile[],
  options: { onProgress?: (p: LoadProgress) => void; failures?: ArticleFileFailure[] } = {},
): Promise<LoadReport> {
  const report: LoadReport = { loaded: [], unchanged: [], failed: [], entitiesAdded: 0, relationsAdded: 0, evidenceAdded: 0 };
  const total = files.length + (options.failures?.length ?? 0);
  let done = 0;
  for (const f of options.failures ?? []) {
    report.failed.push({ file: f.path, reason: f.error.message, code: f.error.code });
    options.onProgress?.({ done: ++done, total, file: f.path, outcome: 'failed', reason: f.error.message });
  }
  for (const f of files) {
    try {
      const result = extractArticle(f.bytes, f.meta);
      const up = await store.upsertArticle(result.toArticleExtraction());
      if (up.created) {
        report.loaded.push(f.file);
        report.entitiesAdded += up.entitiesAdded.length;
        report.relationsAdded += up.relationsAdded.length;
        report.evidenceAdded += up.evidenceAdded;
      } else report.unchanged.push(f.file);
      options.onProgress?.({ done: ++done, total, file: f.file, outcome: up.created ? 'loaded' : 'unchanged' });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      report.failed.push({ file: f.file, reason, code: err instanceof ExtractionError ? err.code : undefined });
      options.onProgress?.({ done: ++done, total, file: f.file, outcome: 'failed', reason });
    }
  }
  return report;
}
