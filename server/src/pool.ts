import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { GraphStoreError, type ArticleExtraction, type ArticleMeta, type GraphStats, type GraphStore } from '@chain-atlas/graph';
import { Piscina } from 'piscina';
import { apiError } from './errors';
import type { Extractor } from './ingest';
import type { StoreTask, StoreTaskResult, StoreWorkerData } from './store-worker';

const WORKER = fileURLToPath(new URL('./store-worker.mjs', import.meta.url));

/** Reads: any reader thread may answer them. */
const READS = new Set([
  'getArticle',
  'getArticles',
  'listArticles',
  'search',
  'getEntity',
  'getEntities',
  'relationsOf',
  'getRelations',
  'resolveNames',
  'degrees',
  'neighbourhood',
  'paths',
  'listCurations',
  'listRejections',
  'auditLog',
  'reviewQueue',
  'stats',
  // 产业链 views: a busy district's dashboard reads tens of thousands of facts.
  'chain',
  'districtProfile',
  'clusterProfile',
  'getView',
  'listViews',
  'mergePreview',
  // The details panel of a hub, 显示更多, the 区县 filter.
  'entitySummary',
  'neighbours',
  'districts',
]);
/** Writes: the one writer thread, in order. */
const WRITES = new Set(['upsertArticle', 'upsertArticles', 'deleteArticle', 'addAlias', 'mergeEntities', 'unmergeEntities', 'saveView', 'deleteView', 'rejectRelation', 'restoreRelation', 'acceptRelation', 'unacceptRelation']);

export interface StorePoolOptions {
  sqlitePath: string;
  /** Reader threads (default: one per core but one, which the main thread needs for HTTP and GraphQL). */
  threads?: number;
  /** How long a write waits for another connection's lock before STORE_BUSY. */
  busyTimeoutMs?: number;
}

const isAbort = (err: unknown) => err instanceof Error && (err.name === 'AbortError' || /aborted/iu.test(err.message));

/**
 * The SQLite store run off the event loop: reads and article extraction in a pool of worker
 * threads (one SQLite connection each), writes in one writer thread. better-sqlite3 is
 * synchronous, so on the main thread one slow path search held every request and /healthz;
 * here it holds one thread. A call given an AbortSignal that fires while it runs has its
 * thread terminated (piscina starts a fresh one): a timed-out request stops costing anything.
 */
export class StorePool {
  private readonly readers: Piscina<StoreTask, StoreTaskResult>;
  private readonly writer: Piscina<StoreTask, StoreTaskResult>;
  readonly busyTimeoutMs: number;

  constructor(options: StorePoolOptions) {
    this.busyTimeoutMs = options.busyTimeoutMs ?? 2000;
    const threads = Math.max(1, options.threads ?? availableParallelism() - 1);
    const workerData = (role: StoreWorkerData['role']): StoreWorkerData => ({ sqlitePath: options.sqlitePath, role, busyTimeoutMs: this.busyTimeoutMs });
    this.readers = new Piscina({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 60_000, workerData: workerData('reader') });
    this.writer = new Piscina({ filename: WORKER, minThreads: 1, maxThreads: 1, idleTimeout: 60_000, workerData: workerData('writer') });
  }

  private async run(pool: Piscina<StoreTask, StoreTaskResult>, task: StoreTask, signal?: AbortSignal): Promise<unknown> {
    let result: StoreTaskResult;
    try {
      result = await pool.run(task, signal ? { signal } : {});
    } catch (err) {
      if (isAbort(err)) throw apiError('TIMEOUT', 'the request took longer than the server allows');
      throw err;
    }
    if (result.ok) return result.value;
    const { name, code, message } = result.error;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw apiError('STORE_BUSY', `the graph is being written by another process; try again (waited ${this.busyTimeoutMs} ms)`);
    }
    if (name === 'GraphStoreError' && code) throw new GraphStoreError(code as GraphStoreError['code'], message);
    throw Object.assign(new Error(message), { name, code });
  }

  /**
   * The store as one request sees it: reads and writes go to the threads, with `signal`
   * ending the request's reads; anything else (export, import) is the main store's.
   */
  view(main: GraphStore, signal?: AbortSignal): GraphStore {
    return new Proxy(main, {
      get: (target, prop, receiver) => {
        if (typeof prop === 'string' && READS.has(prop)) return (...args: unknown[]) => this.run(this.readers, { method: prop, args }, signal);
        if (typeof prop === 'string' && WRITES.has(prop)) return (...args: unknown[]) => this.run(this.writer, { method: prop, args });
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  }

  /**
   * The graph's counts, from the writer thread: it is idle but for writes, so a health check
   * is not queued behind slow reads, and counting a million rows does not hold the event loop.
   */
  async stats(): Promise<GraphStats> {
    return (await this.run(this.writer, { method: 'stats', args: [] })) as GraphStats;
  }

  /** Article extraction (CPU-bound) on a reader thread. */
  extractor(signal?: AbortSignal): Extractor {
    return async (text, meta) =>
      (await this.run(this.readers, { method: 'extract', args: [text, meta as ArticleMeta] }, signal)) as ArticleExtraction;
  }

  async close(): Promise<void> {
    await Promise.all([this.readers.destroy(), this.writer.destroy()]);
  }
}
