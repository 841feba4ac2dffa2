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
}

// ---- What the seed pipeline hands to a store -------------------------------------------

export interface ExtractedEntity {
  /** Local to one extraction (e.g. `e1`); the store maps it to the deterministic entity id. */
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

export interface ExtractedRelation {
  type: RelationType;
  /** Keys of ExtractedEntity in the same extraction. */
  from: string;
  to: string;
  amountCny?: number | null;
  role?: MemberRole | null;
  evidence: { text: string; start: number; end: number };
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
