import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { entityId, SqliteGraphStore, type Chain, type DistrictProfile } from '@chain-atlas/graph';
import { syntheticGraph } from '@chain-atlas/graph/synthetic';
import { clientDistDir as DIST } from '@chain-atlas/client';
import { createApp, type ChainAtlasApp } from '@chain-atlas/server';
import { ensureClientBuilt, launchChromium, ROOT, SCREENSHOTS, TOKEN } from './harness';
import { addFromSearch, expanding, settle, type Eles } from './helpers';

// The chain view and the district dashboard in Chromium, on a generated graph (synthetic.ts):
// what the page shows is checked against what the store answers for the same entity.

type ChainHook = { chainCy?: { nodes(): Eles; edges(): Eles; getElementById(id: string): Eles; container(): HTMLElement | null }; chainDrawn?: number };
type ChartHook = Record<string, { getOption(): { series: { data: number[] }[]; xAxis: { data: string[] }[]; yAxis: { data: string[] }[] }; convertToPixel(f: object, v: unknown[]): number[] }>;
type W = { __chainAtlas: ChainHook; __chainAtlasCharts: ChartHook };

const DOCS = join(ROOT, 'docs');

/** A screenshot for the tests' folder, and with UPDATE_DOCS=1 for docs/ too (what the README shows). */
async function docShot(p: Page, name: string) {
  await p.screenshot({ path: join(SCREENSHOTS, name) });
  if (process.env.UPDATE_DOCS === '1') await p.screenshot({ path: join(DOCS, name) });
}

let dir: string;
let store: SqliteGraphStore;
let app: ChainAtlasApp;
let url: string;
let browser: Browser;
let root: { id: string; name: string; chain: Chain };
let district: { id: string; name: string; profile: DistrictProfile };

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureClientBuilt();
  dir = mkdtempSync(join(tmpdir(), 'chain-atlas-e2e-chain-'));
  store = SqliteGraphStore.open(join(dir, 'graph.sqlite'));
  const graph = syntheticGraph({ relations: 4000, seed: 13 });
  await store.upsertArticles([...graph.extractions()]);
  // An enterprise with suppliers and customers two steps each way, small enough to read.
  let best: typeof root | null = null;
  for (const e of graph.sample('Enterprise', 400)) {
    const id = entityId('Enterprise', e.name);
    const chain = await store.chain(id, { depth: 2 });
    if (!chain) continue;
    const at = (l: number) => chain.levels.find((x) => x.level === l)?.count ?? 0;
    const score = [-2, -1, 1, 2].filter((l) => at(l) > 0).length;
    if (chain.nodes.length > 40 || at(-1) === 0 || at(1) === 0) continue;
    if (!best || score > best.chain.levels.filter((x) => x.level !== 0 && x.count > 0).length || (score === 4 && chain.nodes.length > best.chain.nodes.length)) {
      best = { id, name: e.name, chain };
    }
  }
  if (!best) throw new Error('the generated graph has no enterprise with suppliers and customers');
  root = best;
  // The district with the most projects over several years.
  let pick: typeof district | null = null;
  for (const d of graph.sample('District', 41)) {
    const id = entityId('District', d.name);
    const profile = await store.districtProfile(id);
    if (profile && profile.byYear.length >= 2 && profile.clusters.length > 0 && (!pick || profile.total.projects > pick.profile.total.projects)) {
      pick = { id, name: d.name, profile };
    }
  }
  if (!pick) throw new Error('the generated graph has no district with projects over several years');
  district = pick;
  app = await createApp({ store, token: TOKEN, clientDir: DIST });
  url = (await app.listen(0, '127.0.0.1')).url;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function page(path: string, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: lang });
  p.setDefaultTimeout(10_000);
  await p.goto(`${url}${path}`);
  return p;
}

const chainDrawn = (p: Page, after = 0) =>
  p.waitForFunction((n) => ((window as unknown as W).__chainAtlas?.chainDrawn ?? 0) > n, after, { timeout: 20_000 });

/** Each node's level as drawn, and its x on the canvas. */
const drawnNodes = (p: Page) =>
  p.evaluate(() =>
    (window as unknown as W).__chainAtlas.chainCy!.nodes().map((n) => ({ id: n.id(), level: n.data('level') as number, layer: n.data('layer') as string, x: n.renderedPosition().x })),
  );

