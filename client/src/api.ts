// A small GraphQL client over fetch: JSON only (the server's CSRF guard wants
// content-type: application/json), Bearer token for mutations, errors that say what failed.
import type {
  Article,
  ChainData,
  ChainDirection,
  ChainLayer,
  ClusterProfileData,
  DistrictProfileData,
  EntityRef,
  EntityType,
  EvidenceData,
  PathData,
  RelationData,
  RelationType,
  SearchHitData,
  SubgraphData,
} from './types';
import type { PathQueryArgs } from './pathSearch';
import type { DistrictCountData, EntityPanelData, NeighbourPageData, RelationFilterArg, RelationPage } from './hubs';
import { PANEL_PAGE } from './hubs';

export type ApiErrorKind = 'unreachable' | 'http' | 'graphql' | 'auth';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** The server's `extensions.code`, shown to the analyst in the page's language. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  url?: string;
  token?: () => string;
  fetch?: typeof fetch;
}

/** What an HTTP header can carry: a browser refuses to send anything else (e.g. Chinese characters). */
export function isHeaderSafeToken(token: string): boolean {
  return /^[\x21-\x7e]+$/.test(token);
}

export type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function createClient(opts: ClientOptions = {}): Gql {
  const url = opts.url ?? '/graphql';
  return async <T,>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const f = opts.fetch ?? fetch;
    // Only mutations need the token; reads never carry it, so a bad token cannot break browsing.
    const token = /^\s*mutation\b/.test(query) ? (opts.token?.() ?? '') : '';
    if (token && !isHeaderSafeToken(token)) throw new ApiError('auth', 'token: ASCII letters, digits and punctuation only');
    let res: Response;
    try {
      res = await f(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch (e) {
      throw new ApiError('unreachable', e instanceof Error ? e.message : String(e));
    }
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null = null;
    try {
      body = await res.json();
    } catch {
      // A proxy's HTML error page: fall through to the status check.
    }
    if (body?.errors?.length) {
      const code = body.errors[0].extensions?.code;
      const kind: ApiErrorKind = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || res.status === 401 || res.status === 403 ? 'auth' : 'graphql';
      throw new ApiError(kind, body.errors.map((e) => e.message).join('; '), res.status, code);
    }
    if (!res.ok || !body?.data) {
      if (res.status === 502 || res.status === 503 || res.status === 504) throw new ApiError('unreachable', `HTTP ${res.status}`, res.status);
      throw new ApiError(res.status === 401 || res.status === 403 ? 'auth' : 'http', `HTTP ${res.status}`, res.status);
    }
    return body.data;
  };
}

/** Relation ids one `relations(ids)` request may carry: the server refuses more (its maxPageSize). */
export const RELATION_IDS_PER_REQUEST = 100;

const ENTITY = 'id type name aliases degree';
const ARTICLE_REF = 'id title date source url';
const EDGE_LITE = `id type amountCny role confidence from { ${ENTITY} } to { ${ENTITY} } evidence { article { id date } }`;
const FIGURE = 'amountCny projects factCount relationIds';
const EDGE_FULL = `id type amountCny role from { ${ENTITY} } to { ${ENTITY} } evidence { text start end article { ${ARTICLE_REF} } }`;
/**
 * One fact as the details panel and 待审核 show it: with its confidence, support and review, and
 * each sentence's rule. Not in EDGE_FULL: a chain of 300 edges with layers would pass the
 * server's complexity limit.
 */
const EDGE_REVIEWED = `id type amountCny role confidence support { evidence articles } accepted { at actor }
  from { ${ENTITY} } to { ${ENTITY} } evidence { text start end rule confidence article { ${ARTICLE_REF} } }`;

export interface SavedViewData {
  id: string;
  name: string | null;
  savedAt: string;
}

export interface EntityDetailsData extends EntityRef {
  degree: number;
  relations: { totalCount: number; edges: { node: RelationData }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  articles: { id: string; title: string | null; date: string | null; source: string | null; url: string | null }[];
}

/** A page of 待审核: the least certain facts nobody has reviewed. */
export interface ReviewQueueData {
  relations: RelationData[];
  total: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface StatsData {
  articles?: number;
  entities?: number;
  relations?: number;
}

export function api(gql: Gql) {
  return {
    // The details panel of a hub, 显示更多 by cursor, the district list (see hubs.ts).
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
    search: (query: string, types?: EntityType[], first = 12) =>
      gql<{ search: SearchHitData[] }>(
        `query Search($q: String!, $types: [EntityType!], $first: Int) { search(query: $q, types: $types, first: $first) { score matched entity { ${ENTITY} } } }`,
        { q: query, types: types?.length ? types : null, first },
      ).then((d) => d.search),

    entity: (id: string, first = 100) =>
      gql<{ entity: EntityDetailsData | null }>(
        `query Entity($id: ID!, $first: Int) { entity(id: $id) { ${ENTITY}
           relations(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${EDGE_FULL} } } }
           articles { ${ARTICLE_REF} } } }`,
        { id, first },
      ).then((d) => d.entity),

    /** Several entities with the relations among them: what a shared link needs again. */
    entities: async (ids: string[]): Promise<{ entities: EntityRef[]; relations: RelationData[] }> => {
      const entities: EntityRef[] = [];
      const relations = new Map<string, RelationData>();
      // Chunks keep each request under the server's complexity limit.
      for (let i = 0; i < ids.length; i += 5) {
        const chunk = ids.slice(i, i + 5);
        const vars: Record<string, string> = {};
        const fields = chunk
          .map((id, j) => {
            vars[`id${j}`] = id;
            return `e${j}: entity(id: $id${j}) { ${ENTITY} relations(first: 100) { edges { node { ${EDGE_LITE} } } } }`;
          })
          .join('\n');
        const decl = chunk.map((_, j) => `$id${j}: ID!`).join(', ');
        const d = await gql<Record<string, (EntityRef & { relations: { edges: { node: RelationData }[] } }) | null>>(
          `query Entities(${decl}) { ${fields} }`,
          vars,
        );
        for (const e of Object.values(d)) {
          if (!e) continue;
          entities.push({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, degree: e.degree });
          for (const r of e.relations.edges) relations.set(r.node.id, r.node);
        }
      }
      const on = new Set(entities.map((e) => e.id));
      return { entities, relations: [...relations.values()].filter((r) => on.has(r.from.id) && on.has(r.to.id)) };
    },

    neighbourhood: (ids: string[], opts: { depth?: number; relationTypes?: RelationType[]; entityTypes?: EntityType[]; limit?: number } = {}) =>
      gql<{ neighbourhood: SubgraphData }>(
        `query Hood($ids: [ID!]!, $depth: Int, $et: [EntityType!], $rt: [RelationType!], $limit: Int) {
           neighbourhood(ids: $ids, depth: $depth, entityTypes: $et, relationTypes: $rt, limit: $limit) {
             truncated nodes { ${ENTITY} } edges { ${EDGE_LITE} } } }`,
        {
          ids,
          depth: opts.depth ?? 1,
          et: opts.entityTypes?.length ? opts.entityTypes : null,
          rt: opts.relationTypes?.length ? opts.relationTypes : null,
          limit: opts.limit ?? 200,
        },
      ).then((d) => d.neighbourhood),

    /** One relation with all its evidence, by id: a hub's 400th edge too (it was looked for among the first 100). */
    relation: (relationId: string) =>
      gql<{ relations: RelationData[] }>(`query Rel($ids: [ID!]!) { relations(ids: $ids) { ${EDGE_REVIEWED} } }`, { ids: [relationId] }).then(
        (d) => d.relations[0] ?? null,
      ),

    /**
     * The evidence of many relations by id, for exports: in requests of RELATION_IDS_PER_REQUEST
     * (the server's cap on ids, maxPageSize), so a canvas of any size is sent whole.
     */
    evidence: async (relationIds: string[]): Promise<Map<string, EvidenceData[]>> => {
      const found = new Map<string, EvidenceData[]>();
      for (let i = 0; i < relationIds.length; i += RELATION_IDS_PER_REQUEST) {
        const ids = relationIds.slice(i, i + RELATION_IDS_PER_REQUEST);
        const d = await gql<{ relations: { id: string; evidence: EvidenceData[] }[] }>(
          `query Evidence($ids: [ID!]!) { relations(ids: $ids) { id evidence { text start end article { ${ARTICLE_REF} } } } }`,
          { ids },
        );
        for (const r of d.relations) found.set(r.id, r.evidence);
      }
      return found;
    },

    /**
     * Paths under the analyst's choices (see pathSearch.ts). An empty list of relation types
     * means none may be walked here, so nothing is asked (to the server an empty list means all).
     */
    paths: (from: string, to: string, opts: Partial<PathQueryArgs> & { first?: number } = {}): Promise<PathData[]> =>
      opts.relationTypes && opts.relationTypes.length === 0
        ? Promise.resolve([])
        : gql<{ paths: PathData[] }>(
            `query Paths($from: ID!, $to: ID!, $max: Int, $first: Int, $rt: [RelationType!], $et: [EntityType!], $dateFrom: String, $dateTo: String, $leaveOutShortcuts: Boolean) {
           paths(from: $from, to: $to, maxLength: $max, first: $first, relationTypes: $rt, entityTypes: $et, dateFrom: $dateFrom, dateTo: $dateTo, leaveOutShortcuts: $leaveOutShortcuts) { nodes { ${ENTITY} } edges { ${EDGE_FULL} } } }`,
            {
              from,
              to,
              max: opts.maxLength ?? 4,
              first: opts.first ?? 5,
              rt: opts.relationTypes ?? null,
              et: opts.entityTypes?.length ? opts.entityTypes : null,
              dateFrom: opts.dateFrom ?? null,
              dateTo: opts.dateTo ?? null,
              leaveOutShortcuts: opts.leaveOutShortcuts ?? true,
            },
          ).then((d) => d.paths),

    /** 产业链: the supply chain around an entity, with evidence on every edge. */
    chain: (id: string, opts: { depth: number; direction: ChainDirection; layers: ChainLayer[]; limit?: number }) =>
      gql<{ chain: ChainData }>(
        `query Chain($id: ID!, $depth: Int, $direction: ChainDirection, $layers: [ChainLayer!], $limit: Int) {
           chain(id: $id, depth: $depth, direction: $direction, layers: $layers, limit: $limit) {
             root { ${ENTITY} } depth truncated exact
             nodes { level layer entity { ${ENTITY} } }
             edges { closesCycle relation { ${EDGE_FULL} } }
             levels { level count shown } layers { type count shown } } }`,
        { id, depth: opts.depth, direction: opts.direction, layers: opts.layers, limit: opts.limit ?? 300 },
      ).then((d) => d.chain),

    districtProfile: (id: string) =>
      gql<{ districtProfile: DistrictProfileData }>(
        `query DistrictProfile($id: ID!) { districtProfile(id: $id) {
           district { ${ENTITY} } enterprises total { ${FIGURE} }
           byYear { year figure { ${FIGURE} } }
           byCluster { cluster { ${ENTITY} } figure { ${FIGURE} } }
           topInvestors { enterprise { ${ENTITY} } figure { ${FIGURE} } }
           clusters { cluster { ${ENTITY} } leaders { ${ENTITY} } members figure { ${FIGURE} } }
           platforms { platform { ${ENTITY} } operators { ${ENTITY} } figure { ${FIGURE} } }
           recentArticles { ${ARTICLE_REF} } } }`,
        { id },
      ).then((d) => d.districtProfile),

    clusterProfile: (id: string) =>
      gql<{ clusterProfile: ClusterProfileData }>(
        `query ClusterProfile($id: ID!) { clusterProfile(id: $id) {
           cluster { ${ENTITY} } memberCount total { ${FIGURE} }
           leaders { enterprise { ${ENTITY} } role figure { ${FIGURE} } }
           members { enterprise { ${ENTITY} } role figure { ${FIGURE} } }
           districts { district { ${ENTITY} } enterprises home figure { ${FIGURE} } }
           byYear { year figure { ${FIGURE} } }
           byDistrict { district { ${ENTITY} } figure { ${FIGURE} } }
           topInvestors { enterprise { ${ENTITY} } figure { ${FIGURE} } }
           recentArticles { ${ARTICLE_REF} } } }`,
        { id },
      ).then((d) => d.clusterProfile),

    /** The facts behind a figure, with their sentences. */
    relations: (ids: string[]) =>
      gql<{ relations: RelationData[] }>(`query Facts($ids: [ID!]!) { relations(ids: $ids) { ${EDGE_FULL} } }`, { ids: ids.slice(0, 100) }).then(
        (d) => d.relations,
      ),

    article: (id: string) =>
      gql<{ article: Article | null }>(`query Article($id: ID!) { article(id: $id) { ${ARTICLE_REF} text } }`, { id }).then((d) => d.article),

    stats: () => gql<{ stats: StatsData }>(`{ stats { articles entities relations } }`).then((d) => d.stats),

    addAlias: (entityId: string, alias: string) =>
      gql<{ addAlias: EntityRef }>(`mutation Alias($id: ID!, $alias: String!) { addAlias(entityId: $id, alias: $alias) { ${ENTITY} } }`, {
        id: entityId,
        alias,
      }).then((d) => d.addAlias),

    mergeEntities: (keepId: string, mergeId: string) =>
      gql<{ mergeEntities: EntityRef }>(`mutation Merge($keep: ID!, $merge: ID!) { mergeEntities(keepId: $keep, mergeId: $merge) { ${ENTITY} } }`, {
        keep: keepId,
        merge: mergeId,
      }).then((d) => d.mergeEntities),

    deleteArticle: (id: string) =>
      gql<{ deleteArticle: boolean }>(`mutation Del($id: ID!) { deleteArticle(id: $id) }`, { id }).then((d) => d.deleteArticle),

    /** A canvas saved on the server; the deleteKey lets this browser delete it later. */
    saveView: (name: string | null, state: string) =>
      gql<{ saveView: { deleteKey: string; view: SavedViewData } }>(
        `mutation SaveView($input: SaveViewInput!) { saveView(input: $input) { deleteKey view { id name savedAt } } }`,
        { input: { name, state } },
      ).then((d) => d.saveView),

    view: (id: string) =>
      gql<{ view: (SavedViewData & { state: string }) | null }>(`query View($id: ID!) { view(id: $id) { id name savedAt state } }`, { id }).then(
        (d) => d.view,
      ),

    views: () =>
      gql<{ views: { edges: { node: SavedViewData }[] } }>(`{ views(first: 100) { edges { node { id name savedAt } } } }`).then((d) =>
        d.views.edges.map((e) => e.node),
      ),

    deleteView: (id: string, deleteKey: string | null) =>
      gql<{ deleteView: boolean }>(`mutation DeleteView($id: ID!, $key: String) { deleteView(id: $id, deleteKey: $key) }`, { id, key: deleteKey }).then(
        (d) => d.deleteView,
      ),

    /**
     * A saved canvas again: its entities (a hundred per request, no neighbours) and its
     * relations by id, so a 500-node canvas is a dozen requests and no relation is missed.
     */
    canvas: async (nodeIds: string[], edgeIds: string[]): Promise<{ entities: EntityRef[]; relations: RelationData[] }> => {
      const chunks = <T,>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
      const entities = new Map<string, EntityRef>();
      const relations = new Map<string, RelationData>();
      for (const ids of chunks(nodeIds, 100)) {
        const d = await gql<{ neighbourhood: SubgraphData }>(
          `query Seeds($ids: [ID!]!, $limit: Int) { neighbourhood(ids: $ids, depth: 0, limit: $limit) { nodes { ${ENTITY} } edges { ${EDGE_LITE} } } }`,
          { ids, limit: ids.length },
        );
        for (const n of d.neighbourhood.nodes) entities.set(n.id, n);
        for (const r of d.neighbourhood.edges) relations.set(r.id, r);
      }
      const missing = edgeIds.filter((id) => !relations.has(id));
      for (const ids of chunks(missing, 100)) {
        const d = await gql<{ relations: RelationData[] }>(`query Facts($ids: [ID!]!) { relations(ids: $ids) { ${EDGE_LITE} } }`, { ids });
        for (const r of d.relations) relations.set(r.id, r);
      }
      const wanted = new Set(edgeIds);
      return {
        entities: [...entities.values()],
        relations: [...relations.values()].filter((r) => wanted.has(r.id) && entities.has(r.from.id) && entities.has(r.to.id)),
      };
    },

    /** 待审核: the least certain unreviewed facts first, with their sentences. */
    reviewQueue: (opts: { first?: number; after?: string | null; threshold?: number | null; types?: RelationType[] } = {}) =>
      gql<{ reviewQueue: ReviewQueueData }>(
        `query Review($first: Int, $after: String, $threshold: Float, $types: [RelationType!]) {
           reviewQueue(first: $first, after: $after, threshold: $threshold, types: $types) { total endCursor hasNextPage relations { ${EDGE_REVIEWED} } } }`,
        { first: opts.first ?? 20, after: opts.after ?? null, threshold: opts.threshold ?? null, types: opts.types?.length ? opts.types : null },
      ).then((d) => d.reviewQueue),

    acceptRelation: (relationId: string) =>
      gql<{ acceptRelation: { id: string } }>(`mutation Accept($id: ID!) { acceptRelation(relationId: $id) { id accepted { at actor } } }`, { id: relationId }).then(
        (d) => d.acceptRelation,
      ),

    unacceptRelation: (relationId: string) =>
      gql<{ unacceptRelation: { id: string } | null }>(`mutation Unaccept($id: ID!) { unacceptRelation(relationId: $id) { id } }`, { id: relationId }).then(
        (d) => d.unacceptRelation,
      ),

    rejectRelation: (relationId: string, reason: string) =>
      gql<{ rejectRelation: { id: string } }>(`mutation Reject($id: ID!, $reason: String!) { rejectRelation(relationId: $id, reason: $reason) { id } }`, {
        id: relationId,
        reason,
      }).then((d) => d.rejectRelation),

    articles: () =>
      gql<{ articles: { edges: { node: { id: string; title: string | null; date: string | null; source: string | null } }[] } }>(
        `{ articles(first: 100) { edges { node { id title date source } } } }`,
      ).then((d) => d.articles.edges.map((e) => e.node)),
  };
}

export type Api = ReturnType<typeof api>;
