import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteGraphStore, type GraphStore } from '@chain-atlas/graph';
import { createApp, loadBundledArticles, type AppOptions, type ChainAtlasApp, type StorePoolOptions } from '@chain-atlas/server';

/** GraphQL answers are JSON; the tests' assertions check their shape, not the type checker. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const TOKEN = 'test-token-chain-atlas';

export interface GraphQLResponse<T = Record<string, Json>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[] }[];
}

/**
 * A real server on a free port over a real SQLite file loaded with the five bundled articles
 * through the seed pipeline: what `pnpm start` serves, minus the client.
 */
export interface Harness {
  url: string;
  store: SqliteGraphStore;
  app: ChainAtlasApp;
  gql<T = Record<string, Json>>(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<GraphQLResponse<T>>;
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(
  options: Omit<AppOptions, 'store' | 'workers'> & {
    wrapStore?: (s: GraphStore) => GraphStore;
    empty?: boolean;
    /** Serve from worker threads over the harness's file (as `pnpm start` does). */
    workers?: Omit<StorePoolOptions, 'sqlitePath'>;
    /** Fill the store before the server starts. */
    fill?: (s: SqliteGraphStore) => Promise<void>;
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-api-'));
  const sqlitePath = join(dir, 'graph.sqlite');
  const sqlite = SqliteGraphStore.open(sqlitePath);
  if (!options.empty) {
    const report = await loadBundledArticles(sqlite);
    if (report.loaded.length !== 5) throw new Error(`expected the five bundled articles, loaded ${JSON.stringify(report)}`);
  }
  await options.fill?.(sqlite);
  const store = options.wrapStore ? options.wrapStore(sqlite) : sqlite;
  const app = await createApp({ token: TOKEN, ...options, store, workers: options.workers ? { ...options.workers, sqlitePath } : undefined });
  const { url } = await app.listen(0, '127.0.0.1');

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  return {
    url,
    store: sqlite,
    app,
    post,
    async gql(query, variables, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const res = await post(JSON.stringify({ query, variables }), headers);
      const text = await res.text();
      let body: { data?: Json; errors?: Json };
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`not JSON (${res.status}): ${text.slice(0, 300)}`);
      }
      return { status: res.status, data: body.data ?? undefined, errors: body.errors };
    },
    async close() {
      await app.close();
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function codes(res: GraphQLResponse): (string | undefined)[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}

/** The data of an answer that must have no errors, with the errors in the failure message. */
export function ok<T>(res: GraphQLResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors (${res.status}): ${JSON.stringify(res.errors)}`);
  return res.data;
}