describe('chain view', () => {
  it('opens from the details panel: depth 2 both ways, as the store walks it, upstream left and downstream right', async () => {
    const p = await page('/');
    await p.getByRole('combobox', { name: '搜索' }).waitFor();
    const short = root.name.replace(/^重庆/, '').slice(0, 6);
    await addFromSearch(p, short, root.name);
    await p.getByTestId('entity-details').waitFor();
    await p.getByRole('button', { name: '链条视图' }).click();
    await chainDrawn(p);
    await p.waitForFunction(() => document.querySelector('[data-testid=chain-levels]'));
    expect(new URL(p.url()).searchParams.get('chain')).toBe(root.id);

    const nodes = await drawnNodes(p);
    expect(nodes.map((n) => [n.id, n.level]).sort()).toEqual(root.chain.nodes.map((n) => [n.entity.id, n.level]).sort());
    const edges = await p.evaluate(() => (window as unknown as W).__chainAtlas.chainCy!.edges().map((e) => [e.id(), e.hasClass('cycle')] as [string, boolean]));
    expect(edges.sort()).toEqual(root.chain.edges.map((e) => [e.relation.id, e.closesCycle] as [string, boolean]).sort());
    // Laid out left to right by level.
    const rootX = nodes.find((n) => n.id === root.id)!.x;
    for (const n of nodes) {
      if (n.level < 0) expect(n.x).toBeLessThan(rootX);
      if (n.level > 0) expect(n.x).toBeGreaterThan(rootX);
    }
    for (const a of nodes) for (const b of nodes) if (a.level < b.level && a.level !== 0 && b.level !== 0) expect(a.x).toBeLessThan(b.x);
    // The counts per level are the store's.
    const strip = await p.locator('[data-testid=chain-levels] li').evaluateAll((lis) => lis.map((li) => [Number(li.getAttribute('data-level')), li.querySelector('[data-testid=level-count]')!.textContent]));
    expect(strip).toEqual(root.chain.levels.map((l) => [l.level, `${l.count} 个`]));

    // An edge shows its evidence, as in the main view: one whose middle no label covers.
    const clickable = await p.evaluate((ids) => {
      const cy = (window as unknown as W).__chainAtlas.chainCy!;
      const boxes = cy.nodes().map((n) => n.boundingBox({ includeLabels: true }));
      const box = cy.container()!.getBoundingClientRect();
      for (const id of ids) {
        const e = cy.getElementById(id);
        const m = (e as unknown as { midpoint(): { x: number; y: number } }).midpoint();
        if (boxes.some((b) => m.x >= b.x1 - 4 && m.x <= b.x2 + 4 && m.y >= b.y1 - 4 && m.y <= b.y2 + 4)) continue;
        const r = e.renderedMidpoint();
        return { id, x: box.left + r.x, y: box.top + r.y };
      }
      return null;
    }, root.chain.edges.map((e) => e.relation.id));
    expect(clickable).not.toBeNull();
    const edge = root.chain.edges.find((e) => e.relation.id === clickable!.id)!;
    const pos = clickable!;
    await p.mouse.click(pos.x, pos.y);
    await p.getByTestId('relation-details').waitFor();
    expect(await p.getByTestId('relation-details').getByTestId('evidence').first().textContent()).toContain(edge.relation.evidence[0].text);
    await docShot(p, 'chain-view.zh.png');
    await p.close();
  });

  it('adds a layer with its count, changes depth and direction, and keeps all of it in the URL', async () => {
    const p = await page(`/?chain=${encodeURIComponent(root.id)}`);
    await chainDrawn(p);
    let drawn = await p.evaluate(() => (window as unknown as W).__chainAtlas.chainDrawn ?? 0);
    await p.getByRole('checkbox', { name: /投资项目/ }).check();
    await chainDrawn(p, drawn);
    const layered = (await store.chain(root.id, { depth: 2, layers: ['INVESTS_IN'] }))!;
    const invested = (await drawnNodes(p)).filter((n) => n.layer === 'INVESTS_IN').map((n) => n.id).sort();
    expect(invested).toEqual(layered.nodes.filter((n) => n.layer === 'INVESTS_IN').map((n) => n.entity.id).sort());
    expect(await p.locator('.layer-toggle', { hasText: '投资项目' }).locator('.count').textContent()).toBe(` ${layered.layers[0].count}`);
    drawn = await p.evaluate(() => (window as unknown as W).__chainAtlas.chainDrawn ?? 0);
    await p.getByRole('combobox', { name: '方向' }).selectOption('UPSTREAM');
    await chainDrawn(p, drawn);
    drawn = await p.evaluate(() => (window as unknown as W).__chainAtlas.chainDrawn ?? 0);
    await p.getByRole('group', { name: '链条视图' }).getByRole('button', { name: '1', exact: true }).click();
    await chainDrawn(p, drawn);
    const up = (await store.chain(root.id, { depth: 1, direction: 'upstream', layers: ['INVESTS_IN'] }))!;
    expect((await drawnNodes(p)).map((n) => n.id).sort()).toEqual(up.nodes.map((n) => n.entity.id).sort());
    const params = new URL(p.url()).searchParams;
    expect([params.get('depth'), params.get('dir'), params.get('layers')]).toEqual(['1', 'up', 'INVESTS_IN']);
    await p.close();
  });

  it('in English', async () => {
    const p = await page(`/?lang=en&chain=${encodeURIComponent(root.id)}`, 'en');
    await chainDrawn(p);
    await p.getByText('Suppliers upstream on the left').waitFor();
    expect(await p.locator('[data-testid=chain-levels] li').first().textContent()).toMatch(/Upstream 2|Start/);
    await docShot(p, 'chain-view.en.png');
    await p.close();
  });
});

