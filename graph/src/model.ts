// The domain of ChainAtlas: Chongqing's industrial base as entities, relations and the
// articles (evidence) that state them. Names follow ../shared/eval/SPEC.md.

export const ENTITY_TYPES = ['District', 'Cluster', 'Enterprise', 'Platform', 'Project'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'LOCATED_IN',
  'INVESTS_IN',
  'MEMBER_OF',
  'OPERATES',
  'COOPERATES_WITH',
  'SUPPLIES',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export type MemberRole = 'leader' | 'member';

/** COOPERATES_WITH is the one unordered relation: its endpoints are stored sorted. */
export const UNDIRECTED_RELATIONS: ReadonlySet<RelationType> = new Set(['COOPERATES_WITH']);

/** Which entity types may stand at each end of a relation (SPEC.md, "Relation types"). */
export const RELATION_ENDPOINTS: Record<RelationType, { from: readonly EntityType[]; to: readonly EntityType[] }> = {
  LOCATED_IN: { from: ['Enterprise', 'Platform', 'Project', 'Cluster'], to: ['District'] },
  INVESTS_IN: { from: ['Enterprise'], to: ['Project'] },
  MEMBER_OF: { from: ['Enterprise'], to: ['Cluster'] },
  OPERATES: { from: ['Enterprise', 'Platform'], to: ['Platform'] },
  COOPERATES_WITH: { from: ['Enterprise', 'Platform'], to: ['Enterprise', 'Platform'] },
  SUPPLIES: { from: ['Enterprise', 'Platform'], to: ['Enterprise'] },
};

export function isEntityType(t: unknown): t is EntityType {
  return typeof t === 'string' && (ENTITY_TYPES as readonly string[]).includes(t);
}

export function isRelationType(t: unknown): t is RelationType {
  return typeof t === 'string' && (RELATION_TYPES as readonly string[]).includes(t);
}

export interface ArticleMeta {
  title?: string | null;
  /** ISO date, YYYY-MM-DD. */
  date?: string | null;
  source?: string | null;
  url?: string | null;
  /** The file the article was read from, if any (e.g. `000_1dec3f20949d3dbf.txt`). */
  file?: string | null;
}

/** An article is a node too. Its id is a hash of its text, so the same text loads once. */
export interface Article extends ArticleMeta {
  id: string;
  text: string;
  /** When it was loaded into this graph (ISO timestamp). */
  loadedAt?: string;
}

/** Where a relation is stated: a sentence of an article, with UTF-16 offsets into its text. */
export interface Evidence {
  articleId: string;
  text: string;
  start: number;
  end: number;
  /** The extraction rule that found it (`pnpm seed rules`); null = unknown (loaded before rules were kept, or by hand). */
  rule?: string | null;
  /** How sure that rule is, 0–1; null = unknown. */
  confidence?: number | null;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

export interface Relation {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  amountCny?: number | null;
  role?: MemberRole | null;
  evidence: Evidence[];
  /** Combined over its live evidence (see review.ts combineConfidence); null = no piece has one. Stores fill it. */
  confidence?: number | null;
  /** How much states it: live pieces of evidence and the articles they are in. Stores fill it. */
  support?: { evidence: number; articles: number };
  /** An analyst reviewed it and found it right (it left the review queue); null = not reviewed. */
  accepted?: Acceptance | null;
}

/** An analyst's word that a fact is right. */
export interface Acceptance {
  relationId: string;
  /** ISO timestamp. */
  at: string;
  actor: string | null;
}

/**
 * An analyst said a fact is wrong: the whole relation (`evidence` null) or one piece of its
 * evidence. Kept with what the fact said, so it can be restored.
 */
export interface Rejection {
  /** The relation id, or for one piece of evidence `relationId#articleId:start-end` (see rejectionId). */
  id: string;
  relationId: string;
  type: RelationType;
  from: string;
  to: string;
  evidence: Evidence | null;
  reason: string;
  /** ISO timestamp. */
  at: string;
  actor: string | null;
}

export const AUDIT_KINDS = [
  'ingest',
  'alias',
  'merge',
  'unmerge',
  'reject',
  'restore',
  'delete-article',
  'delete-view',
  'accept',
  'unaccept',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** One change made through the store's curation operations: who, when, and what it was before and after. */
export interface AuditEntry {
  /** Sorts by time: newer entries have greater ids. */
  id: string;
  kind: AuditKind;
  /** ISO timestamp. */
  at: string;
  /** The named token's actor; null for the single anonymous token (or a command line). */
  actor: string | null;
  /** What was changed: an entity, relation, rejection or article id. */
  target: string;
  /** What the change replaced and what it left, as JSON values (null: nothing). */
  before: unknown;
  after: unknown;
}

/** What happens to one relation of the entity merged away. */
export interface MergeMove {
  /** The relation as it stands now, with its evidence. */
  relation: Relation;
  /** Its id after the merge (ids derive from the ends); null when it is dropped. */
  becomes: string | null;
  /**
   * moved: it carries on under the new id; joined: the kept entity already has that relation and
   * takes its evidence; dropped: it related the two entities, so it would relate the kept one to itself.
   */
  outcome: 'moved' | 'joined' | 'dropped';
}

export type MergeOutcome = MergeMove['outcome'];

/** Something in a merge an analyst should look at before confirming it. */
export interface MergeConflict {
  /** AMOUNT_DIFFERS: two investments of different amounts become one; SELF_RELATION: a fact between the two is lost. */
  code: 'AMOUNT_DIFFERS' | 'SELF_RELATION';
  relationId: string;
  message: string;
}

/** What mergeEntities(keep, merge) would do, computed without writing anything. */
export interface MergePreview {
  keep: Entity;
  merge: Entity;
  /** Names of the merged entity that the kept one gains as aliases. */
  aliasesAdded: string[];
  relations: MergeMove[];
  /** Pieces of evidence that move to the kept entity's relations. */
  evidenceMoved: number;
  /** Articles naming the merged entity that will name the kept one. */
  articlesMoved: number;
  conflicts: MergeConflict[];
}

// ---- What the seed pipeline hands to a store -------------------------------------------

export interface ExtractedEntity {
  /** Local to one extraction (e.g. `e1`); the store maps it to the deterministic entity id. */
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** The extraction rule that found it (`pnpm seed rules`); stores do not keep it. */
  rule?: string;
}

export interface ExtractedRelation {
  type: RelationType;
  /** Keys of ExtractedEntity in the same extraction. */
  from: string;
  to: string;
  amountCny?: number | null;
  role?: MemberRole | null;
  evidence: { text: string; start: number; end: number };
  /** The extraction rule that produced it (`pnpm seed rules`). */
  rule?: string;
  /**
   * How sure the extractor is of this piece of evidence, 0–1: the producing rule's confidence
   * (a relation stated outright scores higher than one inferred from the story's context), raised
   * when other rules found the same relation in the same sentence. Absent = unknown (e.g. hand-written).
   */
  confidence?: number;
}

/** One article with everything found in it: the unit that loads atomically. */
export interface ArticleExtraction {
  article: Omit<Article, 'id' | 'loadedAt'> & { id?: string };
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

// ---- What a store answers -------------------------------------------------------------

export interface EntityDetails extends Entity {
  /** Its relations, up to the limit asked for (all of them for most entities). */
  relations: Relation[];
  /** Ids of the articles that mention the entity, newest first, up to the limit asked for. */
  articleIds: string[];
  articleCount: number;
  /** How many relations it has in all. */
  degree: number;
}

export interface SearchHit {
  entity: Entity;
  score: number;
  /** The name, alias or pinyin form that matched. */
  matched: string;
}

export interface Subgraph {
  nodes: Entity[];
  edges: Relation[];
  truncated: boolean;
}

export interface GraphPath {
  nodes: Entity[];
  edges: Relation[];
}

export interface GraphStats {
  articles: number;
  entities: number;
  relations: number;
  evidence: number;
  entitiesByType: Record<EntityType, number>;
  relationsByType: Record<RelationType, number>;
}

export interface UpsertReport {
  articleId: string;
  /** false when the same article (same text) was already loaded: nothing changed. */
  created: boolean;
  entitiesAdded: string[];
  entitiesExisting: string[];
  relationsAdded: string[];
  relationsExisting: string[];
  evidenceAdded: number;
}

export interface ArticleSummary extends ArticleMeta {
  id: string;
  loadedAt?: string;
  length: number;
}

// ---- 产业链: the chain view and the dashboards -------------------------------------------

/** Which way along SUPPLIES: towards suppliers (upstream) or customers (downstream). */
export type ChainDirection = 'upstream' | 'downstream' | 'both';

/** Relations a chain view may show beside the supply chain, each an optional layer. */
export const CHAIN_LAYERS = ['INVESTS_IN', 'OPERATES', 'MEMBER_OF'] as const;
export type ChainLayer = (typeof CHAIN_LAYERS)[number];

/** Entities a chain starts from: those that supply or are supplied, and clusters (through their members). */
export const CHAIN_ROOT_TYPES: readonly EntityType[] = ['Enterprise', 'Platform', 'Cluster'];

export interface ChainNode {
  entity: Entity;
  /** 0 for the start (and a cluster's members), -n n steps upstream, +n n steps downstream. */
  level: number;
  /** The optional layer that brought the node in; null for the supply chain itself. */
  layer: ChainLayer | null;
}

export interface ChainEdge {
  relation: Relation;
  /** A SUPPLIES relation that goes back against the chain's direction (a cycle); drawn once. */
  closesCycle: boolean;
}

export interface ChainLevel {
  level: number;
  /** Entities at this many steps, in all (within the walk's budget, see `Chain.exact`). */
  count: number;
  /** How many of them the answer carries. */
  shown: number;
}

export interface ChainLayerCount {
  type: ChainLayer;
  count: number;
  shown: number;
}

export interface Chain {
  root: Entity;
  depth: number;
  nodes: ChainNode[];
  edges: ChainEdge[];
  levels: ChainLevel[];
  layers: ChainLayerCount[];
  /** Some entities of the chain are counted but not carried (the node limit). */
  truncated: boolean;
  /** False when the walk stopped counting at its budget (a hub's whole market at depth 4). */
  exact: boolean;
}

/** One number of a dashboard and the facts it rests on. */
export interface Figure {
  amountCny: number;
  projects: number;
  /** Ids of the relations behind the figure (the first `FIGURE_FACTS`), and how many there are. */
  relationIds: string[];
  factCount: number;
}

export interface YearFigure extends Figure {
  /** YYYY of the earliest article stating the project; null when no article is dated. */
  year: string | null;
}

export interface ClusterFigure extends Figure {
  /** null: investors that belong to no cluster. */
  cluster: Entity | null;
}

export interface DistrictFigure extends Figure {
  district: Entity | null;
}

export interface InvestorFigure extends Figure {
  enterprise: Entity;
}

export interface ClusterLeaders {
  cluster: Entity;
  leaders: Entity[];
  members: number;
  relationIds: string[];
  factCount: number;
}

export interface PlatformOperators {
  platform: Entity;
  operators: Entity[];
  relationIds: string[];
  factCount: number;
}

export interface MemberEntry {
  enterprise: Entity;
  role: MemberRole | null;
  relationIds: string[];
  factCount: number;
}

export interface DistrictCount {
  district: Entity;
  /** Members located there (or 1 for where the cluster itself is). */
  enterprises: number;
  home: boolean;
  relationIds: string[];
  factCount: number;
}

export interface DistrictProfile {
  district: Entity;
  total: Figure;
  enterprises: number;
  byYear: YearFigure[];
  byCluster: ClusterFigure[];
  topInvestors: InvestorFigure[];
  clusters: ClusterLeaders[];
  platforms: PlatformOperators[];
  recentArticles: ArticleSummary[];
}

export interface ClusterProfile {
  cluster: Entity;
  memberCount: number;
  leaders: MemberEntry[];
  /** Members by degree, the best connected first (up to a limit). */
  members: MemberEntry[];
  districts: DistrictCount[];
  total: Figure;
  byYear: YearFigure[];
  byDistrict: DistrictFigure[];
  topInvestors: InvestorFigure[];
  recentArticles: ArticleSummary[];
}

/** A canvas an analyst saved (or the explorer saved for a link too long for an address bar). */
export interface SavedView {
  /** Short and random: a link carries it instead of the canvas. */
  id: string;
  /** Null for a view saved only to shorten a link: it is not listed. */
  name: string | null;
  /** The client's canvas (entities, positions, filters, expansions, selection), opaque to the store. */
  state: string;
  savedAt: string;
}

/** A saved view as the store keeps it: with the hash of the key that lets its author delete it. */
export interface StoredView extends SavedView {
  ownerHash: string;
}

// ---- The details panel of a hub, and paging through its neighbours -----------------------

/** One relation of an entity as the details panel counts it: what the filters and figures need. */
export interface EntityFact {
  relationId: string;
  type: RelationType;
  /** The entity is the relation's source (`from`). */
  out: boolean;
  /** The type of the entity at the other end. */
  otherType: EntityType;
  amountCny: number | null;
  /** The articles stating it, and their dates (null: undated). */
  articles: { id: string; date: string | null }[];
}

/** The figures of an entity's details panel, over every relation of it that passes the filter. */
export interface EntitySummary {
  relationCount: number;
  /** Every relation type, with how many of the entity's relations are of it (zeros included). */
  relationCounts: { type: RelationType; count: number }[];
  /** Stated amounts of its INVESTS_IN relations going out (what an enterprise invests) and coming in (what a project receives), in 元. */
  investmentOutCny: number;
  investmentInCny: number;
  /** Distinct articles stating those relations (within the dates, when the filter has dates). */
  articleCount: number;
}

/** One page of an entity's neighbours, best connected first, with the relations that bring them. */
export interface NeighbourPage {
  /** The neighbours on this page. */
  nodes: Entity[];
  /** Relations between the entity and this page's neighbours, and between them and `among` (and each other). */
  edges: Relation[];
  /** How many neighbours pass the filter, over all pages. */
  total: number;
  /** Pass as `after` for the next page; null on the last. */
  next: string | null;
}

/** A district with how many entities are located in it (the explorer's 区县 filter lists every one). */
export interface DistrictSummary {
  district: Entity;
  located: number;
}
