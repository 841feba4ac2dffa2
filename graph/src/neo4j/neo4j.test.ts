import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import { query, queryNames } from '@chain-atlas/cypher';
import { runGraphStoreContract } from '../contract';
import type { GraphStore } from '../store';
import { NEO4J_QUERIES } from './queries';
import { PLAN_EXPECTATIONS, operatorsOf, sampleParameters } from './plans';
import { Neo4jGraphStore } from './store';

// The shared contract suite and the recorded plan expectations, against a real server. Nothing
// here can run without one, so it runs only when NEO4J_URI is set, e.g. with
// `docker compose up -d neo4j` and NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=chain-atlas-dev
// (see cypher/README.md). Every test starts by emptying the database: point it at a scratch
// database, never at real data.
const uri = process.env.NEO4J_URI;
const config = {
  uri: uri ?? '',
  username: process.env.NEO4J_USERNAME ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: process.env.NEO4J_DATABASE || undefined,
};

if (!uri) {
  console.info('Neo4j contract suite and plan expectations skipped: NEO4J_URI is not set (no Neo4j server to run against).');
}

describe.skipIf(!uri)('Neo4j adapter', () => {
  // connect() only checks the schema: the suite creates it first, as `pnpm graph migrate` does.
  beforeAll(async () => Neo4jGraphStore.migrateDatabase(config), 600_000);

  runGraphStoreContract('neo4j', async (): Promise<GraphStore> => {
    const store = await Neo4jGraphStore.connect(config);
    await store.clearGraph();
    return store;
  });

  describe('on the server', () => {
    let driver: Driver;
    beforeAll(() => {
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
    });
    afterAll(async () => driver?.close());

    const explain = async (name: string, params: Record<string, unknown>) => {
      const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(`EXPLAIN ${query(name)}`, params);
        return operatorsOf(result.summary.plan as never);
      } finally {
        await session.close();
      }
    };

    it.each(queryNames().filter((n) => !['graph_clear', 'schema_backfill_names', 'schema_check'].includes(n)))('%s compiles on the server (EXPLAIN)', async (name) => {
      const params = sampleParameters(NEO4J_QUERIES[name as keyof typeof NEO4J_QUERIES]);
      expect((await explain(name, params)).length).toBeGreaterThan(0);
    });

    it.each(PLAN_EXPECTATIONS.map((e) => [e.query, e] as const))('%s plans as recorded', async (name, expectation) => {
      const operators = await explain(name, sampleParameters(NEO4J_QUERIES[name]));
      // Contained, not equal: "NodeUniqueIndexSeek(Locking)", "DirectedRelationshipIndexSeekByRange".
      const has = (op: string) => operators.some((o) => o.includes(op));
      for (const op of expectation.uses) expect(has(op), `${name} uses ${op} (${expectation.why}): ${operators.join(', ')}`).toBe(true);
      for (const op of expectation.never) expect(has(op), `${name} never ${op} (${expectation.why}): ${operators.join(', ')}`).toBe(false);
    });

    it('connect() refuses a database whose schema is missing, naming `pnpm graph migrate`', async () => {
      // The schema is in place here: drop one index, connect, then put it back.
      const session = driver.session({ database: config.database });
      try {
        await session.run('DROP INDEX entity_search_text IF EXISTS');
        await expect(Neo4jGraphStore.connect(config)).rejects.toThrow(/missing entity_search_text[^]*pnpm graph migrate/u);
      } finally {
        await session.close();
        await Neo4jGraphStore.migrateDatabase(config);
      }
    });
  });
});
