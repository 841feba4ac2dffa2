import { z } from 'zod';
import type { ArticleMeta } from './model';

/**
 * What an article's metadata may be, wherever it comes from (the API's ingestArticle, a
 * sidecar file of `seed load`): one rule set, so the loader cannot store what the API refuses.
 */
const wellFormed = (s: string) => s.isWellFormed();
const BROKEN = 'has a lone UTF-16 surrogate (broken Unicode)';

export const articleMetaSchema = z.object({
  title: z.string().trim().max(500).refine(wellFormed, BROKEN).nullish(),
  date: z.iso.date('must be an ISO date, YYYY-MM-DD').nullish(),
  source: z.string().trim().max(200).refine(wellFormed, BROKEN).nullish(),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .max(2000)
    .nullish(),
});

/** The metadata as the graph may store it, or what is wrong with it (`field: reason`). */
export function checkArticleMeta(meta: unknown): { ok: true; meta: ArticleMeta } | { ok: false; problem: string } {
  const r = articleMetaSchema.safeParse(meta);
  if (r.success) return { ok: true, meta: r.data };
  const issue = r.error.issues[0];
  return { ok: false, problem: `${issue.path.join('.') || 'metadata'}: ${issue.message}` };
}
