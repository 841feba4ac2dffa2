import type { Page } from 'playwright-core';

// What the e2e tests touch of the page: Cytoscape through window.__chainAtlas (the tests
// package does not depend on Cytoscape), and the signals the explorer gives when it is idle.

export interface Ele {
  id(): string;
  data(key: string): unknown;
  isEdge(): boolean;
  isParent(): boolean;
  visible(): boolean;
  hasClass(c: string): boolean;
  parent(): Eles;
  children(): Eles;
  renderedMidpoint(): { x: number; y: number };
  renderedPosition(): { x: number; y: number };
  boundingBox(o?: object): { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
}
export interface Eles extends Ele {
  length: number;
  map<T>(f: (e: Ele) => T): T[];
  some(f: (e: Ele) => boolean): boolean;
  filter(f: (e: Ele) => boolean): Eles;
}
export type Hook = {
  cy: { nodes(s?: string): Eles; edges(s?: string): Eles; $(selector: string): Eles; getElementById(id: string): Eles; container(): HTMLElement | null; animated(): boolean };
  pending: number;
  expanded?: number;
  layouts?: number;
  dispatch: (a: object) => void;
};
export type Win = { __chainAtlas: Hook };

/** The entities drawn on the canvas (not the "+N" nodes standing for a hub's bundled leaves). */
export const nodeIds = (p: Page) =>
  p.evaluate(() =>
    (window as unknown as Win).__chainAtlas.cy
      .nodes()
      .filter((n) => !n.hasClass('bundle'))
      .map((n) => n.id())
      .sort(),
  );
export const visibleIds = (p: Page) =>
  p.evaluate(() =>
    (window as unknown as Win).__chainAtlas.cy
      .$('*')
      .filter((e) => e.visible())
      .map((e) => e.id())
      .sort(),
  );

export async function waitForNode(p: Page, label: string) {
  await p.waitForFunction(
    (l) => (window as unknown as Partial<Win>).__chainAtlas?.cy?.nodes().some((n) => n.data('label') === l) ?? false,
    label,
    { timeout: 15_000 },
  );
}

/** Clicks an element where Cytoscape draws it, as a user would. */
export async function clickOnCanvas(p: Page, id: string, how: 'click' | 'dbl' | 'right' = 'click') {
  const pos = await p.evaluate((eid) => {
    const cy = (window as unknown as Win).__chainAtlas.cy;
    const ele = cy.getElementById(eid);
    const r = ele.isEdge() ? ele.renderedMidpoint() : ele.renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + r.x, y: box.top + r.y };
  }, id);
  if (how === 'dbl') await p.mouse.dblclick(pos.x, pos.y);
  else await p.mouse.click(pos.x, pos.y, { button: how === 'right' ? 'right' : 'left' });
}

export async function search(p: Page, q: string) {
  const box = p.getByRole('combobox', { name: /搜索|Search/ });
  await box.fill(q);
  // Hits for this query, not the previous one's still on screen.
  await p.locator(`#search-results[data-query=${JSON.stringify(q.trim())}] [role=option]`).first().waitFor();
}

/** No request in flight, no layout running, no animation: the canvas is still. */
export async function settle(p: Page, timeout?: number) {
  await p.waitForFunction(
    () => {
      const h = (window as unknown as Partial<Win>).__chainAtlas;
      return !!h && h.pending === 0 && !h.layouts && !h.cy.animated();
    },
    undefined,
    timeout ? { timeout } : {},
  );
  // One more frame, so the last positions are drawn.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Runs `act` (a double click, a menu item) and waits until the expansion it starts has finished. */
export async function expanding(p: Page, act: () => Promise<unknown>, timeout = 15_000) {
  const before = await p.evaluate(() => (window as unknown as Win).__chainAtlas.expanded ?? 0);
  await act();
  await p.waitForFunction((n) => ((window as unknown as Win).__chainAtlas.expanded ?? 0) > n, before, { timeout });
  await settle(p, timeout);
}

/** Adds an entity from the search box and waits for it on the canvas. */
export async function addFromSearch(p: Page, q: string, name: string) {
  await search(p, q);
  // On the name, not on the row's 起点/终点 buttons.
  await p.locator('#search-results [role=option]', { hasText: name }).first().click({ position: { x: 12, y: 10 } });
  await waitForNode(p, name);
  await settle(p);
}

/** Leaf nodes whose boxes (label included) overlap: what an analyst would see as a collision. */
export const overlaps = (p: Page) =>
  p.evaluate(() => {
    const cy = (window as unknown as Win).__chainAtlas.cy;
    const leaves = cy.nodes().filter((n) => !n.isParent() && n.visible());
    const boxes = leaves.map((n) => ({ id: n.id(), b: n.boundingBox({ includeLabels: true }) }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].b;
        const b = boxes[j].b;
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push(`${boxes[i].id} × ${boxes[j].id}`);
      }
    return out;
  });
