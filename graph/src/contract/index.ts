import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityId, relationId } from '../ids';
import { checkGraph } from '../check';
import type { ArticleExtraction, Chain, GraphStats } from '../model';
import type { GraphStore, PathOptions } from '../store';
import { runConcurrencyContract } from './concurrency';
import { ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4, article } from './fixtures';

export { ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4, article } from './fixtures';

const E = {
  xinghe: entityId('Enterprise', '重庆星河动力科技有限公司'),
  yunfan: entityId('Enterprise', '云帆智造'),
  lanjing: entityId('Enterprise', '蓝鲸电池有限公司'),
  qingmu: entityId('Enterprise', '青木材料股份有限公司'),
  project: entityId('Project', '新能源电驱系统项目'),
  platform: entityId('Platform', '云帆工业互联网平台'),
  jiangbei: entityId('District', '江北区'),
  banan: entityId('District', '巴南区'),
  bishan: entityId('District', '璧山区'),
  carCluster: entityId('Cluster', '智能网联汽车产业集群'),
  changfeng: entityId('Enterprise', '长风汽车有限公司'),
  bigProject: entityId('Project', '整车基地项目'),
  materialsCluster: entityId('Cluster', '新材料产业集群'),
};

/**
 * 星河动力 as a hub: 26 investments in projects (k 亿元 each, the k-th project), 8 per dated
 * article in 2023, 2024 and 2025 and two in an undated one; the odd projects located in 江北区.
 */
