import type { StoreConfig } from './config';
import { storeConfigFromEnv } from './config';
import type { GraphStore } from './store';

/** The configured store: SQLite under data/ by default, Neo4j when NEO4J_URI is set. */
export async function openGraphStore(config: StoreConfig = storeConfigFromEnv()): Promise<GraphStore> {
  if (config.kind === 'neo4j' && config.neo4j) {
    const { Neo4jGraphStore } = await import('./neo4j/store');
    return Neo4jGraphStore.connect(config.neo4j);
  }
  const { SqliteGraphStore } = await import('./sqlite/store');
  return SqliteGraphStore.open(config.sqlitePath);
}
