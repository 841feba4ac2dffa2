import type { MemberRole, RelationType } from '@chain-atlas/graph';
import type { ResolvedEntity, SpottedMention } from '../resolve';
import type { Sentence } from '../split';

export interface FoundRelation {
  type: RelationType;
  from: number;
  to: number;
  amountCny?: number;
  /** A non-CNY amount is kept as stated, not converted at a guessed rate. */
  amount?: { value: number; currency: string };
  role?: MemberRole;
  /** Evidence span in the normalised text. */
  start: number;
  end: number;
  rule: string;
  /** Other rules that found the same relation after `rule` did. */
  also?: string[];
}

export interface Ctx {
  text: string;
  entities: ResolvedEntity[];
  out: FoundRelation[];
  /** The relations of `out` by type and ends (unordered for COOPERATES_WITH): one lookup per find. */
  seen: Map<string, FoundRelation>;
}

/** The ends and types a relation type allows (SPEC's ontology). */
const ENDS: Record<RelationType, [string[], string[]]> = {
  LOCATED_IN: [['Enterprise', 'Platform', 'Project', 'Cluster'], ['District']],
  INVESTS_IN: [['Enterprise'], ['Project']],
  MEMBER_OF: [['Enterprise'], ['Cluster']],
  OPERATES: [['Enterprise', 'Platform'], ['Platform']],
  COOPERATES_WITH: [['Enterprise', 'Platform'], ['Enterprise', 'Platform']],
  SUPPLIES: [['Enterprise', 'Platform'], ['Enterprise']],
};

export type M = SpottedMention & { type: string };

export const ORG = new Set(['Enterprise', 'Platform']);

export function add(ctx: Ctx, r: FoundRelation) {
  if (r.from === r.to) return;
  const f = ctx.entities[r.from].type;
  const t = ctx.entities[r.to].type;
  const [fs, ts] = ENDS[r.type];
  if (!fs.includes(f) || !ts.includes(t)) return;
  const [a, b] = r.type === 'COOPERATES_WITH' && r.from > r.to ? [r.to, r.from] : [r.from, r.to];
  const key = `${r.type}|${a}|${b}`;
  const dup = ctx.seen.get(key);
  if (dup) {
    if (dup.amountCny == null && r.amountCny != null) dup.amountCny = r.amountCny;
    if (r.rule !== dup.rule && !dup.also?.includes(r.rule)) (dup.also ??= []).push(r.rule);
    return;
  }
  ctx.out.push(r);
  ctx.seen.set(key, r);
}


/** Clause start (after ，：；) at or before `at` within the sentence. */
export function clauseStart(text: string, s: Sentence, at: number): number {
  let i = at;
  while (i > s.start && !/[，：；。]/.test(text[i - 1])) i--;
  return i;
}

export function clauseEnd(text: string, s: Sentence, at: number): number {
  let i = at;
  while (i < s.end && !/[，：；。]/.test(text[i])) i++;
  return i;
}

/** The mentions of a list that starts with `first`: A、B和C等 — each joined to the one before by 、/和/及. */
export function listFrom(text: string, top: M[], first: M, types: string[]): M[] {
  const out = [first];
  for (let k = top.indexOf(first) + 1; k < top.length; k++) {
    const prev = out[out.length - 1];
    if (!types.includes(top[k].type) || !/^(?:、|和|及|与)$/.test(text.slice(prev.end, top[k].start))) break;
    out.push(top[k]);
  }
  return out;
}
