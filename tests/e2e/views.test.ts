import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt, launchChromium, SCREENSHOTS, startServer, type Served } from './harness';
import { addFromSearch, clickOnCanvas, expanding, nodeIds, overlaps, settle, visibleIds, type Win } from './helpers';

// District and cluster views, filters, expansion by relation type and 显示更多, saved views
// and exports, in Chromium against the real server and the five bundled articles.

let served: Served;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureClientBuilt();
  served = await startServer();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function fresh(): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  p.setDefaultTimeout(8000);
  await p.goto(`${served.url}/`);
  await p.getByRole('combobox', { name: '搜索' }).waitFor();
  return p;
}

/** child id → parent id, for every node in a compound. */
const parentsOf = (p: Page) =>
  p.evaluate(() =>
    Object.fromEntries(
      (window as unknown as Win).__chainAtlas.cy
        .nodes()
        .filter((n) => n.parent().length > 0)
        .map((n) => [n.id(), n.parent().id()]),
    ),
  );

/** Every child drawn inside its parent's box. */
const childrenInside = (p: Page) =>
  p.evaluate(() =>
    (window as unknown as Win).__chainAtlas.cy
      .nodes()
      .filter((n) => n.parent().length > 0)
      .map((n) => {
        const c = n.boundingBox({ includeLabels: false });
        const b = n.parent().boundingBox({ includeLabels: false });
        return c.x1 >= b.x1 && c.x2 <= b.x2 && c.y1 >= b.y1 && c.y2 <= b.y2;
      })
      .every(Boolean),
  );

describe('district and cluster views', () => {
  it('district view: everything located in 两江新区 inside its box', async () => {
    const p = await fresh();
    await addFromSearch(p, '两江新区', '两江新区');
    await p.getByRole('button', { name: '区县视图' }).click();
    await p.waitForFunction(() => (window as unknown as Win).__chainAtlas.cy.nodes(':parent').length > 0, undefined, { timeout: 15_000 });
    await settle(p);
    const parents = await parentsOf(p);
    for (const c of ['enterprise:赛力斯', 'enterprise:希迪智驾', 'enterprise:梧桐车联', 'platform:两江水土云计算中心']) expect(parents[c]).toBe('district:两江新区');
    expect(await childrenInside(p)).toBe(true);
    expect(await overlaps(p)).toEqual([]);
    // The containment edges are implied by the box, so not drawn.
    expect(await p.evaluate(() => (window as unknown as Win).__chainAtlas.cy.edges('[type = "LOCATED_IN"]').filter((e) => e.visible()).length)).toBe(0);
    expect(new URL(p.url()).searchParams.get('view')).toBe('district:district:两江新区');
    await p.screenshot({ path: join(SCREENSHOTS, '06-district-view.png') });
    await p.close();
  });

  it('cluster view: leaders and members inside 先进动力装备产业集群, leaders marked', async () => {
    const p = await fresh();
    await addFromSearch(p, '先进动力装备', '先进动力装备产业集群');
    await p.getByRole('button', { name: '集群视图' }).click();
    await p.waitForFunction(() => (window as unknown as Win).__chainAtlas.cy.nodes(':parent').length > 0, undefined, { timeout: 15_000 });
    await settle(p);
    const parents = await parentsOf(p);
    expect(parents['enterprise:宗申动力']).toBe('cluster:先进动力装备产业集群');
    expect(parents['enterprise:吉利芸峰']).toBe('cluster:先进动力装备产业集群');
    const leaders = await p.evaluate(() => (window as unknown as Win).__chainAtlas.cy.nodes('.leader').map((n) => n.id()).sort());
    expect(leaders).toEqual(['enterprise:吉利芸峰', 'enterprise:宗申动力']);
    expect(await childrenInside(p)).toBe(true);
    expect(await overlaps(p)).toEqual([]);
    await p.screenshot({ path: join(SCREENSHOTS, '07-cluster-view.png') });
    // A shared link reopens the view with the same grouping.
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await other.goto(p.url());
    await other.waitForFunction(() => (window as unknown as Partial<Win>).__chainAtlas?.cy?.nodes(':parent').length === 1, undefined, { timeout: 15_000 });
    expect(await parentsOf(other)).toEqual(parents);
    await other.close();
    await p.close();
  });
});

