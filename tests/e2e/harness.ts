import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteGraphStore } from '@chain-atlas/graph';
import { clientDistDir as DIST, ensureClientBuilt } from '@chain-atlas/client';
import { createApp, loadBundledArticles, type ChainAtlasApp } from '@chain-atlas/server';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');
/** ASCII: a browser cannot send other characters in the Authorization header. */
export const TOKEN = 'e2e-token-tupu';

export { ensureClientBuilt };

export interface Served {
  url: string;
  app: ChainAtlasApp;
  store: SqliteGraphStore;
  close(): Promise<void>;
}

/** The real server over a temp SQLite store holding the five bundled articles, serving the built client. */
export async function startServer(options: { tokens?: { actor: string; token: string }[] } = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-e2e-'));
  const store = SqliteGraphStore.open(join(dir, 'graph.sqlite'));
  await loadBundledArticles(store);
  const app = await createApp({ store, token: TOKEN, clientDir: DIST, ...(options.tokens ? { tokens: options.tokens } : {}) });
  const { url } = await app.listen(0, '127.0.0.1');
  return {
    url,
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, never a downloaded one. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The real server over a temp SQLite store holding a generated graph with hubs (the graph
 * package's synthetic generator), and its three biggest enterprises.
 */
export async function startSyntheticServer(relations = 3000, seed = 7): Promise<Served & { hubs: { id: string; name: string; degree: number }[] }> {
  const { syntheticGraph } = await import('@chain-atlas/graph/synthetic');
  const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-e2e-synth-'));
  const store = SqliteGraphStore.open(join(dir, 'graph.sqlite'));
  await store.upsertArticles([...syntheticGraph({ relations, seed }).extractions()]);
  const hubs = store.db.prepare(`SELECT id, name, degree FROM entities WHERE type = 'Enterprise' ORDER BY degree DESC LIMIT 3`).all() as {
    id: string;
    name: string;
    degree: number;
  }[];
  const app = await createApp({ store, token: TOKEN, clientDir: DIST });
  const { url } = await app.listen(0, '127.0.0.1');
  return {
    url,
    app,
    store,
    hubs,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
