import type { GraphStore } from '@chain-atlas/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureApiLatency } from '@chain-atlas/server';
import { ok, startHarness, type Harness } from './harness';

/** The real store, counting how often each of its methods is called: not a mock. */
function counting(store: GraphStore, calls: Map<string, number>): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const calls = new Map<string, number>();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ wrapStore: (s) => counting(s, calls) });
});
afterAll(async () => {
  await h?.close();
});

describe('per-request batching (DataLoader)', () => {
  it('reads degrees, relations, endpoints and articles of many entities in a few store calls', async () => {
    calls.clear();
    // Every entity of the graph, via a wide neighbourhood of a few well-connected seeds.
    const seeds = (await h.store.search('区', { limit: 30, types: ['District'] })).map((hit) => hit.entity.id);
    const { neighbourhood } = ok(
      await h.gql(
        `query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 3, limit: 500) { nodes { id degree
          relations(first: 3) { totalCount edges { node { type from { name } to { name } evidence { article { title } } } } } } } }`,
        { ids: seeds },
      ),
    );
    const nodes = neighbourhood.nodes as { id: string; degree: number; relations: { totalCount: number } }[];
    expect(nodes.length).toBeGreaterThan(40);
    for (const n of nodes) expect(n.relations.totalCount).toBe(n.degree);

    // One neighbourhood for the answer, one (batched) for the relations of all its nodes,
    // one degrees call, one articles call; entities come primed from the neighbourhood.
    expect(calls.get('degrees') ?? 0).toBeLessThanOrEqual(1);
    expect(calls.get('getArticles') ?? 0).toBeLessThanOrEqual(1);
    expect(calls.get('getEntities') ?? 0).toBeLessThanOrEqual(1);
    expect(calls.get('neighbourhood') ?? 0).toBeLessThanOrEqual(2);
    expect(calls.get('getEntity') ?? 0).toBeLessThanOrEqual(seeds.length);
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(seeds.length + 10);
  });

  it('reads the typed fields of many entities (District.projects, Project.investors) in a few store calls', async () => {
    calls.clear();
    const { search } = ok(
      await h.gql(`{ search(query: "区", types: [DISTRICT], first: 50) { entity { id ... on District {
        totalInvestmentCny enterprises { name } projects { name amountCny investors { enterprise { name } } } } } } }`),
    );
    expect(search.length).toBeGreaterThan(10);
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    // search, a batched relations read for the districts, one for their projects, at most
    // one entities read: not one call per district.
    expect(total).toBeLessThanOrEqual(6);
  });

  it('does not share what it read between requests', async () => {
    calls.clear();
    await h.gql(`{ entity(id: "district:渝中区") { degree } }`);
    await h.gql(`{ entity(id: "district:渝中区") { degree } }`);
    expect(calls.get('getEntity')).toBe(2);
  });
});

describe('measureApiLatency', () => {
  it('measures p50/p95 of the four exploration queries over HTTP without errors', async () => {
    const ids = ['district:渝中区', 'platform:忽米网', 'enterprise:重庆臻宝科技股份有限公司'];
    const report = await measureApiLatency(h.url, ids, 6);
    for (const kind of ['search', 'entity', 'neighbourhood', 'paths'] as const) {
      expect(report[kind]).toMatchObject({ count: 6, errors: 0 });
      expect(report[kind].p95).toBeGreaterThanOrEqual(report[kind].p50);
    }
  });
});