describe('filters hide without refetching', () => {
  it('entity type, relation type, date range and district', async () => {
    const p = await fresh();
    await addFromSearch(p, '忽米网', '忽米网');
    await expanding(p, () => clickOnCanvas(p, 'platform:忽米网', 'dbl'));
    await addFromSearch(p, '两江新区', '两江新区');
    await expanding(p, () => clickOnCanvas(p, 'district:两江新区', 'dbl'));
    const all = await visibleIds(p);
    expect(all).toEqual(expect.arrayContaining(['enterprise:宗申集团', 'enterprise:赛力斯', 'platform:汽摩产业大脑']));

    // The canvas is filtered where it is; only the details panel asks again (its figures follow the filters).
    const requests: string[] = [];
    p.on('request', (r) => {
      if (r.url().includes('/graphql') && !(r.postData() ?? '').includes('query EntityPanel')) requests.push(r.postData() ?? r.url());
    });
    const filters = p.getByRole('region', { name: '筛选' });

    // Entity type: 企业 off hides the enterprises and their edges.
    await filters.getByRole('checkbox', { name: '企业' }).uncheck();
    let vis = await visibleIds(p);
    expect(vis.filter((id) => id.startsWith('enterprise:'))).toEqual([]);
    expect(vis).toContain('platform:忽米网');
    await filters.getByRole('checkbox', { name: '企业' }).check();

    // Relation type: 运营 off hides the OPERATES edges, not their ends.
    await filters.getByRole('checkbox', { name: '运营' }).uncheck();
    const operates = await p.evaluate(() => (window as unknown as Win).__chainAtlas.cy.edges('[type = "OPERATES"]').map((e) => [e.id(), e.visible()]));
    expect(operates.length).toBeGreaterThan(0);
    expect(operates.every(([, v]) => !v)).toBe(true);
    expect(await visibleIds(p)).toContain('platform:汽摩产业大脑');
    await filters.getByRole('checkbox', { name: '运营' }).check();

    // Date range, typed the page's way: only facts reported from June 2024 on.
    await filters.getByLabel('起始日期').fill('2024-06');
    await p.waitForFunction(() => location.search.includes('from=2024-06-01'));
    const edgeVisible = (st: string) =>
      p.evaluate(
        (key) =>
          (window as unknown as Win).__chainAtlas.cy
            .edges()
            .filter((e) => `${String(e.data('source'))}>${String(e.data('target'))}` === key)
            .map((e) => e.visible())[0],
        st,
      );
    expect(await edgeVisible('enterprise:重庆忽米网络科技有限公司>platform:忽米网')).toBe(false); // reported 2024-01-09 only
    expect(await edgeVisible('platform:忽米网>platform:汽摩产业大脑')).toBe(true); // also 2024-09-05
    expect(await edgeVisible('enterprise:赛力斯>district:两江新区')).toBe(true); // 2025-03-22
    await filters.getByLabel('截止日期').fill('2024-12-31');
    expect(await edgeVisible('enterprise:赛力斯>district:两江新区')).toBe(false);
    await filters.getByLabel('截止日期').fill('2024/13/01');
    await filters.getByLabel('截止日期').blur();
    await expect(filters.getByRole('alert').textContent()).resolves.toContain('2024-01-09');
    await filters.getByRole('button', { name: '重置筛选' }).click();
    expect(await visibleIds(p)).toEqual(all);

    // District: only what is located in 两江新区 (and the district).
    // Every district of the graph is listed, each with how many entities are located there.
    await filters.getByRole('combobox', { name: '区县' }).selectOption('district:两江新区');
    vis = await visibleIds(p);
    expect(vis).toEqual(expect.arrayContaining(['district:两江新区', 'enterprise:赛力斯']));
    expect(vis).not.toContain('platform:忽米网');
    await p.screenshot({ path: join(SCREENSHOTS, '08-filters.png') });
    await filters.getByRole('button', { name: '重置筛选' }).click();

    expect(requests).toEqual([]);
    await p.close();
  });
});

