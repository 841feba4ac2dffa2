// Hubs tell the truth: the details panel's figures come from the server over all of an
// entity's relations (never from the first page the client happens to hold), its relations
// are paged from the server, 显示更多 asks for the next page of neighbours by cursor, and the
// 区县 filter lists every district the store knows.
import type { Gql } from './api';
import type { EntityRef, EntityType, RelationData, RelationType } from './types';
import { ENTITY_TYPES, RELATION_TYPES } from './types';

const ENTITY = 'id type name aliases degree';
const ARTICLE_REF = 'id title date source url';
const EDGE_LITE = `id type amountCny role from { ${ENTITY} } to { ${ENTITY} } evidence { article { id date } }`;
const EDGE_FULL = `id type amountCny role from { ${ENTITY} } to { ${ENTITY} } evidence { text start end article { ${ARTICLE_REF} } }`;

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

export function hubApi(gql: Gql) {
  return {
    /** An entity for the details panel: its figures over all its relations, and the first page of them. */
    entityPanel: (id: string, filter: RelationFilterArg | null, first = PANEL_PAGE) =>
      gql<{ entity: EntityPanelData | null }>(
        `query EntityPanel($id: ID!, $first: Int, $filter: RelationFilter) { entity(id: $id) { ${ENTITY}
           summary(filter: $filter) { relationCount relationCounts { type count } investmentTotalCny investmentReceivedCny articleCount }
           relations(first: $first, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${EDGE_FULL} } } } } }`,
        { id, first, filter },
      ).then((d) => d.entity),

    /** The next page of the relations the panel lists. */
    relationsPage: (id: string, after: string, filter: RelationFilterArg | null, first = PANEL_PAGE) =>
      gql<{ entity: { relations: RelationPage } | null }>(
        `query EntityRelations($id: ID!, $first: Int, $after: String, $filter: RelationFilter) { entity(id: $id) {
           relations(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${EDGE_FULL} } } } } }`,
        { id, first, after, filter },
      ).then((d) => d.entity?.relations ?? null),

    /**
     * A page of an entity's neighbours, best connected first, with the relations to them and to
     * what the canvas already shows (`among`): 显示更多 passes the last page's cursor.
     */
    neighbours: (id: string, opts: { first: number; after?: string | null; relationTypes?: RelationType[]; among?: string[] }) =>
      gql<{ neighbours: NeighbourPageData }>(
        `query Neighbours($id: ID!, $first: Int, $after: String, $rt: [RelationType!], $among: [ID!]) {
           neighbours(id: $id, first: $first, after: $after, relationTypes: $rt, among: $among) {
             totalCount pageInfo { hasNextPage endCursor } nodes { ${ENTITY} } edges { ${EDGE_LITE} } } }`,
        { id, first: opts.first, after: opts.after ?? null, rt: opts.relationTypes?.length ? opts.relationTypes : null, among: opts.among ?? [] },
      ).then((d) => d.neighbours),

    /** Every district the store knows, with how many entities are located in it. */
    districts: () =>
      gql<{ districts: DistrictCountData[] }>(`query Districts { districts { located district { id name } } }`).then((d) => d.districts),
  };
}

export type HubApi = ReturnType<typeof hubApi>;

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