describe('district dashboard', () => {
  it('opens by URL and shows the store\'s figures in charts; a bar opens the facts behind it', async () => {
    const p = await page(`/?profile=${encodeURIComponent(district.id)}`);
    await p.getByTestId('chart-by-year').waitFor();
    await p.waitForFunction(() => !!(window as unknown as W).__chainAtlasCharts?.['chart-by-year']);
    const byYear = await p.evaluate(() => {
      const o = (window as unknown as W).__chainAtlasCharts['chart-by-year'].getOption();
      return { years: o.xAxis[0].data, amounts: o.series[0].data, projects: o.series[1].data };
    });
    const prof = district.profile;
    expect(byYear.years).toEqual(prof.byYear.map((y) => y.year ?? '日期不详'));
    expect(byYear.amounts).toEqual(prof.byYear.map((y) => y.amountCny));
    expect(byYear.projects).toEqual(prof.byYear.map((y) => y.projects));
    const investors = await p.evaluate(() => (window as unknown as W).__chainAtlasCharts['chart-investors'].getOption().yAxis);
    expect(investors[0].data).toEqual(prof.topInvestors.map((i) => i.enterprise.name));
    expect(await p.getByTestId('kpi-projects').locator('.kpi-value').textContent()).toBe(String(prof.total.projects));
    // Clusters with their 龙头.
    const rows = p.getByTestId('district-clusters').getByTestId('cluster-row');
    expect(await rows.count()).toBe(prof.clusters.length);
    for (const [i, c] of prof.clusters.entries()) {
      const text = await rows.nth(i).textContent();
      expect(text).toContain(c.cluster.name);
      for (const l of c.leaders) expect(text).toContain(l.name);
    }
    expect(await p.getByTestId('recent-articles').locator('li').count()).toBe(prof.recentArticles.length);

    // Click the tallest bar of the year chart, where ECharts draws it.
    const tallest = prof.byYear.reduce((m, y, i) => (y.amountCny > prof.byYear[m].amountCny ? i : m), 0);
    const at = await p.evaluate((i) => {
      const c = (window as unknown as W).__chainAtlasCharts['chart-by-year'];
      const o = c.getOption();
      const [x, y] = c.convertToPixel({ seriesIndex: 0 }, [i, o.series[0].data[i] / 2]);
      const box = document.querySelector('[data-testid=chart-by-year]')!.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    }, tallest);
    await p.mouse.click(at.x, at.y);
    await p.getByTestId('facts').waitFor();
    const fig = prof.byYear[tallest];
    await p.waitForFunction((n) => document.querySelectorAll('[data-testid=fact]').length === n, Math.min(fig.relationIds.length, 50));
    expect(await p.getByTestId('facts').locator('h2').textContent()).toContain(`${fig.factCount} 条事实`);
    const shown = await p.getByTestId('fact').allTextContents();
    const facts = await store.getRelations(fig.relationIds.slice(0, 50));
    for (const f of facts) expect(shown.some((s) => s.includes(f.evidence[0].text))).toBe(true);
    await docShot(p, 'district-dashboard.zh.png');
    await p.close();
  });

  it('in English, from the explorer\'s context of a district', async () => {
    const p = await page(`/?lang=en&profile=${encodeURIComponent(district.id)}`, 'en');
    await p.getByTestId('chart-by-year').waitFor();
    await p.getByText('Top investors').waitFor();
    await p.waitForTimeout(300);
    await docShot(p, 'district-dashboard.en.png');
    await p.getByRole('button', { name: /Back to explorer/ }).click();
    await p.getByRole('combobox', { name: 'Search' }).waitFor();
    expect(new URL(p.url()).searchParams.get('profile')).toBeNull();
    await p.close();
  });
});

