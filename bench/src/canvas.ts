import type { Page } from 'playwright-core';

export interface CanvasMeasurement {
  elements: number;
  /** Navigation start → first frame with the graph drawn (load, parse, style, paint). */
  firstGraphMs: number;
  /** Navigation start → the bench script running (HTML, JS download and parse). */
  scriptStartMs: number;
  /** fcose (draft quality) over all nodes, no animation. */
  layoutMs: number;
  /** Redraws per second while panning continuously for two seconds. */
  panFps: number;
}

type BenchHook = { __chainAtlas?: { bench?: { firstGraphMs?: number; scriptStartMs?: number }; layout?: () => Promise<number>; cy?: unknown } };

/**
 * Opens the explorer's synthetic bench page (`?bench=n`: n/2 styled nodes, n/2 edges, canvas
 * renderer) and measures first graph, layout and panning. `baseUrl` is where the built client
 * is served; defaults to the page's current origin.
 */
export async function measureCanvas(page: Page, n: number, baseUrl?: string): Promise<CanvasMeasurement> {
  const base = baseUrl ?? new URL(page.url()).origin;
  await page.goto(`${base}/?bench=${n}`);
  await page.waitForFunction(() => (window as unknown as BenchHook).__chainAtlas?.bench?.firstGraphMs != null, undefined, { timeout: 60_000 });
  const { firstGraphMs, scriptStartMs } = await page.evaluate(() => {
    const b = (window as unknown as BenchHook).__chainAtlas!.bench!;
    return { firstGraphMs: b.firstGraphMs!, scriptStartMs: b.scriptStartMs ?? 0 };
  });
  const layoutMs = await page.evaluate(() => (window as unknown as BenchHook).__chainAtlas!.layout!());
  const panFps = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const cy = (window as unknown as BenchHook).__chainAtlas!.cy as {
          fit(): void;
          panBy(p: { x: number; y: number }): void;
          on(ev: string, f: () => void): void;
          off(ev: string, f: () => void): void;
        };
        cy.fit();
        let renders = 0;
        const onRender = () => renders++;
        cy.on('render', onRender);
        const start = performance.now();
        let i = 0;
        const step = () => {
          i++;
          cy.panBy({ x: Math.sin(i / 20) * 6, y: Math.cos(i / 20) * 4 });
          if (performance.now() - start < 2000) requestAnimationFrame(step);
          else {
            cy.off('render', onRender);
            resolve(renders / ((performance.now() - start) / 1000));
          }
        };
        requestAnimationFrame(step);
      }),
  );
  return { elements: n, firstGraphMs: Math.round(firstGraphMs), scriptStartMs: Math.round(scriptStartMs), layoutMs: Math.round(layoutMs), panFps: Math.round(panFps * 10) / 10 };
}
