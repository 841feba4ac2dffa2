import type { Relation } from '@chain-atlas/graph';
import { syntheticGraph } from '@chain-atlas/graph/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startHarness, type Harness } from './harness';

// A synthetic Chongqing big enough that its busiest district has more relations than
// getEntity brings along (500): every list and total built on them must still be whole.
let h: Harness;
let hub: { id: string; degree: number };
let located: Relation[];

beforeAll(async () => {
  h = await startHarness({ empty: true });
  const graph = syntheticGraph({ relations: 30_000, seed: 7 });
  const outcomes = await h.store.upsertArticles([...graph.extractions()]);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  const districts = graph.sample('District', 50).map((d) => `district:${d.name}`);
  const degrees = await h.store.degrees(districts);
  const [id, degree] = [...degrees].sort((a, b) => b[1] - a[1])[0];
  hub = { id, degree };
  // The truth, read the slow way: every relation of the hub, page by page.
  located = [];
  let after: string | null = null;
  for (;;) {
    const page = await h.store.relationsOf(hub.id, { types: ['LOCATED_IN'], first: 1000, after });
    located.push(...page.items);
    if (page.items.length < 1000) break;
    after = page.items[page.items.length - 1].id;
  }
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('hubs are not cut', () => {
  it('lists every enterprise and project of a district with more than 500 relations, and totals all investment', async () => {
    expect(hub.degree).toBeGreaterThan(500);
    const { entity } = ok(
      await h.gql(`query($id: ID!) { entity(id: $id) { degree ... on District { totalInvestmentCny enterprises { id } projects { id } } } }`, {
        id: hub.id,
      }),
    );
    const into = located.filter((r) => r.to === hub.id).map((r) => r.from);
    const enterprises = into.filter((id) => id.startsWith('enterprise:'));
    const projects = into.filter((id) => id.startsWith('project:'));
    expect(entity.enterprises.length).toBe(new Set(enterprises).size);
    expect(entity.projects.length).toBe(new Set(projects).size);
    expect(entity.enterprises.length + entity.projects.length).toBeGreaterThan(500);

    let total = 0;
    for (const p of new Set(projects)) {
      const page = await h.store.relationsOf(p, { types: ['INVESTS_IN'], first: 1000 });
      for (const r of page.items) if (r.to === p && typeof r.amountCny === 'number') total += r.amountCny;
    }
    expect(entity.totalInvestmentCny).toBeCloseTo(total, 0);
  });
});
