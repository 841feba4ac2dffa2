import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SqliteGraphStore, type RelationType } from '@chain-atlas/graph';
import { syntheticGraph } from '@chain-atlas/graph/synthetic';
import { clientDistDir as DIST } from '@chain-atlas/client';
import { createApp, type ChainAtlasApp } from '@chain-atlas/server';
import { ensureClientBuilt, launchChromium, ROOT, SCREENSHOTS, TOKEN } from './harness';
import { addFromSearch, clickOnCanvas, settle, type Win } from './helpers';

// Paths as analysts use them, in Chromium on a generated graph with hubs: each relation written
// in its own direction (it read "两江新区—位于→希迪智驾"), the canvas filters and the panel's
// choices obeyed (with 位于 hidden a path still ran through hidden 位于 edges), max hops 1–6,
// swapping the ends, a straight layout of the chosen path, and 清空画布 taking the path's
// highlight with it (the fading stayed on new nodes).

interface Ent {
  id: string;
  name: string;
}

let dir: string;
let store: SqliteGraphStore;
let app: ChainAtlasApp;
let url: string;
let browser: Browser;
/** An enterprise and the district it is located in. */
let located: { enterprise: Ent; district: Ent };
/** Two enterprises investing in one project (their only project in common), not linked directly. */
let coInvestors: { a: Ent; b: Ent; project: Ent };
/** Two enterprises of one district, whose shortest link is that district, linked otherwise too. */
let neighbours: { a: Ent; b: Ent; district: Ent };

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureClientBuilt();
  dir = mkdtempSync(join(tmpdir(), 'chain-atlas-e2e-paths-'));
  store = SqliteGraphStore.open(join(dir, 'graph.sqlite'));
  await store.upsertArticles([...syntheticGraph({ relations: 9000, seed: 7 }).extractions()]);
  const db = store.db;

  const row = db
    .prepare(
      `SELECT e.id AS eid, e.name AS ename, d.id AS did, d.name AS dname FROM relations r
       JOIN entities e ON e.n = r.src JOIN entities d ON d.n = r.dst
       WHERE r.type = 'LOCATED_IN' AND e.type = 'Enterprise' ORDER BY e.degree DESC LIMIT 1`,
    )
    .get() as { eid: string; ename: string; did: string; dname: string };
  located = { enterprise: { id: row.eid, name: row.ename }, district: { id: row.did, name: row.dname } };

  const pair = db
    .prepare(
      `SELECT a.id AS aid, a.name AS aname, b.id AS bid, b.name AS bname, min(p.id) AS pid, min(p.name) AS pname
       FROM relations r1 JOIN relations r2 ON r1.dst = r2.dst AND r1.src < r2.src
       JOIN entities a ON a.n = r1.src JOIN entities b ON b.n = r2.src JOIN entities p ON p.n = r1.dst
       WHERE r1.type = 'INVESTS_IN' AND r2.type = 'INVESTS_IN'
         AND NOT EXISTS (SELECT 1 FROM relations x WHERE (x.src = a.n AND x.dst = b.n) OR (x.src = b.n AND x.dst = a.n))
       GROUP BY a.n, b.n HAVING count(*) = 1 ORDER BY a.degree + b.degree DESC LIMIT 1`,
    )
    .get() as { aid: string; aname: string; bid: string; bname: string; pid: string; pname: string };
  coInvestors = { a: { id: pair.aid, name: pair.aname }, b: { id: pair.bid, name: pair.bname }, project: { id: pair.pid, name: pair.pname } };

  // Neighbours in a district: the shortest path (shortcuts allowed) runs through the district,
  // and a path of other relations exists within four hops.
  const candidates = db
    .prepare(
      `SELECT a.id AS aid, a.name AS aname, b.id AS bid, b.name AS bname, d.id AS did, d.name AS dname
       FROM relations r1 JOIN relations r2 ON r1.dst = r2.dst AND r1.src < r2.src
       JOIN entities a ON a.n = r1.src JOIN entities b ON b.n = r2.src JOIN entities d ON d.n = r1.dst
       WHERE r1.type = 'LOCATED_IN' AND r2.type = 'LOCATED_IN' AND a.type = 'Enterprise' AND b.type = 'Enterprise'
         AND NOT EXISTS (SELECT 1 FROM relations x WHERE (x.src = a.n AND x.dst = b.n) OR (x.src = b.n AND x.dst = a.n))
       ORDER BY a.degree + b.degree DESC LIMIT 200`,
    )
    .all() as { aid: string; aname: string; bid: string; bname: string; did: string; dname: string }[];
  const others: RelationType[] = ['INVESTS_IN', 'MEMBER_OF', 'OPERATES', 'COOPERATES_WITH', 'SUPPLIES'];
  for (const c of candidates) {
    const [shortest] = await store.paths(c.aid, c.bid, { leaveOutShortcuts: false, limit: 1 });
    if (shortest?.edges.length !== 2) continue;
    if ((await store.paths(c.aid, c.bid, { relationTypes: others, maxLength: 4, limit: 1 })).length === 0) continue;
    neighbours = { a: { id: c.aid, name: c.aname }, b: { id: c.bid, name: c.bname }, district: { id: c.did, name: c.dname } };
    break;
  }
  expect(neighbours).toBeDefined();

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

