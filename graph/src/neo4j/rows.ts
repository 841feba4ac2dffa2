import type { Acceptance, Evidence, MemberRole, Relation, RelationType } from '../model';
import { withConfidence } from '../review';
import type { Row } from './queries';

// How relations_get's rows become relations, for the adapter's core (store.ts) and its views (views.ts) alike.

export function toEvidence(e: Row): Evidence {
  return {
    articleId: e.articleId as string,
    text: e.text as string,
    start: Number(e.start),
    end: Number(e.end),
    rule: (e.rule as string | null | undefined) ?? null,
    confidence: e.confidence == null ? null : Number(e.confidence),
  };
}

export function toAcceptance(value: unknown): Acceptance {
  const a = value as { relationId: string; at: string; actor?: string | null };
  return { relationId: a.relationId, at: a.at, actor: a.actor ?? null };
}

/** A row of relations_get: the relation, its ends, its evidence (with confidence and support worked out) and its acceptance. */
export function toRelation(row: Row): Relation {
  const r = row.relation as { id: string; type: RelationType; amountCny?: number | null; role?: MemberRole | null };
  return withConfidence({
    id: r.id,
    type: r.type,
    from: row.from as string,
    to: row.to as string,
    amountCny: r.amountCny == null ? null : Number(r.amountCny),
    role: r.role ?? null,
    evidence: (row.evidence as Row[]).map(toEvidence),
    accepted: row.accepted ? toAcceptance(row.accepted) : null,
  });
}
