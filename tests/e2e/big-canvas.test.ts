import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt, launchChromium, ROOT, startSyntheticServer } from './harness';
import { addFromSearch, clickOnCanvas, expanding, settle, type Win } from './helpers';

// Big canvases stay readable (issue 15, item 9), in Chromium on a generated graph with hubs:
// a hub's leaves bundled ("+37 位于") until the analyst opens the bundle, nodes sized by degree
// or investment (a setting), labels by zoom level. Screenshots of a big canvas with bundles go
// to docs/ in both languages.

let served: Awaited<ReturnType<typeof startSyntheticServer>>;
let browser: Browser;
const DOCS = join(ROOT, 'docs');

beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  ensureClientBuilt();
  // Big enough that a hub's whole expansion holds true leaves (at most two other neighbours drawn):
  // an expansion brings the relations among what is on the canvas, so a small graph's hub has few.
  served = await startSyntheticServer(20000, 11);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

type Cy = {
  nodes(s?: string): { length: number; map<T>(f: (n: NodeLike) => T): T[]; filter(f: (n: NodeLike) => boolean): { length: number; map<T>(f: (n: NodeLike) => T): T[] } };
  getElementById(id: string): NodeLike;
  zoom(z?: number | { level: number; renderedPosition: { x: number; y: number } }): number;
  width(): number;
  height(): number;
};
type NodeLike = { id(): string; data(k: string): unknown; visible(): boolean; hasClass(c: string): boolean; width(): number; empty(): boolean };

/** The biggest hub expanded to 200 neighbours: a canvas past the sizes where bundles and labels by zoom start. */
async function bigCanvas(lang: 'zh-CN' | 'en'): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  await ctx.addInitScript(() => localStorage.setItem('chainAtlas.expandLimit', '500'));
  const p = await ctx.newPage();
  p.setDefaultTimeout(60_000);
  await p.goto(`${served.url}/`);
  const hub = served.hubs[0]!;
  await addFromSearch(p, hub.name, hub.name);
  await expanding(p, () => clickOnCanvas(p, hub.id, 'dbl'), 90_000);
  await p.evaluate(() => (window as unknown as Win).__chainAtlas.dispatch({ type: 'select', id: null }));
  await settle(p);
  return p;
}

const bundles = (p: Page) =>
  p.evaluate(`(${String(() => {
    const cy = (window as unknown as { __chainAtlas: { cy: { nodes(s: string): { map<T>(f: (n: { id(): string; data(k: string): unknown; visible(): boolean }) => T): T[] } } } }).__chainAtlas.cy;
    return cy.nodes('.bundle').map((n) => ({ id: n.id(), label: String(n.data('label')), visible: n.visible() }));
  })})()`) as Promise<{ id: string; label: string; visible: boolean }[]>;

describe('big canvases', () => {
  it('bundles a hub’s leaves until the bundle is opened', async () => {
    const p = await bigCanvas('zh-CN');
    const n = await p.evaluate(() => Object.keys((window as unknown as { __chainAtlas: { state(): { nodes: object } } }).__chainAtlas.state().nodes).length);
    expect(n).toBeGreaterThanOrEqual(100);
    const found = await bundles(p);
    expect(found.length).toBeGreaterThan(0);
    const first = found[0]!;
    expect(first.label).toMatch(/^\+\d+ (位于|投资|成员|运营|合作|供应)$/);
    expect(first.visible).toBe(true);
    const count = Number(/\+(\d+)/.exec(first.label)![1]);
    // Its leaves are on the canvas (the state) but not drawn.
    const hidden = await p.evaluate(() => (window as unknown as { __chainAtlas: { cy: Cy } }).__chainAtlas.cy.nodes('.bundled').filter((x) => !x.visible()).length);
    expect(hidden).toBeGreaterThanOrEqual(count);
    await p.screenshot({ path: join(DOCS, 'big-canvas.zh.png') });

    await clickOnCanvas(p, first.id);
    await p.waitForFunction((id) => (window as unknown as { __chainAtlas: { cy: Cy } }).__chainAtlas.cy.getElementById(id).empty(), first.id);
    const after = await p.evaluate(() => (window as unknown as { __chainAtlas: { cy: Cy } }).__chainAtlas.cy.nodes('.bundled').length);
    expect(after).toBe(hidden - count);
    await p.context().close();
  }, 240_000);

  it('sizes nodes by degree (default), by type, or by investment; labels follow the zoom', async () => {
    const p = await bigCanvas('en');
    const hub = served.hubs[0]!;
    const widths = () =>
      p.evaluate((hid) => {
        const cy = (window as unknown as { __chainAtlas: { cy: Cy } }).__chainAtlas.cy;
        const enterprises = cy.nodes('[type = "ENTERPRISE"]').map((x) => ({ id: x.id(), w: x.width() }));
        return { hub: cy.getElementById(hid).width(), others: enterprises.filter((e) => e.id !== hid).map((e) => e.w) };
      }, hub.id);
    const byDegree = await widths();
    expect(byDegree.hub).toBeGreaterThan(Math.max(...byDegree.others.slice(0, 20)) - 1);
    expect(new Set(byDegree.others).size).toBeGreaterThan(1);

    await p.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Node size' }).selectOption('type');
    const byType = await widths();
    expect(new Set([byType.hub, ...byType.others]).size).toBe(1);
    await dialog.getByRole('combobox', { name: 'Node size' }).selectOption('investment');
    const byInvestment = await widths();
    expect(new Set([byInvestment.hub, ...byInvestment.others]).size).toBeGreaterThan(1);
    await dialog.getByRole('combobox', { name: 'Node size' }).selectOption('degree');
    await p.keyboard.press('Escape');

    await p.keyboard.press('f');
    await settle(p);
    await p.screenshot({ path: join(DOCS, 'big-canvas.en.png') });
    // Zoomed out: the best connected are labelled, the others not; zoomed in: all of them.
    const at = (level: number) =>
      p.evaluate((z) => {
        const cy = (window as unknown as { __chainAtlas: { cy: Cy } }).__chainAtlas.cy;
        cy.zoom({ level: z, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        return cy.nodes('.quiet').length;
      }, level);
    expect(await at(0.4)).toBeGreaterThan(0);
    expect(await p.evaluate((hid) => (window as unknown as { __chainAtlas: { cy: Cy } }).__chainAtlas.cy.getElementById(hid).hasClass('quiet'), hub.id)).toBe(false);
    const fewer = await at(1.2);
    expect(fewer).toBeLessThan(await at(0.4));
    expect(await at(1.8)).toBe(0);
    await p.context().close();
  }, 240_000);
});
