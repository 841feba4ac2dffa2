import neo4j from 'neo4j-driver';
import type { QueryName } from './queries';

// What the planner of a live Neo4j 5 should make of the queries that must stay fast at a
// million relations: recorded here, checked by plans.test.ts with EXPLAIN when NEO4J_URI is set
// (EXPLAIN plans without running anything, so an empty scratch database will do). Operator
// names are Neo4j's, matched as substrings ("NodeUniqueIndexSeek" also matches its Locking
// and ByRange forms); every one of `uses` must appear, none of `never`.

export interface PlanExpectation {
  query: QueryName;
  why: string;
  uses: string[];
  never: string[];
}

const SCANS = ['AllNodesScan', 'NodeByLabelScan', 'DirectedAllRelationshipsScan', 'UndirectedAllRelationshipsScan'];

export const PLAN_EXPECTATIONS: PlanExpectation[] = [
  { query: 'search_exact', why: 'the exact-name step is one seek on NameKey', uses: ['NodeUniqueIndexSeek'], never: SCANS },
  { query: 'search_contains', why: 'the CONTAINS fallback reads the entity_search_text index', uses: ['NodeIndexContainsScan'], never: SCANS },
  { query: 'search_fulltext', why: 'the full-text procedure, no scan beside it', uses: ['ProcedureCall'], never: SCANS },
  { query: 'entities_resolve', why: 'resolution seeks ids and NameKeys, never scans a type', uses: ['NodeUniqueIndexSeek'], never: SCANS },
  { query: 'name_keys_lock', why: 'the lock MERGEs on the NameKey constraint', uses: ['NodeUniqueIndexSeek'], never: SCANS },
  { query: 'entity_follow_redirect', why: 'own id and redirect by their constraints', uses: ['NodeUniqueIndexSeek'], never: SCANS },
  { query: 'entity_details', why: 'a hub page is a Top-k, not a sort of everything', uses: ['NodeUniqueIndexSeek'], never: [...SCANS, 'Skip'] },
  { query: 'entity_relations_page', why: 'keyset page of a hub', uses: ['NodeUniqueIndexSeek'], never: [...SCANS, 'Skip'] },
  { query: 'entity_facts', why: 'a hub\'s figures: its relations by id, evidence through the relationId index', uses: ['NodeUniqueIndexSeek', 'NodeIndexSeek'], never: SCANS },
  { query: 'entity_neighbours_page', why: 'a page of a hub\'s neighbours, degrees from the degree store, no SKIP', uses: ['NodeUniqueIndexSeek'], never: [...SCANS, 'Skip'] },
  { query: 'neighbours_edges', why: 'relations between a page and the canvas, by ids', uses: ['NodeUniqueIndexSeek'], never: SCANS },
  { query: 'entities_degree', why: 'degrees from the degree store', uses: ['NodeUniqueIndexSeek'], never: SCANS },
  { query: 'paths_neighbours', why: 'neighbours of a batch of nodes by id', uses: ['NodeUniqueIndexSeek'], never: SCANS },
  { query: 'neighbourhood_expand', why: 'a breadth-first step from ids', uses: ['NodeUniqueIndexSeek'], never: SCANS },
  { query: 'export_articles', why: 'keyset page in index order', uses: ['NodeUniqueIndexSeekByRange'], never: ['Skip', 'AllNodesScan', 'NodeByLabelScan', 'Sort'] },
  { query: 'export_entities', why: 'keyset page in index order', uses: ['NodeUniqueIndexSeekByRange'], never: ['Skip', 'AllNodesScan', 'NodeByLabelScan', 'Sort'] },
  { query: 'export_evidence', why: 'keyset page in index order', uses: ['NodeUniqueIndexSeekByRange'], never: ['Skip', 'AllNodesScan', 'NodeByLabelScan', 'Sort'] },
  { query: 'export_relations', why: 'keyset page off the relation_seq index', uses: ['RelationshipIndexSeekByRange'], never: ['Skip', ...SCANS] },
  { query: 'stats_entity_types', why: 'counts from the count store', uses: ['NodeCountFromCountStore'], never: SCANS },
  { query: 'stats_relation_types', why: 'per-type counts through the relation_type index', uses: ['RelationshipIndexSeek'], never: SCANS },
  { query: 'stats_totals', why: 'totals from the count store', uses: ['NodeCountFromCountStore', 'RelationshipCountFromCountStore'], never: SCANS },
];

/** A value of the right type for each parameter name the adapter uses, for EXPLAIN. */
export function sampleParameters(names: readonly string[]): Record<string, unknown> {
  const samples: Record<string, unknown> = {
    id: 'enterprise:x',
    ids: ['enterprise:x'],
    key: '星河',
    keys: ['星河'],
    text: '星',
    lucene: '"星河"',
    index: 'entity_search',
    types: [],
    relationTypes: [],
    entityTypes: [],
    frontier: ['enterprise:x'],
    visited: ['enterprise:x'],
    after: '',
    afterId: '',
    afterSeq: neo4j.int(0),
    afterDegree: neo4j.int(0),
    others: ['enterprise:y'],
    relationIds: null,
    limit: neo4j.int(10),
    first: neo4j.int(10),
    perNode: neo4j.int(10),
    relationLimit: neo4j.int(10),
    articleLimit: neo4j.int(10),
    queries: [{ index: neo4j.int(0), type: 'Enterprise', ownId: 'enterprise:x', keys: ['x'], aliasIds: [] }],
  };
  return Object.fromEntries(names.map((n) => [n, n in samples ? samples[n] : null]));
}

/** Every operator of a plan tree, without the "@neo4j" suffix. */
export function operatorsOf(plan: { operatorType: string; children: unknown[] } | null | undefined): string[] {
  if (!plan) return [];
  return [plan.operatorType.replace(/@.*$/u, ''), ...plan.children.flatMap((c) => operatorsOf(c as { operatorType: string; children: unknown[] }))];
}
