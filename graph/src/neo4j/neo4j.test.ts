import { describe } from 'vitest';
import { runGraphStoreContract } from '../contract';
import type { GraphStore } from '../store';
import { Neo4jGraphStore } from './store';

// The shared contract suite, against a real server. Nothing here can run without one, so it
// runs only when NEO4J_URI is set, e.g. with `docker compose up -d neo4j` and
// NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=chain-atlas-dev (see cypher/README.md).
// Every test starts by emptying the database: point it at a scratch database, never at real data.
const uri = process.env.NEO4J_URI;

if (!uri) {
  console.info('Neo4j contract suite skipped: NEO4J_URI is not set (no Neo4j server to run against).');
}

describe.skipIf(!uri)('Neo4j adapter', () => {
  runGraphStoreContract('neo4j', async (): Promise<GraphStore> => {
    const store = await Neo4jGraphStore.connect({
      uri: uri!,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE || undefined,
    });
    await store.clearGraph();
    return store;
  });
});

