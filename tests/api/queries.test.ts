import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, codes, startHarness, type Harness, type Json } from './harness';

// Facts the seed pipeline finds in the five bundled articles (data/articles): 渝中区 gets two
// invested projects (鼎好·世纪星城四期项目, "四季宝岛"两岸青创中心项目), 忽米网 is run by
// 重庆忽米网络科技有限公司 and cooperates with 宗申集团, 臻宝科技 supplies 京东方.
const YUZHONG = 'district:渝中区';
const HUMIWANG = 'platform:忽米网';
const ZHENBAO = 'enterprise:重庆臻宝科技股份有限公司';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('search', () => {
  it('finds an entity by a Chinese substring, best match first', async () => {
    const { search } = ok(await h.gql(`{ search(query: "忽米") { score matched entity { id name type } } }`));
    expect(search.length).toBeGreaterThan(0);
    expect(search[0].entity.id).toBe(HUMIWANG);
    const scores = search.map((s: { score: number }) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds by pinyin initials and full pinyin', async () => {
    for (const q of ['hmw', 'humiwang']) {
      const { search } = ok(await h.gql(`query($q: String!) { search(query: $q) { entity { id } matched } }`, { q }));
      expect(search.map((s: { entity: { id: string } }) => s.entity.id)).toContain(HUMIWANG);
    }
  });

  it('finds by alias (简称) and filters by type', async () => {
    const { search } = ok(await h.gql(`{ search(query: "臻宝科技", types: [ENTERPRISE], first: 5) { entity { id type } matched } }`));
    expect(search[0].entity.id).toBe(ZHENBAO);
    expect(search.every((s: { entity: { type: string } }) => s.entity.type === 'ENTERPRISE')).toBe(true);
    const districts = ok(await h.gql(`{ search(query: "渝中", types: [DISTRICT]) { entity { id type } } }`)).search;
    expect(districts[0].entity.id).toBe(YUZHONG);
  });

  it('answers an empty list for a query nothing matches', async () => {
    expect(ok(await h.gql(`{ search(query: "完全不存在的名字xyzq") { entity { id } } }`)).search).toEqual([]);
  });
});

describe('entity', () => {
  it('answers the common fields and the relations of any entity', async () => {
    const { entity } = ok(
      await h.gql(
        `query($id: ID!) { entity(id: $id) { id type name aliases degree __typename
          articles { id title date source }
          relations { totalCount pageInfo { hasNextPage endCursor }
            edges { cursor node { id type from { id } to { id } evidence { text start end article { id } relation { id } } } } } } }`,
        { id: HUMIWANG },
      ),
    );
    expect(entity).toMatchObject({ id: HUMIWANG, type: 'PLATFORM', name: '忽米网', __typename: 'Platform' });
    expect(entity.degree).toBe(entity.relations.totalCount);
    expect(entity.articles.length).toBeGreaterThan(0);
    expect(entity.articles[0].source).toBe('重庆日报');
    for (const { node } of entity.relations.edges) {
      expect([node.from.id, node.to.id]).toContain(HUMIWANG);
      expect(node.evidence.length).toBeGreaterThan(0);
      for (const ev of node.evidence) {
        // Offsets point into the article's own text (read with article(id), as the explorer's
        // reader does): the sentence can be highlighted there.
        const { article } = ok(await h.gql(`query($id: ID!) { article(id: $id) { text } }`, { id: ev.article.id }));
        expect(article.text.slice(ev.start, ev.end)).toBe(ev.text);
        expect(ev.relation.id).toBe(node.id);
      }
    }
  });

  it('answers null for an id that is well formed but unknown', async () => {
    const res = await h.gql(`{ entity(id: "enterprise:没有这家公司") { id } }`);
    expect(ok(res).entity).toBeNull();
  });

  it('gives a District its enterprises, clusters, projects, platforms and total investment', async () => {
    const { entity } = ok(
      await h.gql(
        `query($id: ID!) { entity(id: $id) { ... on District {
          enterprises { id } clusters { id } platforms { id } totalInvestmentCny
          projects { id amountCny investors { amountCny enterprise { id } relation { type } } } } } }`,
        { id: YUZHONG },
      ),
    );
    const names = entity.projects.map((p: { id: string }) => p.id);
    expect(names).toEqual(expect.arrayContaining(['project:鼎好·世纪星城四期项目', 'project:"四季宝岛"两岸青创中心项目']));
    const sum = entity.projects.reduce((s: number, p: { amountCny: number | null }) => s + (p.amountCny ?? 0), 0);
    expect(entity.totalInvestmentCny).toBe(sum);
    expect(entity.totalInvestmentCny).toBeGreaterThanOrEqual(2_000_000_000);
    for (const p of entity.projects) for (const i of p.investors) expect(i.relation.type).toBe('INVESTS_IN');
  });

  it('gives a Cluster its district, leaders and members', async () => {
    const { entity } = ok(
      await h.gql(`{ entity(id: "cluster:先进动力装备产业集群") { ... on Cluster { district { id } leaders { id } members { id } } } }`),
    );
    expect(entity.district.id).toBe('district:巴南区');
    expect(entity.leaders.length).toBeGreaterThan(0);
    const members = entity.members.map((m: { id: string }) => m.id);
    for (const l of entity.leaders) expect(members).toContain(l.id);
  });

  it('gives an Enterprise its districts, customers, suppliers and partners', async () => {
    const { entity } = ok(
      await h.gql(
        `query($id: ID!) { entity(id: $id) { ... on Enterprise {
          districts { id } clusters { id } projects { id } platforms { id } partners { id } suppliers { id } customers { id } } } }`,
        { id: ZHENBAO },
      ),
    );
    expect(entity.districts.map((d: { id: string }) => d.id)).toEqual(['district:九龙坡区']);
    expect(entity.customers.map((d: { id: string }) => d.id)).toEqual(['enterprise:京东方']);
    const seller = ok(await h.gql(`{ entity(id: "enterprise:京东方") { ... on Enterprise { suppliers { id } customers { id } } } }`));
    expect(seller.entity.suppliers.map((d: { id: string }) => d.id)).toEqual([ZHENBAO]);
  });

  it('gives a Platform its operators and partners', async () => {
    const { entity } = ok(
      await h.gql(`query($id: ID!) { entity(id: $id) { ... on Platform { operators { id } partners { id } district { id } } } }`, {
        id: HUMIWANG,
      }),
    );
    expect(entity.operators.map((o: { id: string }) => o.id)).toContain('enterprise:重庆忽米网络科技有限公司');
    expect(entity.partners.map((o: { id: string }) => o.id)).toContain('enterprise:宗申集团');
  });

  it('gives a Project its investors with amounts and its district', async () => {
    const { entity } = ok(
      await h.gql(
        `{ entity(id: "project:\\"四季宝岛\\"两岸青创中心项目") { ... on Project { amountCny district { id } investors { amountCny enterprise { id } } } } }`,
      ),
    );
    expect(entity.district.id).toBe(YUZHONG);
    expect(entity.investors.length).toBeGreaterThanOrEqual(1);
    const total = entity.investors.reduce((s: number, i: { amountCny: number | null }) => s + (i.amountCny ?? 0), 0);
    expect(entity.amountCny).toBe(total);
  });
});

describe('Entity.relations pagination', () => {
  it('walks every relation page by page with opaque cursors, in a stable order', async () => {
    const q = `query($after: String) { entity(id: "${YUZHONG}") { relations(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`;
    const all = ok(await h.gql(`{ entity(id: "${YUZHONG}") { relations(first: 100) { totalCount edges { node { id } } } } }`)).entity
      .relations;
    expect(all.totalCount).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Json = ok(await h.gql(q, { after })).entity.relations;
      expect(page.edges.length).toBeLessThanOrEqual(1);
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).not.toContain('rel:');
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e: { node: { id: string } }) => e.node.id));
  });

  it('filters relations by type', async () => {
    const { entity } = ok(await h.gql(`{ entity(id: "${YUZHONG}") { relations(types: [INVESTS_IN]) { totalCount } } }`));
    expect(entity.relations.totalCount).toBe(0);
    const located = ok(await h.gql(`{ entity(id: "${YUZHONG}") { relations(types: [LOCATED_IN]) { totalCount edges { node { type } } } } }`));
    expect(located.entity.relations.edges.every((e: { node: { type: string } }) => e.node.type === 'LOCATED_IN')).toBe(true);
  });

  it('pages a hub’s relations through the store, with the same pages as the batched path', async () => {
    // A server that treats every entity with more than one relation as a hub.
    const hubs = await startHarness({ hubDegree: 1 });
    try {
      const q = `query($after: String) { entity(id: "${YUZHONG}") { relations(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type from { id } to { id } evidence { text } } } } } }`;
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const [paged, batched]: Json[] = [ok(await hubs.gql(q, { after })).entity.relations, ok(await h.gql(q, { after })).entity.relations];
        expect(paged).toEqual(batched);
        if (!paged.pageInfo.hasNextPage) break;
        after = paged.pageInfo.endCursor;
      }
      const typed = `{ entity(id: "${YUZHONG}") { relations(types: [LOCATED_IN], first: 100) { totalCount edges { node { id } } } } }`;
      expect(ok(await hubs.gql(typed))).toEqual(ok(await h.gql(typed)));
    } finally {
      await hubs.close();
    }
  });

  it('refuses a cursor it did not make', async () => {
    const res = await h.gql(`{ entity(id: "${YUZHONG}") { relations(after: "bm90LWEtY3Vyc29y") { totalCount } } }`);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('neighbourhood and paths', () => {
  it('answers the neighbourhood with every relation among its nodes', async () => {
    const { neighbourhood } = ok(
      await h.gql(`query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 1) { truncated nodes { id type } edges { id type from { id } to { id } } } }`, {
        ids: [YUZHONG],
      }),
    );
    const ids = new Set(neighbourhood.nodes.map((n: { id: string }) => n.id));
    expect(ids.has(YUZHONG)).toBe(true);
    expect(ids.has('project:鼎好·世纪星城四期项目')).toBe(true);
    expect(neighbourhood.truncated).toBe(false);
    for (const e of neighbourhood.edges) expect(ids.has(e.from.id) && ids.has(e.to.id)).toBe(true);
  });

  it('walks deeper with depth, filters by type, and says when the limit truncated it', async () => {
    const two = ok(await h.gql(`{ neighbourhood(ids: ["${YUZHONG}"], depth: 2) { nodes { id } } }`)).neighbourhood;
    expect(two.nodes.map((n: { id: string }) => n.id)).toContain('enterprise:重庆鼎固房地产开发有限公司');
    const projects = ok(await h.gql(`{ neighbourhood(ids: ["${YUZHONG}"], depth: 2, entityTypes: [PROJECT]) { nodes { type } } }`))
      .neighbourhood;
    expect(projects.nodes.filter((n: { type: string }) => n.type !== 'PROJECT')).toEqual([{ type: 'DISTRICT' }]);
    const capped = ok(await h.gql(`{ neighbourhood(ids: ["${YUZHONG}"], depth: 2, limit: 2) { truncated nodes { id } } }`)).neighbourhood;
    expect(capped.nodes).toHaveLength(2);
    expect(capped.truncated).toBe(true);
  });

  it('answers NOT_FOUND when none of the seeds exists', async () => {
    expect(codes(await h.gql(`{ neighbourhood(ids: ["enterprise:没有这家公司"]) { nodes { id } } }`))).toEqual(['NOT_FOUND']);
  });

  it('finds paths between two entities, shortest first, edges joining consecutive nodes', async () => {
    const { paths } = ok(
      await h.gql(
        `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4, first: 3, leaveOutShortcuts: false) { nodes { id } edges { id from { id } to { id } } } }`,
        { from: 'enterprise:重庆鼎固房地产开发有限公司', to: 'enterprise:重庆渝台城文化旅游发展有限公司' },
      ),
    );
    expect(paths.length).toBeGreaterThan(0);
    const lengths = paths.map((p: { edges: unknown[] }) => p.edges.length);
    expect([...lengths].sort()).toEqual(lengths);
    for (const p of paths) {
      expect(p.nodes[0].id).toBe('enterprise:重庆鼎固房地产开发有限公司');
      expect(p.nodes.at(-1).id).toBe('enterprise:重庆渝台城文化旅游发展有限公司');
      p.edges.forEach((e: { from: { id: string }; to: { id: string } }, i: number) => {
        expect(new Set([e.from.id, e.to.id])).toEqual(new Set([p.nodes[i].id, p.nodes[i + 1].id]));
      });
    }
  });

  it('leaves out the shortcut through a shared district unless asked, and walks only the relation types and dates given', async () => {
    const vars = { from: 'enterprise:重庆鼎固房地产开发有限公司', to: 'enterprise:重庆渝台城文化旅游发展有限公司' };
    const q = (args: string) =>
      h.gql(`query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4${args}) { nodes { id type } edges { type } } }`, vars);
    // The two only meet in 渝中区, where both invested: a shortcut, left out by default.
    expect(ok(await q('')).paths).toEqual([]);
    const through = ok(await q(', leaveOutShortcuts: false')).paths;
    expect(through.length).toBeGreaterThan(0);
    for (const p of through) expect(p.nodes.slice(1, -1).map((n: { id: string }) => n.id)).toContain(YUZHONG);
    expect(ok(await q(', leaveOutShortcuts: false, relationTypes: [INVESTS_IN]')).paths).toEqual([]);
    expect(ok(await q(', leaveOutShortcuts: false, entityTypes: [PROJECT, ENTERPRISE]')).paths).toEqual([]);
    expect(ok(await q(', leaveOutShortcuts: false, dateFrom: "2099-01-01"')).paths).toEqual([]);
  });

  it('refuses more than six hops, a bad date and a reversed range with BAD_USER_INPUT, and stays up', async () => {
    for (const args of ['maxLength: 7', 'maxLength: 0', 'dateFrom: "tomorrow"', 'dateFrom: "2025-02-30x"', 'dateFrom: "2025-06-01", dateTo: "2025-01-01"']) {
      const res = await h.gql(`{ paths(from: "${ZHENBAO}", to: "${HUMIWANG}", ${args}) { nodes { id } } }`);
      expect(codes(res), args).toEqual(['BAD_USER_INPUT']);
    }
    expect(ok(await h.gql(`{ paths(from: "${ZHENBAO}", to: "${HUMIWANG}", maxLength: 6) { nodes { id } } }`)).paths).toBeInstanceOf(Array);
  });

  it('answers an empty list when no path is short enough, NOT_FOUND for an unknown endpoint', async () => {
    const none = ok(await h.gql(`{ paths(from: "${ZHENBAO}", to: "${HUMIWANG}", maxLength: 1) { nodes { id } } }`));
    expect(none.paths).toEqual([]);
    expect(codes(await h.gql(`{ paths(from: "${ZHENBAO}", to: "platform:没有") { nodes { id } } }`))).toEqual(['NOT_FOUND']);
  });
});

describe('articles', () => {
  it('pages through the articles newest first', async () => {
    const first = ok(await h.gql(`{ articles(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id date title length } } } }`))
      .articles;
    expect(first.totalCount).toBe(5);
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const dates: string[] = first.edges.map((e: { node: { date: string } }) => e.node.date);
    let after = first.pageInfo.endCursor;
    const ids = first.edges.map((e: { node: { id: string } }) => e.node.id);
    while (after) {
      const page: Json = ok(await h.gql(`query($after: String) { articles(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id date } } } }`, { after }))
        .articles;
      ids.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      dates.push(...page.edges.map((e: { node: { date: string } }) => e.node.date));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(new Set(ids).size).toBe(5);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates[0]).toBe('2025-03-22');
  });

  it('answers one article with its text, and null for an unknown id', async () => {
    const list = ok(await h.gql(`{ articles(first: 1) { edges { node { id length } } } }`)).articles.edges[0].node;
    const { article } = ok(await h.gql(`query($id: ID!) { article(id: $id) { id title date source url text length file } }`, { id: list.id }));
    expect(article.text.length).toBe(list.length);
    expect(article.file).toMatch(/\.txt$/);
    expect(ok(await h.gql(`{ article(id: "0000000000000000") { id } }`)).article).toBeNull();
  });
});

describe('stats and curations', () => {
  it('counts the graph per type', async () => {
    const { stats } = ok(
      await h.gql(`{ stats { articles entities relations evidence store entitiesByType { type count } relationsByType { type count } } }`),
    );
    const real = await h.store.stats();
    expect(stats).toMatchObject({ articles: 5, entities: real.entities, relations: real.relations, evidence: real.evidence, store: 'sqlite' });
    expect(stats.entitiesByType.map((t: { type: string }) => t.type)).toEqual(['DISTRICT', 'CLUSTER', 'ENTERPRISE', 'PLATFORM', 'PROJECT']);
    expect(stats.entitiesByType.reduce((s: number, t: { count: number }) => s + t.count, 0)).toBe(real.entities);
    expect(stats.relationsByType.reduce((s: number, t: { count: number }) => s + t.count, 0)).toBe(real.relations);
  });

  it('lists no curations on a freshly loaded graph', async () => {
    expect(ok(await h.gql(`{ curations { kind entityId value at entity { id } } }`)).curations).toEqual([]);
  });
});

describe('around the API', () => {
  it('answers /healthz with the store and its counts', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: 'sqlite', stats: { articles: 5 } });
  });

  it('serves a page at / that says how to build the explorer when it is not built', async () => {
    const res = await fetch(`${h.url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    // Either the built explorer or the hint to build it.
    expect(html.includes('pnpm --filter @chain-atlas/client build') || /<div id="root"/.test(html) || html.includes('<script')).toBe(true);
  });

  it('does not serve Apollo’s CDN landing page at /graphql', async () => {
    const res = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toContain('apollo-server-landing-page');
  });

  it('answers introspection by default', async () => {
    const res = ok(await h.gql(`{ __schema { queryType { name } } __type(name: "District") { fields { name } } }`));
    expect(res.__schema.queryType.name).toBe('Query');
    expect(res.__type.fields.map((f: { name: string }) => f.name)).toContain('totalInvestmentCny');
  });
});
