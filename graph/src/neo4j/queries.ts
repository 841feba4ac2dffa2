import type { ManagedTransaction, Session } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { query } from '@chain-atlas/cypher';

/**
 * Every query the adapter runs, with the parameters it passes. `run` only accepts these
 * names and exactly these keys (checked by the compiler); neo4j.test.ts checks that each
 * name is a file in cypher/queries and that the file uses exactly these `$parameters`.
 */
export const NEO4J_QUERIES = {
  acceptance_delete: ['relationId'],
  acceptance_merge: ['relationId', 'at', 'actor'],
  acceptance_move: ['moves'],
  article_delete: ['articleId'],
  merge_undo_read: ['keepId', 'mergeId'],
  entity_reset_names: ['entity'],
  entity_unmove_mentions: ['keepId', 'mergeId', 'mentions', 'mentionsAdded'],
  evidence_unmove: ['pieces'],
  relations_set_facts: ['relations'],
  redirect_undo: ['keepId', 'mergeId', 'redirectsIn'],
  curation_delete: ['kind', 'entityId', 'value'],
  article_delete_evidence: ['articleId'],
  article_delete_held_evidence: ['articleId'],
  article_merge: ['id', 'text', 'length', 'title', 'date', 'source', 'url', 'file', 'loadedAt'],
  articles_get: ['ids'],
  audit_create: ['entry'],
  audit_list: ['after', 'actor', 'kind', 'limit'],
  articles_count: [],
  articles_list: ['offset', 'limit'],
  curation_create: ['id', 'seq', 'kind', 'entityId', 'value', 'at'],
  curation_get: ['id'],
  chain_steps: ['frontier', 'types', 'direction'],
  curations_list: [],
  entities_create: ['entities'],
  entities_degree: ['ids'],
  entities_first_mention: ['ids'],
  entities_delete_orphans: ['entityIds'],
  entities_get: ['ids'],
  entities_mention: ['articleId', 'entityIds'],
  entities_names: ['ids'],
  entities_resolve: ['queries'],
  entities_set_names: ['entities'],
  entity_delete: ['id'],
  entity_details: ['id', 'relationLimit', 'articleLimit'],
  entity_follow_redirect: ['id'],
  entity_recent_articles: ['id', 'limit'],
  entity_move_mentions: ['keepId', 'mergeId'],
  entity_relations: ['id'],
  entity_relations_page: ['id', 'types', 'after', 'first'],
  entity_facts: ['id'],
  entity_neighbours_page: ['id', 'relationTypes', 'entityTypes', 'relationIds', 'afterDegree', 'afterId', 'first'],
  neighbours_edges: ['ids', 'others'],
  districts_list: [],
  evidence_create: ['articleId', 'evidence'],
  evidence_move: ['moves'],
  export_articles: ['after', 'limit'],
  export_entities: ['after', 'limit'],
  export_evidence: ['after', 'limit'],
  export_mentions: ['after', 'limit'],
  export_audit: ['after', 'limit'],
  export_acceptances: ['after', 'limit'],
  export_held_evidence: ['after', 'limit'],
  export_held_relations: ['after', 'limit'],
  export_redirects: ['after', 'limit'],
  export_relations: ['afterSeq', 'afterId', 'limit'],
  evidence_hold: ['evidenceIds'],
  graph_clear: [],
  held_create: ['articleId', 'evidence'],
  held_pending: ['relationId', 'stillRejected'],
  held_relation_forget: ['relationId'],
  held_relation_get: ['relationId'],
  held_release: ['relationId', 'stillRejected'],
  import_articles: ['articles'],
  import_curations: ['curations'],
  import_entities: ['entities'],
  import_audit: ['entries'],
  import_acceptances: ['acceptances'],
  import_evidence: ['evidence'],
  import_held_evidence: ['evidence'],
  import_held_relations: ['relations'],
  import_rejections: ['rejections'],
  import_mentions: ['mentions'],
  import_redirects: ['redirects'],
  name_keys_lock: ['keys'],
  neighbourhood_edges: ['ids', 'relationTypes', 'limit'],
  neighbourhood_expand: ['frontier', 'visited', 'relationTypes', 'entityTypes', 'limit'],
  paths_neighbours: ['ids', 'ends', 'relationTypes', 'passable', 'dateFrom', 'dateTo', 'perNode'],
  redirect_record: ['keepId', 'mergeId'],
  rejection_delete: ['id'],
  rejection_get: ['id'],
  rejection_merge: ['rejection'],
  rejections_list: ['after', 'limit'],
  rejections_match: ['ids'],
  rejections_of_relation: ['relationId'],
  relations_delete: ['relationIds'],
  relations_hold: ['relationIds'],
  relations_delete_unevidenced: ['relationIds'],
  relations_get: ['ids'],
  relations_facts: ['ids'],
  relations_upsert: ['relations'],
  review_queue: ['types', 'threshold', 'after', 'limit'],
  review_queue_count: ['types', 'threshold'],
  schema_await: ['name', 'timeoutSeconds'],
  schema_backfill_names: [],
  schema_check: ['names'],
  search_contains: ['text', 'types', 'limit'],
  search_exact: ['key', 'types'],
  search_fulltext: ['index', 'lucene', 'types', 'limit'],
  stats_entity_types: [],
  stats_relation_types: ['types'],
  stats_totals: [],
  view_create: ['id', 'seq', 'name', 'state', 'ownerHash', 'savedAt'],
  view_delete: ['id'],
  view_get: ['id'],
  views_count: ['after'],
  views_list: ['before', 'first'],
} as const satisfies Record<string, readonly string[]>;

export type QueryName = keyof typeof NEO4J_QUERIES;
export type QueryParams<N extends QueryName> = { [K in (typeof NEO4J_QUERIES)[N][number]]: unknown };
export type Row = Record<string, unknown>;

/** Neo4j integers (counts, offsets) come back as Integer objects unless converted. */
export function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** A JavaScript number is sent as a Cypher FLOAT; LIMIT, SKIP and offsets need an INTEGER. */
export function int(n: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(n));
}

/** Runs a named query from cypher/queries inside a managed transaction, rows as plain objects. */
export async function run<N extends QueryName>(tx: ManagedTransaction, name: N, params: QueryParams<N>): Promise<Row[]> {
  const result = await tx.run(query(name), params as Record<string, unknown>);
  return result.records.map((r) => plain(r.toObject()) as Row);
}

/**
 * Runs a named query as an auto-commit transaction: the only kind in which
 * `CALL { … } IN TRANSACTIONS` may run (graph_clear). Not retried by the driver.
 */
export async function runAutoCommit<N extends QueryName>(session: Session, name: N, params: QueryParams<N>): Promise<Row[]> {
  const result = await session.run(query(name), params as Record<string, unknown>);
  return result.records.map((r) => plain(r.toObject()) as Row);
}
