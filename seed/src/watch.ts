import { basename, extname } from 'node:path';
import type { GraphStore } from '@chain-atlas/graph';
import { watch, type FSWatcher } from 'chokidar';
import { isFailure, readArticleFile } from './files';
import { loadArticles } from './load';

export interface WatchOptions {
  /**
   * A file must stay the same size this long (ms) before it is read: a file still being
   * written (a copy, an editor's save, a download) is read once, whole. Default 1000.
   */
  settleMs?: number;
  /** Load the .txt files already in the folder when the watch starts (default true). */
  initial?: boolean;
  /** One line per file handled. */
  log?: (line: string) => void;
  /** Poll instead of file-system events (network drives, some containers). */
  usePolling?: boolean;
}

export interface ArticleWatcher {
  /** Resolves once the folder has been scanned and events are being received. */
  ready: Promise<void>;
  /** Resolves when every file seen so far has been handled. */
  idle(): Promise<void>;
  /** Stops watching; the file being loaded finishes first. */
  close(): Promise<void>;
}

/**
 * `pnpm seed watch DIR`: loads each .txt file of the folder (and its sub-folders) as it appears
 * or changes, one at a time, each atomically (`loadArticles` of one file), and logs one line per
 * file. A file that fails is logged and the watch goes on. A changed file is a new text, so a
 * new article: the earlier version stays in the graph until deleted.
 */
export function watchArticles(store: GraphStore, dir: string, options: WatchOptions = {}): ArticleWatcher {
  const log = options.log ?? ((line: string) => console.log(line));
  const settle = Math.max(50, options.settleMs ?? 1000);
  // Serial: one article at a time, in the order the files settled.
  let queue: Promise<void> = Promise.resolve();
  const pending = new Set<string>();

  const handle = async (path: string): Promise<void> => {
    pending.delete(path);
    const file = await readArticleFile(path);
    const report = isFailure(file) ? await loadArticles(store, [], { failures: [file] }) : await loadArticles(store, [file]);
    const at = new Date().toISOString();
    if (report.loaded.length) {
      log(`${at} loaded ${basename(path)}: +${report.entitiesAdded} entities, +${report.relationsAdded} relations, +${report.evidenceAdded} evidence`);
    } else if (report.unchanged.length) {
      log(`${at} unchanged ${basename(path)}: the same text is already loaded`);
    } else {
      const f = report.failed[0];
      log(`${at} failed ${basename(path)}: ${f?.code ? `${f.code}: ` : ''}${f?.reason ?? 'unknown'}`);
    }
  };

  const enqueue = (path: string) => {
    if (extname(path).toLowerCase() !== '.txt' || pending.has(path)) return;
    pending.add(path);
    queue = queue.then(() => handle(path)).catch((err: unknown) => log(`${new Date().toISOString()} failed ${basename(path)}: ${err instanceof Error ? err.message : String(err)}`));
  };

  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: options.initial === false,
    awaitWriteFinish: { stabilityThreshold: settle, pollInterval: Math.min(100, settle / 2) },
    usePolling: options.usePolling ?? false,
    interval: 100,
    // Dot-files are editors' and copiers' temporary files.
    ignored: (path) => basename(path).startsWith('.'),
  });
  watcher.on('add', enqueue);
  watcher.on('change', enqueue);
  watcher.on('error', (err) => log(`${new Date().toISOString()} watch error: ${err instanceof Error ? err.message : String(err)}`));
  const ready = new Promise<void>((done) => watcher.once('ready', () => done()));

  return {
    ready,
    async idle() {
      // Files that are settling are not in the queue yet: wait for them too.
      for (;;) {
        const before = queue;
        await before;
        if (before === queue && pending.size === 0) return;
        if (before === queue) await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await watcher.close();
      await queue;
    },
  };
}
