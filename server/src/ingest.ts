import type { ArticleExtraction, ArticleMeta } from '@chain-atlas/graph';

/** Turns an article's text into what the graph loads; throws an error with a `code` for bad input. */
export type Extractor = (text: string | Uint8Array, meta: ArticleMeta) => Promise<ArticleExtraction>;

/** A failure of the article itself (not of the server): reported in the answer, not thrown. */
export interface ArticleFailure {
  code: string;
  message: string;
}

/**
 * The seed pipeline, loaded on first use: its dictionaries take a moment to build, and a
 * server that only answers queries should not wait for them.
 */
export const seedExtractor: Extractor = async (text, meta) => {
  const seed = await import('@chain-atlas/seed');
  // As bytes, so the pipeline judges a pasted text the way it judges a file (a string is
  // taken as already-good text; bytes are checked for binary content and encoding too).
  const input = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const result = seed.extractArticle(input, meta);
  const extraction = result.toArticleExtraction();
  // The rule behind each finding, for previewArticle: the spec carries it, the graph's unit does not.
  const entityRule = new Map(result.spec.entities.map((e) => [e.id, e.rule]));
  const relationRule = new Map(result.spec.relations.map((r) => [`${r.type}|${r.from}|${r.to}|${r.evidence.start}|${r.evidence.end}`, r.rule]));
  for (const e of extraction.entities) e.rule = entityRule.get(e.key);
  for (const r of extraction.relations) r.rule = relationRule.get(`${r.type}|${r.from}|${r.to}|${r.evidence.start}|${r.evidence.end}`);
  return extraction;
};

/**
 * The pipeline's verdict on an article (its ExtractionError) as a failure to report. Matched
 * by name and code rather than instanceof: an extractor handed in by a caller may come from
 * another copy of the module.
 */
export function asArticleFailure(err: unknown): ArticleFailure | null {
  if (err instanceof Error && err.name === 'ExtractionError' && typeof (err as { code?: unknown }).code === 'string') {
    return { code: (err as Error & { code: string }).code, message: err.message };
  }
  return null;
}
