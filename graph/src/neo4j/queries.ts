import type { ManagedTransaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { query } from '@chain-atlas/cypher';

/**
 * Every query the adapter runs, with the parameters it passes. `run` only accepts these
 * names and exactly these keys (checked by the compiler); neo4j.test.ts checks that each
 * name is a file in cypher/queries and that the file uses exactly these `$parameters`.
 */
export const NEO4J_QUERIES = {
  article_create: ['id', 'text', 'length', 'title', 'date', 'source', 'url', 'file', 'loadedAt'],
  article_delete: ['articleId'],
  article_delete_evidence: ['articleId'],
  articles_get: ['ids'],
  articles_count: [],
  articles_list: ['offset', 'limit'],
  curation_create: ['id', 'kind', 'entityId', 'value', 'at'],
  curations_list: [],
  entities_degree: ['ids'],
  entities_delete_orphans: ['entityIds'],
  entities_get: ['ids'],
  entities_mention: ['articleId', 'entityIds'],
  entities_by_name_keys: ['nameKeys', 'type'],
  entity_articles: ['id'],
  entity_create: ['id', 'type', 'name', 'aliases', 'nameKeys', 'searchKeys'],
  entity_delete: ['id'],
  entity_move_mentions: ['keepId', 'mergeId'],
  entity_names: ['id'],
  entity_relation_ids: ['id'],
  entity_relations_page: ['id', 'types', 'after', 'first'],
  entity_relations: ['id'],
  entity_follow_redirect: ['id'],
  entity_set_names: ['id', 'aliases', 'nameKeys', 'searchKeys'],
  evidence_create: ['articleId', 'evidence'],
  evidence_move: ['moves'],
  graph_clear: [],
  export_articles: ['offset', 'limit'],
  export_entities: ['offset', 'limit'],
  export_mentions: ['offset', 'limit'],
  export_relations: ['offset', 'limit'],
  export_evidence: ['offset', 'limit'],
  export_redirects: [],
  import_articles: ['articles'],
  import_entities: ['entities'],
  import_mentions: ['mentions'],
  import_evidence: ['evidence'],
  import_redirects: ['redirects'],
  import_curations: ['curations'],
  neighbourhood_edges: ['ids', 'relationTypes'],
  neighbourhood_expand: ['frontier', 'relationTypes', 'entityTypes'],
  paths_shortest: ['from', 'to', 'relationTypes', 'maxLength'],
  redirect_record: ['keepId', 'mergeId'],
  relations_delete: ['relationIds'],
  relations_delete_unevidenced: ['relationIds'],
  relations_get: ['ids'],
  redirects_get: ['ids'],
  relations_upsert: ['relations'],
  schema_await: ['timeoutSeconds'],
  search_contains: ['text', 'types', 'limit'],
  search_fulltext: ['lucene', 'types', 'limit'],
  stats_entity_types: [],
  stats_relation_types: [],
  stats_totals: [],
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
