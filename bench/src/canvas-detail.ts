// pnpm --filter @chain-atlas/bench exec tsx src/canvas-detail.ts: the canvas at 500 nodes / 3,000
// edges drawn with every label (as before labels followed the zoom) and as the explorer draws it
// now, three runs each, in Debian's Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { SqliteGraphStore } from '@chain-atlas/graph';
import { clientDistDir, ensureClientBuilt } from '@chain-atlas/client';
import { createApp } from '@chain-atlas/server';
import { measureCanvas } from './canvas';

ensureClientBuilt();
const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-canvas-detail-'));
const store = SqliteGraphStore.open(join(dir, 'graph.sqlite'));
const app = await createApp({ store, clientDir: clientDistDir });
const { url } = await app.listen(0, '127.0.0.1');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // 1,000 elements (half nodes) as a control: the committed bench/REPORT.md has its figure, so a
  // busy machine shows as a low control.
  const runs: { label: string; n: number; nodes?: number; detail?: boolean }[] = [];
  for (let i = 0; i < 3; i++) {
    runs.push({ label: 'control, 1,000 elements  ', n: 1000 });
    runs.push({ label: '500/3,000, every label   ', n: 3500, nodes: 500, detail: false });
    runs.push({ label: '500/3,000, labels by zoom', n: 3500, nodes: 500, detail: true });
  }
  for (const r of runs) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript('window.__name = (f) => f');
    const m = await measureCanvas(page, r.n, url, { nodes: r.nodes, detail: r.detail });
    console.info(`${r.label}: pan ${m.panFps} fps, redraw ${m.redrawFps} fps, first graph ${m.firstGraphMs} ms (cpu ${m.firstGraphCpuMs ?? '?'} ms)`);
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
