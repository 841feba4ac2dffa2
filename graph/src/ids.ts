import { createHash } from 'node:crypto';
import type { EntityType, RelationType } from './model';
import { UNDIRECTED_RELATIONS } from './model';

/**
 * The form of a name that identity rests on: NFKC (so （ and ( are one), no whitespace,
 * one kind of quote. Two spellings that differ only there are the same entity.
 */
export function canonicalName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[“”「」『』"]/gu, '"')
    .replace(/[‘’']/gu, "'")
    .replace(/[·・•‧∙]/gu, '·');
}

/** Deterministic: the same type and name give the same id in every store, forever. */
export function entityId(type: EntityType, name: string): string {
  return `${type.toLowerCase()}:${canonicalName(name)}`;
}

export function entityTypeOfId(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

export function relationId(type: RelationType, from: string, to: string): string {
  const [a, b] = UNDIRECTED_RELATIONS.has(type) && from > to ? [to, from] : [from, to];
  return `rel:${createHash('sha256').update(`${type}\u0000${a}\u0000${b}`).digest('hex').slice(0, 24)}`;
}

/** Orders the endpoints of an undirected relation so it is stored once. */
export function orientRelation(type: RelationType, from: string, to: string): [string, string] {
  return UNDIRECTED_RELATIONS.has(type) && from > to ? [to, from] : [from, to];
}

/** An article is identified by its text: loading the same text twice is the same article. */
export function articleId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A rejection's id: the relation's own for the whole relation, with the evidence's place for one piece. */
export function rejectionId(relationId: string, evidence?: { articleId: string; start: number; end: number } | null): string {
  return evidence ? `${relationId}#${evidence.articleId}:${evidence.start}-${evidence.end}` : relationId;
}

/** An audit entry's id: its sequence number, zero-padded so ids sort as time does, and a suffix to keep two writers apart. */
export function auditId(seq: number, suffix = ''): string {
  return `audit:${String(Math.trunc(seq)).padStart(17, '0')}${suffix ? `:${suffix}` : ''}`;
}
