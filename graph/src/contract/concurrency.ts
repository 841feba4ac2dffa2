import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityId } from '../ids';
import type { GraphStore } from '../store';
import { ARTICLE_1, article } from './fixtures';

// Behaviour that a store on a server (Neo4j, Aura, a cluster) can get wrong where an embedded
// one cannot: writers at the same time, an id that comes back after a merge, names that are
// English stop words. Each adapter runs these with the rest of the contract.

const jiangbei = entityId('District', '江北区');
const yunfan = entityId('Enterprise', '云帆智造');

const SAME_ENTITIES = article(
  { title: '江北区再签约', date: '2025-08-01', text: '山城日报讯 云帆智造在江北区新建智能工厂。' },
  [
    { key: 'y', type: 'Enterprise', name: '云帆智造' },
    { key: 'j', type: 'District', name: '江北区' },
  ],
  [{ type: 'LOCATED_IN', from: 'y', to: 'j', evidence: '云帆智造在江北区' }],
);

const cooperate = (title: string, a: string, b: string) =>
  article(
    { title, date: '2025-09-01', text: `山城日报讯 ${a}与${b}合作。` },
    [
      { key: 'a', type: 'Enterprise', name: a },
      { key: 'b', type: 'Enterprise', name: b },
    ],
    [{ type: 'COOPERATES_WITH', from: 'a', to: 'b', evidence: `${a}与${b}合作` }],
  );

const locate = (title: string, name: string, district: string) =>
  article(
    { title, date: '2025-10-01', text: `山城日报讯 ${name}落户${district}。` },
    [
      { key: 'e', type: 'Enterprise', name },
      { key: 'd', type: 'District', name: district },
    ],
    [{ type: 'LOCATED_IN', from: 'e', to: 'd', evidence: `${name}落户${district}` }],
  );

export function runConcurrencyContract(name: string, factory: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}: concurrency, merged ids, stop words`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store?.close();
    });

    it('one article loaded twice at once: one load creates it, the other reports it unchanged, neither fails', async () => {
      const reports = await Promise.all([store.upsertArticle(ARTICLE_1), store.upsertArticle(ARTICLE_1)]);
      expect(reports.map((r) => r.created).sort()).toEqual([false, true]);
      expect(await store.stats()).toMatchObject({ articles: 1, entities: 6, relations: 6, evidence: 6 });
    });

    it('two articles naming the same entities, loaded at once, make one entity of each', async () => {
      const outcomes = await Promise.all([store.upsertArticle(ARTICLE_1), store.upsertArticle(SAME_ENTITIES)]);
      expect(outcomes.every((r) => r.created)).toBe(true);
      expect(await store.stats()).toMatchObject({ articles: 2, entities: 6, relations: 7 });
      expect((await store.getEntity(jiangbei))!.articleCount).toBe(2);
      expect((await store.getEntity(yunfan))!.articleCount).toBe(2);
    });

    it('two aliases added at once are both kept, each with its curation', async () => {
      await store.upsertArticle(ARTICLE_1);
      await Promise.all([store.addAlias(yunfan, '云帆'), store.addAlias(yunfan, '云帆智能')]);
      expect((await store.getEntity(yunfan))!.aliases).toEqual(expect.arrayContaining(['云帆', '云帆智能']));
      expect((await store.listCurations()).map((c) => c.value).sort()).toEqual(['云帆', '云帆智能']);
    });

    it('an id merged away and later created again names the new entity, not the old target', async () => {
      const kept = entityId('Enterprise', '甲辰科技公司');
      const merged = entityId('Enterprise', '丙午科技公司');
      const first = await store.upsertArticle(cooperate('甲乙', '甲辰科技公司', '乙巳材料公司'));
      const second = await store.upsertArticle(cooperate('丙乙', '丙午科技公司', '乙巳材料公司'));
      await store.mergeEntities(kept, merged);
      expect((await store.getEntity(merged))!.id).toBe(kept);
      // Both articles go, and with them every entity they named: the redirect is left pointing at nothing.
      await store.deleteArticle(first.articleId);
      await store.deleteArticle(second.articleId);
      expect(await store.getEntity(kept)).toBeNull();
      expect((await store.upsertArticle(locate('丙落户', '丙午科技公司', '璧山区'))).entitiesAdded).toContain(merged);
      expect((await store.upsertArticle(locate('甲落户', '甲辰科技公司', '巴南区'))).entitiesAdded).toContain(kept);
      expect((await store.getEntity(merged))!.id).toBe(merged);
      expect((await store.relationsOf(merged)).total).toBe(1);
      expect(await store.resolveNames([{ type: 'Enterprise', names: ['丙午科技公司'] }])).toEqual([merged]);
    });

    it('finds a name whose pinyin initials are an English stop word (at, by)', async () => {
      await store.upsertArticle(locate('安泰落户', '安泰', '璧山区'));
      await store.upsertArticle(locate('博源落户', '博源', '巴南区'));
      expect((await store.search('at'))[0]?.entity.id).toBe(entityId('Enterprise', '安泰'));
      expect((await store.search('by'))[0]?.entity.id).toBe(entityId('Enterprise', '博源'));
      expect((await store.search('antai'))[0]?.entity.id).toBe(entityId('Enterprise', '安泰'));
    });

    it('finds an entity by its exact name among many whose names contain it', async () => {
      await store.upsertArticle(locate('江北', '星河', '江北区'));
      for (let i = 0; i < 30; i++) await store.upsertArticle(locate(`星河${i}`, `星河${i}号精密制造有限公司`, '江北区'));
      const hits = await store.search('星河', { limit: 5 });
      expect(hits[0].entity.id).toBe(entityId('Enterprise', '星河'));
      expect(hits).toHaveLength(5);
    });
  });
}
