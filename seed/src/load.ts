import { checkArticleMeta, type GraphStore } from '@chain-atlas/graph';
import { ExtractionError } from './errors';
import { extractArticle } from './extract';
import { isFailure, type ArticleFile, type ArticleFileFailure } from './files';

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
  /** True when the load was stopped (SIGINT) before every file was read; what is listed is all that happened. */
  interrupted: boolean;
}

export interface LoadOptions {
  onProgress?: (p: LoadProgress) => void;
  /** Files that could not be read, reported first. */
  failures?: ArticleFileFailure[];
  /** How many files there are in all, when `files` is read lazily. */
  total?: number;
  /** Aborted: the article being loaded finishes, no further one starts. */
  signal?: AbortSignal;
}

/**
 * Extracts each article and loads it with `store.upsertArticle` (atomic per article). A
 * failing article is reported with its reason and skipped; the rest still load. `files` may
 * be read lazily (one file in memory at a time); metadata is held to the API's rules.
 */
export async function loadArticles(
  store: GraphStore,
  files: ArticleFile[] | AsyncIterable<ArticleFile | ArticleFileFailure>,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const report: LoadReport = { loaded: [], unchanged: [], failed: [], entitiesAdded: 0, relationsAdded: 0, evidenceAdded: 0, interrupted: false };
  const total = options.total ?? (Array.isArray(files) ? files.length : 0) + (options.failures?.length ?? 0);
  let done = 0;
  const fail = (file: string, reason: string, code?: string) => {
    report.failed.push({ file, reason, code });
    options.onProgress?.({ done: ++done, total, file, outcome: 'failed', reason });
  };
  for (const f of options.failures ?? []) fail(f.path, f.error.message, f.error.code);
  for await (const f of files) {
    if (options.signal?.aborted) {
      report.interrupted = true;
      break;
    }
    if (isFailure(f)) {
      fail(f.path, f.error.message, f.error.code);
      continue;
    }
    const checked = checkArticleMeta({ title: f.meta.title, date: f.meta.date, source: f.meta.source, url: f.meta.url });
    if (!checked.ok) {
      fail(f.file, `metadata refused: ${checked.problem}`, 'BAD_METADATA');
      continue;
    }
    try {
      const result = extractArticle(f.bytes, { ...f.meta, ...checked.meta });
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
      fail(f.file, reason, err instanceof ExtractionError ? err.code : undefined);
    }
  }
  return report;
}
