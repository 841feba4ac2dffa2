export const ENTITY_TYPES = ['DISTRICT', 'CLUSTER', 'ENTERPRISE', 'PLATFORM', 'PROJECT'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const RELATION_TYPES = ['LOCATED_IN', 'INVESTS_IN', 'MEMBER_OF', 'OPERATES', 'COOPERATES_WITH', 'SUPPLIES'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface EntityRef {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  degree?: number;
}

export interface ArticleRef {
  id: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
}
export interface Article extends ArticleRef {
  text: string;
}

export interface EvidenceData {
  article: ArticleRef;
  text: string;
  start: number;
  end: number;
}

export interface RelationData {
  id: string;
  type: RelationType;
  from: EntityRef;
  to: EntityRef;
  amountCny: number | null;
  role: string | null;
  evidence?: EvidenceData[];
}

export interface SubgraphData {
  nodes: EntityRef[];
  edges: RelationData[];
  truncated: boolean;
}

export interface PathData {
  nodes: EntityRef[];
  edges: RelationData[];
}

export interface SearchHitData {
  entity: EntityRef;
  score: number;
  matched: string;
}
