import type { Relation } from '@chain-atlas/graph';
import { syntheticGraph } from '@chain-atlas/graph/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, ok, startHarness, type Harness, type Json } from './harness';

// The details panel of a hub over HTTP, on a synthetic Chongqing whose busiest enterprise has
// more relations than any one read brings (500, and the client's page of 100): its figures,
// its pages, 显示更多's neighbour pages and the 区县 list, against the truth read page by page.
let h: Harness;
let hub: { id: string; degree: number };
let all: Relation[];

beforeAll(async () => {
  h = await startHarness({ empty: true, workers: { threads: 1 } });
  const graph = syntheticGraph({ relations: 30_000, seed: 7 });
  const outcomes = await h.store.upsertArticles([...graph.extractions()]);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  const enterprises = graph.sample('Enterprise', 50).map((e) => `enterprise:${e.name}`);
  const [id, degree] = [...(await h.store.degrees(enterprises))].sort((a, b) => b[1] - a[1])[0];
  hub = { id, degree };
  all = [];
  for (let after: string | null = null; ; ) {
    const page = await h.store.relationsOf(hub.id, { first: 1000, after });
    all.push(...page.items);
    if (page.items.length < 1000) break;
    after = page.items[page.items.length - 1].id;
  }
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const SUMMARY = `summary(filter: $filter) { relationCount relationCounts { type count } investmentTotalCny investmentReceivedCny articleCount }`;

describe('the details panel of a hub', () => {
  it('totals every relation, investment and article, not the first page of them', async () => {
    expect(hub.degree).toBeGreaterThan(500);
    const { entity } = ok(
      await h.gql(`query($id: ID!, $filter: RelationFilter) { entity(id: $id) { degree ${SUMMARY} relations(first: 100) { totalCount edges { node { id } } } } }`, { id: hub.id }),
    );
    const invested = all.filter((r) => r.type === 'INVESTS_IN' && r.from === hub.id).reduce((n, r) => n + (r.amountCny ?? 0), 0);
    const articles = new Set(all.flatMap((r) => r.evidence.map((e) => e.articleId)));
    expect(entity.summary.relationCount).toBe(all.length);
    expect(entity.summary.relationCount).toBe(entity.degree);
    expect(entity.summary.investmentTotalCny).toBeCloseTo(invested, 0);
    expect(entity.summary.articleCount).toBe(articles.size);
    // What the old panel showed: the same figures over the first hundred relations.
    const first100 = entity.relations.edges.map((e: Json) => all.find((r) => r.id === e.node.id)!);
    const oldTotal = first100.filter((r: Relation) => r.type === 'INVESTS_IN' && r.from === hub.id).reduce((n: number, r: Relation) => n + (r.amountCny ?? 0), 0);
    expect(oldTotal).toBeLessThan(invested);
    for (const { type, count } of entity.summary.relationCounts) expect(count).toBe(all.filter((r) => r.type === type).length);
  });

  it('follows the filters, and pages through the relations they keep', async () => {
    const filter = { relationTypes: ['INVESTS_IN'], entityTypes: ['PROJECT'], dateFrom: '2024-01-01', dateTo: '2024-12-31' };
    const { entity } = ok(await h.gql(`query($id: ID!, $filter: RelationFilter) { entity(id: $id) { ${SUMMARY} } }`, { id: hub.id, filter }));
    const dates = new Map((await h.store.getArticles([...new Set(all.flatMap((r) => r.evidence.map((e) => e.articleId)))])).map((a) => [a.id, a.date]));
    const kept = all.filter((r) => {
      if (r.type !== 'INVESTS_IN') return false;
      const ds = r.evidence.map((e) => dates.get(e.articleId)).filter((d): d is string => !!d);
      return ds.length === 0 || ds.some((d) => d >= '2024-01-01' && d <= '2024-12-31');
    });
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.filter((r) => r.type === 'INVESTS_IN').length);
    expect(entity.summary.relationCount).toBe(kept.length);
    const seen: string[] = [];
    for (let after: string | null = null; ; ) {
      const { entity: e }: Json = ok(
        await h.gql(`query($id: ID!, $filter: RelationFilter, $after: String) { entity(id: $id) { relations(first: 30, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`, {
          id: hub.id,
          filter,
          after,
        }),
      );
      expect(e.relations.totalCount).toBe(kept.length);
      seen.push(...e.relations.edges.map((x: Json) => x.node.id));
      if (!e.relations.pageInfo.hasNextPage) break;
      after = e.relations.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(kept.map((r) => r.id).sort());
    const bad = await h.gql(`query($id: ID!, $filter: RelationFilter) { entity(id: $id) { ${SUMMARY} } }`, { id: hub.id, filter: { dateFrom: '2024年' } });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('pages through a hub\'s neighbours on the server (显示更多), each once, however many pages', async () => {
    const neighbours = new Set(all.map((r) => (r.from === hub.id ? r.to : r.from)));
    const seen: string[] = [];
    let after: string | null = null;
    let among: string[] = [hub.id];
    let pages = 0;
    for (;;) {
      const res: Json = await h.gql(
        `query($id: ID!, $after: String, $among: [ID!]) { neighbours(id: $id, first: 100, after: $after, among: $among) { totalCount pageInfo { hasNextPage endCursor } nodes { id } edges { id from { id } to { id } } } }`,
        { id: hub.id, after, among },
      );
      const page: Json = (ok(res) as Json).neighbours;
      pages++;
      expect(page.totalCount).toBe(neighbours.size);
      const ids = page.nodes.map((n: Json) => n.id);
      // Every node comes with a relation to the hub.
      for (const id of ids) expect(page.edges.some((e: Json) => (e.from.id === hub.id && e.to.id === id) || (e.to.id === hub.id && e.from.id === id))).toBe(true);
      seen.push(...ids);
      // The canvas grows with each page; what is sent is the canvas, and it is not refused past 100 ids.
      among = [...among, ...ids];
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(neighbours.size / 100));
    expect(pages).toBeGreaterThan(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(neighbours);
    const bad = await h.gql(`{ neighbours(id: "${hub.id}", after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const missing = await h.gql(`{ neighbours(id: "enterprise:不存在") { totalCount } }`);
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('lists every district with its count, on an empty canvas too', async () => {
    const { districts } = ok(await h.gql(`{ districts { located district { id name } } }`));
    expect(districts).toHaveLength(41);
    for (const d of districts.slice(0, 5)) {
      expect(d.located).toBe((await h.store.relationsOf(d.district.id, { types: ['LOCATED_IN'] })).total);
    }
    const counts = districts.map((d: Json) => d.located);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });
});
