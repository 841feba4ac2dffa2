import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt, launchChromium, startSyntheticServer } from './harness';
import { addFromSearch, clickOnCanvas, expanding, settle, type Win } from './helpers';

// English complete (issue 15, item 11), in Chromium on a generated graph with hubs: a browser
// set to en-US opens in English (unless the analyst chose otherwise), the page title follows,
// no full-width "：", "Path 1 (1 hop)", accessible names in English, and a server error shown
// by its code in the page's language.

let served: Awaited<ReturnType<typeof startSyntheticServer>>;
let browser: Browser;

beforeAll(async () => {
  ensureClientBuilt();
  served = await startSyntheticServer();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;

async function page(locale: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  const p = await ctx.newPage();
  p.setDefaultTimeout(20_000);
  return p;
}

describe('English', () => {
  it('an en-US browser opens in English: title, lang, names, no full-width colon, Path 1 (1 hop)', async () => {
    const p = await page('en-US');
    await p.goto(`${served.url}/`);
    await p.getByRole('combobox', { name: 'Search' }).waitFor();
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await p.title()).toMatch(/^ChainAtlas/);
    expect(CJK.test(await p.title())).toBe(false);
    await expect(p.getByRole('button', { name: '中文' }).count()).resolves.toBe(1);

    const hub = served.hubs[0]!;
    await addFromSearch(p, hub.name, hub.name);
    await expanding(p, () => clickOnCanvas(p, hub.id, 'dbl'));
    // A neighbour of the hub: a one-hop path between them.
    const other = await p.evaluate((hid) => {
      const cy = (window as unknown as Win).__chainAtlas.cy;
      return cy.edges(`[source = "${hid}"]`).map((e) => String(e.data('target')))[0]!;
    }, hub.id);
    await clickOnCanvas(p, hub.id, 'right');
    await p.getByRole('menuitem', { name: 'Path from here' }).click();
    await settle(p);
    await clickOnCanvas(p, other, 'right');
    await p.getByRole('menuitem', { name: 'Path to here' }).click();
    const panel = p.getByTestId('paths-panel');
    await panel.getByRole('button', { name: 'Find shortest paths' }).click();
    await panel.locator('ol.paths li').first().waitFor();
    await settle(p);
    expect(await panel.locator('ol.paths li button').first().textContent()).toBe('Path 1 (1 hop)');
    // The edge's details, with evidence and its source.
    const edge = await p.evaluate((hid) => (window as unknown as Win).__chainAtlas.cy.edges(`[source = "${hid}"]`).map((e) => e.id())[0]!, hub.id);
    await p.evaluate((id) => (window as unknown as Win).__chainAtlas.dispatch({ type: 'select', id }), edge);
    await p.getByTestId('relation-details').waitFor();
    await settle(p);

    const text = await p.evaluate(() => document.body.innerText);
    expect(text).not.toContain('：');
    expect(text).toContain('Path 1 (1 hop)');
    // Accessible names hold no Chinese but the names of entities.
    const names = await p.evaluate(() => {
      const st = (window as unknown as { __chainAtlas: { state(): { nodes: Record<string, { name: string }> } } }).__chainAtlas.state();
      return Object.values(st.nodes).map((n) => n.name);
    });
    const labels = await p.evaluate(() => [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? ''));
    const chinese = labels.map((l) => names.reduce((s, n) => s.split(n).join(''), l)).filter((l) => CJK.test(l));
    expect(chinese).toEqual([]);
    expect(labels).toContain('Statistics');
    await p.context().close();
  }, 120_000);

  it('a server error by its code, in the page’s language, with the server’s words as a detail', async () => {
    for (const [locale, expected, forbidden] of [
      ['en-US', 'The server did not accept the request', 'Query failed'],
      ['zh-CN', '请求的内容不被接受', '查询出错'],
    ] as const) {
      const p = await page(locale);
      await p.goto(`${served.url}/`);
      const views = p.getByRole('region', { name: locale === 'en-US' ? 'Views' : '视图' });
      // A name the server refuses (views have 1–100 characters).
      await views.getByRole('textbox').fill('x'.repeat(120));
      await views.getByRole('button', { name: locale === 'en-US' ? 'Save current view' : '保存当前视图' }).click();
      const alert = p.getByRole('alert');
      await alert.waitFor();
      const shown = await alert.innerText();
      expect(shown).toContain(expected);
      expect(shown).not.toContain(forbidden);
      await alert.locator('summary').click();
      expect(await alert.locator('code').textContent()).toMatch(/100/);
      await p.context().close();
    }
  }, 60_000);

  it('the analyst’s choice wins over the browser’s language', async () => {
    const p = await page('en-US');
    await p.goto(`${served.url}/`);
    await p.getByRole('button', { name: '中文' }).click();
    await p.goto(`${served.url}/`);
    await p.getByRole('combobox', { name: '搜索' }).waitFor();
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await p.title()).toContain('产业链图谱');
    await p.context().close();
  }, 60_000);
});
