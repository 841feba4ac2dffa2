import { workerData } from 'node:worker_threads';
import { SqliteGraphStore, type ArticleMeta } from '@chain-atlas/graph';
import { seedExtractor } from './ingest';

/** What a worker is told when it starts. */
export interface StoreWorkerData {
  sqlitePath: string;
  /** Readers open the file read-only; the one writer waits at most `busyTimeoutMs` for the lock. */
  role: 'reader' | 'writer';
  busyTimeoutMs: number;
}

export type StoreTask = { method: 'extract'; args: [string | Uint8Array, ArticleMeta] } | { method: string; args: unknown[] };

/** Errors cross the thread boundary as data: their class and `code` would be lost in the copy. */
export type StoreTaskResult = { ok: true; value: unknown } | { ok: false; error: { name: string; code?: string; message: string } };

const data = workerData as StoreWorkerData;
let store: SqliteGraphStore | null = null;

function open(): SqliteGraphStore {
  if (!store) {
    // One connection per thread: SQLite serialises a connection, so sharing one would
    // queue every reader behind the slowest.
    store = SqliteGraphStore.open(data.sqlitePath, { readonly: data.role === 'reader' });
    store.db.pragma(`busy_timeout = ${data.busyTimeoutMs}`);
  }
  return store;
}

export async function run(task: StoreTask): Promise<StoreTaskResult> {
  try {
    if (task.method === 'extract') {
      const [text, meta] = task.args as [string | Uint8Array, ArticleMeta];
      return { ok: true, value: await seedExtractor(text, meta) };
    }
    const s = open() as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    if (typeof s[task.method] !== 'function') throw new Error(`no store method ${task.method}`);
    return { ok: true, value: await s[task.method](...task.args) };
  } catch (err) {
    const e = err as { name?: string; code?: unknown; message?: string };
    return {
      ok: false,
      error: { name: e?.name ?? 'Error', code: typeof e?.code === 'string' ? e.code : undefined, message: e?.message ?? String(err) },
    };
  }
}