describe('expansion', () => {
  it('context menu expands by relation type; 显示更多 past the cap set in settings', async () => {
    const p = await fresh();
    await addFromSearch(p, '忽米网', '忽米网');
    await clickOnCanvas(p, 'platform:忽米网', 'right');
    const menu = p.getByRole('menu');
    await menu.getByText('按关系类型展开').waitFor();
    await p.screenshot({ path: join(SCREENSHOTS, '09-context-menu.png') });
    await expanding(p, () => menu.getByRole('menuitem', { name: '运营' }).click());
    // Only what 忽米网 operates or is operated by: not 宗申集团, its partner.
    expect(await nodeIds(p)).toEqual(['enterprise:重庆忽米网络科技有限公司', 'platform:忽米网', 'platform:汽摩产业大脑']);

    // A cap of two per expansion (the node itself and one neighbour): the rest is behind 显示更多.
    await p.getByRole('button', { name: '设置' }).click();
    const settings = p.getByRole('dialog', { name: '设置与维护' });
    await settings.getByLabel('每次展开最多显示').fill('2');
    await settings.getByRole('button', { name: '保存' }).click();
    await settings.getByRole('button', { name: '关闭' }).click();
    await p.getByRole('button', { name: '清空画布' }).click();
    await addFromSearch(p, '忽米网', '忽米网');
    await expanding(p, () => clickOnCanvas(p, 'platform:忽米网', 'dbl'));
    expect((await nodeIds(p)).length).toBe(2);
    const more = p.getByRole('button', { name: /显示更多/ });
    await more.waitFor();
    await expanding(p, () => more.click());
    expect(await nodeIds(p)).toEqual(['enterprise:宗申集团', 'enterprise:重庆忽米网络科技有限公司', 'platform:忽米网', 'platform:汽摩产业大脑']);
    await more.waitFor({ state: 'detached' });
    await p.close();
  });
});

describe('saved views and exports', () => {
  it('saves a view, reloads, reopens it; exports PNG, SVG, JSON and CSV of what is visible', async () => {
    const p = await fresh();
    await addFromSearch(p, '忽米网', '忽米网');
    await expanding(p, () => clickOnCanvas(p, 'platform:忽米网', 'dbl'));
    const filters = p.getByRole('region', { name: '筛选' });
    await filters.getByRole('checkbox', { name: '企业' }).uncheck();
    const views = p.getByRole('region', { name: '视图' });
    await views.getByLabel('视图名称').fill('忽米网一圈');
    await views.getByRole('button', { name: '保存当前视图' }).click();
    const before = await nodeIds(p);

    await p.goto(`${served.url}/`);
    await p.getByRole('combobox', { name: '搜索' }).waitFor();
    expect(await nodeIds(p)).toEqual([]);
    await p.getByRole('region', { name: '视图' }).getByRole('button', { name: '忽米网一圈', exact: true }).click();
    await p.waitForFunction((n) => (window as unknown as Partial<Win>).__chainAtlas?.cy?.nodes().length === n, before.length, { timeout: 15_000 });
    await settle(p);
    expect(await nodeIds(p)).toEqual(before);
    expect(await p.getByRole('region', { name: '筛选' }).getByRole('checkbox', { name: '企业' }).isChecked()).toBe(false);

    const exported: Record<string, Buffer> = {};
    for (const kind of ['PNG', 'SVG', 'JSON', 'CSV']) {
      const [dl] = await Promise.all([p.waitForEvent('download'), p.getByRole('region', { name: '视图' }).getByRole('button', { name: kind, exact: true }).click()]);
      expect(dl.suggestedFilename()).toBe(`chain-atlas.${kind.toLowerCase()}`);
      exported[kind] = readFileSync((await dl.path())!);
      expect(exported[kind].length).toBeGreaterThan(100);
    }
    expect(exported.PNG.subarray(1, 4).toString()).toBe('PNG');
    expect(exported.SVG.toString()).toContain('<svg');
    const json = JSON.parse(exported.JSON.toString()) as { nodes: { id: string }[]; edges: { type: string }[] };
    // The enterprises are filtered out, so not exported.
    expect(json.nodes.map((n) => n.id).sort()).toEqual(['platform:忽米网', 'platform:汽摩产业大脑']);
    expect(json.edges.map((e) => e.type)).toEqual(['OPERATES']);
    const csv = exported.CSV.toString('utf8');
    expect(csv.startsWith('\ufeffkind,id,type,name')).toBe(true);
    expect(csv).toContain('汽摩产业大脑');
    expect(csv).not.toContain('宗申集团');
    await p.close();
  });
});

describe('states', () => {
  it('empty canvas, search results, and the server unreachable', async () => {
    const p = await fresh();
    await p.getByText('在左侧搜索一个企业').waitFor();
    await p.screenshot({ path: join(SCREENSHOTS, '11-empty.png') });
    await p.getByRole('combobox', { name: '搜索' }).fill('重庆');
    await p.locator('#search-results[data-query="重庆"] [role=option]').first().waitFor();
    await p.screenshot({ path: join(SCREENSHOTS, '12-search-results.png') });
    await p.getByRole('combobox', { name: '搜索' }).fill('');

    await p.route('**/graphql', (r) => r.abort('connectionrefused'));
    await p.getByRole('combobox', { name: '搜索' }).fill('忽米');
    await expect(p.getByRole('alert').first().textContent()).resolves.toMatch(/.+/);
    await p.screenshot({ path: join(SCREENSHOTS, '13-error.png') });
    await p.close();
  });
});