async function open(lang = 'zh-CN'): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: lang });
  const p = await ctx.newPage();
  p.setDefaultTimeout(20_000);
  await p.goto(url);
  await p.getByRole('combobox', { name: '搜索' }).waitFor();
  return p;
}

const panel = (p: Page) => p.getByTestId('paths-panel');

/** A screenshot for the tests' folder, and with UPDATE_DOCS=1 for docs/ too. */
async function docShot(p: Page, name: string) {
  await p.screenshot({ path: join(SCREENSHOTS, name) });
  if (process.env.UPDATE_DOCS === '1') await p.screenshot({ path: join(ROOT, 'docs', name) });
}

/** Puts an entity on the canvas and makes it the path's start or end from its context menu. */
async function setEnd(p: Page, e: Ent, end: 'from' | 'to') {
  if (!(await p.evaluate((id) => (window as unknown as Win).__chainAtlas.cy.getElementById(id).length > 0, e.id))) {
    await addFromSearch(p, e.name, e.name);
  }
  await clickOnCanvas(p, e.id, 'right');
  await p.getByRole('menuitem', { name: end === 'from' ? '设为路径起点' : '设为路径终点' }).click();
  await expect.poll(() => panel(p).getByTestId(end === 'from' ? 'path-from' : 'path-to').textContent()).toBe(e.name);
}

/** Clicks 查找最短路径 and waits for the answer (listed paths or "none") and the canvas to settle. */
async function findPaths(p: Page): Promise<string[]> {
  const before = Number(await panel(p).getAttribute('data-searches'));
  await panel(p).getByRole('button', { name: '查找最短路径' }).click();
  await p.waitForFunction((n) => Number(document.querySelector('[data-testid=paths-panel]')?.getAttribute('data-searches')) > n, before);
  await settle(p);
  return (await panel(p).getByTestId('path-text').allTextContents()).map((s) => s.replace(/\s+/gu, ' ').trim());
}

async function onlyRelationTypes(p: Page, keep: string[]) {
  const box = panel(p).getByRole('group', { name: '经由的关系' });
  for (const label of ['位于', '投资', '成员', '运营', '合作', '供应']) {
    await box.getByRole('checkbox', { name: label, exact: true }).setChecked(keep.includes(label));
  }
}

const maxHops = (p: Page, n: number) => panel(p).getByRole('combobox', { name: '最多步数' }).selectOption(String(n));

/** Canvas elements drawn as the path, and those faded around it. */
const pathClasses = (p: Page) =>
  p.evaluate(() => {
    const cy = (window as unknown as Win).__chainAtlas.cy;
    return {
      path: cy.$('.path').map((e) => e.id()),
      faded: cy.$('.faded').length,
      pathFiltered: cy.$('.path').filter((e) => e.hasClass('filtered')).length,
    };
  });

