import type { SearchHit } from '../model';

/**
 * A search hit's score: how well a name matched (exact > prefix > substring, name > alias >
 * pinyin: the stores' matchers say), plus a little for being well connected, so that among
 * equal matches the likelier entity comes first. Capped so connection never beats a better match
 * by more than four points; rounded so both stores give the same number for the same hit.
 */
export function rankScore(matchScore: number, degree: number): number {
  return Math.round((matchScore + Math.min(4, Math.log10(1 + degree))) * 1000) / 1000;
}

/** Best first; among equal scores the shorter name (the likelier meant), then by id for a stable order. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || a.entity.name.length - b.entity.name.length || a.entity.id.localeCompare(b.entity.id);
}

/** The best `limit` hits, best first. */
export function rankHits(hits: SearchHit[], limit: number): SearchHit[] {
  return hits.sort(compareHits).slice(0, limit);
}
