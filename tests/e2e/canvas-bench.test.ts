import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureClientBuilt, launchChromium, startServer, type Served } from './harness';
import { measureCanvas } from './canvas-bench';

// Slow (a minute on two shared cores): runs only with CHAIN_ATLAS_CANVAS_BENCH=1.
const run = process.env.CHAIN_ATLAS_CANVAS_BENCH === '1';

describe.skipIf(!run)('canvas benchmark', () => {
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    ensureClientBuilt();
    served = await startServer();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('1k, 5k and 10k styled elements', async () => {
    const rows = [];
    for (const n of [1000, 5000, 10000]) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      rows.push(await measureCanvas(page, n, served.url));
      await page.close();
    }
    console.table(rows);
    const at5k = rows.find((r) => r.elements === 5000)!;
    expect(at5k.firstGraphMs).toBeLessThan(5000);
  }, 300_000);
});
