import type { Evidence, Relation, RelationType } from './model';
import { GraphStoreError } from './store';
import { STORE_BOUNDS, bounded } from './core/limits';

/**
 * Confidence and review: how sure the graph is of a fact, and the queue of facts an analyst
 * has not looked at yet, least certain first.
 */

/** A rule name longer than this is not a rule name (the seed's are under 40 characters). */
export const RULE_MAX_CHARS = 100;

/**
 * A relation's confidence from its pieces of evidence: the chance that at least one of them is
 * right, were each an independent witness (noisy-or, 1 − Π(1 − cᵢ)). Two sentences that each
 * infer a fact at 0.5 make it 0.75; one stated outright at 0.95 outweighs both. Pieces of
 * unknown confidence (loaded before the seed gave one, or written by hand) say nothing;
 * null when no piece says anything. Rounded to six places so that both stores and every page
 * of the review queue agree to the last digit.
 */
export function combineConfidence(values: Iterable<number | null | undefined>): number | null {
  let missing = 1;
  let known = false;
  for (const c of values) {
    if (c == null) continue;
    known = true;
    missing *= 1 - c;
  }
  return known ? Math.round((1 - missing) * 1e6) / 1e6 : null;
}

export interface RelationSupport {
  /** Live (unrejected) pieces of evidence. */
  evidence: number;
  /** Distinct articles among them. */
  articles: number;
}

export function supportOf(evidence: readonly Evidence[]): RelationSupport {
  return { evidence: evidence.length, articles: new Set(evidence.map((e) => e.articleId)).size };
}

/** A relation with its confidence and support worked out from the evidence it carries. */
export function withConfidence<R extends Relation>(relation: R): R {
  relation.confidence = combineConfidence(relation.evidence.map((e) => e.confidence));
  relation.support = supportOf(relation.evidence);
  return relation;
}

/** The seed's rule and confidence for a piece of evidence, checked: a bad value is refused, not stored. */
export function checkEvidenceMeta(rule: unknown, confidence: unknown, what: string): { rule: string | null; confidence: number | null } {
  if (rule != null && !(typeof rule === 'string' && rule.length > 0 && rule.length <= RULE_MAX_CHARS && rule.isWellFormed())) {
    throw new GraphStoreError('BAD_INPUT', `${what}: rule must be a name of at most ${RULE_MAX_CHARS} characters`);
  }
  if (confidence != null && !(typeof confidence === 'number' && Number.isFinite(confidence) && confidence >= 0 && confidence <= 1)) {
    throw new GraphStoreError('BAD_INPUT', `${what}: confidence must be a number from 0 to 1`);
  }
  return { rule: (rule as string | null | undefined) ?? null, confidence: (confidence as number | null | undefined) ?? null };
}

export interface ReviewQueueOptions {
  /** Page size (default 20, at most 200). */
  first?: number;
  /** The `cursor` of the last item of the previous page. */
  after?: string | null;
  /** Only facts less certain than this (0–1); facts of unknown confidence always qualify. */
  threshold?: number | null;
  types?: RelationType[] | null;
}

export interface ReviewItem {
  relation: Relation;
  /** Where this item stands in the queue: pass it as `after` for the page that follows. */
  cursor: string;
}

export interface ReviewPage {
  items: ReviewItem[];
  /** Facts in the queue in all (with this threshold and these types). */
  total: number;
}

/**
 * Where a fact stands in the queue: known confidence before unknown, less certain first, then
 * fewer pieces of evidence, then id. The cursor carries the key itself, not only the id, because
 * the fact an analyst just accepted or rejected has left the queue and could not be looked up.
 */
export interface ReviewKey {
  unknown: 0 | 1;
  confidence: number;
  evidence: number;
  id: string;
}

export function reviewKey(confidence: number | null, evidence: number, id: string): ReviewKey {
  return { unknown: confidence == null ? 1 : 0, confidence: confidence ?? 0, evidence, id };
}

export function encodeReviewCursor(k: ReviewKey): string {
  return `${k.unknown}:${k.confidence}:${k.evidence}:${k.id}`;
}

export function decodeReviewCursor(cursor: string): ReviewKey {
  const m = /^([01]):([0-9.eE+-]+):(\d+):(.+)$/su.exec(cursor);
  const confidence = m ? Number(m[2]) : NaN;
  if (!m || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
    throw new GraphStoreError('BAD_INPUT', 'not a review-queue cursor (pass the cursor of an item of the previous page)');
  }
  return { unknown: m[1] === '1' ? 1 : 0, confidence, evidence: Number(m[3]), id: m[4] };
}

export function reviewOptions(options: ReviewQueueOptions): { first: number; after: ReviewKey | null; threshold: number | null; types: RelationType[] | null } {
  const first = bounded(options.first, STORE_BOUNDS.reviewPage);
  const threshold = options.threshold ?? null;
  if (threshold != null && !(Number.isFinite(threshold) && threshold >= 0 && threshold <= 1)) {
    throw new GraphStoreError('BAD_INPUT', 'a review threshold is a confidence from 0 to 1');
  }
  return { first, after: options.after ? decodeReviewCursor(options.after) : null, threshold, types: options.types?.length ? options.types : null };
}
