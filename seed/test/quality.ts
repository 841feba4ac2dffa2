// A compact scorer for the held-out sets, following ../shared/eval/SPEC.md "Scoring" (names
// compared after NFKC without spaces and quotes; an entity matches by type and any name;
// relations by type and matched ends; optional names and relations count neither way).
import type { SpecExtraction } from '../src';

interface GoldEntity {
  type: string;
  name: string;
  aliases?: string[];
  altTypes?: string[];
}
interface GoldRelation {
  type: string;
  from: string;
  to: string;
}
export interface Gold {
  article: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
  optionalRelations?: GoldRelation[];
  optional?: string[];
}

const SCORED = new Set(['District', 'Cluster', 'Enterprise', 'Platform', 'Project']);
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s“”"「」『』‘’'《》〈〉]/gu, '')
    .replace(/[·・•‧∙]/gu, '·')
    .toLowerCase();

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export const f1 = (c: Counts) => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

export function score(golds: Gold[], preds: SpecExtraction[]): { entities: Counts; relations: Counts } {
  const entities = { tp: 0, fp: 0, fn: 0 };
  const relations = { tp: 0, fp: 0, fn: 0 };
  for (const gold of golds) {
    const pred = preds.find((p) => p.article === gold.article) ?? { article: gold.article, entities: [], relations: [] };
    const optional = new Set((gold.optional ?? []).map(norm));
    const goldNames = gold.entities.map((g) => new Set([g.name, ...(g.aliases ?? [])].map(norm)));
    const matched = new Map<string, number>();
    const used = new Set<number>();
    for (const p of pred.entities) {
      if (!SCORED.has(p.type)) continue;
      const names = [p.name, ...p.aliases].map(norm);
      const hit = gold.entities.findIndex((g, i) => (g.type === p.type || (g.altTypes ?? []).includes(p.type)) && names.some((n) => goldNames[i].has(n)));
      if (hit >= 0) {
        matched.set(p.id, hit);
        if (!used.has(hit)) entities.tp++;
        used.add(hit);
      } else if (!names.some((n) => optional.has(n))) entities.fp++;
    }
    entities.fn += gold.entities.length - used.size;
    const index = (name: string) => gold.entities.findIndex((g) => norm(g.name) === norm(name));
    const key = (type: string, a: number, b: number) => (type === 'COOPERATES_WITH' && a > b ? `${type}|${b}|${a}` : `${type}|${a}|${b}`);
    const goldKeys = new Set(gold.relations.map((r) => key(r.type, index(r.from), index(r.to))));
    const optionalKeys = new Set((gold.optionalRelations ?? []).map((r) => key(r.type, index(r.from), index(r.to))));
    const seen = new Set<string>();
    for (const r of pred.relations) {
      const [a, b] = [matched.get(r.from), matched.get(r.to)];
      if (a === undefined || b === undefined) {
        const ends = [r.from, r.to].map((id) => pred.entities.find((e) => e.id === id));
        const ignored = ends.some((e) => !e || !SCORED.has(e.type) || [e.name, ...e.aliases].map(norm).some((n) => optional.has(n)));
        if (!ignored) relations.fp++;
        continue;
      }
      const k = key(r.type, a, b);
      if (seen.has(k)) continue;
      seen.add(k);
      if (goldKeys.has(k)) relations.tp++;
      else if (!optionalKeys.has(k)) relations.fp++;
    }
    relations.fn += [...goldKeys].filter((k) => !seen.has(k)).length;
  }
  return { entities, relations };
}
