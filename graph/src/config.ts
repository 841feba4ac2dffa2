import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: `data/` lives here whatever the working directory of a command. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface StoreConfig {
  /** `sqlite` unless NEO4J_URI is set. */
  kind: 'sqlite' | 'neo4j';
  sqlitePath: string;
  neo4j?: { uri: string; username: string; password: string; database?: string };
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const sqlitePath = env.CHAIN_ATLAS_DB ? resolve(env.CHAIN_ATLAS_DB) : resolve(REPO_ROOT, 'data', 'chain-atlas.sqlite');
  if (env.NEO4J_URI) {
    return {
      kind: 'neo4j',
      sqlitePath,
      neo4j: {
        uri: env.NEO4J_URI,
        username: env.NEO4J_USERNAME ?? 'neo4j',
        password: env.NEO4J_PASSWORD ?? '',
        database: env.NEO4J_DATABASE || undefined,
      },
    };
  }
  return { kind: 'sqlite', sqlitePath };
}
