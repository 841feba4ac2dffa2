import type { Filters } from './state';
import type { EntityType, PathData, RelationData, RelationType } from './types';
import { ENTITY_TYPES, RELATION_TYPES } from './types';

// Paths as an analyst reads and asks for them: each step in the direction of its relation,
// and a search that follows the filters of the canvas plus the path panel's own choices.

/** Hops a path may have (the server refuses more than six). */
export const PATH_HOPS = [1, 2, 3, 4, 5, 6] as const;

/** What the path panel lets an analyst choose. */
export interface PathChoices {
  /** Relation types a path may walk (the canvas filters may hide more). */
  relationTypes: RelationType[];
  /** Leave out paths through a shared district or cluster (位于 / 成员 shortcuts). */
  leaveOutShortcuts: boolean;
  maxHops: number;
}

export const DEFAULT_PATH_CHOICES: PathChoices = { relationTypes: [...RELATION_TYPES], leaveOutShortcuts: true, maxHops: 4 };

/** The arguments of the `paths` query: the panel's choices under the canvas filters. */
export interface PathQueryArgs {
  maxLength: number;
  relationTypes: RelationType[];
  entityTypes: EntityType[];
  dateFrom: string | null;
  dateTo: string | null;
  leaveOutShortcuts: boolean;
}

/**
 * A path found must be one the canvas can show: no relation type or entity type the filters
 * hide, no relation outside their dates. (The district filter is about where entities are,
 * not how they are linked, and stays a view of the canvas.)
 */
export function pathQueryArgs(choices: PathChoices, filters: Filters): PathQueryArgs {
  return {
    maxLength: choices.maxHops,
    relationTypes: choices.relationTypes.filter((t) => !filters.hiddenRelationTypes.includes(t)),
    entityTypes: ENTITY_TYPES.filter((t) => !filters.hiddenEntityTypes.includes(t)),
    dateFrom: filters.dateFrom,
    dateTo: filters.dateTo,
    leaveOutShortcuts: choices.leaveOutShortcuts,
  };
}

/** One step of a path: the relation and whether the path walks it from its `from` to its `to`. */
export interface Hop {
  relation: RelationData;
  forward: boolean;
  /** 合作 has no direction: written —合作— either way. */
  undirected: boolean;
}

export function hops(p: PathData): Hop[] {
  return p.edges.map((relation, i) => ({
    relation,
    forward: relation.from.id === p.nodes[i]?.id,
    undirected: relation.type === 'COOPERATES_WITH',
  }));
}

/** The arrow of a hop around its label: A —投资→ P, P ←投资— B, A —合作— B. */
export function hopArrow(hop: Hop, label: string): string {
  if (hop.undirected) return `—${label}—`;
  return hop.forward ? `—${label}→` : `←${label}—`;
}

/** A path as one line of text, each relation in its own direction. */
export function pathText(p: PathData, label: (r: RelationData) => string): string {
  const steps = hops(p);
  return p.nodes.map((n, i) => (i === 0 ? n.name : ` ${hopArrow(steps[i - 1], label(steps[i - 1].relation))} ${n.name}`)).join('');
}
