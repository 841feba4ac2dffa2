import type {
  ArticleExtraction,
  Chain,
  ChainDirection,
  ChainLayer,
  ClusterProfile,
  DistrictProfile,
  Article,
  ArticleSummary,
  Entity,
  MergePreview,
  EntityDetails,
  EntityType,
  GraphPath,
  GraphStats,
  AuditEntry,
  AuditKind,
  Rejection,
  Relation,
  RelationType,
  SearchHit,
  Subgraph,
  UpsertReport,
  SavedView,
  StoredView,
  DistrictSummary,
  EntitySummary,
  NeighbourPage,
} from './model';
import type { RelationFilter } from './summary';
import type { SaveViewInput, ViewPageOptions } from './saved-views';
import type { GraphRecord, ImportReport } from './backup';
import type { ReviewPage, ReviewQueueOptions } from './review';

export interface SearchOptions {
  types?: EntityType[];
  limit?: number;
}

export interface NeighbourhoodOptions {
  depth?: number;
  entityTypes?: EntityType[];
  relationTypes?: RelationType[];
  /** The most nodes returned (seeds included); past it the answer is `truncated`. */
  limit?: number;
}

export interface PathOptions {
  /** Hops, 1–6 (default 4); past that range a BAD_INPUT error. */
  maxLength?: number;
  relationTypes?: RelationType[];
  /** Entity types a path may pass through (its two ends are whatever they are); all when empty. */
  entityTypes?: EntityType[];
  /**
   * Only relations stated in an article dated within (ISO dates, either may be open). A relation
   * none of whose articles has a date is kept, as the explorer's date filter keeps it.
   */
  dateFrom?: string | null;
  dateTo?: string | null;
  /** Leave out paths through a District or Cluster (a shared 位于 or 成员; see SHORTCUT_TYPES). Default true. */
  leaveOutShortcuts?: boolean;
  /** k: how many shortest paths. */
  limit?: number;
}

export interface ChainOptions {
  /** Steps along SUPPLIES each way, 1–4 (default 2). */
  depth?: number;
  /** upstream (suppliers), downstream (customers) or both (default). */
  direction?: ChainDirection;
  /** Optional layers beside the supply chain: projects invested in, platforms operated, clusters joined. */
  layers?: ChainLayer[];
  /** The most entities carried for the chain (default 300, at most 2000); each layer may add as many again. */
  limit?: number;
}

export type ArticleOutcome = { ok: true; report: UpsertReport } | { ok: false; error: Error };

export interface EntityDetailOptions {
  relationLimit?: number;
  articleLimit?: number;
}

export interface RelationPageOptions extends Omit<RelationFilter, 'relationTypes'> {
  types?: RelationType[];
  /** Page size (default 50). */
  first?: number;
  /** A relation id: the page starts after it. */
  after?: string | null;
}

export interface NeighbourPageOptions extends RelationFilter {
  /** Page size (default 100, at most 5000). */
  first?: number;
  /** The `next` of the previous page. */
  after?: string | null;
  /**
   * Entities already on the analyst's canvas: relations between them and this page's
   * neighbours come with the page, so a new node is not drawn as an island.
   */
  among?: string[];
}

export interface AliasQuery {
  type: EntityType;
  names: string[];
}

/** One piece of a relation's evidence, by where it stands in its article. */
export interface EvidenceKey {
  articleId: string;
  start: number;
  end: number;
}

export interface RejectOptions {
  /** Why the fact is wrong (required: the next analyst needs to know). */
  reason: string;
  /** Only this piece of the relation's evidence; absent = the whole relation. */
  evidence?: EvidenceKey | null;
  /** Who rejected it (a named token's actor); null = anonymous. */
  actor?: string | null;
}

export interface RestoreOptions {
  evidence?: EvidenceKey | null;
  actor?: string | null;
}

export interface RejectionPageOptions {
  /** Page size (default 50, at most 1000). */
  first?: number;
  /** A rejection id: the page starts after it (rejections are ordered by id). */
  after?: string | null;
}

/** Who is making a change, for the audit log. */
export interface ActorOptions {
  /** A named token's actor; null or absent = anonymous. */
  actor?: string | null;
}

export interface AuditPageOptions {
  /** Page size (default 50, at most 1000). */
  first?: number;
  /** An entry id: the page holds older entries than it (newest first). */
  after?: string | null;
  actor?: string | null;
  kind?: AuditKind | null;
}

/** A change an analyst made by hand; it outlives re-extraction. */
export interface Curation {
  kind: 'alias' | 'merge';
  entityId: string;
  /** The alias added, or the id of the entity merged into `entityId`. */
  value: string;
  at: string;
}

/**
 * The graph, in domain operations. Two adapters (SQLite, Neo4j) implement it and pass
 * one contract suite (`@chain-atlas/graph/contract`).
 */