function hubArticles(): ArticleExtraction[] {
  const out: ArticleExtraction[] = [];
  const batches: [string | null, number[]][] = [
    ['2023-06-01', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['2024-06-01', [9, 10, 11, 12, 13, 14, 15, 16]],
    ['2025-06-01', [17, 18, 19, 20, 21, 22, 23, 24]],
    [null, [25, 26]],
  ];
  for (const [date, ks] of batches) {
    const text = '山城日报讯 ' + ks.map((k) => `星河动力投资${k}亿元建设第${k}号电驱项目。` + (k % 2 ? `第${k}号电驱项目落户江北区。` : '')).join('');
    const x = article(
      { title: `星河动力项目 ${date ?? '未注明日期'}`, date: date ?? '2000-01-01', text },
      [
        { key: 'hub', type: 'Enterprise', name: '重庆星河动力科技有限公司', aliases: ['星河动力'] },
        { key: 'd', type: 'District', name: '江北区' },
        ...ks.map((k) => ({ key: `p${k}`, type: 'Project' as const, name: `第${k}号电驱项目` })),
      ],
      ks.flatMap((k) => [
        { type: 'INVESTS_IN' as const, from: 'hub', to: `p${k}`, amountCny: k * 100_000_000, evidence: `星河动力投资${k}亿元建设第${k}号电驱项目` },
        ...(k % 2 ? [{ type: 'LOCATED_IN' as const, from: `p${k}`, to: 'd', evidence: `第${k}号电驱项目落户江北区` }] : []),
      ]),
    );
    out.push(date ? x : { ...x, article: { ...x.article, date: null } });
  }
  return out;
}

async function loadAll(store: GraphStore, articles: ArticleExtraction[] = [ARTICLE_1, ARTICLE_2, ARTICLE_3]) {
  for (const a of articles) await store.upsertArticle(a);
}

/** What a store holds, in a form two stores (or two moments) can be compared by. */
async function snapshot(store: GraphStore): Promise<{ stats: GraphStats; entities: unknown[] }> {
  const stats = await store.stats();
  const hits = await store.search('区', { limit: 200 });
  const ids = [...Object.values(E), ...hits.map((h) => h.entity.id)];
  const details = await Promise.all([...new Set(ids)].sort().map((id) => store.getEntity(id)));
  const entities = details.map((d) =>
    d
      ? {
          id: d.id,
          aliases: [...d.aliases].sort(),
          degree: d.degree,
          relations: d.relations
            .map((r) => ({ ...r, evidence: [...r.evidence].sort((a, b) => a.start - b.start) }))
            .sort((a, b) => a.id.localeCompare(b.id)),
        }
      : null,
  );
  return { stats, entities };
}

/**
 * The behaviour every GraphStore adapter must have. Each adapter's test file calls this
 * with a factory that returns an empty store.
 */
export function runGraphStoreContract(name: string, factory: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store?.close();
    });

    describe('loading articles', () => {
      it('loads an article with its entities, relations and evidence, under deterministic ids', async () => {
        const report = await store.upsertArticle(ARTICLE_1);
        expect(report.created).toBe(true);
        expect(report.entitiesAdded.sort()).toEqual(
          [E.jiangbei, E.xinghe, E.yunfan, E.project, E.platform, E.carCluster].sort(),
        );
        expect(report.relationsAdded).toHaveLength(6);
        expect(report.evidenceAdded).toBe(6);
        const stats = await store.stats();
        expect(stats).toMatchObject({ articles: 1, entities: 6, relations: 6, evidence: 6 });
        expect(stats.entitiesByType).toMatchObject({ District: 1, Enterprise: 2, Project: 1, Platform: 1, Cluster: 1 });
        expect(stats.relationsByType).toMatchObject({ LOCATED_IN: 2, INVESTS_IN: 1, COOPERATES_WITH: 1, OPERATES: 1, MEMBER_OF: 1, SUPPLIES: 0 });

        const invest = (await store.getRelations([relationId('INVESTS_IN', E.xinghe, E.project)]))[0];
        expect(invest).toMatchObject({ type: 'INVESTS_IN', from: E.xinghe, to: E.project, amountCny: 1_200_000_000 });
        expect(invest.evidence).toHaveLength(1);
        const ev = invest.evidence[0];
        expect(ev.articleId).toBe(report.articleId);
        const text = (await store.getArticle(report.articleId))!.text;
        expect(text.slice(ev.start, ev.end)).toBe(ev.text);
      });

      it('loads the same article twice without changing anything', async () => {
        await loadAll(store);
        const before = await snapshot(store);
        const again = await store.upsertArticle(ARTICLE_1);
        expect(again.created).toBe(false);
        expect(again.entitiesAdded).toEqual([]);
        expect(again.relationsAdded).toEqual([]);
        expect(again.evidenceAdded).toBe(0);
        expect(again.entitiesExisting).toContain(E.xinghe);
        expect(again.relationsExisting).toContain(relationId('INVESTS_IN', E.xinghe, E.project));
        expect(await snapshot(store)).toEqual(before);
      });

      it('writes nothing of an article that fails half-way', async () => {
        await store.upsertArticle(ARTICLE_1);
        const before = await snapshot(store);
        // Valid entities and relations first, then one whose evidence is not in the text.
        const broken = article(
          { title: '坏文章', date: '2025-04-01', text: '南岸区的海豚科技有限公司为星河动力提供芯片。海豚科技投资3亿元的芯片封测项目落户南岸区。' },
          [
            { key: 'd', type: 'District', name: '南岸区' },
            { key: 'e', type: 'Enterprise', name: '海豚科技有限公司' },
            { key: 'x', type: 'Enterprise', name: '星河动力' },
            { key: 'p', type: 'Project', name: '芯片封测项目' },
          ],
          [
            { type: 'LOCATED_IN', from: 'e', to: 'd', evidence: '南岸区的海豚科技有限公司' },
            { type: 'SUPPLIES', from: 'e', to: 'x', evidence: '海豚科技有限公司为星河动力提供芯片' },
            { type: 'INVESTS_IN', from: 'e', to: 'p', evidence: '海豚科技投资3亿元的芯片封测项目', amountCny: 300_000_000 },
          ],
        );
        broken.relations[2].evidence = { ...broken.relations[2].evidence, start: broken.relations[2].evidence.start + 1 };
        await expect(store.upsertArticle(broken)).rejects.toThrow(/evidence/);
        expect(await snapshot(store)).toEqual(before);
        expect((await store.listArticles()).total).toBe(1);
        expect(await store.getEntity(entityId('Enterprise', '海豚科技有限公司'))).toBeNull();
      });

      it('loads a batch, each article on its own: one that fails is reported and the rest load', async () => {
        const bad = article(
          { title: '坏', date: '2025-04-03', text: '南岸区的海豚科技有限公司。' },
          [{ key: 'e', type: 'Enterprise', name: '海豚科技有限公司' }],
          [],
        );
        bad.relations.push({ type: 'SUPPLIES', from: 'e', to: 'nobody', evidence: { text: '南岸区', start: 0, end: 3 } });
        const outcomes = await store.upsertArticles([ARTICLE_1, bad, ARTICLE_2, ARTICLE_1]);
        expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true]);
        expect(outcomes[1].ok === false && outcomes[1].error.message).toMatch(/endpoint/);
        expect(outcomes[3].ok && outcomes[3].report.created).toBe(false);
        expect(await store.getEntity(entityId('Enterprise', '海豚科技有限公司'))).toBeNull();
        expect((await store.listArticles()).total).toBe(2);
        expect((await store.getEntity(E.xinghe))!.articleIds).toHaveLength(2);
      });

      it('refuses text with broken Unicode (a lone surrogate) rather than storing it altered', async () => {
        const text = '山城日报讯 星河动力\ud800与云帆智造合作。';
        const bad = article(
          { title: '坏码', date: '2025-04-04', text },
          [
            { key: 'a', type: 'Enterprise', name: '星河动力' },
            { key: 'b', type: 'Enterprise', name: '云帆智造' },
          ],
          [{ type: 'COOPERATES_WITH', from: 'a', to: 'b', evidence: '与云帆智造合作' }],
        );
        await expect(store.upsertArticle(bad)).rejects.toThrow(/surrogate/);
        expect((await store.stats()).articles).toBe(0);
      });

      it('refuses a relation between types the ontology does not allow', async () => {
        const bad = article(
          { title: '错', date: '2025-04-02', text: '江北区投资了星河动力。' },
          [
            { key: 'd', type: 'District', name: '江北区' },
            { key: 'e', type: 'Enterprise', name: '星河动力' },
          ],
          [{ type: 'INVESTS_IN', from: 'e', to: 'd', evidence: '江北区投资了星河动力' }],
        );
        await expect(store.upsertArticle(bad)).rejects.toThrow();
        expect((await store.stats()).entities).toBe(0);
      });

      it('lands a short name from a later article on the existing entity', async () => {
        await store.upsertArticle(ARTICLE_1);
        const report = await store.upsertArticle(ARTICLE_2);
        expect(report.entitiesExisting).toContain(E.xinghe);
        expect(report.entitiesAdded).not.toContain(entityId('Enterprise', '星河动力'));
        expect(await store.getEntity(entityId('Enterprise', '星河动力'))).toBeNull();
        const xinghe = (await store.getEntity(E.xinghe))!;
        expect(xinghe.relations.map((r) => r.type).sort()).toEqual(['COOPERATES_WITH', 'COOPERATES_WITH', 'INVESTS_IN', 'MEMBER_OF', 'SUPPLIES']);
        expect(xinghe.articleIds).toHaveLength(2);
      });

      it('stores an unordered relation once, whichever way round it was stated', async () => {
        await loadAll(store, [ARTICLE_1, ARTICLE_2]);
        const coop = relationId('COOPERATES_WITH', E.lanjing, E.xinghe);
        expect(coop).toBe(relationId('COOPERATES_WITH', E.xinghe, E.lanjing));
        const [rel] = await store.getRelations([coop]);
        expect(rel.type).toBe('COOPERATES_WITH');
        expect([rel.from, rel.to].sort()).toEqual([E.lanjing, E.xinghe].sort());
      });

      it('gathers the evidence of one fact from several articles', async () => {
        await store.upsertArticle(ARTICLE_1);
        const text = '山城日报讯 据悉，星河动力与云帆智造合作已满三年。';
        const second = article(
          { title: '合作三年', date: '2025-05-01', text },
          [
            { key: 'a', type: 'Enterprise', name: '星河动力' },
            { key: 'b', type: 'Enterprise', name: '云帆智造' },
          ],
          [{ type: 'COOPERATES_WITH', from: 'a', to: 'b', evidence: '星河动力与云帆智造合作已满三年' }],
        );
        const report = await store.upsertArticle(second);
        expect(report.relationsAdded).toEqual([]);
        expect(report.relationsExisting).toEqual([relationId('COOPERATES_WITH', E.xinghe, E.yunfan)]);
        const [rel] = await store.getRelations([relationId('COOPERATES_WITH', E.xinghe, E.yunfan)]);
        expect(rel.evidence).toHaveLength(2);
        expect(new Set(rel.evidence.map((e) => e.articleId)).size).toBe(2);
      });
    });

    describe('reading', () => {
      beforeEach(async () => loadAll(store));

      it('gives an entity with aliases, relations, evidence, articles and degree', async () => {
        const e = (await store.getEntity(E.lanjing))!;
        expect(e).toMatchObject({ id: E.lanjing, type: 'Enterprise', name: '蓝鲸电池有限公司' });
        expect(e.aliases).toContain('蓝鲸电池');
        expect(e.degree).toBe(4);
        expect(e.relations).toHaveLength(4);
        for (const r of e.relations) expect(r.evidence.length).toBeGreaterThan(0);
        expect(e.articleIds).toHaveLength(2);
        expect(await store.getEntity('enterprise:不存在')).toBeNull();
      });

      it('caps the relations and articles that come with an entity, and counts them all', async () => {
        const full = (await store.getEntity(E.xinghe))!;
        const capped = (await store.getEntity(E.xinghe, { relationLimit: 2, articleLimit: 1 }))!;
        expect(capped.relations).toHaveLength(2);
        for (const r of capped.relations) expect(full.relations).toContainEqual(r);
        expect(capped.degree).toBe(5);
        expect(capped.articleIds).toEqual(full.articleIds.slice(0, 1));
        expect(capped.articleCount).toBe(2);
        expect(full.articleCount).toBe(2);
      });

      it('reads several entities, relations and articles at once, in the order asked', async () => {
        const ents = await store.getEntities([E.bishan, 'enterprise:不存在', E.xinghe]);
        expect(ents.map((e) => e.id)).toEqual([E.bishan, E.xinghe]);
        const degrees = await store.degrees([E.xinghe, E.bishan]);
        expect(degrees.get(E.xinghe)).toBe(5);
        expect(degrees.get(E.bishan)).toBe(2);
        const list = await store.listArticles({ limit: 2 });
        expect(list.total).toBe(3);
        expect(list.items.map((a) => a.date)).toEqual(['2025-03-15', '2025-02-03']);
        const rest = await store.listArticles({ limit: 2, offset: 2 });
        expect(rest.items.map((a) => a.title)).toEqual(['江北区签约一批重大项目']);
        const arts = await store.getArticles([rest.items[0].id, list.items[0].id]);
        expect(arts.map((a) => a.title)).toEqual(['江北区签约一批重大项目', '璧山区新材料企业']);
      });

      it('pages through the relations of an entity, by type, with the total', async () => {
        const all = await store.relationsOf(E.xinghe, { first: 100 });
        expect(all.total).toBe(5);
        expect(all.items.map((r) => r.id)).toEqual([...all.items.map((r) => r.id)].sort());
        const first = await store.relationsOf(E.xinghe, { first: 2 });
        const second = await store.relationsOf(E.xinghe, { first: 2, after: first.items[1].id });
        const third = await store.relationsOf(E.xinghe, { first: 2, after: second.items[1].id });
        expect([...first.items, ...second.items, ...third.items].map((r) => r.id)).toEqual(all.items.map((r) => r.id));
        expect(first.total).toBe(5);
        for (const r of all.items) expect(r.evidence.length).toBeGreaterThan(0);
        const coop = await store.relationsOf(E.xinghe, { types: ['COOPERATES_WITH'] });
        expect(coop.total).toBe(2);
        expect(coop.items.every((r) => r.type === 'COOPERATES_WITH')).toBe(true);
        expect(await store.relationsOf('enterprise:不存在')).toEqual({ total: 0, items: [] });
      });

      it('resolves names and aliases of a type to existing entities', async () => {
        const ids = await store.resolveNames([
          { type: 'Enterprise', names: ['星河动力'] },
          { type: 'Enterprise', names: ['无名公司', '青木材料'] },
          { type: 'District', names: ['巴南'] },
          { type: 'Cluster', names: ['星河动力'] },
        ]);
        expect(ids).toEqual([E.xinghe, E.qingmu, E.banan, null]);
      });
    });

    describe('the details panel of a hub', () => {
      // 星河动力: 5 relations from ARTICLE_1–3 (12亿 invested, 2 articles) and 26 investments of k 亿.
      const HUB_OUT = 1_200_000_000 + (26 * 27 / 2) * 100_000_000;
      beforeEach(async () => loadAll(store, [ARTICLE_1, ARTICLE_2, ARTICLE_3, ...hubArticles()]));

      it('counts every relation, investment and article, however few relations a read brings', async () => {
        const capped = (await store.getEntity(E.xinghe, { relationLimit: 3 }))!;
        expect(capped.relations).toHaveLength(3);
        const s = (await store.entitySummary(E.xinghe))!;
        expect(s.relationCount).toBe(31);
        expect(s.relationCounts.find((c) => c.type === 'INVESTS_IN')!.count).toBe(27);
        expect(s.relationCounts.find((c) => c.type === 'COOPERATES_WITH')!.count).toBe(2);
        expect(s.relationCounts.find((c) => c.type === 'SUPPLIES')!.count).toBe(1);
        expect(s.relationCounts.map((c) => c.type)).toHaveLength(6);
        expect(s.investmentOutCny).toBe(HUB_OUT);
        expect(s.investmentInCny).toBe(0);
        expect(s.articleCount).toBe(6);
        // The same figures walked by hand over every page of its relations.
        const all = [];
        for (let after: string | null = null; ; ) {
          const page = await store.relationsOf(E.xinghe, { first: 4, after });
          all.push(...page.items);
          if (page.items.length < 4) break;
          after = page.items[3].id;
        }
        expect(all).toHaveLength(s.relationCount);
        const invested = all.filter((r) => r.type === 'INVESTS_IN' && r.from === E.xinghe).reduce((n, r) => n + (r.amountCny ?? 0), 0);
        expect(invested).toBe(s.investmentOutCny);
        expect(new Set(all.flatMap((r) => r.evidence.map((ev) => ev.articleId))).size).toBe(s.articleCount);
        // A project's side: the amount it receives.
        const p7 = (await store.entitySummary(entityId('Project', '第7号电驱项目')))!;
        expect(p7).toMatchObject({ relationCount: 2, investmentOutCny: 0, investmentInCny: 700_000_000, articleCount: 1 });
        expect(await store.entitySummary('enterprise:不存在')).toBeNull();
      });

      it('follows the filters: relation types, the other end\'s type, article dates (undated facts kept)', async () => {
        const invest = (await store.entitySummary(E.xinghe, { relationTypes: ['INVESTS_IN'] }))!;
        expect(invest.relationCount).toBe(27);
        expect(invest.articleCount).toBe(5);
        const enterprises = (await store.entitySummary(E.xinghe, { entityTypes: ['Enterprise'] }))!;
        expect(enterprises.relationCount).toBe(3);
        expect(enterprises.investmentOutCny).toBe(0);
        const y2024 = (await store.entitySummary(E.xinghe, { dateFrom: '2024-01-01', dateTo: '2024-12-31' }))!;
        // Projects 9–16 (2024) and 25–26 (undated: kept, no article counted).
        expect(y2024.relationCount).toBe(10);
        expect(y2024.investmentOutCny).toBe([9, 10, 11, 12, 13, 14, 15, 16, 25, 26].reduce((n, k) => n + k * 100_000_000, 0));
        expect(y2024.articleCount).toBe(1);
        const from2025 = (await store.entitySummary(E.xinghe, { dateFrom: '2025-01-01' }))!;
        // ARTICLE_1–3 are of 2025 (5 relations), projects 17–24, and the two undated.
        expect(from2025.relationCount).toBe(15);
        const paged = await store.relationsOf(E.xinghe, { dateFrom: '2024-01-01', dateTo: '2024-12-31', first: 6 });
        expect(paged.total).toBe(10);
        expect(paged.items).toHaveLength(6);
        const rest = await store.relationsOf(E.xinghe, { dateFrom: '2024-01-01', dateTo: '2024-12-31', first: 6, after: paged.items[5].id });
        expect(rest.items).toHaveLength(4);
        const ids = [...paged.items, ...rest.items].map((r) => r.id);
        expect(ids).toEqual([...ids].sort());
        expect(new Set(ids).size).toBe(10);
        const typed = await store.relationsOf(E.xinghe, { types: ['INVESTS_IN'], entityTypes: ['Project'], first: 100 });
        expect(typed.total).toBe(27);
      });

      it('leaves rejected facts out of the figures', async () => {
        await store.rejectRelation(relationId('INVESTS_IN', E.xinghe, entityId('Project', '第26号电驱项目')), { reason: '项目已取消' });
        const s = (await store.entitySummary(E.xinghe))!;
        expect(s.relationCount).toBe(30);
        expect(s.investmentOutCny).toBe(HUB_OUT - 26 * 100_000_000);
      });

      it('pages through neighbours best connected first, each once, with the relations that bring them', async () => {
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        for (;;) {
          const page = await store.neighbours(E.xinghe, { first: 7, after });
          pages++;
          expect(page.total).toBe(30);
          for (const n of page.nodes) {
            expect(page.edges.some((r) => (r.from === E.xinghe && r.to === n.id) || (r.to === E.xinghe && r.from === n.id))).toBe(true);
          }
          seen.push(...page.nodes.map((n) => n.id));
          if (!page.next) break;
          after = page.next;
        }
        expect(pages).toBe(5);
        expect(new Set(seen).size).toBe(30);
        const degrees = await store.degrees(seen);
        const order = seen.map((id) => [degrees.get(id)!, id] as const);
        expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1)));
        expect(seen[0]).toBe(E.lanjing);

        // By type, and with the relations to what the canvas already shows.
        const projects = await store.neighbours(E.xinghe, { entityTypes: ['Project'], first: 100, among: [E.jiangbei] });
        expect(projects.total).toBe(27);
        expect(projects.next).toBeNull();
        const located = projects.edges.filter((r) => r.type === 'LOCATED_IN' && r.to === E.jiangbei);
        expect(located).toHaveLength(14);
        expect(projects.nodes.every((n) => n.type === 'Project')).toBe(true);
        const dated = await store.neighbours(E.xinghe, { dateFrom: '2023-01-01', dateTo: '2023-12-31', relationTypes: ['INVESTS_IN'] });
        expect(dated.total).toBe(10);
        expect(await store.neighbours('enterprise:不存在')).toEqual({ nodes: [], edges: [], total: 0, next: null });
        await expect(store.neighbours(E.xinghe, { after: 'nonsense' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      });

      it('lists every district with how many entities are located in it', async () => {
        const ds = await store.districts();
        expect(ds.map((d) => d.district.id)).toEqual([E.jiangbei, E.bishan, E.banan]);
        expect(ds.map((d) => d.located)).toEqual([15, 2, 1]);
        expect(ds[0].district).toMatchObject({ type: 'District', name: '江北区' });
      });
    });

    describe('search', () => {
      beforeEach(async () => loadAll(store));

      it('finds Chinese substrings of any length, best match first', async () => {
        const one = await store.search('鲸');
        expect(one.map((h) => h.entity.id)).toContain(E.lanjing);
        const two = await store.search('星河');
        expect(two[0].entity.id).toBe(E.xinghe);
        const long = await store.search('工业互联网');
        expect(long[0].entity.id).toBe(E.platform);
        const exact = await store.search('江北区');
        expect(exact[0].entity.id).toBe(E.jiangbei);
        expect(exact[0].score).toBeGreaterThan(exact[1]?.score ?? 0);
      });

      it('says which alias matched', async () => {
        const hits = await store.search('青木材料');
        expect(hits[0].entity.id).toBe(E.qingmu);
        expect(hits[0].matched).toBe('青木材料');
      });

      it('finds by full pinyin and by initials', async () => {
        const full = await store.search('lanjing');
        expect(full[0].entity.id).toBe(E.lanjing);
        const initials = await store.search('xhdl');
        expect(initials[0].entity.id).toBe(E.xinghe);
        const inner = await store.search('dongli');
        expect(inner.map((h) => h.entity.id)).toContain(E.xinghe);
      });

      it('filters by type and honours the limit', async () => {
        const districts = await store.search('区', { types: ['District'] });
        expect(districts.length).toBe(3);
        expect(districts.every((h) => h.entity.type === 'District')).toBe(true);
        const limited = await store.search('区', { limit: 2 });
        expect(limited).toHaveLength(2);
        expect(await store.search('   ')).toEqual([]);
        expect(await store.search('完全不存在的名字')).toEqual([]);
      });
    });

    describe('exploring', () => {
      beforeEach(async () => loadAll(store));

      it('expands a neighbourhood by depth with every relation among the nodes', async () => {
        const one = await store.neighbourhood([E.lanjing], { depth: 1 });
        expect(one.truncated).toBe(false);
        expect(one.nodes.map((n) => n.id).sort()).toEqual([E.lanjing, E.banan, E.xinghe, E.qingmu].sort());
        expect(one.edges).toHaveLength(4);
        for (const edge of one.edges) expect(edge.evidence.length).toBeGreaterThan(0);
        const two = await store.neighbourhood([E.lanjing], { depth: 2 });
        expect(two.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([E.project, E.bishan, E.materialsCluster, E.yunfan]));
      });

      it('filters a neighbourhood by relation and entity type', async () => {
        const supplies = await store.neighbourhood([E.lanjing], { depth: 2, relationTypes: ['SUPPLIES'] });
        expect(supplies.nodes.map((n) => n.id).sort()).toEqual([E.lanjing, E.qingmu, E.xinghe].sort());
        expect(supplies.edges.every((e) => e.type === 'SUPPLIES')).toBe(true);
        const districts = await store.neighbourhood([E.lanjing], { depth: 1, entityTypes: ['District'] });
        expect(districts.nodes.map((n) => n.id).sort()).toEqual([E.lanjing, E.banan].sort());
      });

      it('caps a neighbourhood and says it was truncated', async () => {
        const capped = await store.neighbourhood([E.xinghe], { depth: 2, limit: 3 });
        expect(capped.nodes).toHaveLength(3);
        expect(capped.truncated).toBe(true);
        for (const e of capped.edges) {
          const ids = new Set(capped.nodes.map((n) => n.id));
          expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
        }
      });

      it('finds the k shortest paths, shortest first', async () => {
        const paths = await store.paths(E.qingmu, E.jiangbei, { maxLength: 4, limit: 5, leaveOutShortcuts: false });
        expect(paths.length).toBeGreaterThanOrEqual(2);
        expect(paths[0].nodes.map((n) => n.id)).toEqual([E.qingmu, E.lanjing, E.xinghe, E.project, E.jiangbei].slice(0, paths[0].nodes.length));
        for (let i = 1; i < paths.length; i++) expect(paths[i].edges.length).toBeGreaterThanOrEqual(paths[i - 1].edges.length);
        for (const p of paths) {
          expect(p.nodes[0].id).toBe(E.qingmu);
          expect(p.nodes.at(-1)!.id).toBe(E.jiangbei);
          expect(p.edges).toHaveLength(p.nodes.length - 1);
          expect(new Set(p.nodes.map((n) => n.id)).size).toBe(p.nodes.length);
          p.edges.forEach((e, i) => {
            expect([e.from, e.to].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
          });
        }
        const shortest = await store.paths(E.lanjing, E.xinghe, { limit: 1 });
        expect(shortest).toHaveLength(1);
        expect(shortest[0].edges).toHaveLength(1);
      });

      it('respects maxLength and relation types, and answers no path with none', async () => {
        expect(await store.paths(E.qingmu, E.jiangbei, { maxLength: 2 })).toEqual([]);
        const supplyOnly = await store.paths(E.qingmu, E.xinghe, { relationTypes: ['SUPPLIES'] });
        expect(supplyOnly).toHaveLength(1);
        expect(supplyOnly[0].edges.map((e) => e.type)).toEqual(['SUPPLIES', 'SUPPLIES']);
        expect(await store.paths(E.qingmu, 'enterprise:不存在')).toEqual([]);
      });
    });

    describe('paths under the filters an analyst sets', () => {
      const middles = (paths: { nodes: { id: string; type: string }[] }[]) => paths.flatMap((p) => p.nodes.slice(1, -1));
      const ids = (paths: { nodes: { id: string }[] }[]) => paths.map((p) => p.nodes.map((n) => n.id));

      it('leaves out shortcuts through a shared district or cluster unless asked', async () => {
        await loadAll(store);
        // 智能网联汽车产业集群 and the project are both 位于 江北区: a shortcut, not a chain.
        const plain = await store.paths(E.carCluster, E.project, { maxLength: 3 });
        expect(ids(plain)).toEqual([[E.carCluster, E.xinghe, E.project]]);
        const all = await store.paths(E.carCluster, E.project, { maxLength: 2, leaveOutShortcuts: false });
        expect(ids(all).sort()).toEqual([[E.carCluster, E.jiangbei, E.project], [E.carCluster, E.xinghe, E.project]].sort());
        // A district may still be an end.
        const toDistrict = await store.paths(E.qingmu, E.jiangbei, { maxLength: 4 });
        expect(toDistrict.length).toBeGreaterThan(0);
        expect(middles(toDistrict).filter((n) => n.type === 'District' || n.type === 'Cluster')).toEqual([]);
      });

      it('passes only through the entity types asked for, whatever the ends are', async () => {
        await loadAll(store);
        expect(await store.paths(E.qingmu, E.jiangbei, { entityTypes: ['Enterprise'] })).toEqual([]);
        const viaProject = await store.paths(E.qingmu, E.jiangbei, { entityTypes: ['Enterprise', 'Project'] });
        expect(ids(viaProject)).toEqual([[E.qingmu, E.lanjing, E.xinghe, E.project, E.jiangbei]]);
        // Each relation as stored: the path is read along it, not re-oriented. (蓝鲸电池 and
        // 星河动力 also cooperate: without COOPERATES_WITH the second step is the supply.)
        const supplied = await store.paths(E.qingmu, E.jiangbei, { entityTypes: ['Enterprise', 'Project'], relationTypes: ['SUPPLIES', 'INVESTS_IN', 'LOCATED_IN'] });
        expect(supplied[0].edges.map((e) => [e.type, e.from, e.to])).toEqual([
          ['SUPPLIES', E.qingmu, E.lanjing],
          ['SUPPLIES', E.lanjing, E.xinghe],
          ['INVESTS_IN', E.xinghe, E.project],
          ['LOCATED_IN', E.project, E.jiangbei],
        ]);
      });

      it('walks only relations stated in an article dated within the range', async () => {
        await loadAll(store, [ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4]);
        // 星河动力 supplies 青木材料 directly since 2026-02-01; before, only through 蓝鲸电池.
        expect(ids(await store.paths(E.qingmu, E.xinghe, { limit: 1 }))).toEqual([[E.qingmu, E.xinghe]]);
        expect(ids(await store.paths(E.qingmu, E.xinghe, { limit: 1, dateTo: '2025-12-31' }))).toEqual([[E.qingmu, E.lanjing, E.xinghe]]);
        expect(ids(await store.paths(E.qingmu, E.xinghe, { dateFrom: '2026-01-01' }))).toEqual([[E.qingmu, E.xinghe]]);
        expect(await store.paths(E.qingmu, E.xinghe, { dateFrom: '2025-03-01', dateTo: '2025-12-31' })).toEqual([]);
      });

      it('keeps a relation stated only in undated articles under a date range', async () => {
        const undated = { ...ARTICLE_3, article: { ...ARTICLE_3.article, date: null } };
        await loadAll(store, [ARTICLE_1, ARTICLE_2, undated]);
        // 青木材料 → 蓝鲸电池 has no date; 蓝鲸电池 → 星河动力 is of 2025-02-03.
        expect(ids(await store.paths(E.qingmu, E.xinghe, { dateTo: '2025-02-10' }))).toContainEqual([E.qingmu, E.lanjing, E.xinghe]);
        expect(await store.paths(E.qingmu, E.xinghe, { dateTo: '2025-01-31' })).toEqual([]);
      });

      it('keeps a relation stated before, during and after a range through the article within it', async () => {
        const supply = (date: string, prefix: string) =>
          article(
            { title: `配套 ${date}`, date, text: `${prefix}蓝鲸电池有限公司正在为星河动力提供动力电池。` },
            [
              { key: 'e1', type: 'Enterprise', name: '蓝鲸电池有限公司' },
              { key: 'e2', type: 'Enterprise', name: '星河动力' },
            ],
            [{ type: 'SUPPLIES', from: 'e1', to: 'e2', evidence: '蓝鲸电池有限公司正在为星河动力提供动力电池' }],
          );
        await loadAll(store, [ARTICLE_1, supply('2025-01-15', '一月讯 '), supply('2025-12-15', '十二月讯 ')]);
        const within = (dateFrom: string, dateTo: string) => store.paths(E.lanjing, E.xinghe, { relationTypes: ['SUPPLIES'], dateFrom, dateTo });
        expect(await within('2025-05-01', '2025-07-31')).toEqual([]);
        // A third article, of June, states it again: now the summer range finds it.
        await store.upsertArticle(supply('2025-06-15', '六月讯 '));
        expect(await within('2025-05-01', '2025-07-31')).toHaveLength(1);
        expect(await within('2025-02-01', '2025-04-30')).toEqual([]);
        expect(await within('2025-12-01', '2026-01-31')).toHaveLength(1);
      });

      it('refuses hops outside 1–6, unknown types and malformed dates with BAD_INPUT', async () => {
        await loadAll(store);
        expect((await store.paths(E.qingmu, E.jiangbei, { maxLength: 6 })).length).toBeGreaterThan(0);
        for (const bad of [
          { maxLength: 7 },
          { maxLength: 0 },
          { maxLength: 2.5 },
          { relationTypes: ['KNOWS'] },
          { entityTypes: ['Person'] },
          { dateFrom: '2025/01/01' },
          { dateTo: 'yesterday' },
          { dateFrom: '2025-06-01', dateTo: '2025-01-01' },
        ]) {
          await expect(store.paths(E.qingmu, E.jiangbei, bad as PathOptions), JSON.stringify(bad)).rejects.toMatchObject({ code: 'BAD_INPUT' });
        }
      });
    });

    describe('产业链 views', () => {
      beforeEach(async () => loadAll(store, [ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4]));
      const levelsOf = (chain: Chain) => Object.fromEntries(chain.nodes.map((n) => [n.entity.id, n.level]));
      const rel = (type: Parameters<typeof relationId>[0], from: string, to: string) => relationId(type, from, to);

      it('walks a chain both ways, each entity once at its nearest level, a cycle drawn once', async () => {
        const chain = (await store.chain(E.lanjing, { depth: 2 }))!;
        expect(chain.root.id).toBe(E.lanjing);
        expect(chain.depth).toBe(2);
        // 星河动力 is 蓝鲸电池's customer (+1) and its supplier's supplier (-2): nearest wins.
        expect(levelsOf(chain)).toEqual({ [E.lanjing]: 0, [E.qingmu]: -1, [E.xinghe]: 1, [E.changfeng]: 2 });
        expect(chain.nodes.every((n) => n.layer === null)).toBe(true);
        const edges = Object.fromEntries(chain.edges.map((e) => [e.relation.id, e.closesCycle]));
        expect(edges).toEqual({
          [rel('SUPPLIES', E.qingmu, E.lanjing)]: false,
          [rel('SUPPLIES', E.lanjing, E.xinghe)]: false,
          [rel('SUPPLIES', E.xinghe, E.changfeng)]: false,
          // 星河动力 → 青木材料 goes back against the chain: drawn once, flagged.
          [rel('SUPPLIES', E.xinghe, E.qingmu)]: true,
        });
        expect(chain.edges.find((e) => e.relation.id === rel('SUPPLIES', E.qingmu, E.lanjing))!.relation.evidence[0].text).toBe(
          '青木材料股份有限公司为蓝鲸电池供应隔膜',
        );
        expect(chain.levels).toEqual([
          { level: -2, count: 0, shown: 0 },
          { level: -1, count: 1, shown: 1 },
          { level: 0, count: 1, shown: 1 },
          { level: 1, count: 1, shown: 1 },
          { level: 2, count: 1, shown: 1 },
        ]);
        expect(chain).toMatchObject({ truncated: false, exact: true, layers: [] });
      });

      it('goes one way only, and stops at a cycle instead of looping', async () => {
        const up = (await store.chain(E.xinghe, { direction: 'upstream', depth: 4 }))!;
        expect(levelsOf(up)).toEqual({ [E.xinghe]: 0, [E.lanjing]: -1, [E.qingmu]: -2 });
        expect(up.edges.filter((e) => e.closesCycle).map((e) => e.relation.id)).toEqual([rel('SUPPLIES', E.xinghe, E.qingmu)]);
        expect(up.edges).toHaveLength(3);
        const down = (await store.chain(E.xinghe, { direction: 'downstream', depth: 1 }))!;
        expect(levelsOf(down)).toEqual({ [E.xinghe]: 0, [E.qingmu]: 1, [E.changfeng]: 1 });
        expect(down.levels).toEqual([
          { level: 0, count: 1, shown: 1 },
          { level: 1, count: 2, shown: 2 },
        ]);
      });

      it('adds the optional layers beside the chain, with their counts', async () => {
        const chain = (await store.chain(E.lanjing, { depth: 2, layers: ['INVESTS_IN', 'MEMBER_OF', 'OPERATES'] }))!;
        const layered = Object.fromEntries(chain.nodes.filter((n) => n.layer).map((n) => [n.entity.id, [n.layer, n.level]]));
        expect(layered).toEqual({
          [E.project]: ['INVESTS_IN', 1],
          [E.bigProject]: ['INVESTS_IN', 2],
          [E.carCluster]: ['MEMBER_OF', 1],
          [E.materialsCluster]: ['MEMBER_OF', -1],
        });
        expect(chain.layers).toEqual([
          { type: 'INVESTS_IN', count: 2, shown: 2 },
          { type: 'MEMBER_OF', count: 2, shown: 2 },
          { type: 'OPERATES', count: 0, shown: 0 },
        ]);
        const invest = chain.edges.find((e) => e.relation.id === rel('INVESTS_IN', E.xinghe, E.project))!;
        expect(invest).toMatchObject({ closesCycle: false, relation: { amountCny: 1_200_000_000 } });
      });

      it('starts a cluster\'s chain from its members, and caps what it carries while counting all', async () => {
        const chain = (await store.chain(E.carCluster, { depth: 1 }))!;
        expect(levelsOf(chain)).toEqual({ [E.carCluster]: 0, [E.xinghe]: 0, [E.lanjing]: -1, [E.qingmu]: 1, [E.changfeng]: 1 });
        expect(chain.edges.map((e) => e.relation.id)).toContain(rel('MEMBER_OF', E.xinghe, E.carCluster));
        const capped = (await store.chain(E.xinghe, { depth: 2, limit: 2 }))!;
        expect(capped.truncated).toBe(true);
        expect(capped.nodes).toHaveLength(2);
        expect(capped.levels.find((l) => l.level === 1)).toMatchObject({ count: 2 });
        for (const e of capped.edges) {
          expect(capped.nodes.map((n) => n.entity.id)).toEqual(expect.arrayContaining([e.relation.from, e.relation.to]));
        }
      });

      it('answers null for an unknown id and refuses a district or a project as a start', async () => {
        expect(await store.chain('enterprise:不存在')).toBeNull();
        await expect(store.chain(E.jiangbei)).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.chain(E.project)).rejects.toMatchObject({ code: 'BAD_INPUT' });
      });

      it('profiles a district: investment by year and by cluster, investors, clusters with 龙头, articles', async () => {
        const p = (await store.districtProfile(E.jiangbei))!;
        expect(p.district.id).toBe(E.jiangbei);
        expect(p.total).toMatchObject({ amountCny: 1_700_000_000, projects: 2, factCount: 4 });
        expect(p.enterprises).toBe(1);
        expect(p.byYear).toEqual([
          {
            year: '2025',
            amountCny: 1_200_000_000,
            projects: 1,
            relationIds: [rel('INVESTS_IN', E.xinghe, E.project), rel('LOCATED_IN', E.project, E.jiangbei)].sort(),
            factCount: 2,
          },
          {
            year: '2026',
            amountCny: 500_000_000,
            projects: 1,
            relationIds: [rel('INVESTS_IN', E.changfeng, E.bigProject), rel('LOCATED_IN', E.bigProject, E.jiangbei)].sort(),
            factCount: 2,
          },
        ]);
        expect(p.byCluster.map((c) => [c.cluster?.id ?? null, c.amountCny, c.projects])).toEqual([
          [E.carCluster, 1_200_000_000, 1],
          [null, 500_000_000, 1],
        ]);
        expect(p.byCluster[0].relationIds).toEqual([rel('INVESTS_IN', E.xinghe, E.project), rel('MEMBER_OF', E.xinghe, E.carCluster)].sort());
        expect(p.topInvestors.map((i) => [i.enterprise.id, i.amountCny])).toEqual([
          [E.xinghe, 1_200_000_000],
          [E.changfeng, 500_000_000],
        ]);
        expect(p.clusters.map((c) => [c.cluster.id, c.leaders.map((l) => l.id), c.members])).toEqual([[E.carCluster, [E.xinghe], 1]]);
        expect(p.clusters[0].relationIds).toEqual([rel('LOCATED_IN', E.carCluster, E.jiangbei), rel('MEMBER_OF', E.xinghe, E.carCluster)].sort());
        expect(p.platforms).toEqual([]);
        expect(p.recentArticles.map((a) => a.date)).toEqual(['2026-02-01', '2025-01-10']);
        // Every fact a figure names is a relation of the graph.
        const ids = [...p.byYear, ...p.byCluster, ...p.topInvestors, ...p.clusters].flatMap((f) => f.relationIds);
        expect((await store.getRelations(ids)).map((r) => r.id).sort()).toEqual([...new Set(ids)].sort());
      });

      it('profiles a cluster: members, leaders, districts and the members\' investment', async () => {
        const p = (await store.clusterProfile(E.carCluster))!;
        expect(p.memberCount).toBe(1);
        expect(p.leaders.map((l) => [l.enterprise.id, l.role])).toEqual([[E.xinghe, 'leader']]);
        expect(p.members.map((m) => m.enterprise.id)).toEqual([E.xinghe]);
        expect(p.districts.map((d) => [d.district.id, d.home, d.enterprises])).toEqual([[E.jiangbei, true, 0]]);
        expect(p.total).toMatchObject({ amountCny: 1_200_000_000, projects: 1 });
        expect(p.byYear.map((y) => [y.year, y.amountCny])).toEqual([['2025', 1_200_000_000]]);
        expect(p.byDistrict.map((d) => [d.district?.id, d.amountCny])).toEqual([[E.jiangbei, 1_200_000_000]]);
        expect(p.topInvestors[0].relationIds).toEqual([rel('INVESTS_IN', E.xinghe, E.project)]);
        expect(p.recentArticles.map((a) => a.title)).toEqual(['江北区签约一批重大项目']);
      });

      it('answers null for an unknown district or cluster and refuses the wrong type', async () => {
        expect(await store.districtProfile('district:不存在')).toBeNull();
        expect(await store.clusterProfile('cluster:不存在')).toBeNull();
        await expect(store.districtProfile(E.carCluster)).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.clusterProfile(E.jiangbei)).rejects.toMatchObject({ code: 'BAD_INPUT' });
      });

      it('follows new articles and deletes in chains and profiles', async () => {
        const deleted = (await store.listArticles()).items.find((a) => a.date === '2026-02-01')!;
        await store.deleteArticle(deleted.id);
        const chain = (await store.chain(E.lanjing, { depth: 2 }))!;
        expect(levelsOf(chain)).toEqual({ [E.lanjing]: 0, [E.qingmu]: -1, [E.xinghe]: 1 });
        expect((await store.districtProfile(E.jiangbei))!.total).toMatchObject({ amountCny: 1_200_000_000, projects: 1 });
      });
    });

    describe('curation', () => {
      beforeEach(async () => loadAll(store));

      it('adds an alias that search and later articles use', async () => {
        const e = await store.addAlias(E.yunfan, '云帆');
        expect(e.aliases).toContain('云帆');
        const hits = await store.search('云帆');
        expect(hits[0]).toMatchObject({ entity: { id: E.yunfan }, matched: '云帆' });
        expect(await store.resolveNames([{ type: 'Enterprise', names: ['云帆'] }])).toEqual([E.yunfan]);
        await expect(store.addAlias('enterprise:不存在', 'x')).rejects.toThrow();
        expect((await store.listCurations()).map((c) => c.kind)).toEqual(['alias']);
      });

      it('merges two entities: relations, evidence and names move to the one kept', async () => {
        // An article that names 蓝鲸电池 as a separate node under another spelling.
        const text = '山城日报讯 蓝鲸新能源电池公司为云帆智造提供储能电池。';
        await store.upsertArticle(
          article(
            { title: '储能', date: '2025-06-01', text },
            [
              { key: 'a', type: 'Enterprise', name: '蓝鲸新能源电池公司' },
              { key: 'b', type: 'Enterprise', name: '云帆智造' },
            ],
            [{ type: 'SUPPLIES', from: 'a', to: 'b', evidence: '蓝鲸新能源电池公司为云帆智造提供储能电池' }],
          ),
        );
        const mergeId = entityId('Enterprise', '蓝鲸新能源电池公司');
        const kept = await store.mergeEntities(E.lanjing, mergeId);
        expect(kept.id).toBe(E.lanjing);
        expect(kept.aliases).toContain('蓝鲸新能源电池公司');
        expect(await store.getEntities([mergeId])).toEqual([]);
        const e = (await store.getEntity(E.lanjing))!;
        expect(e.degree).toBe(5);
        const supply = e.relations.find((r) => r.type === 'SUPPLIES' && r.to === E.yunfan)!;
        expect(supply.evidence[0].text).toBe('蓝鲸新能源电池公司为云帆智造提供储能电池');
        // The merged id still leads somewhere, and a later article naming it lands on the kept entity.
        expect((await store.getEntity(mergeId))?.id).toBe(E.lanjing);
        const later = '山城日报讯 蓝鲸新能源电池公司与青木材料携手研发。';
        const report = await store.upsertArticle(
          article(
            { title: '研发', date: '2025-07-01', text: later },
            [
              { key: 'a', type: 'Enterprise', name: '蓝鲸新能源电池公司' },
              { key: 'b', type: 'Enterprise', name: '青木材料' },
            ],
            [{ type: 'COOPERATES_WITH', from: 'a', to: 'b', evidence: '蓝鲸新能源电池公司与青木材料携手研发' }],
          ),
        );
        expect(report.entitiesAdded).toEqual([]);
        expect(report.relationsAdded).toEqual([relationId('COOPERATES_WITH', E.lanjing, E.qingmu)]);
        expect((await store.listCurations()).map((c) => [c.kind, c.entityId, c.value])).toEqual([['merge', E.lanjing, mergeId]]);
      });

      it('merges a duplicate relation into the existing one and refuses nonsense', async () => {
        // 星河动力 (short) as its own node would duplicate relations; merging folds them together.
        await expect(store.mergeEntities(E.xinghe, E.xinghe)).rejects.toThrow();
        await expect(store.mergeEntities(E.xinghe, E.jiangbei)).rejects.toThrow();
        await expect(store.mergeEntities(E.xinghe, 'enterprise:不存在')).rejects.toThrow();
        const kept = await store.mergeEntities(E.xinghe, E.lanjing);
        const e = (await store.getEntity(kept.id))!;
        // The SUPPLIES and COOPERATES_WITH between the two became self-relations and are gone.
        expect(e.relations.some((r) => r.from === r.to)).toBe(false);
        expect(e.relations.some((r) => r.type === 'SUPPLIES' && r.from === E.qingmu && r.to === E.xinghe)).toBe(true);
        expect(e.degree).toBe(e.relations.length);
      });
    });

    describe('merge preview and undo', () => {
      beforeEach(async () => loadAll(store));

      it('previews a merge without writing: what moves, joins or is dropped, the aliases gained', async () => {
        const before = await snapshot(store);
        const preview = await store.mergePreview(E.xinghe, E.lanjing);
        expect(await snapshot(store)).toEqual(before);
        expect(preview.keep.id).toBe(E.xinghe);
        expect(preview.merge).toMatchObject({ id: E.lanjing, name: '蓝鲸电池有限公司' });
        expect(preview.aliasesAdded).toEqual(['蓝鲸电池有限公司', '蓝鲸电池']);
        const lanjing = (await store.getEntity(E.lanjing))!;
        expect(preview.relations.map((m) => m.relation.id).sort()).toEqual(lanjing.relations.map((r) => r.id).sort());
        // The facts between the two would relate 星河动力 to itself: dropped, and flagged.
        const dropped = preview.relations.filter((m) => m.outcome === 'dropped');
        expect(dropped.map((m) => m.relation.to === E.xinghe || m.relation.from === E.xinghe)).toEqual(dropped.map(() => true));
        expect(dropped.length).toBeGreaterThan(0);
        expect(preview.conflicts.filter((c) => c.code === 'SELF_RELATION').map((c) => c.relationId).sort()).toEqual(dropped.map((m) => m.relation.id).sort());
        expect(preview.evidenceMoved).toBe(preview.relations.filter((m) => m.outcome !== 'dropped').reduce((n, m) => n + m.relation.evidence.length, 0));
        // What the merge then does is what the preview said.
        const kept = await store.mergeEntities(E.xinghe, E.lanjing);
        expect(kept.aliases).toEqual(expect.arrayContaining(preview.aliasesAdded));
        const after = new Set((await store.getEntity(E.xinghe))!.relations.map((r) => r.id));
        for (const m of preview.relations) if (m.becomes) expect(after.has(m.becomes)).toBe(true);
        await expect(store.mergePreview(E.xinghe, E.xinghe)).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.mergePreview(E.xinghe, E.jiangbei)).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.mergePreview(E.xinghe, E.lanjing)).rejects.toMatchObject({ code: 'NOT_FOUND' }); // merged away
      });

      it('undoes a merge: the entity is back with its names, articles, relations and evidence', async () => {
        const before = await snapshot(store);
        const lanjingBefore = (await store.getEntity(E.lanjing))!;
        await store.mergeEntities(E.xinghe, E.lanjing, { actor: 'wang' });
        expect(await snapshot(store)).not.toEqual(before);
        const back = await store.unmergeEntities(E.xinghe, E.lanjing, { actor: 'li' });
        expect(back).toMatchObject({ id: E.lanjing, name: lanjingBefore.name, aliases: lanjingBefore.aliases });
        expect(await snapshot(store)).toEqual(before);
        expect((await store.getEntity(E.lanjing))!.articleIds.sort()).toEqual([...lanjingBefore.articleIds].sort());
        // Its name resolves to it again, not to the entity it was merged into; search finds it.
        expect(await store.resolveNames([{ type: 'Enterprise', names: ['蓝鲸电池有限公司'] }])).toEqual([E.lanjing]);
        expect((await store.search('蓝鲸')).map((h) => h.entity.id)).toContain(E.lanjing);
        expect(await store.listCurations()).toEqual([]);
        const { problems } = await checkGraph(store);
        expect(problems).toEqual([]);
        const [undo, merge] = await store.auditLog();
        expect([undo.kind, undo.actor, undo.target, merge.kind, merge.actor]).toEqual(['unmerge', 'li', E.lanjing, 'merge', 'wang']);
        expect(undo.before).toMatchObject({ kept: { id: E.xinghe }, merge: merge.id });
        expect(undo.after).toMatchObject({ restored: { id: E.lanjing } });
        await expect(store.unmergeEntities(E.xinghe, E.lanjing)).rejects.toMatchObject({ code: 'CONFLICT' });
        await expect(store.unmergeEntities(E.xinghe, E.qingmu)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        // Merged again and undone again: from the newest merge.
        await store.mergeEntities(E.xinghe, E.lanjing);
        await store.unmergeEntities(E.xinghe, E.lanjing);
        expect(await snapshot(store)).toEqual(before);
      });

      it('keeps what happened since the merge: a later article stays on the kept entity, a deleted one stays gone', async () => {
        const mergeId = entityId('Enterprise', '蓝鲸新能源电池公司');
        const text = '山城日报讯 蓝鲸新能源电池公司为云帆智造提供储能电池。';
        await store.upsertArticle(
          article({ title: '储能', date: '2025-06-01', text }, [
            { key: 'a', type: 'Enterprise', name: '蓝鲸新能源电池公司' },
            { key: 'b', type: 'Enterprise', name: '云帆智造' },
          ], [{ type: 'SUPPLIES', from: 'a', to: 'b', evidence: '蓝鲸新能源电池公司为云帆智造提供储能电池' }]),
        );
        await store.mergeEntities(E.lanjing, mergeId);
        await store.addAlias(E.lanjing, '蓝鲸');
        const later = '山城日报讯 蓝鲸新能源电池公司与青木材料携手研发。';
        await store.upsertArticle(
          article({ title: '研发', date: '2025-07-01', text: later }, [
            { key: 'a', type: 'Enterprise', name: '蓝鲸新能源电池公司' },
            { key: 'b', type: 'Enterprise', name: '青木材料' },
          ], [{ type: 'COOPERATES_WITH', from: 'a', to: 'b', evidence: '蓝鲸新能源电池公司与青木材料携手研发' }]),
        );
        const back = await store.unmergeEntities(E.lanjing, mergeId);
        expect(back.id).toBe(mergeId);
        const restored = (await store.getEntity(mergeId))!;
        expect(restored.relations.map((r) => [r.type, r.to])).toEqual([['SUPPLIES', E.yunfan]]);
        const kept = (await store.getEntity(E.lanjing))!;
        expect(kept.aliases).toContain('蓝鲸'); // added by hand after the merge: stays
        expect(kept.aliases).not.toContain('蓝鲸新能源电池公司');
        expect(kept.relations.some((r) => r.type === 'COOPERATES_WITH' && r.to === E.qingmu)).toBe(true);
        expect(kept.relations.some((r) => r.type === 'SUPPLIES' && r.to === E.yunfan)).toBe(false);
        const { problems } = await checkGraph(store);
        expect(problems).toEqual([]);
      });
    });

    describe('saved views', () => {
      const big = JSON.stringify({ n: Array.from({ length: 500 }, (_, i) => [`enterprise:企业${i}`, i * 10.5, -i]) });

      it('keeps a canvas under a short id and gives it back whole, with its owner hash', async () => {
        const v = await store.saveView({ name: ' 两江新区汽车 ', state: big, ownerHash: 'h1' });
        expect(v.id).toMatch(/^[0-9a-z]{12}$/u);
        expect(v.name).toBe('两江新区汽车');
        expect(Date.parse(v.savedAt)).not.toBeNaN();
        expect(await store.getView(v.id)).toEqual({ ...v, ownerHash: 'h1' });
        expect(await store.getView('nosuchview00')).toBeNull();
        const again = await store.saveView({ name: '两江新区汽车', state: big, ownerHash: 'h1' });
        expect(again.id).not.toBe(v.id);
      });

      it('lists named views newest first, a keyset page at a time, and not the unnamed ones', async () => {
        const saved = [];
        for (let i = 0; i < 5; i++) saved.push(await store.saveView({ name: `视图${i}`, state: `{"i":${i}}`, ownerHash: 'h' }));
        await store.saveView({ name: null, state: '{"link":true}', ownerHash: 'h' });
        const first = await store.listViews({ first: 2 });
        expect(first.total).toBe(5);
        expect(first.items.map((v) => v.name)).toEqual(['视图4', '视图3']);
        const second = await store.listViews({ first: 2, after: first.items[1]!.id });
        expect(second.items.map((v) => v.name)).toEqual(['视图2', '视图1']);
        const last = await store.listViews({ first: 2, after: second.items[1]!.id });
        expect(last.items.map((v) => v.name)).toEqual(['视图0']);
        expect(last.items[0]!.state).toBe('{"i":0}');
        await expect(store.listViews({ after: 'nosuchview00' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.listViews({ first: 0 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      });

      it('refuses an empty or oversized state and a blank name, and saves nothing', async () => {
        await expect(store.saveView({ name: 'x', state: '', ownerHash: 'h' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.saveView({ name: '  ', state: '{}', ownerHash: 'h' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.saveView({ name: 'x', state: 'x'.repeat(600 * 1024), ownerHash: 'h' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
        expect((await store.listViews()).total).toBe(0);
      });

      it('deletes a view once; the graph is untouched by views', async () => {
        await loadAll(store);
        const before = await store.stats();
        const v = await store.saveView({ name: 'a', state: '{}', ownerHash: 'h' });
        expect(await store.deleteView(v.id)).toBe(true);
        expect(await store.deleteView(v.id)).toBe(false);
        expect(await store.getView(v.id)).toBeNull();
        expect(await store.stats()).toEqual(before);
      });
    });

    describe('rejecting facts', () => {
      beforeEach(async () => loadAll(store));
      const supply = () => relationId('SUPPLIES', E.qingmu, E.lanjing);
      const exported = async () => {
        const relations: string[] = [];
        for await (const rec of store.exportRecords()) if (rec.kind === 'relation') relations.push(rec.relation.id);
        return relations;
      };

      it('takes a rejected relation out of every read, keeps it, and brings it back on restore', async () => {
        const before = await store.stats();
        const qingmu = (await store.getEntity(E.qingmu))!;
        expect(await store.paths(E.qingmu, E.xinghe, { relationTypes: ['SUPPLIES'] })).toHaveLength(1);

        const rejection = await store.rejectRelation(supply(), { reason: '隔膜供应只是传闻', actor: 'wang' });
        expect(rejection).toMatchObject({ id: supply(), relationId: supply(), type: 'SUPPLIES', from: E.qingmu, to: E.lanjing, evidence: null, reason: '隔膜供应只是传闻', actor: 'wang' });
        expect(Number.isNaN(Date.parse(rejection.at))).toBe(false);

        expect(await store.getRelations([supply()])).toEqual([]);
        const after = await store.stats();
        expect(after.relations).toBe(before.relations - 1);
        expect(after.evidence).toBe(before.evidence - 1);
        expect(after.relationsByType.SUPPLIES).toBe(before.relationsByType.SUPPLIES - 1);
        const details = (await store.getEntity(E.qingmu))!;
        expect(details.degree).toBe(qingmu.degree - 1);
        expect(details.relations.map((r) => r.id)).not.toContain(supply());
        expect((await store.relationsOf(E.lanjing)).items.map((r) => r.id)).not.toContain(supply());
        expect((await store.degrees([E.qingmu])).get(E.qingmu)).toBe(qingmu.degree - 1);
        const hood = await store.neighbourhood([E.qingmu], { depth: 2 });
        expect(hood.edges.map((e) => e.id)).not.toContain(supply());
        expect(await store.paths(E.qingmu, E.xinghe, { relationTypes: ['SUPPLIES'] })).toEqual([]);
        expect((await store.chain(E.qingmu, { direction: 'downstream' }))!.nodes.map((n) => n.entity.id)).toEqual([E.qingmu]);
        expect(await exported()).not.toContain(supply());
        // Kept in the store, with why.
        expect(await store.listRejections()).toEqual([rejection]);
        // Rejecting it again answers the same rejection.
        expect(await store.rejectRelation(supply(), { reason: '再次' })).toEqual(rejection);

        const restored = await store.restoreRelation(supply(), { actor: 'li' });
        expect(restored).toMatchObject({ id: supply(), type: 'SUPPLIES', from: E.qingmu, to: E.lanjing });
        expect(restored!.evidence.map((e) => e.text)).toEqual(['青木材料股份有限公司为蓝鲸电池供应隔膜']);
        expect(await store.stats()).toEqual(before);
        expect((await store.getEntity(E.qingmu))!.degree).toBe(qingmu.degree);
        expect(await store.paths(E.qingmu, E.xinghe, { relationTypes: ['SUPPLIES'] })).toHaveLength(1);
        expect(await store.listRejections()).toEqual([]);
        await expect(store.restoreRelation(supply())).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      it('does not bring a rejected fact back when its article, or another stating it, is loaded again', async () => {
        await store.rejectRelation(supply(), { reason: '错误' });
        const third = (await store.listArticles()).items.find((a) => a.title === '璧山区新材料企业')!;
        expect(await store.deleteArticle(third.id)).toBe(true);
        const again = await store.upsertArticle(ARTICLE_3);
        expect(again.created).toBe(true);
        expect(again.relationsAdded).not.toContain(supply());
        const text = '山城日报讯 青木材料股份有限公司继续为蓝鲸电池供应隔膜。';
        await store.upsertArticle(
          article(
            { title: '隔膜', date: '2025-08-01', text },
            [
              { key: 'a', type: 'Enterprise', name: '青木材料股份有限公司' },
              { key: 'b', type: 'Enterprise', name: '蓝鲸电池' },
            ],
            [{ type: 'SUPPLIES', from: 'a', to: 'b', evidence: '青木材料股份有限公司继续为蓝鲸电池供应隔膜' }],
          ),
        );
        expect(await store.getRelations([supply()])).toEqual([]);
        expect((await store.getEntity(E.qingmu))!.relations.map((r) => r.type).sort()).toEqual(['LOCATED_IN', 'MEMBER_OF']);
        // Restored, it comes back with every sentence stated while it was rejected.
        const restored = (await store.restoreRelation(supply()))!;
        expect(restored.evidence.map((e) => e.text).sort()).toEqual(['青木材料股份有限公司为蓝鲸电池供应隔膜', '青木材料股份有限公司继续为蓝鲸电池供应隔膜']);
        expect((await checkGraph(store)).problems).toEqual([]);
      });

      it('rejects one piece of evidence; the relation goes only with its last piece', async () => {
        const cooperation = relationId('COOPERATES_WITH', E.lanjing, E.xinghe);
        const text = '山城日报讯 蓝鲸电池与星河动力再度携手。';
        await store.upsertArticle(
          article(
            { title: '再度携手', date: '2025-09-01', text },
            [
              { key: 'a', type: 'Enterprise', name: '蓝鲸电池' },
              { key: 'b', type: 'Enterprise', name: '星河动力' },
            ],
            [{ type: 'COOPERATES_WITH', from: 'a', to: 'b', evidence: '蓝鲸电池与星河动力再度携手' }],
          ),
        );
        const [rel] = await store.getRelations([cooperation]);
        expect(rel.evidence).toHaveLength(2);
        const [first, second] = rel.evidence;
        const piece = { articleId: first.articleId, start: first.start, end: first.end };
        const rejection = await store.rejectRelation(cooperation, { reason: '句子没有说合作', evidence: piece });
        // The rejection names the sentence; its rule and confidence stay with the held evidence.
        expect(rejection.evidence).toEqual({ ...piece, text: first.text });
        expect(rejection.id).not.toBe(cooperation);
        expect((await store.getRelations([cooperation]))[0].evidence).toEqual([second]);
        const before = (await store.stats()).relations;
        await store.rejectRelation(cooperation, { reason: '也不对', evidence: { articleId: second.articleId, start: second.start, end: second.end } });
        expect(await store.getRelations([cooperation])).toEqual([]);
        expect((await store.stats()).relations).toBe(before - 1);
        expect(await store.listRejections({ first: 1 })).toHaveLength(1);
        const page2 = await store.listRejections({ first: 5, after: (await store.listRejections({ first: 1 }))[0].id });
        expect(page2).toHaveLength(1);
        // Restoring one piece brings the relation back with that piece only.
        const back = (await store.restoreRelation(cooperation, { evidence: piece }))!;
        expect(back.evidence).toEqual([first]);
        expect((await store.stats()).relations).toBe(before);
        expect((await checkGraph(store)).problems).toEqual([]);
      });

      it('refuses a rejection without a reason, of an unknown fact or an unknown piece', async () => {
        await expect(store.rejectRelation(supply(), { reason: '  ' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.rejectRelation('SUPPLIES:enterprise:无->enterprise:有', { reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.rejectRelation(supply(), { reason: 'x', evidence: { articleId: 'nope', start: 0, end: 1 } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.rejectRelation(supply(), { reason: 'x', evidence: { articleId: 'nope', start: 0.5, end: 1 } })).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.restoreRelation(supply())).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect((await store.getRelations([supply()]))).toHaveLength(1);
      });
    });

    describe('confidence and review', () => {
      // The seed hands each relation the rule that produced it and that rule's confidence.
      const rated = (a: ArticleExtraction, confidences: (number | null)[]): ArticleExtraction => ({
        ...a,
        relations: a.relations.map((r, i) => ({ ...r, rule: confidences[i] == null ? undefined : `rule-${i}`, confidence: confidences[i] ?? undefined })),
      });
      // ARTICLE_1: INVESTS_IN, LOCATED_IN(project), COOPERATES_WITH, OPERATES, MEMBER_OF, LOCATED_IN(cluster)
      // ARTICLE_2: LOCATED_IN(蓝鲸), SUPPLIES(蓝鲸→星河), COOPERATES_WITH(星河~蓝鲸)
      // ARTICLE_3: LOCATED_IN(青木), SUPPLIES(青木→蓝鲸), MEMBER_OF(青木), LOCATED_IN(cluster)
      const R = {
        invest: relationId('INVESTS_IN', E.xinghe, E.project),
        projectIn: relationId('LOCATED_IN', E.project, E.jiangbei),
        coop: relationId('COOPERATES_WITH', E.xinghe, E.yunfan),
        operates: relationId('OPERATES', E.yunfan, E.platform),
        leader: relationId('MEMBER_OF', E.xinghe, E.carCluster),
        clusterIn: relationId('LOCATED_IN', E.carCluster, E.jiangbei),
        lanjingIn: relationId('LOCATED_IN', E.lanjing, E.banan),
        supplyXinghe: relationId('SUPPLIES', E.lanjing, E.xinghe),
        coop2: relationId('COOPERATES_WITH', E.xinghe, E.lanjing),
        qingmuIn: relationId('LOCATED_IN', E.qingmu, E.bishan),
        supply: relationId('SUPPLIES', E.qingmu, E.lanjing),
        member: relationId('MEMBER_OF', E.qingmu, E.materialsCluster),
        materialsIn: relationId('LOCATED_IN', E.materialsCluster, E.bishan),
      };
      // A second article stating the supply of ARTICLE_3 again, from another rule.
      const T = '山城日报讯 青木材料股份有限公司继续为蓝鲸电池供应隔膜。';
      const again = (confidence: number | null) =>
        rated(
          article(
            { title: '隔膜续约', date: '2025-04-01', text: T },
            [
              { key: 'e1', type: 'Enterprise', name: '青木材料股份有限公司' },
              { key: 'e2', type: 'Enterprise', name: '蓝鲸电池' },
            ],
            [{ type: 'SUPPLIES', from: 'e1', to: 'e2', evidence: '青木材料股份有限公司继续为蓝鲸电池供应隔膜' }],
          ),
          [confidence],
        );
      const loadRated = async () => {
        await store.upsertArticle(rated(ARTICLE_1, [0.95, 0.6, 0.9, 0.5, 0.85, 0.6]));
        await store.upsertArticle(rated(ARTICLE_2, [0.7, 0.9, 0.9]));
        await store.upsertArticle(rated(ARTICLE_3, [0.7, 0.5, 0.8, null]));
      };
      const queueIds = async (options: Parameters<GraphStore['reviewQueue']>[0] = {}) => (await store.reviewQueue({ first: 100, ...options })).items.map((i) => i.relation.id);

      it('keeps each piece of evidence\'s rule and confidence and combines them over a relation\'s live evidence', async () => {
        await loadRated();
        const [invest] = await store.getRelations([R.invest]);
        expect(invest.evidence).toEqual([expect.objectContaining({ rule: 'rule-0', confidence: 0.95 })]);
        expect(invest).toMatchObject({ confidence: 0.95, support: { evidence: 1, articles: 1 }, accepted: null });
        // Unknown confidence (a hand-written or older piece) says nothing.
        const [unknown] = await store.getRelations([R.materialsIn]);
        expect(unknown.evidence[0]).toMatchObject({ rule: null, confidence: null });
        expect(unknown.confidence).toBeNull();
        expect(unknown.support).toEqual({ evidence: 1, articles: 1 });

        // A second article stating the supply: 1 − (1 − 0.5)(1 − 0.6) = 0.8, from two articles.
        await store.upsertArticle(again(0.6));
        const [supply] = await store.getRelations([R.supply]);
        expect(supply.confidence).toBeCloseTo(0.8, 6);
        expect(supply.support).toEqual({ evidence: 2, articles: 2 });
        expect(supply.evidence.map((e) => [e.rule, e.confidence]).sort()).toEqual([['rule-0', 0.6], ['rule-1', 0.5]]);
        // Every read carries the same figures.
        const fromEntity = (await store.getEntity(E.qingmu))!.relations.find((r) => r.id === R.supply)!;
        expect(fromEntity.confidence).toBe(supply.confidence);
        const hood = await store.neighbourhood([E.qingmu]);
        expect(hood.edges.find((r) => r.id === R.supply)!.support).toEqual({ evidence: 2, articles: 2 });

        // A pieces of unknown confidence beside a known one: the known one decides.
        await store.upsertArticle(again(null));
        expect((await store.getRelations([R.supply]))[0].confidence).toBeCloseTo(0.8, 6);
      });

      it('does not count rejected evidence, and counts it again once restored (rule and confidence kept)', async () => {
        await loadRated();
        await store.upsertArticle(again(0.6));
        const second = (await store.listArticles()).items.find((a) => a.title === '隔膜续约')!;
        const [before] = await store.getRelations([R.supply]);
        const piece = before.evidence.find((e) => e.articleId === second.id)!;
        await store.rejectRelation(R.supply, { reason: '续约未证实', evidence: piece });
        const [after] = await store.getRelations([R.supply]);
        expect(after.confidence).toBe(0.5);
        expect(after.support).toEqual({ evidence: 1, articles: 1 });
        const [queued] = (await store.reviewQueue({ types: ['SUPPLIES'] })).items.filter((i) => i.relation.id === R.supply);
        expect(queued.relation.confidence).toBe(0.5);

        await store.restoreRelation(R.supply, { evidence: piece });
        const [restored] = await store.getRelations([R.supply]);
        expect(restored.confidence).toBeCloseTo(0.8, 6);
        expect(restored.evidence.find((e) => e.articleId === second.id)).toMatchObject({ rule: 'rule-0', confidence: 0.6 });
        // A whole rejection keeps them too.
        await store.rejectRelation(R.supply, { reason: '整条错误' });
        expect(await queueIds()).not.toContain(R.supply);
        await store.restoreRelation(R.supply);
        expect((await store.getRelations([R.supply]))[0]).toMatchObject({ confidence: restored.confidence, support: { evidence: 2, articles: 2 } });
      });

      it('lists the review queue least certain first, ties by fewer evidence then id, unknown last, a keyset page at a time', async () => {
        await loadRated();
        await store.upsertArticle(again(null)); // the supply: 0.5 with two pieces
        const page = await store.reviewQueue({ first: 100 });
        const items = page.items.map((i) => i.relation);
        expect(page.total).toBe(13);
        expect(items).toHaveLength(13);
        const expected = [
          // 0.5 with one piece before the supply's 0.5 with two
          ...[R.operates].sort(),
          R.supply,
          ...[R.clusterIn, R.projectIn].sort(),
          ...[R.lanjingIn, R.qingmuIn].sort(),
          R.member,
          R.leader,
          ...[R.coop, R.supplyXinghe, R.coop2].sort(),
          R.invest,
          R.materialsIn, // unknown
        ];
        expect(items.map((r) => r.id)).toEqual(expected);
        for (const r of items) expect(r.evidence.length).toBeGreaterThan(0);
        const confidences = items.map((r) => r.confidence);
        expect(confidences.slice(0, 3)).toEqual([0.5, 0.5, 0.6]);
        expect(confidences.at(-1)).toBeNull();

        // Pages of three cover the same queue, each item once.
        const paged: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 10; i++) {
          const p: Awaited<ReturnType<GraphStore['reviewQueue']>> = await store.reviewQueue({ first: 3, after });
          expect(p.total).toBe(13);
          paged.push(...p.items.map((x) => x.relation.id));
          if (p.items.length < 3) break;
          after = p.items.at(-1)!.cursor;
        }
        expect(paged).toEqual(expected);
        // Past the last item: an empty page that still counts the queue.
        expect(await store.reviewQueue({ after: page.items.at(-1)!.cursor })).toEqual({ total: 13, items: [] });

        // Below a threshold (unknown always qualifies), and by type.
        expect(await queueIds({ threshold: 0.7 })).toEqual([R.operates, R.supply, ...[R.clusterIn, R.projectIn].sort(), R.materialsIn]);
        expect((await store.reviewQueue({ threshold: 0.7 })).total).toBe(5);
        expect(await queueIds({ types: ['SUPPLIES', 'INVESTS_IN'] })).toEqual([R.supply, R.supplyXinghe, R.invest]);
        // A rejected fact is not in the queue.
        await store.rejectRelation(R.operates, { reason: '不是运营方' });
        expect((await queueIds())[0]).toBe(R.supply);
        await expect(store.reviewQueue({ after: 'nonsense' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
        await expect(store.reviewQueue({ threshold: 2 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      });

      it('accepts a fact (it stays and leaves the queue), audited, and undoes it', async () => {
        await loadRated();
        const accepted = await store.acceptRelation(R.operates, { actor: 'wang' });
        expect(accepted).toMatchObject({ id: R.operates, confidence: 0.5, accepted: { relationId: R.operates, actor: 'wang' } });
        expect(Number.isNaN(Date.parse(accepted.accepted!.at))).toBe(false);
        expect(await queueIds()).not.toContain(R.operates);
        expect((await store.reviewQueue()).total).toBe(12);
        // It stays in the graph, marked, everywhere it is read.
        expect((await store.getEntity(E.yunfan))!.relations.find((r) => r.id === R.operates)!.accepted).toMatchObject({ actor: 'wang' });
        expect((await store.stats()).relations).toBe(13);
        // Accepting again changes nothing.
        expect((await store.acceptRelation(R.operates, { actor: 'li' })).accepted).toEqual(accepted.accepted);

        const undone = await store.unacceptRelation(R.operates, { actor: 'li' });
        expect(undone).toMatchObject({ id: R.operates, accepted: null });
        expect((await queueIds())[0]).toBe(R.operates);
        const log = await store.auditLog();
        expect(log.map((e) => [e.kind, e.actor, e.target])).toEqual([
          ['unaccept', 'li', R.operates],
          ['accept', 'wang', R.operates],
        ]);
        expect(log[1].after).toMatchObject({ accepted: { actor: 'wang' }, confidence: 0.5 });
        expect(log[0].before).toMatchObject({ accepted: { actor: 'wang' } });

        await expect(store.acceptRelation(relationId('SUPPLIES', E.xinghe, E.qingmu))).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.unacceptRelation(R.operates)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      it('keeps accepted facts through a merge, and carries rule, confidence and acceptance through export and import', async () => {
        await loadRated();
        await store.acceptRelation(R.supply, { actor: 'wang' });
        await store.mergeEntities(E.lanjing, E.qingmu);
        // 青木 → 蓝鲸 became a relation of 蓝鲸 to itself and went; 蓝鲸's own facts kept their state.
        await store.acceptRelation(R.lanjingIn);
        const records = [];
        for await (const rec of store.exportRecords()) records.push(rec);
        const evidence = records.flatMap((r) => (r.kind === 'evidence' ? [r.evidence] : []));
        expect(evidence.filter((e) => e.confidence != null)).toHaveLength(evidence.length - 1);
        expect(records.flatMap((r) => (r.kind === 'acceptance' ? [r.acceptance.relationId] : []))).toContain(R.lanjingIn);
        const copy = await factory();
        try {
          const report = await copy.importRecords((async function* () {
            yield* records;
          })());
          expect(report.acceptances).toBe(records.filter((r) => r.kind === 'acceptance').length);
          expect(await copy.getRelations([R.lanjingIn, R.invest])).toEqual(await store.getRelations([R.lanjingIn, R.invest]));
          expect(await copy.reviewQueue({ first: 100 })).toEqual(await store.reviewQueue({ first: 100 }));
        } finally {
          await copy.close();
        }
      });
    });

    describe('audit log', () => {
      it('records every curation with time, actor and before/after, newest first, filtered and paged', async () => {
        await loadAll(store); // bulk loads pass no actor: not audited
        expect(await store.auditLog()).toEqual([]);
        const ingest = await store.upsertArticle(ARTICLE_4, { actor: 'wang' });
        await store.addAlias(E.yunfan, '云帆', { actor: 'li' });
        await store.mergeEntities(E.lanjing, E.qingmu, { actor: 'wang' });
        const supply = relationId('SUPPLIES', E.xinghe, E.changfeng);
        const rejection = await store.rejectRelation(supply, { reason: '样机不是供货', actor: 'li' });
        await store.restoreRelation(supply, { actor: 'wang' });
        const second = (await store.listArticles()).items.find((a) => a.title === '巴南区电池企业配套整车')!;
        await store.deleteArticle(second.id);

        const log = await store.auditLog();
        expect(log.map((e) => [e.kind, e.actor, e.target])).toEqual([
          ['delete-article', null, second.id],
          ['restore', 'wang', supply],
          ['reject', 'li', supply],
          ['merge', 'wang', E.lanjing],
          ['alias', 'li', E.yunfan],
          ['ingest', 'wang', ingest.articleId],
        ]);
        for (const e of log) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
        const byKind = Object.fromEntries(log.map((e) => [e.kind, e]));
        expect(byKind.ingest.before).toBeNull();
        expect(byKind.ingest.after).toMatchObject({ title: '星河动力配套整车', created: true, relationsAdded: ingest.relationsAdded });
        expect(byKind.alias.before).toEqual({ aliases: [] });
        expect(byKind.alias.after).toMatchObject({ aliases: ['云帆'], added: '云帆' });
        expect(byKind.merge.before).toMatchObject({ kept: { id: E.lanjing }, merged: { id: E.qingmu, name: '青木材料股份有限公司' } });
        expect(byKind.merge.after).toMatchObject({ kept: { id: E.lanjing }, redirect: { from: E.qingmu, to: E.lanjing } });
        expect(byKind.reject.before).toMatchObject({ relation: { id: supply, type: 'SUPPLIES' } });
        expect(byKind.reject.after).toMatchObject({ rejection: { id: rejection.id, reason: '样机不是供货' }, inGraph: false });
        expect(byKind.restore.after).toMatchObject({ relation: { id: supply } });
        expect(byKind['delete-article'].before).toMatchObject({ id: second.id, title: '巴南区电池企业配套整车' });
        expect(byKind['delete-article'].after).toBeNull();

        expect((await store.auditLog({ actor: 'li' })).map((e) => e.kind)).toEqual(['reject', 'alias']);
        expect((await store.auditLog({ kind: 'merge' })).map((e) => e.target)).toEqual([E.lanjing]);
        const page1 = await store.auditLog({ first: 4 });
        const page2 = await store.auditLog({ first: 4, after: page1.at(-1)!.id });
        expect([...page1, ...page2]).toEqual(log);
        const exported: unknown[] = [];
        for await (const rec of store.exportRecords()) if (rec.kind === 'audit') exported.push(rec.entry);
        expect(exported).toEqual([...log].reverse());
      });
    });

    describe('audit log of views', () => {
      it('records a saved view deleted, with its actor and what it was', async () => {
        const v = await store.saveView({ name: '两江新区', state: '{"n":[]}', ownerHash: 'h' });
        expect(await store.deleteView(v.id, { actor: 'wang' })).toBe(true);
        expect(await store.deleteView(v.id, { actor: 'wang' })).toBe(false);
        const log = await store.auditLog();
        expect(log.map((e) => [e.kind, e.actor, e.target])).toEqual([['delete-view', 'wang', v.id]]);
        expect(log[0].before).toMatchObject({ name: '两江新区', savedAt: v.savedAt });
        expect(log[0].after).toBeNull();
      });
    });

    describe('deleting articles', () => {
      it('removes the article, its evidence and what only it stated', async () => {
        await loadAll(store);
        const articles = await store.listArticles();
        const second = articles.items.find((a) => a.title === '巴南区电池企业配套整车')!;
        expect(await store.deleteArticle(second.id)).toBe(true);
        expect(await store.getArticle(second.id)).toBeNull();
        // Only ARTICLE_2 named 巴南区; the SUPPLIES to 星河动力 went with it.
        expect(await store.getEntity(E.banan)).toBeNull();
        const lanjing = (await store.getEntity(E.lanjing))!; // still named by ARTICLE_3
        expect(lanjing.relations.map((r) => r.type)).toEqual(['SUPPLIES']);
        expect(lanjing.articleIds).toHaveLength(1);
        expect((await store.getEntity(E.xinghe))!.degree).toBe(3);
        expect(await store.deleteArticle(second.id)).toBe(false);
        // Loading it again brings it all back.
        await store.upsertArticle(ARTICLE_2);
        expect((await store.getEntity(E.lanjing))!.degree).toBe(4);
      });

      it('stays whole through loads, curation and deletes (every relation has endpoints and true evidence)', async () => {
        await loadAll(store);
        await store.addAlias(E.yunfan, '云帆');
        await store.mergeEntities(E.lanjing, E.qingmu);
        await store.deleteArticle((await store.listArticles()).items[0].id);
        const { problems, counts } = await checkGraph(store);
        expect(problems).toEqual([]);
        expect(counts.relation).toBe((await store.stats()).relations);
      });

      it('leaves an empty graph after deleting every article', async () => {
        await loadAll(store);
        for (const a of (await store.listArticles()).items) await store.deleteArticle(a.id);
        expect(await store.stats()).toMatchObject({ articles: 0, entities: 0, relations: 0, evidence: 0 });
      });
    });
  });
  runConcurrencyContract(name, factory);
}
