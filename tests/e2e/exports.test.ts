import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf/node';
import { parse as parseGraphml } from 'graphology-graphml/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SqliteGraphStore } from '@chain-atlas/graph';
import { syntheticGraph } from '@chain-atlas/graph/synthetic';
import { clientDistDir as DIST } from '@chain-atlas/client';
import { createApp, type ChainAtlasApp } from '@chain-atlas/server';
import { ensureClientBuilt, launchChromium, TOKEN } from './harness';
import { addFromSearch, clickOnCanvas, expanding, settle, type Win } from './helpers';

// Exports of a canvas with every kind of node, in Chromium on a generated graph with hubs: the
// SVG once dropped diamonds (platforms), triangles (projects) and their labels ("Attempted to
// apply path command to node text"); CSV and JSON carried no evidence; there was no GraphML or
// GEXF. Each file is read back here with a real parser and compared with the canvas.

let dir: string;
let store: SqliteGraphStore;
let app: ChainAtlasApp;
let url: string;
let browser: Browser;
let hub: { id: string; name: string };

beforeAll(async () => {
  ensureClientBuilt();
  dir = mkdtempSync(join(tmpdir(), 'chain-atlas-e2e-exports-'));
  store = SqliteGraphStore.open(join(dir, 'graph.sqlite'));
  // Generated articles have no address; these get one, so the exports' urls are checked too.
  const articles = [...syntheticGraph({ relations: 3000, seed: 11 }).extractions()].map((x, i) => ({
    ...x,
    article: { ...x.article, url: `https://news.example.cn/chanye/${i + 1}.html` },
  }));
  await store.upsertArticles(articles);
  // The enterprise whose neighbourhood holds the most platforms and projects.
  hub = store.db
    .prepare(
      `SELECT e.id, e.name FROM entities e JOIN relations r ON r.src = e.n OR r.dst = e.n
       JOIN entities o ON o.n = CASE WHEN r.src = e.n THEN r.dst ELSE r.src END
       WHERE e.type = 'Enterprise' GROUP BY e.n
       ORDER BY min(sum(o.type = 'Platform'), 6) + min(sum(o.type = 'Project'), 6) DESC, count(*) DESC LIMIT 1`,
    )
    .get() as typeof hub;
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

interface Exported {
  nodes: { id: string; type: string; name: string; aliases: string[] }[];
  edges: {
    id: string;
    type: string;
    source: string;
    target: string;
    amountCny: number | null;
    role: string | null;
    evidence: { text: string; start: number; end: number; article: { id: string; title: string | null; date: string | null; url: string | null } }[];
  }[];
}

async function download(p: Page, label: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), p.getByRole('region', { name: '视图' }).getByRole('button', { name: label, exact: true }).click()]);
  return { name: dl.suggestedFilename(), text: readFileSync((await dl.path())!, 'utf8') };
}

