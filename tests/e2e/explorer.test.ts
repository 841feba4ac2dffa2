import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt, launchChromium, SCREENSHOTS, startServer, type Served } from './harness';
import { clickOnCanvas, expanding, nodeIds, search, settle, waitForNode, type Win } from './helpers';

// The analyst's path through the explorer, in Chromium, against the real server and the
// five bundled articles.

let served: Served;
let browser: Browser;
let page: Page;

const nodeLabels = (p: Page) => p.evaluate(() => (window as unknown as Win).__chainAtlas.cy.nodes().map((n) => String(n.data('label'))));

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureClientBuilt();
  served = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('explorer', () => {
  it('search 忽米 → 忽米网 → canvas → expand → 汽摩产业大脑 → edge evidence', async () => {
    await page.goto(`${served.url}/`);
    await expect(page.locator('.topbar h1').textContent()).resolves.toContain('产业链图谱');
    await search(page, '忽米');
    const hit = page.locator('#search-results [role=option]', { hasText: '忽米网' }).first();
    expect(await hit.textContent()).toContain('平台');
    await hit.click();
    await waitForNode(page, '忽米网');
    await settle(page);
    expect(await nodeIds(page)).toEqual(['platform:忽米网']);
    await expect(page.getByTestId('entity-details').locator('h2').textContent()).resolves.toBe('忽米网');

    await clickOnCanvas(page, 'platform:忽米网', 'dbl');
    await waitForNode(page, '汽摩产业大脑');
    await settle(page);
    expect(await nodeLabels(page)).toEqual(expect.arrayContaining(['忽米网', '汽摩产业大脑', '宗申集团']));

    const edgeId = await page.evaluate(() =>
      (window as unknown as Win).__chainAtlas.cy.$('edge[source = "platform:忽米网"][target = "platform:汽摩产业大脑"]').id(),
    );
    await clickOnCanvas(page, edgeId);
    const details = page.getByTestId('relation-details');
    await details.waitFor();
    expect(await details.locator('h2').textContent()).toBe('运营');
    const evidence = details.getByTestId('evidence').first();
    const sentence = await evidence.locator('blockquote').textContent();
    expect(sentence).toContain('汽摩');
    expect(await evidence.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['忽米网']));
    expect(await evidence.locator('.evidence-meta').textContent()).toContain('重庆日报');

    await evidence.getByRole('button', { name: '阅读全文' }).click();
    const reader = page.getByTestId('reader');
    await reader.waitFor();
    expect(sentence).toContain(await reader.locator('mark').textContent());
    await page.screenshot({ path: join(SCREENSHOTS, '01-expand-evidence-reader.png') });
    await reader.getByRole('button', { name: '关闭' }).click();
    await page.screenshot({ path: join(SCREENSHOTS, '02-edge-evidence.png') });
  });

  it('finds the paths between 重庆中科摇船船信息科技有限公司 and 赛力斯', async () => {
    await search(page, '中科摇船船');
    await page.getByRole('button', { name: '起点：重庆中科摇船船信息科技有限公司' }).click();
    await search(page, '赛力斯');
    await page.getByRole('button', { name: /^终点：赛力斯/ }).first().click();
    const panel = page.getByTestId('paths-panel');
    await panel.getByRole('button', { name: '查找最短路径' }).click();
    await panel.locator('ol.paths li').first().waitFor();
    await settle(page);
    expect(await panel.locator('ol.paths li').first().textContent()).toMatch(/重庆中科摇船船信息科技有限公司.*赛力斯/);
    const ids = await nodeIds(page);
    expect(ids).toEqual(expect.arrayContaining(['enterprise:重庆中科摇船船信息科技有限公司', 'enterprise:赛力斯']));
    const highlighted = await page.evaluate(() => (window as unknown as Win).__chainAtlas.cy.$('.path').map((e) => e.id()));
    expect(highlighted.length).toBeGreaterThanOrEqual(3);
    // Each hop's evidence is readable in the panel.
    expect(await panel.getByTestId('evidence').count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(SCREENSHOTS, '03-paths.png') });
  });

  it('a shared URL reopens the same view', async () => {
    await clickOnCanvas(page, 'platform:忽米网');
    await page.waitForFunction(() => location.search.includes('s='));
    const url = page.url();
    const before = await nodeIds(page);
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.goto(url);
    await other.waitForFunction((n) => (window as unknown as Partial<Win>).__chainAtlas?.cy?.nodes().length === n, before.length, {
      timeout: 15_000,
    });
    expect(await nodeIds(other)).toEqual(before);
    await other.getByTestId('entity-details').waitFor();
    expect(await other.getByTestId('entity-details').locator('h2').textContent()).toBe('忽米网');
    const edges = (p: Page) => p.evaluate(() => (window as unknown as Win).__chainAtlas.cy.edges().map((e) => e.id()).sort());
    expect(await edges(other)).toEqual(await edges(page));
    await other.close();
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('.topbar h1').textContent()).resolves.toContain('ChainAtlas');
    expect(await page.getByRole('combobox', { name: 'Search' }).getAttribute('placeholder')).toContain('Search');
    const labels = await page.evaluate(() => (window as unknown as Win).__chainAtlas.cy.edges().map((e) => String(e.data('label'))));
    expect(labels).toEqual(expect.arrayContaining(['operates']));
    expect(await page.getByTestId('entity-details').textContent()).toContain('Degree');
    await page.waitForFunction(() => location.search.includes('lang=en'));
    await page.screenshot({ path: join(SCREENSHOTS, '04-english.png') });
  });

  it('expands a neighbourhood step by step, undoes and collapses (screenshot for the docs)', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await p.goto(`${served.url}/?lang=zh-CN`);
    await p.evaluate(() => localStorage.setItem('chainAtlas.lang', 'zh-CN'));
    await p.goto(`${served.url}/`);
    await search(p, '忽米网');
    await p.locator('#search-results [role=option]', { hasText: '忽米网' }).first().click();
    await p.waitForFunction(() => (window as unknown as Partial<Win>).__chainAtlas?.cy?.nodes().length === 1);
    await settle(p);
    const first = (await nodeIds(p))[0];
    await clickOnCanvas(p, first, 'dbl');
    await p.waitForFunction(() => (window as unknown as Partial<Win>).__chainAtlas!.cy.nodes().length > 1);
    await settle(p);
    const afterOne = await nodeIds(p);
    expect(afterOne.length).toBeGreaterThan(1);
    for (const label of ['宗申集团', '重庆忽米网络科技有限公司']) {
      const id = await p.evaluate((l) => (window as unknown as Win).__chainAtlas.cy.nodes().map((n) => n).find((n) => n.data('label') === l)?.id(), label);
      if (!id) continue;
      // Waits for the expansion to finish, whether or not it adds anything.
      await expanding(p, () => clickOnCanvas(p, id, 'dbl'));
    }
    const full = await nodeIds(p);
    await p.keyboard.press('Control+z');
    await settle(p);
    expect((await nodeIds(p)).length).toBeLessThanOrEqual(full.length);
    await p.keyboard.press('Control+Shift+z');
    await settle(p);
    expect(await nodeIds(p)).toEqual(full);
    await p.keyboard.press('f');
    const edge = await p.evaluate(() =>
      (window as unknown as Win).__chainAtlas.cy.edges().map((e) => e).find((e) => e.data('type') === 'OPERATES')?.id(),
    );
    if (edge) {
      await clickOnCanvas(p, edge);
      await p.getByTestId('relation-details').getByTestId('evidence').first().waitFor();
    }
    await settle(p);
    await p.screenshot({ path: join(SCREENSHOTS, '00-explorer.png') });
    // Collapse takes away what the first expansion added.
    await p.evaluate((id) => (window as unknown as { __chainAtlas: { dispatch: (a: object) => void } }).__chainAtlas.dispatch({ type: 'collapse', origin: id }), first);
    await settle(p);
    expect(await nodeIds(p)).toEqual([first]);
    await p.close();
  });

  it('serves GraphiQL bundled, without any CDN', async () => {
    const gi = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const foreign: string[] = [];
    gi.on('request', (r) => {
      if (!r.url().startsWith(served.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    await gi.goto(`${served.url}/graphiql`);
    await gi.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await gi.locator('.monaco-editor').first().waitFor({ timeout: 20_000 });
    expect(foreign).toEqual([]);
    await gi.screenshot({ path: join(SCREENSHOTS, '05-graphiql.png') });
    await gi.close();
  });
});
