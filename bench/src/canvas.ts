import type { Page } from 'playwright-core';

export interface CanvasMeasurement {
  elements: number;
  /** Nodes among the elements (the rest are edges). */
  nodes?: number;
  /** Navigation start → first frame with every element drawn (load, parse, style, paint). */
  firstGraphMs: number;
  /**
   * CPU time of the page's main thread up to the first graph. On a busy machine wall time
   * includes waiting for a core; this does not, so it tells what the page itself costs.
   */
  firstGraphCpuMs?: number;
  /** Navigation start → the bench script running (HTML, JS download and parse). */
  scriptStartMs: number;
  /** Where the time after the script started went: element definitions, Cytoscape init (elements, style), fit, first draw. */
  phases?: Record<string, number>;
  /** fcose (draft quality) over all nodes, no animation. */
  layoutMs: number;
  /** Frames per second while the analyst drags the background for two seconds (real mouse input). */
  panFps: number;
  /** Frames per second when every frame is a full redraw (programmatic pans, as during an animation). */
  redrawFps: number;
}

type BenchHook = {
  __chainAtlas?: { bench?: { firstGraphMs?: number; scriptStartMs?: number; phases?: Record<string, number> }; layout?: () => Promise<number>; cy?: unknown };
};
type CyLike = {
  fit(eles?: unknown, padding?: number): void;
  panBy(p: { x: number; y: number }): void;
  on(ev: string, f: () => void): void;
  off(ev: string, f: () => void): void;
  elements(): { renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number } };
};

/**
 * Opens the explorer's synthetic bench page (`?bench=n`: n/2 styled nodes, n/2 edges, canvas
 * renderer) and measures first graph, layout and panning. `baseUrl` is where the built client
 * is served; defaults to the page's current origin.
 */
export async function measureCanvas(page: Page, n: number, baseUrl?: string, opts: { nodes?: number; detail?: boolean } = {}): Promise<CanvasMeasurement> {
  const base = baseUrl ?? new URL(page.url()).origin;
  const extra = `${opts.nodes ? `&nodes=${opts.nodes}` : ''}${opts.detail === false ? '&detail=0' : ''}`;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${base}/?bench=${n}${extra}`);
  await page.waitForFunction(() => (window as unknown as BenchHook).__chainAtlas?.bench?.firstGraphMs != null, undefined, { timeout: 60_000 });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const threadTime = metrics.find((m) => m.name === 'ThreadTime')?.value;
  await cdp.detach();
  const { firstGraphMs, scriptStartMs, phases } = await page.evaluate(() => {
    const b = (window as unknown as BenchHook).__chainAtlas!.bench!;
    return { firstGraphMs: b.firstGraphMs!, scriptStartMs: b.scriptStartMs ?? 0, phases: b.phases };
  });
  const layoutMs = await page.evaluate(() => (window as unknown as BenchHook).__chainAtlas!.layout!());

  // Programmatic pans straight after the layout (as this bench measured panning before):
  // no cached texture, so each frame is drawn from the element caches.
  const redrawFps = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const cy = (window as unknown as BenchHook).__chainAtlas!.cy as CyLike;
        cy.fit(undefined, 20);
        let renders = 0;
        const onRender = () => renders++;
        cy.on('render', onRender);
        const t = performance.now();
        let i = 0;
        const step = () => {
          i++;
          cy.panBy({ x: Math.sin(i / 20) * 6, y: Math.cos(i / 20) * 4 });
          if (performance.now() - t < 2000) requestAnimationFrame(step);
          else {
            cy.off('render', onRender);
            resolve(renders / ((performance.now() - t) / 1000));
          }
        };
        requestAnimationFrame(step);
      }),
  );

  // Panning as the analyst does it: press on the empty background beside the graph, drag in circles.
  const start = await page.evaluate(() => {
    const cy = (window as unknown as BenchHook).__chainAtlas!.cy as CyLike;
    cy.fit(undefined, 20);
    const bb = cy.elements().renderedBoundingBox();
    return { x: Math.max(2, bb.x1 / 2), y: window.innerHeight / 2 };
  });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // One pointer move per frame, like a 60 Hz mouse (awaiting each move over CDP would cap the
  // rate at the round trip, not at the canvas).
  const panFps = await page.evaluate(
    (p) =>
      new Promise<number>((resolve) => {
        const cy = (window as unknown as BenchHook).__chainAtlas!.cy as CyLike;
        let renders = 0;
        const onRender = () => renders++;
        cy.on('render', onRender);
        const t = performance.now();
        let i = 0;
        const step = () => {
          i++;
          const x = p.x + 40 * Math.sin(i / 10);
          const y = p.y + 30 * Math.cos(i / 10) - 30;
          window.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, screenX: x, screenY: y, buttons: 1, which: 1, bubbles: true } as MouseEventInit));
          if (performance.now() - t < 2000) requestAnimationFrame(step);
          else {
            cy.off('render', onRender);
            resolve(renders / ((performance.now() - t) / 1000));
          }
        };
        requestAnimationFrame(step);
      }),
    start,
  );
  await page.mouse.up();

  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    elements: n,
    ...(opts.nodes ? { nodes: opts.nodes } : {}),
    firstGraphMs: Math.round(firstGraphMs),
    ...(threadTime != null ? { firstGraphCpuMs: Math.round(threadTime * 1000) } : {}),
    scriptStartMs: Math.round(scriptStartMs),
    ...(phases ? { phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])) } : {}),
    layoutMs: Math.round(layoutMs),
    panFps: r1(panFps),
    redrawFps: r1(redrawFps),
  };
}
