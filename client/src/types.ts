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
  /** The extraction rule that found it; null when unknown. */
  rule?: string | null;
  /** How sure that rule is, 0–1; null when unknown. */
  confidence?: number | null;
}

export interface RelationData {
  id: string;
  type: RelationType;
  from: EntityRef;
  to: EntityRef;
  amountCny: number | null;
  role: string | null;
  evidence?: EvidenceData[];
  /** Combined over its live sentences, 0–1; null when none has one. */
  confidence?: number | null;
  support?: { evidence: number; articles: number };
  /** Reviewed and found right; null when nobody has. */
  accepted?: { at: string; actor: string | null } | null;
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

// ---- 产业链 views ----------------------------------------------------------------------------

export const CHAIN_LAYERS = ['INVESTS_IN', 'OPERATES', 'MEMBER_OF'] as const;
export type ChainLayer = (typeof CHAIN_LAYERS)[number];
export type ChainDirection = 'BOTH' | 'UPSTREAM' | 'DOWNSTREAM';

export interface ChainData {
  root: EntityRef;
  depth: number;
  truncated: boolean;
  exact: boolean;
  nodes: { level: number; layer: ChainLayer | null; entity: EntityRef }[];
  edges: { closesCycle: boolean; relation: RelationData }[];
  levels: { level: number; count: number; shown: number }[];
  layers: { type: ChainLayer; count: number; shown: number }[];
}

export interface FigureData {
  amountCny: number;
  projects: number;
  factCount: number;
  relationIds: string[];
}

export interface DistrictProfileData {
  district: EntityRef;
  enterprises: number;
  total: FigureData;
  byYear: { year: string | null; figure: FigureData }[];
  byCluster: { cluster: EntityRef | null; figure: FigureData }[];
  topInvestors: { enterprise: EntityRef; figure: FigureData }[];
  clusters: { cluster: EntityRef; leaders: EntityRef[]; members: number; figure: FigureData }[];
  platforms: { platform: EntityRef; operators: EntityRef[]; figure: FigureData }[];
  recentArticles: ArticleRef[];
}

export interface ClusterProfileData {
  cluster: EntityRef;
  memberCount: number;
  leaders: { enterprise: EntityRef; role: string | null; figure: FigureData }[];
  members: { enterprise: EntityRef; role: string | null; figure: FigureData }[];
  districts: { district: EntityRef; enterprises: number; home: boolean; figure: FigureData }[];
  total: FigureData;
  byYear: { year: string | null; figure: FigureData }[];
  byDistrict: { district: EntityRef | null; figure: FigureData }[];
  topInvestors: { enterprise: EntityRef; figure: FigureData }[];
  recentArticles: ArticleRef[];
}
