import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { SqliteGraphStore } from '@chain-atlas/graph';
import { clientDistDir, ensureClientBuilt } from '@chain-atlas/client';
import { createApp } from '@chain-atlas/server';
import { measureCanvas, type CanvasMeasurement } from './canvas';

/** Time to first graph, layout and panning fps of the explorer's canvas, in Debian's Chromium. */
export async function benchClient(options: { quick: boolean; log: (s: string) => void }): Promise<{ browser: string; rows: CanvasMeasurement[] }> {
  ensureClientBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-canvas-'));
  const store = SqliteGraphStore.open(join(dir, 'graph.sqlite'));
  const app = await createApp({ store, clientDir: clientDistDir });
  const { url } = await app.listen(0, '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const rows: CanvasMeasurement[] = [];
    // Half nodes, half edges; and (full run only: the quick run's figures are the regression
    // baseline's) a big canvas as analysts build it, 500 entities and 3,000 relations.
    const runs: { n: number; nodes?: number }[] = options.quick
      ? [1000, 5000].map((n) => ({ n }))
      : [...[1000, 5000, 10000].map((n) => ({ n })), { n: 3500, nodes: 500 }];
    for (const { n, nodes } of runs) {
      options.log(`  ${n} elements${nodes ? ` (${nodes} nodes)` : ''}…`);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // tsx compiles with esbuild's keepNames, which wraps the functions handed to
      // page.evaluate in a __name() helper the page does not have.
      await page.addInitScript('window.__name = (f) => f');
      rows.push(await measureCanvas(page, n, url, { nodes }));
      await page.close();
    }
    return { browser: browser.version(), rows };
  } finally {
    await browser.close();
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