export interface GraphStore {
  readonly kind: 'sqlite' | 'neo4j';

  /**
   * Loads one article with its entities, relations and evidence, atomically: all of it or
   * nothing. The same article (same text) again changes nothing (`created: false`).
   * Entities land on existing ones by id, by alias, or through an analyst's merge.
   */
  upsertArticle(extraction: ArticleExtraction, audit?: ActorOptions): Promise<UpsertReport>;
  /**
   * Loads many articles, each atomically on its own (one that fails is reported and leaves
   * nothing behind; the others load). Faster than one call per article for bulk loads.
   */
  upsertArticles(extractions: ArticleExtraction[]): Promise<ArticleOutcome[]>;
  /** Removes the article, its evidence, relations left without evidence and entities left unmentioned. */
  deleteArticle(id: string, audit?: ActorOptions): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  getArticles(ids: string[]): Promise<Article[]>;
  listArticles(options?: { limit?: number; offset?: number }): Promise<{ total: number; items: ArticleSummary[] }>;

  /** Names, aliases and pinyin forms; any Chinese substring (one character too); best first. */
  search(text: string, options?: SearchOptions): Promise<SearchHit[]>;
  /**
   * An entity with its relations (with evidence) and the articles naming it. A hub has tens of
   * thousands of both: at most `relationLimit` (500) relations and the newest `articleLimit`
   * (100) articles come with it; `relationsOf` pages through all relations.
   */
  getEntity(id: string, options?: EntityDetailOptions): Promise<EntityDetails | null>;
  getEntities(ids: string[]): Promise<Entity[]>;
  /**
   * The relations touching an entity, ordered by relation id, one page at a time (`after` is
   * the last id of the previous page), with how many there are in all: a hub's tens of
   * thousands of relations are never read to show twenty.
   */
  relationsOf(entityId: string, options?: RelationPageOptions): Promise<{ total: number; items: Relation[] }>;
  getRelations(ids: string[]): Promise<Relation[]>;
  /**
   * The figures of an entity's details panel — relations by type, investment out and in,
   * articles — over every one of its relations that passes the filter (a hub's tenth thousand
   * too). Null when there is no such entity (a merged-away id answers for the one it went into).
   */
  entitySummary(id: string, filter?: RelationFilter): Promise<EntitySummary | null>;
  /**
   * An entity's neighbours a page at a time, best connected first (then by id), each with the
   * relations that bring it: "显示更多" asks for the next page instead of everything again.
   */
  neighbours(id: string, options?: NeighbourPageOptions): Promise<NeighbourPage>;
  /** Every district, with how many entities are located in it, most first. */
  districts(): Promise<DistrictSummary[]>;
  /** For each query, the id of the existing entity of that type that has one of the names (or null). */
  resolveNames(queries: AliasQuery[]): Promise<(string | null)[]>;
  /** Degree of each entity (relations touching it). */
  degrees(ids: string[]): Promise<Map<string, number>>;

  neighbourhood(ids: string[], options?: NeighbourhoodOptions): Promise<Subgraph>;
  /** The k shortest paths (edges walked in either direction), shortest first. */
  paths(from: string, to: string, options?: PathOptions): Promise<GraphPath[]>;

  /**
   * The 产业链 of an Enterprise, Platform or Cluster (a cluster through its members): suppliers
   * level by level upstream (-1, -2…), customers downstream (+1, +2…), every entity once at its
   * nearest level, a relation closing a cycle drawn once and flagged; counts per level and per
   * layer. Null when there is no such entity; BAD_INPUT for a District or Project.
   */
  chain(rootId: string, options?: ChainOptions): Promise<Chain | null>;
  /**
   * 区县画像: investment and projects by year and by cluster, top investors, its clusters with
   * their 龙头, its platforms, the newest articles; every figure with the relation ids behind
   * it. Null when there is no such entity; BAD_INPUT when it is not a District.
   */
  districtProfile(id: string): Promise<DistrictProfile | null>;
  /** 集群画像: members, leaders, districts and the members' investment, likewise. */
  clusterProfile(id: string): Promise<ClusterProfile | null>;

  addAlias(entityId: string, alias: string, audit?: ActorOptions): Promise<Entity>;
  /** Moves `mergeId`'s relations, evidence and aliases to `keepId`; later articles naming it land on `keepId`. */
  mergeEntities(keepId: string, mergeId: string, audit?: ActorOptions): Promise<Entity>;
  /**
   * What mergeEntities(keepId, mergeId) would do — which relations move, join the kept one's or
   * are dropped, how much evidence moves, which aliases the kept entity gains, what conflicts —
   * without writing. Fails as the merge would (NOT_FOUND, BAD_INPUT).
   */
  mergePreview(keepId: string, mergeId: string): Promise<MergePreview>;
  /**
   * Undoes the newest merge of `mergeId` into `keepId`: the merged entity is back with its names,
   * its articles, and its relations with the evidence they had (evidence of articles deleted since
   * stays gone; what articles loaded since stated stays on the kept entity); the redirect goes.
   * Answers the restored entity. NOT_FOUND when there is no such merge; CONFLICT when it was
   * undone already or the kept entity is gone since.
   */
  unmergeEntities(keepId: string, mergeId: string, audit?: ActorOptions): Promise<Entity>;
  listCurations(): Promise<Curation[]>;