describe('exports of a canvas with hubs, platforms and projects', () => {
  it('SVG has every shape and whole label; CSV/JSON have evidence; GraphML/GEXF read back', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await ctx.addInitScript(() => localStorage.setItem('chainAtlas.expandLimit', '150'));
    const p = await ctx.newPage();
    p.setDefaultTimeout(30_000);
    const consoleErrors: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    p.on('pageerror', (e) => consoleErrors.push(String(e)));
    await p.goto(`${url}/`);
    await p.getByRole('combobox', { name: '搜索' }).waitFor();
    await addFromSearch(p, hub.name, hub.name);
    await expanding(p, () => clickOnCanvas(p, hub.id, 'dbl'));
    await settle(p);

    // What the canvas draws: each visible node's type, shape and whole label (as Cytoscape resolves it
    // with every label shown: labels the zoom keeps quiet are still written whole in a document).
    const drawn = await p.evaluate(() => {
      type Quiet = { removeClass(c: string): void; addClass(c: string): void };
      const cy = (window as unknown as Win).__chainAtlas.cy as unknown as {
        elements(sel: string): Quiet;
        nodes(): { filter(f: (n: { visible(): boolean }) => boolean): { map<T>(f: (n: { id(): string; data(k: string): unknown; style(k: string): string }) => T): T[] } };
        edges(): { filter(f: (e: { visible(): boolean }) => boolean): { map<T>(f: (e: { id(): string }) => T): T[] } };
      };
      const quiet = cy.elements('.quiet');
      quiet.removeClass('quiet');
      try {
        return {
          nodes: cy
            .nodes()
            .filter((n) => n.visible())
            .map((n) => ({ id: n.id(), type: String(n.data('type')), shape: n.style('shape'), label: n.style('label') })),
          edges: cy
            .edges()
            .filter((e) => e.visible())
            .map((e) => e.id()),
        };
      } finally {
        quiet.addClass('quiet');
      }
    });
    const types = new Set(drawn.nodes.map((n) => n.type));
    expect([...types].sort()).toEqual(expect.arrayContaining(['ENTERPRISE', 'PLATFORM', 'PROJECT']));
    expect(drawn.nodes.some((n) => n.label.split('\n').length >= 3), 'a label of three lines').toBe(true);

    // The menu offers every format, each button inside the panel (a sixth once ran off its edge).
    const panel = (await p.getByRole('region', { name: '视图' }).boundingBox())!;
    for (const label of ['PNG', 'SVG', 'JSON', 'CSV', 'GraphML', 'GEXF']) {
      const b = (await p.getByRole('region', { name: '视图' }).getByRole('button', { name: label, exact: true }).boundingBox())!;
      expect(b.x + b.width, `${label} inside the panel`).toBeLessThanOrEqual(panel.x + panel.width);
    }

    // SVG: one shape per node, of the node's shape, and its label whole, line by line.
    const svg = await download(p, 'SVG');
    expect(svg.name).toBe('chain-atlas.svg');
    const inSvg = await p.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror')!.textContent };
      const shapes = [...doc.querySelectorAll('.node')].map((el) => ({
        id: el.getAttribute('data-id'),
        shape: el.getAttribute('data-shape'),
        tag: el.tagName,
        corners: el.tagName === 'polygon' ? el.getAttribute('points')!.trim().split(/\s+/).length : 0,
      }));
      const labels = Object.fromEntries([...doc.querySelectorAll('text.label')].map((t) => [t.getAttribute('data-for'), [...t.querySelectorAll('tspan')].map((s) => s.textContent).join('\n')]));
      return { shapes, labels, edges: doc.querySelectorAll('path.edge').length };
    }, svg.text);
    expect(inSvg.error).toBeUndefined();
    const shapeOf = new Map(inSvg.shapes!.map((s) => [s.id, s]));
    for (const n of drawn.nodes) {
      const s = shapeOf.get(n.id);
      expect(s, `${n.id} in the SVG`).toBeDefined();
      expect(s!.shape).toBe(n.shape);
      if (n.type === 'PLATFORM') expect([s!.tag, s!.corners]).toEqual(['polygon', 4]);
      if (n.type === 'PROJECT') expect([s!.tag, s!.corners]).toEqual(['polygon', 3]);
      expect(inSvg.labels![n.id], `label of ${n.id}`).toBe(n.label);
    }
    expect(inSvg.edges).toBe(drawn.edges.length);
    expect(consoleErrors.filter((e) => /path command|svg/i.test(e))).toEqual([]);

    // JSON: the canvas's relations, each with its sentences and their articles.
    const json = JSON.parse((await download(p, 'JSON')).text) as Exported;
    expect(json.nodes.map((n) => n.id).sort()).toEqual(drawn.nodes.map((n) => n.id).sort());
    expect(json.edges.map((e) => e.id).sort()).toEqual([...drawn.edges].sort());
    const evidenceCount = json.edges.reduce((k, e) => k + e.evidence.length, 0);
    for (const e of json.edges) {
      expect(e.evidence.length, `evidence of ${e.id}`).toBeGreaterThan(0);
      for (const ev of e.evidence) {
        expect(ev.text.length).toBeGreaterThan(0);
        expect(ev.article.title).toMatch(/^产业动态第\d+期$/);
        expect(ev.article.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(ev.article.url).toMatch(/^https:\/\/news\.example\.cn\/chanye\/\d+\.html$/);
      }
    }
    // The same sentences as the store holds for a relation.
    const sample = json.edges.find((e) => e.type === 'INVESTS_IN') ?? json.edges[0]!;
    const [stored] = await store.getRelations([sample.id]);
    expect(sample.evidence.map((ev) => ev.text).sort()).toEqual(stored!.evidence.map((ev) => ev.text).sort());

    // CSV: a row per node and per edge, and a row per sentence.
    const csv = (await download(p, 'CSV')).text;
    const kinds = csv
      .split('\n')
      .slice(1)
      .map((r) => r.split(',')[0]);
    expect(kinds.filter((k) => k === 'node')).toHaveLength(json.nodes.length);
    expect(kinds.filter((k) => k === 'edge')).toHaveLength(json.edges.length);
    expect(kinds.filter((k) => k === 'evidence')).toHaveLength(evidenceCount);
    expect(csv).toContain(sample.evidence[0]!.article.url!);

    // GraphML and GEXF, read back with graphology's parsers: the same nodes, edges and attributes.
    const graphml = await download(p, 'GraphML');
    expect(graphml.name).toBe('chain-atlas.graphml');
    const gexf = await download(p, 'GEXF');
    expect(gexf.name).toBe('chain-atlas.gexf');
    for (const g of [parseGraphml(Graph, graphml.text), parseGexf(Graph, gexf.text)]) {
      expect([g.order, g.size]).toEqual([json.nodes.length, json.edges.length]);
      for (const n of json.nodes) expect(g.getNodeAttributes(n.id)).toMatchObject({ label: n.name, type: n.type });
      const edgeOf = (id: string) => g.findEdge((k, a) => k === id || (a.relationType === sample.type && g.source(k) === sample.source && g.target(k) === sample.target));
      const key = edgeOf(sample.id);
      expect(key).toBeDefined();
      const attrs = g.getEdgeAttributes(key!);
      expect(attrs).toMatchObject({ relationType: sample.type, evidenceCount: sample.evidence.length, evidence: sample.evidence.map((ev) => ev.text).join('\n') });
      expect(attrs.articleDates).toBe(sample.evidence.map((ev) => ev.article.date).join('\n'));
      if (sample.amountCny != null) expect(attrs.amountCny).toBe(sample.amountCny);
      const member = json.edges.find((e) => e.role != null);
      if (member) expect(g.getEdgeAttributes(g.findEdge((k, a) => a.relationType === 'MEMBER_OF' && g.source(k) === member.source)!)).toMatchObject({ role: member.role });
    }
    await ctx.close();
  }, 240_000);
});
