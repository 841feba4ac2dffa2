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

/**
 * Where the command was typed: pnpm runs package scripts inside the package's folder but
 * tells them the caller's folder in INIT_CWD. Paths a user types are relative to that.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || process.cwd();
}

/** A path the user typed (argument or env var), made absolute from where they typed it. */
export function userPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(invocationDir(env), path);
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const sqlitePath = env.CHAIN_ATLAS_DB ? userPath(env.CHAIN_ATLAS_DB, env) : resolve(REPO_ROOT, 'data', 'chain-atlas.sqlite');
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