  /**
   * Rejects a relation, or one piece of its evidence, with a reason. The fact leaves every read
   * (search degree, neighbourhoods, paths, chains, profiles, counts, exports of the live graph)
   * but stays in the store, and loading its article again does not bring it back. A relation
   * whose last piece of evidence is rejected leaves the graph with it. Rejecting what is already
   * rejected answers the existing rejection. NOT_FOUND when there is no such relation or piece.
   */
  rejectRelation(relationId: string, options: RejectOptions): Promise<Rejection>;
  /**
   * Undoes a rejection: the relation (or the piece) is back with all the evidence held for it
   * meanwhile. Answers the relation as it now stands, or null when nothing states it any more
   * (its articles were deleted, or the whole relation is still rejected). NOT_FOUND when there
   * is no such rejection.
   */
  restoreRelation(relationId: string, options?: RestoreOptions): Promise<Relation | null>;
  /** Rejections in id order, one page at a time. */
  listRejections(options?: RejectionPageOptions): Promise<Rejection[]>;

  /**
   * An analyst reviewed the relation and found it right: it stays, and leaves the review queue
   * (audited as 'accept'). Accepting it again changes nothing and answers it as it stands.
   * NOT_FOUND when there is no such relation in the graph.
   */
  acceptRelation(relationId: string, audit?: ActorOptions): Promise<Relation>;
  /** Undoes an acceptance: the relation is back in the review queue ('unaccept'). NOT_FOUND when it was not accepted. */
  unacceptRelation(relationId: string, audit?: ActorOptions): Promise<Relation | null>;
  /**
   * 待审核: the relations nobody has accepted or rejected, least certain first (confidence
   * ascending, unknown last; ties: fewer pieces of evidence, then id), a keyset page at a time,
   * each with its evidence, with how many there are in all.
   */
  reviewQueue(options?: ReviewQueueOptions): Promise<ReviewPage>;

  /**
   * The audit log, newest first: every alias, merge, unmerge, rejection, restore, article and
   * saved-view deletion,
   * and every ingest made with `audit` options (an API ingest; bulk loads pass none), each
   * written in the same transaction as the change.
   */
  auditLog(options?: AuditPageOptions): Promise<AuditEntry[]>;

  stats(): Promise<GraphStats>;

  /** Keeps a canvas under a new short id (a view is never changed: saving again makes another). */
  saveView(input: SaveViewInput): Promise<SavedView>;
  /** A saved view by id, named or not, with its owner's key hash (the server checks deletes with it). */
  getView(id: string): Promise<StoredView | null>;
  /** Named views, newest first, one keyset page at a time, with how many there are. */
  listViews(options?: ViewPageOptions): Promise<{ total: number; items: SavedView[] }>;
  deleteView(id: string, audit?: ActorOptions): Promise<boolean>;

  /** Everything the graph holds, as records in dependency order (backup, moving between stores). */
  exportRecords(): AsyncIterable<GraphRecord>;
  /** Restores exported records into an empty store, all or nothing. */
  importRecords(records: AsyncIterable<GraphRecord>): Promise<ImportReport>;

  close(): Promise<void>;
}

export class GraphStoreError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_INPUT' | 'CONFLICT' | 'STORE_FAILURE',
    message: string,
  ) {
    super(message);
    this.name = 'GraphStoreError';
  }
}

/** A piece of evidence named by a caller, checked: offsets are whole numbers. */
export function evidenceKey(key: EvidenceKey | null | undefined): EvidenceKey | null {
  if (key == null) return null;
  if (typeof key.articleId !== 'string' || !key.articleId || !Number.isInteger(key.start) || !Number.isInteger(key.end)) {
    throw new GraphStoreError('BAD_INPUT', 'a piece of evidence is named by its articleId and its start and end offsets');
  }
  return { articleId: key.articleId, start: key.start, end: key.end };
}


/** What an ingest did, as the audit log keeps it (counts and ids, not the text). */
export function ingestSummary(extraction: ArticleExtraction, report: UpsertReport): unknown {
  const a = extraction.article;
  return {
    title: a.title ?? null,
    date: a.date ?? null,
    source: a.source ?? null,
    created: report.created,
    entitiesAdded: report.entitiesAdded,
    relationsAdded: report.relationsAdded,
    evidenceAdded: report.evidenceAdded,
  };
}
