// The public contract of ChainAtlas 产业链图谱. Names and shapes here are promised to the
// client and to anyone scripting against the API: server/schema.graphql is its snapshot.

import { API_DEFAULTS as D, STORE_BOUNDS } from '@chain-atlas/graph';

// Argument defaults come from the graph's core (API_DEFAULTS), where the resolvers read them too.
export const typeDefs = /* GraphQL */ `
"""
What kind of thing a node of the graph is.
"""
enum EntityType {
  "区县 — one of Chongqing's districts and counties, e.g. 两江新区, 江北区."
  DISTRICT
  "产业集群 — an industrial cluster, e.g. 智能网联新能源汽车产业集群."
  CLUSTER
  "企业 — a company."
  ENTERPRISE
  "平台 — an industrial internet platform, park, lab or other shared facility."
  PLATFORM
  "项目 — an investment project."
  PROJECT
}

"""
What a relation between two entities states. Every relation is backed by evidence sentences.
"""
enum RelationType {
  "Enterprise, Platform, Project or Cluster → District: 位于、落户."
  LOCATED_IN
  "Enterprise → Project: 投资; may carry amountCny."
  INVESTS_IN
  "Enterprise → Cluster: 加入、龙头; carries role (leader or member)."
  MEMBER_OF
  "Enterprise or Platform → Platform: 运营、搭建."
  OPERATES
  "Enterprise/Platform ↔ Enterprise/Platform: 合作、携手. The one undirected relation."
  COOPERATES_WITH
  "Enterprise or Platform → Enterprise: 供应、配套 (from supplies to)."
  SUPPLIES
}

"""
A node of the graph. Ids are stable: the type and the canonical name, e.g. 'enterprise:赛力斯'.
An id of an entity that was merged into another still finds the one it was merged into.
"""
interface Entity {
  id: ID!
  type: EntityType!
  "The canonical (usually full) name."
  name: String!
  "Other names the articles or analysts use (简称, former names)."
  aliases: [String!]!
  "Relations touching this entity, either direction, ordered by relation id; paginated."
  relations(types: [RelationType!], first: Int = ${D.relationsFirst}, after: String, filter: RelationFilter): RelationConnection!
  "How many relations touch this entity."
  degree: Int!
  "Articles that mention this entity, newest first."
  articles: [Article!]!
  """
  The figures of its details panel — relations by type, investment, articles — over every one of
  its relations that passes the filter (a hub's too: nothing is capped).
  """
  summary(filter: RelationFilter): EntitySummary!
}

"区县 District."
type District implements Entity {
  id: ID!
  type: EntityType!
  name: String!
  aliases: [String!]!
  relations(types: [RelationType!], first: Int = ${D.relationsFirst}, after: String, filter: RelationFilter): RelationConnection!
  degree: Int!
  articles: [Article!]!
  summary(filter: RelationFilter): EntitySummary!
  "Enterprises located in the district."
  enterprises: [Enterprise!]!
  "Clusters located in the district."
  clusters: [Cluster!]!
  "Projects located in the district."
  projects: [Project!]!
  "Platforms located in the district."
  platforms: [Platform!]!
  "Sum of the stated investment (元, CNY) into the district's projects; 0 when no article states an amount."
  totalInvestmentCny: Float!
}

"产业集群 Cluster."
type Cluster implements Entity {
  id: ID!
  type: EntityType!
  name: String!
  aliases: [String!]!
  relations(types: [RelationType!], first: Int = ${D.relationsFirst}, after: String, filter: RelationFilter): RelationConnection!
  degree: Int!
  articles: [Article!]!
  summary(filter: RelationFilter): EntitySummary!
  "Where the cluster is (the first, by name, if several)."
  district: District
  "龙头企业 — member enterprises named as leaders."
  leaders: [Enterprise!]!
  "Every member enterprise, leaders included."
  members: [Enterprise!]!
}

"企业 Enterprise."
type Enterprise implements Entity {
  id: ID!
  type: EntityType!
  name: String!
  aliases: [String!]!
  relations(types: [RelationType!], first: Int = ${D.relationsFirst}, after: String, filter: RelationFilter): RelationConnection!
  degree: Int!
  articles: [Article!]!
  summary(filter: RelationFilter): EntitySummary!
  "Districts the enterprise is located in."
  districts: [District!]!
  "Clusters it belongs to."
  clusters: [Cluster!]!
  "Projects it invests in."
  projects: [Project!]!
  "Platforms it operates."
  platforms: [Platform!]!
  "Enterprises and platforms it cooperates with (合作伙伴)."
  partners: [Entity!]!
  "Who supplies it (供应商): enterprises and platforms."
  suppliers: [Entity!]!
  "Whom it supplies (客户)."
  customers: [Enterprise!]!
}

"平台 Platform."
type Platform implements Entity {
  id: ID!
  type: EntityType!
  name: String!
  aliases: [String!]!
  relations(types: [RelationType!], first: Int = ${D.relationsFirst}, after: String, filter: RelationFilter): RelationConnection!
  degree: Int!
  articles: [Article!]!
  summary(filter: RelationFilter): EntitySummary!
  "Who runs it: enterprises and platforms."
  operators: [Entity!]!
  "Where it is (the first, by name, if several)."
  district: District
  "Enterprises and platforms it cooperates with."
  partners: [Entity!]!
}

"An enterprise's stake in a project."
type Investment {
  enterprise: Enterprise!
  "Stated amount in 元 (CNY), if the article gives one."
  amountCny: Float
  "The INVESTS_IN relation, with its evidence."
  relation: Relation!
}

"项目 Project."
type Project implements Entity {
  id: ID!
  type: EntityType!
  name: String!
  aliases: [String!]!
  relations(types: [RelationType!], first: Int = ${D.relationsFirst}, after: String, filter: RelationFilter): RelationConnection!
  degree: Int!
  articles: [Article!]!
  summary(filter: RelationFilter): EntitySummary!
  "Who invests in it, and how much."
  investors: [Investment!]!
  "Where it is (the first, by name, if several)."
  district: District
  "Total stated investment in 元 (CNY); null when no article states an amount."
  amountCny: Float
}

"A stated fact between two entities."
type Relation {
  "Stable: derived from the type and the endpoints."
  id: ID!
  type: RelationType!
  "The source; for COOPERATES_WITH, the endpoint with the smaller id."
  from: Entity!
  to: Entity!
  "For INVESTS_IN: the amount in 元 (CNY), if stated."
  amountCny: Float
  "For MEMBER_OF: 'leader' (龙头) or 'member'."
  role: String
  "The sentences that state it, one per article and place."
  evidence: [Evidence!]!
  """
  How sure the graph is of it, 0–1: its sentences' confidences combined (1 − Π(1 − c), as if each
  were an independent witness; rejected sentences do not count). Null when no sentence has one
  (loaded before rules gave confidences).
  """
  confidence: Float
  "How much states it: sentences and articles (rejected ones not counted)."
  support: Support!
  "An analyst reviewed it and found it right (it left 待审核); null when nobody has."
  accepted: Acceptance
}

"How much states a relation."
type Support {
  "Sentences (pieces of evidence)."
  evidence: Int!
  "Distinct articles among them."
  articles: Int!
}

"An analyst's word that a fact is right."
type Acceptance {
  "ISO timestamp."
  at: String!
  "The name of the token used; null for the single anonymous token."
  actor: String
}

"待审核: a page of the facts nobody has accepted or rejected, least certain first."
type ReviewQueue {
  "Least certain first (confidence ascending, unknown last; ties: fewer sentences, then id)."
  relations: [Relation!]!
  "Facts in the queue in all, with this threshold and these types."
  total: Int!
  "Pass as 'after' for the next page; null on an empty page."
  endCursor: String
  hasNextPage: Boolean!
}

"A sentence of an article that states a relation; start and end are UTF-16 offsets into the article's text."
type Evidence {
  article: Article!
  text: String!
  start: Int!
  end: Int!
  "The relation this sentence states."
  relation: Relation!
  "The extraction rule that found it (pnpm seed rules); null when unknown."
  rule: String
  "How sure that rule is, 0–1; null when unknown."
  confidence: Float
}

"A news article (新闻报道). Its id is a hash of its text: the same text is the same article."
type Article {
  id: ID!
  title: String
  "ISO date, YYYY-MM-DD."
  date: String
  "Publisher, e.g. 重庆日报."
  source: String
  url: String
  "The full text."
  text: String!
  "Length of the text in UTF-16 code units."
  length: Int!
  "The file it was read from, for the bundled articles."
  file: String
  "When it was loaded into this graph (ISO timestamp)."
  loadedAt: String
}

"""
Which of an entity's relations count, as the explorer's filters say. Absent fields filter nothing.
"""
input RelationFilter {
  relationTypes: [RelationType!]
  "Only relations whose other end is of these types."
  entityTypes: [EntityType!]
  "Only relations stated in an article dated on or after this ISO date (YYYY-MM-DD); a relation no dated article states is kept."
  dateFrom: String
  "On or before this ISO date."
  dateTo: String
}

"The figures of an entity's details panel, over every relation of it that passes the filter."
type EntitySummary {
  relationCount: Int!
  "Every relation type with its count (zeros included)."
  relationCounts: [RelationTypeCount!]!
  "Stated amounts of its INVESTS_IN relations going out (what an enterprise invests), 元."
  investmentTotalCny: Float!
  "Stated amounts coming in (what a project receives), 元."
  investmentReceivedCny: Float!
  "Distinct articles stating those relations (within the dates, when the filter has dates)."
  articleCount: Int!
}

"A page of an entity's neighbours with the relations that bring them."
type NeighbourPage {
  nodes: [Entity!]!
  "Between the entity and this page's neighbours, and between them and the 'among' entities."
  edges: [Relation!]!
  "How many neighbours pass the filter, over all pages."
  totalCount: Int!
  "endCursor is the 'after' of the next page."
  pageInfo: PageInfo!
}

"A district and how many entities are located in it."
type DistrictCount {
  district: District!
  located: Int!
}

type RelationConnection {
  edges: [RelationEdge!]!
  pageInfo: PageInfo!
  "How many relations match, over all pages."
  totalCount: Int!
}

type RelationEdge {
  "Opaque; pass as 'after' to get the relations that follow."
  cursor: String!
  node: Relation!
}

type ArticleConnection {
  edges: [ArticleEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

type ArticleEdge {
  "Opaque; pass as 'after' to get the articles that follow."
  cursor: String!
  node: Article!
}

type PageInfo {
  hasNextPage: Boolean!
  "The cursor of the last edge of this page, null when the page is empty."
  endCursor: String
}

type SearchHit {
  entity: Entity!
  "Higher is better; hits come best first."
  score: Float!
  "The name, alias or pinyin form that matched."
  matched: String!
}

"A part of the graph: entities and every relation among them."
type Subgraph {
  nodes: [Entity!]!
  edges: [Relation!]!
  "True when the limit stopped the walk before the whole neighbourhood was reached."
  truncated: Boolean!
}

"A chain of relations from one entity to another (walked in either direction)."
type Path {
  "From the start to the end, in order."
  nodes: [Entity!]!
  "edges[i] joins nodes[i] and nodes[i+1]."
  edges: [Relation!]!
}

type EntityTypeCount {
  type: EntityType!
  count: Int!
}

type RelationTypeCount {
  type: RelationType!
  count: Int!
}

"How big the graph is."
type Stats {
  articles: Int!
  entities: Int!
  relations: Int!
  evidence: Int!
  entitiesByType: [EntityTypeCount!]!
  relationsByType: [RelationTypeCount!]!
  "Which store answers: 'sqlite' or 'neo4j'."
  store: String!
}

enum CurationKind {
  "An analyst added an alias."
  ALIAS
  "An analyst merged one entity into another."
  MERGE
}

"A change an analyst made by hand (人工校正); it outlives re-extraction."
type Curation {
  kind: CurationKind!
  "The entity the alias was added to, or that was kept in a merge."
  entityId: ID!
  "That entity, if it still exists."
  entity: Entity
  "The alias added, or the id of the entity merged away."
  value: String!
  "ISO timestamp."
  at: String!
}

"""
A fact an analyst rejected (人工驳回): the whole relation, or one sentence of its evidence. It is
out of search, neighbourhoods, paths, counts and exports, kept here with why, and re-loading its
article does not bring it back; restoreRelation undoes it.
"""
type Rejection {
  "The relation id, or for one sentence: relationId#articleId:start-end."
  id: ID!
  relationId: ID!
  type: RelationType!
  fromId: ID!
  toId: ID!
  "The endpoints, if they still exist."
  from: Entity
  to: Entity
  "The sentence rejected; null when the whole relation was."
  evidence: RejectedEvidence
  reason: String!
  "ISO timestamp."
  at: String!
  "Who rejected it (the name of their token); null for the single anonymous token."
  actor: String
}

"A sentence rejected as evidence of a relation."
type RejectedEvidence {
  articleId: ID!
  "The article, if it is still in the graph."
  article: Article
  text: String!
  start: Int!
  end: Int!
}

"One sentence of a relation's evidence, by its article and its offsets (as Evidence gives them)."
input EvidenceKeyInput {
  articleId: ID!
  start: Int!
  end: Int!
}

"What an audit entry records."
enum AuditKind {
  INGEST
  ALIAS
  MERGE
  REJECT
  RESTORE
  DELETE_ARTICLE
  UNMERGE
  DELETE_VIEW
  ACCEPT
  UNACCEPT
}

"One curation (审计日志): when, who, what it changed, and the state before and after."
type AuditEntry {
  "Time-ordered: newer entries have greater ids."
  id: ID!
  kind: AuditKind!
  "ISO timestamp."
  at: String!
  "The name of the token used; null for the single anonymous token."
  actor: String
  "The entity, relation, rejection or article changed."
  target: ID!
  "The state before, as JSON (null: nothing)."
  before: String
  "The state after, as JSON (null: nothing)."
  after: String
}

"Which way along SUPPLIES a chain is walked."
enum ChainDirection {
  "Towards suppliers (上游), their suppliers…"
  UPSTREAM
  "Towards customers (下游), their customers…"
  DOWNSTREAM
  "Both (the default)."
  BOTH
}

"Relations a chain view may show beside the supply chain, each an optional layer."
enum ChainLayer {
  "Projects the chain's enterprises invest in."
  INVESTS_IN
  "Platforms they run, or that run them."
  OPERATES
  "Clusters they belong to."
  MEMBER_OF
}

"An entity of a chain and where it sits."
type ChainNode {
  entity: Entity!
  "0 for the start (and a cluster's members), -n n steps upstream, +n n steps downstream."
  level: Int!
  "The optional layer that brought it in; null for the supply chain itself."
  layer: ChainLayer
}

"A relation of a chain, with its evidence."
type ChainEdge {
  relation: Relation!
  "A SUPPLIES relation pointing back against the chain (a cycle); it is drawn once."
  closesCycle: Boolean!
}

"How many entities sit at one level of a chain."
type ChainLevel {
  level: Int!
  "In all (see Chain.exact)."
  count: Int!
  "How many of them the answer carries."
  shown: Int!
}

type ChainLayerCount {
  type: ChainLayer!
  count: Int!
  shown: Int!
}

"产业链: the supply chain around an entity, layered by steps up- and downstream."
type Chain {
  root: Entity!
  depth: Int!
  nodes: [ChainNode!]!
  edges: [ChainEdge!]!
  levels: [ChainLevel!]!
  layers: [ChainLayerCount!]!
  "Some entities are counted but not carried (the limit)."
  truncated: Boolean!
  "False when counting stopped at the walk's budget: the counts are then lower bounds."
  exact: Boolean!
}

"A number of a dashboard and the facts (relations, with evidence) it rests on."
type Figure {
  "Stated investment in 元 (CNY)."
  amountCny: Float!
  "Projects counted."
  projects: Int!
  "How many relations the figure rests on."
  factCount: Int!
  "Their ids (the first 100)."
  relationIds: [ID!]!
  "The relations themselves, with evidence."
  facts(first: Int = ${D.factsFirst}): [Relation!]!
}

"Investment by the year of the earliest article naming the project."
type YearFigure {
  "YYYY; null for projects no dated article names."
  year: String
  figure: Figure!
}

"Investment by the district's own clusters the investor belongs to (an investor in two counts in both)."
type ClusterFigure {
  "Null: investors in none of the district's clusters."
  cluster: Cluster
  figure: Figure!
}

"Investment by the district the project is in."
type DistrictFigure {
  "Null: projects no article places."
  district: District
  figure: Figure!
}

type InvestorFigure {
  enterprise: Enterprise!
  figure: Figure!
}

"A cluster of a district with its 龙头 (leaders)."
type ClusterLeaders {
  cluster: Cluster!
  leaders: [Enterprise!]!
  "Member enterprises, leaders included."
  members: Int!
  "Where the cluster is, and its leaders' memberships."
  figure: Figure!
}

type PlatformOperators {
  platform: Platform!
  operators: [Entity!]!
  figure: Figure!
}

type ClusterMember {
  enterprise: Enterprise!
  "'leader' (龙头) or 'member'."
  role: String
  figure: Figure!
}

"A district where a cluster is or its members are."
type ClusterDistrict {
  district: District!
  "Members located there."
  enterprises: Int!
  "The cluster itself is located there."
  home: Boolean!
  figure: Figure!
}

"区县画像: a district in numbers, each linked to its facts."
type DistrictProfile {
  district: District!
  "Stated investment into the district's projects, and how many projects."
  total: Figure!
  "Enterprises located in the district."
  enterprises: Int!
  byYear: [YearFigure!]!
  byCluster: [ClusterFigure!]!
  "The ten largest investors."
  topInvestors: [InvestorFigure!]!
  clusters: [ClusterLeaders!]!
  platforms: [PlatformOperators!]!
  "The newest articles naming the district."
  recentArticles: [Article!]!
}

"集群画像: a cluster in numbers, each linked to its facts."
type ClusterProfile {
  cluster: Cluster!
  memberCount: Int!
  leaders: [ClusterMember!]!
  "The best connected members (up to 50)."
  members: [ClusterMember!]!
  districts: [ClusterDistrict!]!
  "Stated investment by the members, and how many projects."
  total: Figure!
  byYear: [YearFigure!]!
  byDistrict: [DistrictFigure!]!
  topInvestors: [InvestorFigure!]!
  recentArticles: [Article!]!
}

"A canvas saved on the server (entities, positions, filters, expansions, selection); a link carries its id."
type SavedView {
  id: ID!
  "Null for a view the explorer saved only to keep a link short; such views are not listed."
  name: String
  "The explorer's canvas as JSON, opaque to the server."
  state: String!
  savedAt: String!
}

type SavedViewConnection {
  edges: [SavedViewEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

type SavedViewEdge {
  "Opaque; pass as 'after' to get the views that follow."
  cursor: String!
  node: SavedView!
}

"A view just saved, and the key that lets whoever saved it delete it without the token."
type SavedViewReceipt {
  view: SavedView!
  deleteKey: String!
}

input SaveViewInput {
  "Shown in the list of views; null saves a view only for a link."
  name: String
  state: String!
}

type Query {
  "Entities by name, alias (简称) or pinyin (full 'humiwang' or initials 'hmw'), best match first."
  search(query: String!, types: [EntityType!], first: Int = ${D.searchFirst}): [SearchHit!]!
  "One entity; null when there is none with this id."
  entity(id: ID!): Entity
  "The entities within 'depth' relations of the given ones, and the relations among them."
  neighbourhood(
    ids: [ID!]!
    depth: Int = ${D.neighbourhoodDepth}
    entityTypes: [EntityType!]
    relationTypes: [RelationType!]
    limit: Int = ${D.neighbourhoodLimit}
  ): Subgraph!
  """
  Up to 'first' shortest paths between two entities, shortest first, each relation walked in
  either direction (a path's edges keep their own from and to). maxLength: ${STORE_BOUNDS.pathLength.min}–${STORE_BOUNDS.pathLength.max} hops.
  relationTypes: the relations walked (all when absent). entityTypes: the types a path may pass
  through (its ends are whatever they are). dateFrom/dateTo (YYYY-MM-DD): only relations stated
  in an article dated within (a relation with no dated article is kept). leaveOutShortcuts: no
  path through a District or Cluster, whose relations are all 位于/成员 (on by default).
  """
  paths(
    from: ID!
    to: ID!
    maxLength: Int = ${D.pathMaxLength}
    relationTypes: [RelationType!]
    entityTypes: [EntityType!]
    dateFrom: String
    dateTo: String
    leaveOutShortcuts: Boolean = true
    first: Int = ${D.pathsFirst}
  ): [Path!]!
  "Loaded articles, newest first."
  articles(first: Int = ${D.articlesFirst}, after: String): ArticleConnection!
  article(id: ID!): Article
  stats: Stats!
  "Every alias and merge an analyst made, oldest first."
  curations: [Curation!]!
  "A saved view by id (named or not); null when there is none."
  view(id: ID!): SavedView
  "Named saved views, newest first."
  views(first: Int = ${D.viewsFirst}, after: String): SavedViewConnection!
  "Rejected facts in id order, 'first' at a time after the id 'after'."
  rejections(first: Int = ${D.rejectionsFirst}, after: ID): [Rejection!]!
  """
  What ingestArticle would load from this article — entities (new or landing on an existing one by
  alias), relations with their sentence and rule — with nothing written.
  """
  previewArticle(input: ArticleInput!): ArticlePreview!
  "What mergeEntities(keepId, mergeId) would do, without doing it. Fails as the merge would."
  mergePreview(keepId: ID!, mergeId: ID!): MergePreview!
  "The audit log, newest first: 'first' entries older than the id 'after', by actor and kind, made at or after 'since' and before 'until' (ISO dates or times)."
  auditLog(first: Int = ${D.auditFirst}, after: ID, actor: String, kind: AuditKind, since: String, until: String): [AuditEntry!]!
  """
  待审核: relations nobody has accepted or rejected, least certain first, each with its evidence;
  'first' at a time after the endCursor 'after'. 'threshold': only those less certain than it
  (those of unknown confidence always); 'types': only these relation types.
  """
  reviewQueue(first: Int = ${D.reviewFirst}, after: String, threshold: Float, types: [RelationType!]): ReviewQueue!
  """
  产业链 of an enterprise, platform or cluster (a cluster through its members): suppliers upstream,
  customers downstream, 'depth' steps each way (1–4), with optional layers.
  """
  chain(id: ID!, depth: Int = ${D.chainDepth}, direction: ChainDirection = BOTH, layers: [ChainLayer!], limit: Int = ${D.chainLimit}): Chain
  "Relations by id, with their evidence (the facts behind a dashboard's figure); at most 100 ids, unknown ids left out."
  relations(ids: [ID!]!): [Relation!]!
  """
  An entity's neighbours a page at a time, best connected first (then by id), each with the
  relations that bring it; 'among' (the ids already on a canvas) adds the relations between them
  and the page. 显示更多 asks for the next page with 'after' instead of everything again.
  """
  neighbours(
    id: ID!
    first: Int = ${D.neighboursFirst}
    after: String
    relationTypes: [RelationType!]
    entityTypes: [EntityType!]
    dateFrom: String
    dateTo: String
    among: [ID!]
  ): NeighbourPage!
  "Every district with how many entities are located in it, most first (the explorer's 区县 filter)."
  districts: [DistrictCount!]!
  "区县画像 of a district. NOT_FOUND when there is none, BAD_USER_INPUT when the id is not a district's."
  districtProfile(id: ID!): DistrictProfile
  "集群画像 of a cluster. NOT_FOUND when there is none, BAD_USER_INPUT when the id is not a cluster's."
  clusterProfile(id: ID!): ClusterProfile
}

"A news article to load: its text and what is known about it."
input ArticleInput {
  "The article's full text (plain text, Chinese)."
  text: String!
  title: String
  "ISO date, YYYY-MM-DD."
  date: String
  source: String
  "http(s) address of the original."
  url: String
  "An analyst's corrections to the extraction (previewArticle's keys), applied before loading."
  edits: ArticleEdits
}

"Corrections to what the extractor found in an article, by the keys previewArticle gives."
input ArticleEdits {
  "PreviewRelation keys of facts not to load."
  dropRelations: [ID!]
  "Entities the extractor typed wrongly: their relations that no longer fit the new type are left out."
  retype: [EntityRetype!]
  "Mentions that name an entity of the graph: they load onto it (their own name becomes its alias)."
  attach: [EntityAttach!]
}

input EntityRetype {
  key: ID!
  type: EntityType!
}

input EntityAttach {
  key: ID!
  entityId: ID!
}

"What merging one entity into another would do."
type MergePreview {
  keep: Entity!
  merge: Entity!
  "Names of the merged entity the kept one gains."
  aliasesAdded: [String!]!
  "Every relation of the merged entity and what becomes of it."
  relations: [MergeMove!]!
  "Sentences of evidence that move to the kept entity."
  evidenceMoved: Int!
  "Articles naming the merged entity that will name the kept one."
  articlesMoved: Int!
  conflicts: [MergeConflict!]!
}

type MergeMove {
  relation: Relation!
  "Its id after the merge; null when it is dropped."
  becomes: ID
  outcome: MergeOutcome!
}

enum MergeOutcome {
  "Carries on under a new id."
  MOVED
  "The kept entity has this relation already: it takes the evidence."
  JOINED
  "It related the two entities: it would relate the kept one to itself, so it goes."
  DROPPED
}

type MergeConflict {
  "AMOUNT_DIFFERS (two amounts become one; the kept one stays) or SELF_RELATION (a fact between the two is lost)."
  code: String!
  relationId: ID!
  message: String!
}

"What ingestArticle would load from an article, before anything is written."
type ArticlePreview {
  ok: Boolean!
  "Why it could not be extracted (then nothing else is filled)."
  errors: [IngestError!]!
  "The id the article will have (a hash of its text)."
  articleId: ID
  "The same text is already loaded: ingesting it again changes nothing."
  alreadyLoaded: Boolean!
  "The article's text as the extractor read it (offsets of evidence point into it)."
  text: String
  entities: [PreviewEntity!]!
  relations: [PreviewRelation!]!
}

"An entity the extractor found, and where it would land."
type PreviewEntity {
  "Local to this preview; relations refer to it."
  key: ID!
  type: EntityType!
  name: String!
  aliases: [String!]!
  "The rule that found it (pnpm seed rules)."
  rule: String
  "The id it will have: an existing entity's (by id, alias or merge) or a new one's."
  id: ID!
  "True when no entity of the graph has this name or alias: loading creates it."
  isNew: Boolean!
  "The entity it lands on, when it exists already."
  existing: Entity
}

"A relation the extractor found, with its sentence and rule."
type PreviewRelation {
  "Local to this preview: ArticleEdits.dropRelations names it."
  key: ID!
  "The id it will have once loaded."
  id: ID!
  type: RelationType!
  "Keys of PreviewEntity."
  from: ID!
  to: ID!
  amountCny: Float
  role: String
  "The sentence stating it, with offsets into the preview's text."
  evidence: PreviewEvidence!
  "The rule that produced it (pnpm seed rules)."
  rule: String
  "True when the graph already holds this relation (loading adds the sentence to it)."
  existing: Boolean!
  "How sure the extractor is, 0–1 (from its rule); null when unknown."
  confidence: Float
}

type PreviewEvidence {
  text: String!
  start: Int!
  end: Int!
}

"Why an article could not be loaded."
type IngestError {
  "EMPTY, BINARY, UNKNOWN_ENCODING, TOO_LARGE, READ_FAILED (extraction), BAD_INPUT (the graph refused it)."
  code: String!
  message: String!
}

"What loading one article did. When 'ok' is false nothing was written."
type IngestReport {
  ok: Boolean!
  "The article, once loaded (also when it was already there)."
  article: Article
  "False when the same text had been loaded before: nothing changed."
  created: Boolean!
  entitiesAdded: [Entity!]!
  "Entities the article named that were already in the graph (by id, alias or merge)."
  entitiesExisting: [Entity!]!
  relationsAdded: [Relation!]!
  relationsExisting: [Relation!]!
  evidenceAdded: Int!
  errors: [IngestError!]!
}

"Every mutation needs the header 'Authorization: Bearer <CHAIN_ATLAS_TOKEN>', but saveView and deleteView (with its deleteKey)."
type Mutation {
  "Extracts entities and relations from the text and loads them atomically: all or nothing."
  ingestArticle(input: ArticleInput!): IngestReport!
  "Adds a name the entity is also known by; later articles using it land on this entity."
  addAlias(entityId: ID!, alias: String!): Entity!
  "Moves mergeId's relations, evidence and aliases to keepId (same type); mergeId then finds keepId."
  mergeEntities(keepId: ID!, mergeId: ID!): Entity!
  "Undoes the newest merge of mergeId into keepId: the merged entity is back with its relations, evidence and names. CONFLICT when undone already."
  unmergeEntities(keepId: ID!, mergeId: ID!): Entity!
  "Removes the article, its evidence, relations left without evidence and entities left unmentioned. False if there was none."
  deleteArticle(id: ID!): Boolean!
  "Saves a canvas under a new short id; needs no token."
  saveView(input: SaveViewInput!): SavedViewReceipt!
  "Deletes a saved view: its deleteKey, or the token for anyone's. False if there was none."
  deleteView(id: ID!, deleteKey: String): Boolean!
  """
  Rejects a relation, or with 'evidence' one sentence of it, giving the reason. The relation goes
  with its last sentence. Rejecting what is already rejected answers the existing rejection.
  """
  rejectRelation(relationId: ID!, reason: String!, evidence: EvidenceKeyInput): Rejection!
  """
  Undoes a rejection (the same relationId and evidence): the relation is back with every sentence
  held for it meanwhile. Null when nothing states it any more. NOT_FOUND when there is no such rejection.
  """
  restoreRelation(relationId: ID!, evidence: EvidenceKeyInput): Relation
  "Accepts a fact as right: it stays and leaves 待审核. Accepting it again changes nothing. NOT_FOUND when it is not in the graph."
  acceptRelation(relationId: ID!): Relation!
  "Undoes an acceptance: the fact is back in 待审核. NOT_FOUND when it was not accepted."
  unacceptRelation(relationId: ID!): Relation
}
`;
