import { canonicalName } from '../ids';
import { RELATION_ENDPOINTS, isEntityType, isRelationType, type ArticleExtraction, type EntityType } from '../model';
import { GraphStoreError } from '../store';
import { checkEvidenceMeta } from '../review';

/** Refuses an article text the stores cannot keep as given, before anything is written. */
export function validateArticleText(text: unknown): asserts text is string {
  if (typeof text !== 'string' || text.length === 0) throw new GraphStoreError('BAD_INPUT', 'an article needs its text');
  // A lone surrogate cannot be stored as UTF-8: the store would rewrite it and every offset
  // after it would point at the wrong characters.
  if (!text.isWellFormed()) {
    throw new GraphStoreError('BAD_INPUT', 'the article text has a lone UTF-16 surrogate (broken Unicode); repair or re-encode it');
  }
}

/**
 * Refuses an extraction that would put a wrong fact in the graph, before anything is written:
 * unknown types, empty names, a key used twice, a relation between entities its type cannot
 * join, evidence that is not the article's text at its offsets, a negative amount, a rule name
 * or confidence (0–1) that is not one.
 */
export function validateExtraction(extraction: ArticleExtraction): void {
  const text = extraction.article.text;
  const types = new Map<string, EntityType>();
  for (const e of extraction.entities) {
    if (!isEntityType(e.type)) throw new GraphStoreError('BAD_INPUT', `entity ${e.name}: unknown type ${String(e.type)}`);
    if (typeof e.name !== 'string' || !canonicalName(e.name)) throw new GraphStoreError('BAD_INPUT', `entity ${e.key}: empty name`);
    if (types.has(e.key)) throw new GraphStoreError('BAD_INPUT', `entity key ${e.key} used twice`);
    types.set(e.key, e.type);
  }
  for (const r of extraction.relations) {
    if (!isRelationType(r.type)) throw new GraphStoreError('BAD_INPUT', `unknown relation type ${String(r.type)}`);
    const from = types.get(r.from);
    const to = types.get(r.to);
    if (!from || !to) throw new GraphStoreError('BAD_INPUT', `${r.type} ${r.from} → ${r.to}: endpoint not among the entities`);
    const allowed = RELATION_ENDPOINTS[r.type];
    const fits =
      (allowed.from.includes(from) && allowed.to.includes(to)) ||
      (r.type === 'COOPERATES_WITH' && allowed.from.includes(to) && allowed.to.includes(from));
    if (!fits) throw new GraphStoreError('BAD_INPUT', `${r.type} cannot go from ${from} to ${to}`);
    const ev = r.evidence;
    if (!ev || !ev.text || !Number.isInteger(ev.start) || !Number.isInteger(ev.end) || text.slice(ev.start, ev.end) !== ev.text) {
      throw new GraphStoreError('BAD_INPUT', `${r.type} ${r.from} → ${r.to}: evidence is not the article's text at ${ev?.start}..${ev?.end}`);
    }
    if (r.amountCny != null && !(Number.isFinite(r.amountCny) && r.amountCny >= 0)) {
      throw new GraphStoreError('BAD_INPUT', `${r.type}: amountCny must be a non-negative number`);
    }
    checkEvidenceMeta(r.rule, r.confidence, `${r.type} ${r.from} → ${r.to}`);
  }
}
