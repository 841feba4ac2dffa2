// Hubs tell the truth: the details panel's figures come from the server over all of an
// entity's relations (never from the first page the client happens to hold), its relations
// are paged from the server, 显示更多 asks for the next page of neighbours by cursor, and the
// 区县 filter lists every district the store knows. The queries are in api.ts; these are
// their shapes and the rules the canvas follows.
import type { EntityRef, EntityType, RelationData, RelationType } from './types';
import { ENTITY_TYPES, RELATION_TYPES } from './types';


/** The server's RelationFilter: what the canvas filters keep, in the API's terms. */
export interface RelationFilterArg {
  relationTypes?: RelationType[];
  entityTypes?: EntityType[];
  dateFrom?: string;
  dateTo?: string;
}

/** The part of the canvas filters the details panel follows. */
export interface PanelFilters {
  hiddenEntityTypes: readonly EntityType[];
  hiddenRelationTypes: readonly RelationType[];
  dateFrom: string | null;
  dateTo: string | null;
}

/** The canvas filters as the server's filter; null when they keep everything. */
export function relationFilterOf(f: PanelFilters): RelationFilterArg | null {
  const out: RelationFilterArg = {};
  if (f.hiddenRelationTypes.length) out.relationTypes = RELATION_TYPES.filter((t) => !f.hiddenRelationTypes.includes(t));
  if (f.hiddenEntityTypes.length) out.entityTypes = ENTITY_TYPES.filter((t) => !f.hiddenEntityTypes.includes(t));
  if (f.dateFrom) out.dateFrom = f.dateFrom;
  if (f.dateTo) out.dateTo = f.dateTo;
  return Object.keys(out).length ? out : null;
}

export interface EntitySummaryData {
  relationCount: number;
  relationCounts: { type: RelationType; count: number }[];
  investmentTotalCny: number;
  investmentReceivedCny: number;
  articleCount: number;
}

export interface RelationPage {
  totalCount: number;
  edges: { node: RelationData }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface EntityPanelData extends EntityRef {
  degree: number;
  summary: EntitySummaryData;
  relations: RelationPage;
}

export interface NeighbourPageData {
  nodes: EntityRef[];
  edges: RelationData[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface DistrictCountData {
  district: { id: string; name: string };
  located: number;
}

/** How many relations the panel lists at first, and adds per "另有 N 条" click. */
export const PANEL_PAGE = 100;


/** Where 显示更多 continues: the entity, the types it was expanded by, the cursor, and how far it got. */
export interface MorePage {
  id: string;
  types?: RelationType[];
  after: string;
  shown: number;
  total: number;
}

/**
 * Nodes a date filter leaves without a visible relation: hidden too, so the canvas does not
 * keep dots for facts outside the range. A node that had no relation on the canvas stays.
 */
export function strandedNodes(
  nodes: Iterable<string>,
  edges: Iterable<{ id: string; source: string; target: string }>,
  hidden: ReadonlySet<string>,
): string[] {
  const shown = new Map<string, boolean>();
  for (const n of nodes) shown.set(n, false);
  const hasEdge = new Set<string>();
  for (const e of edges) {
    hasEdge.add(e.source);
    hasEdge.add(e.target);
    if (!hidden.has(e.id)) {
      shown.set(e.source, true);
      shown.set(e.target, true);
    }
  }
  return [...shown].filter(([n, any]) => !any && hasEdge.has(n) && !hidden.has(n)).map(([n]) => n);
}