describe('cluster dashboard', () => {
  it('shows the store\'s leaders, members and districts, and opens the cluster\'s chain', async () => {
    const leader = district.profile.clusters.find((c) => c.leaders.length > 0) ?? district.profile.clusters[0];
    const expected = (await store.clusterProfile(leader.cluster.id))!;
    const p = await page(`/?profile=${encodeURIComponent(leader.cluster.id)}`);
    await p.getByTestId('cluster-leaders').waitFor();
    expect(await p.getByTestId('kpi-enterprises').locator('.kpi-value').textContent()).toBe(String(expected.memberCount));
    const leaders = await p.getByTestId('cluster-leaders').textContent();
    for (const l of expected.leaders) expect(leaders).toContain(l.enterprise.name);
    const districts = p.getByTestId('cluster-districts').locator('li');
    expect(await districts.count()).toBe(expected.districts.length);
    expect(await districts.first().textContent()).toContain(expected.districts[0].district.name);
    await p.waitForTimeout(300);
    await docShot(p, 'cluster-dashboard.zh.png');
    await p.getByRole('button', { name: '链条视图' }).click();
    await chainDrawn(p);
    const chain = (await store.chain(leader.cluster.id, { depth: 2 }))!;
    expect((await drawnNodes(p)).map((n) => n.id).sort()).toEqual(chain.nodes.map((n) => n.entity.id).sort());
    await p.close();
  });
});

describe('timeline', () => {
  it('counts the canvas\'s facts by month, and its slider drives the date filter', async () => {
    const p = await page('/');
    await p.getByRole('combobox', { name: '搜索' }).waitFor();
    await addFromSearch(p, district.name, district.name);
    await expanding(p, () => p.keyboard.press('e'));
    await p.getByTestId('timeline').waitFor({ timeout: 15_000 });
    await settle(p);
    await p.waitForFunction(() => !!(window as unknown as W).__chainAtlasCharts?.['timeline-chart']);
    const months = await p.evaluate(() => (window as unknown as W).__chainAtlasCharts['timeline-chart'].getOption().xAxis[0].data);
    expect(months.length).toBeGreaterThan(1);
    // Drag the slider's left handle to the middle: the filter's start date follows.
    const box = (await p.getByTestId('timeline-chart').boundingBox())!;
    await p.mouse.move(box.x + 40, box.y + box.height - 14);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width / 2, box.y + box.height - 14, { steps: 8 });
    await p.mouse.up();
    await p.waitForFunction(() => new URL(location.href).searchParams.get('from') !== null, undefined, { timeout: 5000 });
    const from = new URL(p.url()).searchParams.get('from')!;
    expect(from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(from > `${months[0]}-01`).toBe(true);
    expect(await p.getByLabel('起始日期').inputValue()).toBe(from);
    // Facts stated only before it are filtered off the canvas.
    await p.waitForFunction(() => (window as unknown as { __chainAtlas: { cy: { edges(s: string): { length: number } } } }).__chainAtlas.cy.edges('.filtered').length > 0);
    await p.screenshot({ path: join(SCREENSHOTS, '12-timeline.png') });
    await p.close();
  });
});