describe('paths as analysts use them', () => {
  it('writes each relation in its own direction: a district is never the subject of 位于', async () => {
    const p = await open();
    await setEnd(p, located.district, 'from');
    await setEnd(p, located.enterprise, 'to');
    await maxHops(p, 1);
    const [first] = await findPaths(p);
    expect(first).toBe(`${located.district.name} ←位于— ${located.enterprise.name}`);
    // The canvas arrow agrees: the edge runs from the enterprise to the district.
    const ends = await p.evaluate(() =>
      (window as unknown as Win).__chainAtlas.cy
        .$('.path')
        .filter((e) => e.isEdge())
        .map((e) => [e.data('source'), e.data('target')]),
    );
    expect(ends).toEqual([[located.enterprise.id, located.district.id]]);
    await p.context().close();
  }, 90_000);

  it('keeps to the relation types and the max hops chosen, and writes A —投资→ P ←投资— B', async () => {
    const p = await open();
    const { a, b, project } = coInvestors;
    await setEnd(p, a, 'from');
    await setEnd(p, b, 'to');
    await onlyRelationTypes(p, ['投资']);
    await maxHops(p, 1);
    expect(await findPaths(p)).toEqual([]);
    await expect.poll(() => panel(p).textContent()).toContain('在 1 步内没有找到路径');
    await maxHops(p, 2);
    const found = await findPaths(p);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${a.name} —投资[^→←—]*→ ${project.name} ←投资[^→←—]*— ${b.name}$`, 'u'));
    // Max hops is 1–6 and nothing else.
    const options = await panel(p).getByRole('combobox', { name: '最多步数' }).locator('option').allTextContents();
    expect(options).toEqual(['1', '2', '3', '4', '5', '6']);
    await p.screenshot({ path: join(SCREENSHOTS, '40-path-direction.png') });
    await p.context().close();
  }, 90_000);

  it('with 位于 hidden by the filters, no path runs through 位于, and the path shows whole', async () => {
    const p = await open();
    const { a, b, district } = neighbours;
    await setEnd(p, a, 'from');
    await setEnd(p, b, 'to');
    // Shortcuts allowed: the shortest path is the shared district.
    await panel(p).getByRole('checkbox', { name: /捷径/u }).setChecked(false);
    const shortcut = await findPaths(p);
    expect(shortcut).toContain(`${a.name} —位于→ ${district.name} ←位于— ${b.name}`);
    // Left out (the default): no path through a district or cluster.
    await panel(p).getByRole('checkbox', { name: /捷径/u }).setChecked(true);
    for (const text of await findPaths(p)) expect(text).not.toContain(district.name);

    await panel(p).getByRole('checkbox', { name: /捷径/u }).setChecked(false);
    await p.getByRole('region', { name: '筛选' }).getByRole('checkbox', { name: '位于', exact: true }).setChecked(false);
    // The panel shows 位于 as not walkable while the filters hide it.
    await expect.poll(() => panel(p).getByRole('checkbox', { name: '位于', exact: true }).isDisabled()).toBe(true);
    const filtered = await findPaths(p);
    expect(filtered.length).toBeGreaterThan(0);
    for (const text of filtered) expect(text).not.toMatch(/位于/u);
    const drawn = await pathClasses(p);
    expect(drawn.path.length).toBeGreaterThan(2);
    expect(drawn.pathFiltered).toBe(0);
    await p.context().close();
  }, 90_000);

  it('swaps the ends, and the path then reads from the other end', async () => {
    const p = await open();
    const { a, b, project } = coInvestors;
    await setEnd(p, a, 'from');
    await setEnd(p, b, 'to');
    await onlyRelationTypes(p, ['投资']);
    await panel(p).getByRole('button', { name: /交换起点与终点/u }).click();
    expect(await panel(p).getByTestId('path-from').textContent()).toBe(b.name);
    expect(await panel(p).getByTestId('path-to').textContent()).toBe(a.name);
    const [first] = await findPaths(p);
    expect(first).toMatch(new RegExp(`^${b.name} —投资[^→←—]*→ ${project.name} ←投资[^→←—]*— ${a.name}$`, 'u'));
    await p.context().close();
  }, 90_000);

  it('lays the chosen path out in a straight line, in path order', async () => {
    const p = await open();
    const { a, b, project } = coInvestors;
    await setEnd(p, a, 'from');
    await setEnd(p, b, 'to');
    await onlyRelationTypes(p, ['投资']);
    await findPaths(p);
    await panel(p).getByRole('button', { name: '直线排列' }).click();
    await settle(p);
    const at = await p.evaluate(
      (ids) => ids.map((id) => (window as unknown as Win).__chainAtlas.cy.getElementById(id) as unknown as { position(): { x: number; y: number } }).map((n) => n.position()),
      [a.id, project.id, b.id],
    );
    expect(Math.abs(at[0].y - at[1].y)).toBeLessThan(1);
    expect(Math.abs(at[1].y - at[2].y)).toBeLessThan(1);
    expect(at[0].x).toBeLessThan(at[1].x);
    expect(at[1].x).toBeLessThan(at[2].x);
    await docShot(p, 'path-straight.zh.png');
    // The same in English: the panel and the path read in the page's language.
    await p.locator('header button', { hasText: 'English' }).click();
    await expect.poll(() => panel(p).textContent()).toContain('Path 1 (2 hops)');
    expect(await panel(p).textContent()).toContain('Lay out in a line');
    expect((await panel(p).getByTestId('path-text').first().textContent())?.replace(/\s+/gu, ' ')).toMatch(/invests in[^→←—]*→ .* ←invests in/u);
    await docShot(p, 'path-straight.en.png');
    await p.context().close();
  }, 90_000);

  it('清空画布 takes the path highlight with it: new nodes are not faded', async () => {
    const p = await open();
    const { a, b } = coInvestors;
    await setEnd(p, a, 'from');
    await setEnd(p, b, 'to');
    await onlyRelationTypes(p, ['投资']);
    await findPaths(p);
    expect((await pathClasses(p)).path.length).toBe(5);
    await p.getByRole('button', { name: '清空画布' }).click();
    await settle(p);
    await addFromSearch(p, located.enterprise.name, located.enterprise.name);
    expect(await pathClasses(p)).toEqual({ path: [], faded: 0, pathFiltered: 0 });
    expect(await panel(p).getByTestId('path-text').count()).toBe(0);
    await p.context().close();
  }, 90_000);
});
