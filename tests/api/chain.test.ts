import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityId } from '@chain-atlas/graph';
import { ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4 } from '@chain-atlas/graph/contract';
import { codes, ok, startHarness, type Harness, type Json } from './harness';

// The chain view and the dashboards over HTTP, on the contract suite's articles (a supply
// cycle 青木材料 → 蓝鲸电池 → 星河动力 → 青木材料, two projects in 江北区): every answer is
// checked against what the store itself says.
const LANJING = entityId('Enterprise', '蓝鲸电池有限公司');
const JIANGBEI = entityId('District', '江北区');
const CAR_CLUSTER = entityId('Cluster', '智能网联汽车产业集群');

const CHAIN = `query($id: ID!, $depth: Int, $direction: ChainDirection, $layers: [ChainLayer!], $limit: Int) {
  chain(id: $id, depth: $depth, direction: $direction, layers: $layers, limit: $limit) {
    root { id name } depth truncated exact
    nodes { level layer entity { id name type } }
    edges { closesCycle relation { id type from { id } to { id } evidence { text article { id date } } } }
    levels { level count shown }
    layers { type count shown }
  } }`;

const FIGURE = `amountCny projects factCount relationIds facts(first: 5) { id type evidence { text } }`;
const DISTRICT_PROFILE = `query($id: ID!) { districtProfile(id: $id) {
  district { id name } enterprises total { ${FIGURE} }
  byYear { year figure { ${FIGURE} } }
  byCluster { cluster { id name } figure { amountCny projects relationIds } }
  topInvestors { enterprise { id name } figure { amountCny projects } }
  clusters { cluster { id } leaders { id name } members figure { relationIds } }
  platforms { platform { id } operators { id } }
  recentArticles { id title date }
} }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ empty: true });
  for (const a of [ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4]) await h.store.upsertArticle(a);
});
afterAll(async () => {
  await h?.close();
});

describe('chain', () => {
  it('answers what the store walks: levels, cycle flags, counts, layers and evidence', async () => {
    const layers = ['INVESTS_IN', 'MEMBER_OF', 'OPERATES'] as const;
    const { chain } = ok(await h.gql(CHAIN, { id: LANJING, depth: 2, layers }));
    const expected = (await h.store.chain(LANJING, { depth: 2, layers: [...layers] }))!;
    expect(chain.nodes.map((n: Json) => [n.entity.id, n.level, n.layer])).toEqual(expected.nodes.map((n) => [n.entity.id, n.level, n.layer]));
    expect(chain.edges.map((e: Json) => [e.relation.id, e.closesCycle])).toEqual(expected.edges.map((e) => [e.relation.id, e.closesCycle]));
    expect(chain.levels).toEqual(expected.levels);
    expect(chain.layers).toEqual(expected.layers);
    expect(chain.edges.filter((e: Json) => e.closesCycle)).toHaveLength(1);
    for (const e of chain.edges) expect(e.relation.evidence[0].text.length).toBeGreaterThan(0);
    expect(chain.nodes.find((n: Json) => n.entity.id === CAR_CLUSTER)).toMatchObject({ layer: 'MEMBER_OF', level: 1, entity: { type: 'CLUSTER' } });
  });

  it('walks one direction at the depth asked', async () => {
    const { chain } = ok(await h.gql(CHAIN, { id: LANJING, depth: 1, direction: 'UPSTREAM' }));
    expect(chain.nodes.map((n: Json) => n.level).sort()).toEqual([-1, 0]);
    expect(chain.depth).toBe(1);
  });

  it('answers coded errors for a bad depth, limit, id or start, and carries on', async () => {
    expect(codes(await h.gql(CHAIN, { id: LANJING, depth: 5 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(CHAIN, { id: LANJING, depth: 0 }))).toEqual(['BAD_USER_INPUT']);
    // Priced before it runs: the widest chain with evidence on every edge is too costly…
    expect(codes(await h.gql(CHAIN, { id: LANJING, limit: 2000, layers: ['INVESTS_IN', 'OPERATES'] }))).toEqual(['QUERY_TOO_COMPLEX']);
    // …and a limit over the server's is refused by name.
    expect(codes(await h.gql(`query($id: ID!) { chain(id: $id, limit: 100000) { truncated } }`, { id: LANJING }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(CHAIN, { id: 'enterprise:不存在' }))).toEqual(['NOT_FOUND']);
    expect(codes(await h.gql(CHAIN, { id: 'no colon' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(CHAIN, { id: JIANGBEI }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(CHAIN, { id: LANJING, direction: 'SIDEWAYS' }))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await h.gql(CHAIN, { id: LANJING })).chain.root.id).toBe(LANJING);
  });
});

describe('districtProfile and clusterProfile', () => {
  it('answers the store\'s figures, each with the facts (and sentences) behind it', async () => {
    const { districtProfile: p } = ok(await h.gql(DISTRICT_PROFILE, { id: JIANGBEI }));
    const expected = (await h.store.districtProfile(JIANGBEI))!;
    expect(p.total).toMatchObject({ amountCny: expected.total.amountCny, projects: expected.total.projects, factCount: expected.total.factCount });
    expect(p.byYear.map((y: Json) => [y.year, y.figure.amountCny, y.figure.projects, y.figure.relationIds])).toEqual(
      expected.byYear.map((y) => [y.year, y.amountCny, y.projects, y.relationIds]),
    );
    expect(p.byCluster.map((c: Json) => [c.cluster?.id ?? null, c.figure.amountCny])).toEqual(expected.byCluster.map((c) => [c.cluster?.id ?? null, c.amountCny]));
    expect(p.topInvestors.map((i: Json) => i.enterprise.id)).toEqual(expected.topInvestors.map((i) => i.enterprise.id));
    expect(p.clusters.map((c: Json) => [c.cluster.id, c.leaders.map((l: Json) => l.id)])).toEqual(expected.clusters.map((c) => [c.cluster.id, c.leaders.map((l) => l.id)]));
    expect(p.recentArticles.map((a: Json) => a.date)).toEqual(expected.recentArticles.map((a) => a.date));
    // The facts of a bar are the relations it names, with their sentences.
    for (const y of p.byYear) {
      expect(y.figure.facts.map((f: Json) => f.id).sort()).toEqual([...y.figure.relationIds].sort());
      for (const f of y.figure.facts) expect(f.evidence.length).toBeGreaterThan(0);
    }
  });

  it('answers a cluster profile', async () => {
    const { clusterProfile: p } = ok(
      await h.gql(`query($id: ID!) { clusterProfile(id: $id) { cluster { id } memberCount leaders { enterprise { id } role figure { facts { id } } }
        members { enterprise { id } } districts { district { id } home enterprises } total { amountCny projects }
        byYear { year figure { amountCny } } byDistrict { district { id } figure { amountCny } } topInvestors { enterprise { id } } recentArticles { id } } }`, { id: CAR_CLUSTER }),
    );
    const expected = (await h.store.clusterProfile(CAR_CLUSTER))!;
    expect(p.memberCount).toBe(expected.memberCount);
    expect(p.leaders.map((l: Json) => [l.enterprise.id, l.role])).toEqual(expected.leaders.map((l) => [l.enterprise.id, l.role]));
    expect(p.leaders[0].figure.facts.map((f: Json) => f.id)).toEqual(expected.leaders[0].relationIds);
    expect(p.total).toEqual({ amountCny: expected.total.amountCny, projects: expected.total.projects });
    expect(p.districts.map((d: Json) => [d.district.id, d.home])).toEqual(expected.districts.map((d) => [d.district.id, d.home]));
  });

  it('reads the facts behind a figure by id, leaving out ids it does not know, at most a page of them', async () => {
    const expected = (await h.store.districtProfile(JIANGBEI))!.total.relationIds;
    const { relations } = ok(await h.gql(`query($ids: [ID!]!) { relations(ids: $ids) { id type evidence { text } } }`, { ids: [...expected, 'rel:000000000000000000000000'] }));
    expect(relations.map((r: Json) => r.id)).toEqual(expected);
    for (const r of relations) expect(r.evidence.length).toBeGreaterThan(0);
    const tooMany = Array.from({ length: 101 }, (_, i) => `rel:${i}`);
    expect(codes(await h.gql(`query($ids: [ID!]!) { relations(ids: $ids) { id } }`, { ids: tooMany }))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers NOT_FOUND for none and BAD_USER_INPUT for an entity of the wrong type', async () => {
    expect(codes(await h.gql(DISTRICT_PROFILE, { id: 'district:不存在' }))).toEqual(['NOT_FOUND']);
    expect(codes(await h.gql(DISTRICT_PROFILE, { id: CAR_CLUSTER }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(`{ clusterProfile(id: "district:江北区") { memberCount } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(`{ districtProfile(id: "district:江北区") { total { facts(first: 1000) { id } } } }`))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await h.gql(DISTRICT_PROFILE, { id: JIANGBEI })).districtProfile.district.id).toBe(JIANGBEI);
  });
});

describe('served from worker threads (as `pnpm start` does)', () => {
  it('answers the chain and the dashboards from a reader thread, with the same coded errors', async () => {
    const w = await startHarness({
      empty: true,
      workers: { threads: 1 },
      fill: async (s) => {
        for (const a of [ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4]) await s.upsertArticle(a);
      },
    });
    try {
      const { chain } = ok(await w.gql(CHAIN, { id: LANJING, depth: 2 }));
      const expected = (await w.store.chain(LANJING, { depth: 2 }))!;
      expect(chain.nodes.map((n: Json) => [n.entity.id, n.level])).toEqual(expected.nodes.map((n) => [n.entity.id, n.level]));
      const { districtProfile } = ok(await w.gql(DISTRICT_PROFILE, { id: JIANGBEI }));
      expect(districtProfile.total.amountCny).toBe((await w.store.districtProfile(JIANGBEI))!.total.amountCny);
      expect(codes(await w.gql(CHAIN, { id: JIANGBEI }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await w.gql(DISTRICT_PROFILE, { id: 'district:不存在' }))).toEqual(['NOT_FOUND']);
    } finally {
      await w.close();
    }
  });
});
