import type { EntityFact, EntitySummary, EntityType, RelationType } from './model';
import { RELATION_TYPES } from './model';
import { GraphStoreError } from './store';

/**
 * Which of an entity's relations count, as the explorer's filters say: relation types, the type
 * of the entity at the other end, and the dates of the articles stating them. Both stores
 * compute the details panel's figures and pages with it, so they cannot disagree.
 */
export interface RelationFilter {
  /** Only relations of these types (empty or absent: all). */
  relationTypes?: RelationType[] | null;
  /** Only relations whose other end is of these types (empty or absent: all). */
  entityTypes?: EntityType[] | null;
  /**
   * Only relations stated in an article dated within [dateFrom, dateTo] (ISO dates, inclusive).
   * A relation no dated article states is kept: the explorer cannot place it on the timeline.
   */
  dateFrom?: string | null;
  dateTo?: string | null;
}

export function hasFilter(f: RelationFilter | undefined): boolean {
  return Boolean(f && (f.relationTypes?.length || f.entityTypes?.length || f.dateFrom || f.dateTo));
}

const inRange = (date: string, f: RelationFilter) => (!f.dateFrom || date >= f.dateFrom) && (!f.dateTo || date <= f.dateTo);

/** The articles of a fact that the filter's dates keep (all of them without dates). */
function articlesIn(fact: EntityFact, f: RelationFilter): EntityFact['articles'] {
  if (!f.dateFrom && !f.dateTo) return fact.articles;
  return fact.articles.filter((a) => a.date != null && inRange(a.date, f));
}

export function passes(fact: EntityFact, f: RelationFilter = {}): boolean {
  if (f.relationTypes?.length && !f.relationTypes.includes(fact.type)) return false;
  if (f.entityTypes?.length && !f.entityTypes.includes(fact.otherType)) return false;
  if (f.dateFrom || f.dateTo) {
    const dated = fact.articles.filter((a) => a.date != null);
    if (dated.length && !dated.some((a) => inRange(a.date!, f))) return false;
  }
  return true;
}

/**
 * The panel's figures. `mentions` is how many articles name the entity: 来源文章 without a
 * filter (as the panel always counted it); under a filter, the articles stating what it keeps.
 */
export function summarise(facts: Iterable<EntityFact>, f: RelationFilter = {}, mentions?: number): EntitySummary {
  const counts = new Map<RelationType, number>(RELATION_TYPES.map((t) => [t, 0]));
  const articles = new Set<string>();
  let relationCount = 0;
  let investmentOutCny = 0;
  let investmentInCny = 0;
  for (const fact of facts) {
    if (!passes(fact, f)) continue;
    relationCount++;
    counts.set(fact.type, counts.get(fact.type)! + 1);
    if (fact.type === 'INVESTS_IN' && fact.amountCny) {
      if (fact.out) investmentOutCny += fact.amountCny;
      else investmentInCny += fact.amountCny;
    }
    for (const a of articlesIn(fact, f)) articles.add(a.id);
  }
  return {
    relationCount,
    relationCounts: RELATION_TYPES.map((type) => ({ type, count: counts.get(type)! })),
    investmentOutCny,
    investmentInCny,
    articleCount: mentions != null && !hasFilter(f) ? mentions : articles.size,
  };
}

/** An ISO date (YYYY-MM-DD) or nothing: what a filter's bounds may be. */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(s);
}

/** Neighbour pages are ordered best connected first, then by id; the cursor is the last one's (degree, id). */
export function neighbourCursor(degree: number, id: string): string {
  return `${degree}:${id}`;
}

export function parseNeighbourCursor(after: string | null | undefined): { degree: number; id: string } | null {
  if (after == null || after === '') return null;
  const i = after.indexOf(':');
  const degree = Number(after.slice(0, i));
  if (i <= 0 || !Number.isInteger(degree) || degree < 0) throw new GraphStoreError('BAD_INPUT', `not a neighbour cursor: ${after}`);
  return { degree, id: after.slice(i + 1) };
}

/** Whether a neighbour comes after the cursor in (degree desc, id asc) order. */
export function afterCursor(degree: number, id: string, cursor: { degree: number; id: string } | null): boolean {
  return cursor == null || degree < cursor.degree || (degree === cursor.degree && id > cursor.id);
}
