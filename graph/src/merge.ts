import { canonicalName, orientRelation, relationId } from './ids';
import type { AuditEntry, Entity, MergeConflict, MergeMove, MergePreview, MemberRole, Relation, RelationType } from './model';
import { GraphStoreError } from './store';
import type { GraphStore } from './store';

/**
 * What a merge must remember so that it can be undone: the merged entity as it was, which
 * articles named it, its relations with their evidence and what each became, and the state of a
 * kept relation it joined. Kept in the merge's audit entry (`before.undo`), so an undo needs no
 * table of its own and a backup carries it.
 */
export interface MergeUndo {
  merged: Entity;
  keptAliases: string[];
  /** Articles naming the merged entity. */
  mentions: string[];
  /** Of those, the ones that did not name the kept entity before the merge. */
  mentionsAdded: string[];
  /** Ids that redirected to the merged entity (earlier merges into it). */
  redirectsIn: string[];
  relations: MergedRelation[];
}

export interface MergedRelation {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  amountCny: number | null;
  role: MemberRole | null;
  evidence: { articleId: string; start: number; end: number; text: string }[];
  /** The relation it became, or null when it was dropped (it related the two entities). */
  becomes: string | null;
  /** When it joined a relation the kept entity already had: that relation's state before. */
  joined: { amountCny: number | null; role: MemberRole | null; evidence: { articleId: string; start: number; end: number }[] } | null;
}

/** Checks what every adapter refuses to merge, so preview and merge refuse alike. */
export function checkMergePair(keep: Entity | null, merge: Entity | null, keepId: string, mergeId: string): asserts keep is Entity {
  if (!keep) throw new GraphStoreError('NOT_FOUND', `no entity ${keepId}`);
  if (!merge) throw new GraphStoreError('NOT_FOUND', `no entity ${mergeId}`);
  if (keep.id === merge.id) throw new GraphStoreError('BAD_INPUT', 'an entity cannot be merged into itself');
  if (keep.type !== merge.type) throw new GraphStoreError('BAD_INPUT', `cannot merge a ${merge.type} into a ${keep.type}`);
}

/** The relation a relation of the merged entity becomes: null when it related the two. */
export function movedRelationId(r: Pick<Relation, 'type' | 'from' | 'to'>, keepId: string, mergeId: string): string | null {
  const from = r.from === mergeId ? keepId : r.from;
  const to = r.to === mergeId ? keepId : r.to;
  if (from === to) return null;
  const [f, t] = orientRelation(r.type, from, to);
  return relationId(r.type, f, t);
}

/** The kept entity's new aliases: the merged entity's names it does not have yet. */
export function aliasesGained(keep: Entity, merge: Entity): string[] {
  const seen = new Set([keep.name, ...keep.aliases].map(canonicalName));
  const out: string[] = [];
  for (const n of [merge.name, ...merge.aliases]) {
    const k = canonicalName(n);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(n.trim());
  }
  return out;
}

const PAGE = 500;

/**
 * What merging `mergeId` into `keepId` would do, through the store's public reads only, so every
 * adapter answers the same. Fails as the merge itself would (NOT_FOUND, BAD_INPUT).
 */
export async function previewMerge(store: GraphStore, keepId: string, mergeId: string): Promise<MergePreview> {
  const [keep, merge] = await Promise.all([store.getEntity(keepId, { relationLimit: 0, articleLimit: 0 }), store.getEntity(mergeId, { relationLimit: 0, articleLimit: 1_000_000 })]);
  // getEntity follows merges: an id merged away answers its survivor, which is not the entity asked for.
  const kept = keep?.id === keepId ? keep : null;
  checkMergePair(kept, merge?.id === mergeId ? merge : null, keepId, mergeId);
  const keptArticles = new Set((await store.getEntity(keepId, { relationLimit: 0, articleLimit: 1_000_000 }))?.articleIds ?? []);
  const rels: Relation[] = [];
  for (let after: string | null = null; ; ) {
    const page = await store.relationsOf(mergeId, { first: PAGE, after });
    rels.push(...page.items);
    if (page.items.length < PAGE) break;
    after = page.items.at(-1)!.id;
  }
  const becomes = rels.map((r) => movedRelationId(r, keepId, mergeId));
  const targets = [...new Set(becomes.filter((x): x is string => x != null))];
  const existing = new Map<string, Relation>();
  for (let i = 0; i < targets.length; i += PAGE) {
    for (const r of await store.getRelations(targets.slice(i, i + PAGE))) existing.set(r.id, r);
  }
  const conflicts: MergeConflict[] = [];
  const relations: MergeMove[] = rels.map((relation, i) => {
    const id = becomes[i];
    if (id == null) {
      conflicts.push({ code: 'SELF_RELATION', relationId: relation.id, message: `${relation.type} between the two entities is dropped with its evidence` });
      return { relation, becomes: null, outcome: 'dropped' };
    }
    const twin = existing.get(id);
    if (twin && twin.amountCny != null && relation.amountCny != null && twin.amountCny !== relation.amountCny) {
      conflicts.push({ code: 'AMOUNT_DIFFERS', relationId: relation.id, message: `${relation.type}: ${relation.amountCny} joins ${twin.amountCny}; the kept amount stays` });
    }
    return { relation, becomes: id, outcome: twin ? 'joined' : 'moved' };
  });
  const m = merge as Entity & { articleIds?: string[] };
  return {
    keep: { id: kept.id, type: kept.type, name: kept.name, aliases: kept.aliases },
    merge: { id: m.id, type: m.type, name: m.name, aliases: m.aliases },
    aliasesAdded: aliasesGained(kept, m),
    relations,
    evidenceMoved: relations.reduce((n, r) => n + (r.outcome === 'dropped' ? 0 : r.relation.evidence.length), 0),
    articlesMoved: (m.articleIds ?? []).filter((a) => !keptArticles.has(a)).length,
    conflicts,
  };
}

/**
 * The merge of `mergeId` into `keepId` to undo: the newest one in the log (an entity merged,
 * undone and merged again is undone from its last merge). NOT_FOUND when there is none;
 * CONFLICT when it cannot be undone (made before merges kept their undo, or already undone).
 */
export function mergeToUndo(entries: AuditEntry[], keepId: string, mergeId: string): { entry: AuditEntry; undo: MergeUndo } {
  const entry = entries.find((e) => e.kind === 'merge' && e.target === keepId && (e.before as { merged?: { id?: string } } | null)?.merged?.id === mergeId);
  if (!entry) throw new GraphStoreError('NOT_FOUND', `no merge of ${mergeId} into ${keepId} to undo`);
  const undo = (entry.before as { undo?: MergeUndo }).undo;
  if (!undo) throw new GraphStoreError('CONFLICT', `the merge of ${mergeId} into ${keepId} was made before merges could be undone`);
  return { entry, undo };
}

/** The kept entity's aliases once the merge is undone: the merged entity's names go back with it (names added by hand since stay). */
export function aliasesAfterUndo(current: string[], undo: MergeUndo): string[] {
  const had = new Set(undo.keptAliases.map(canonicalName));
  const mergedNames = new Set([undo.merged.name, ...undo.merged.aliases].map(canonicalName));
  return current.filter((a) => had.has(canonicalName(a)) || !mergedNames.has(canonicalName(a)));
}
