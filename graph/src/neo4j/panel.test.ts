import type { Driver } from 'neo4j-driver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { query } from '@chain-atlas/cypher';
import { ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4, article } from '../contract/fixtures';
import { entityId } from '../ids';
import type { ArticleExtraction } from '../model';
import { SqliteGraphStore } from '../sqlite/store';
import { NEO4J_QUERIES, type QueryName } from './queries';
import { Neo4jGraphStore } from './store';

// No Neo4j server here (the contract suite runs these against one when NEO4J_URI is set): a
// driver that answers the query files of the details panel, the neighbour pages and the
// district list with what each query means, read from a SQLite store with the same articles.
// What this checks is the adapter's side — the parameters it passes (date filter as relation
// ids, the keyset cursor, one row more than the page) and how it turns the rows into the same
// figures and pages as the SQLite adapter.

const nameOfText = new Map(Object.keys(NEO4J_QUERIES).map((name) => [query(name), name as QueryName]));

function answeringDriver(sqlite: SqliteGraphStore) {
  const asked: QueryName[] = [];
  const relationsTouching = async (id: string) => (await sqlite.relationsOf(id, { first: 10_000 })).items;
  const degreeOf = async (id: string) => (await sqlite.degrees([id])).get(id) ?? 0;
  const answer = async (name: QueryName, p: Record<string, unknown>): Promise<Record<string, unknown>[]> => {
    asked.push(name);
    switch (name) {
      case 'entity_follow_redirect': {
        const e = await sqlite.getEntity(p.id as string, { relationLimit: 0, articleLimit: 0 });
        return e ? [{ id: e.id }] : [];
      }
      case 'entity_details': {
        const e = await sqlite.getEntity(p.id as string, { relationLimit: 0, articleLimit: 0 });
        return e ? [{ entity: e, degree: e.degree, articleCount: e.articleCount, relationIds: [], articleIds: [] }] : [];
      }
      case 'entities_get':
        return (await sqlite.getEntities(p.ids as string[])).map((entity) => ({ entity }));
      case 'relations_get':
        return (await sqlite.getRelations(p.ids as string[])).map((r) => ({
          relation: { id: r.id, type: r.type, amountCny: r.amountCny, role: r.role },
          from: r.from,
          to: r.to,
          evidence: r.evidence,
        }));
      case 'entity_facts': {
        const rows = [];
        for (const r of await relationsTouching(p.id as string)) {
          const other = r.from === p.id ? r.to : r.from;
          const [e] = await sqlite.getEntities([other]);
          const articles = await sqlite.getArticles([...new Set(r.evidence.map((ev) => ev.articleId))]);
          rows.push({ relationId: r.id, type: r.type, out: r.from === p.id, otherType: e.type, amountCny: r.amountCny, articles: articles.map((a) => ({ id: a.id, date: a.date })) });
        }
        return rows;
      }
      case 'entity_neighbours_page': {
        const via = new Map<string, string[]>();
        for (const r of await relationsTouching(p.id as string)) {
          const other = r.from === p.id ? r.to : r.from;
          const [e] = await sqlite.getEntities([other]);
          const types = p.relationTypes as string[];
          const entityTypes = p.entityTypes as string[];
          const ids = p.relationIds as string[] | null;
          if ((types.length && !types.includes(r.type)) || (entityTypes.length && !entityTypes.includes(e.type)) || (ids && !ids.includes(r.id))) continue;
          via.set(other, [...(via.get(other) ?? []), r.id]);
        }
        const ranked = await Promise.all([...via].map(async ([id, v]) => ({ id, degree: await degreeOf(id), via: v })));
        ranked.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
        const afterId = p.afterId as string | null;
        const afterDegree = Number(p.afterDegree);
        const rest = ranked.filter((n) => afterId == null || n.degree < afterDegree || (n.degree === afterDegree && n.id > afterId));
        return [{ total: ranked.length, page: rest.slice(0, Number(p.first)) }];
      }
      case 'neighbours_edges': {
        const others = new Set(p.others as string[]);
        const ids = new Set<string>();
        for (const id of p.ids as string[]) for (const r of await relationsTouching(id)) if (others.has(r.from === id ? r.to : r.from)) ids.add(r.id);
        return [...ids].sort().map((relationId) => ({ relationId }));
      }
      case 'districts_list': {
        const rows = [];
        for (const d of await sqlite.districts()) rows.push({ entity: d.district, located: (await sqlite.relationsOf(d.district.id, { types: ['LOCATED_IN'] })).total });
        return rows.sort((a, b) => b.located - a.located || (a.entity.id < b.entity.id ? -1 : 1));
      }
      default:
        throw new Error(`the details panel does not run ${name}`);
    }
  };
  const session = () => {
    const runIn = async <T,>(work: (tx: unknown) => Promise<T>) =>
      work({
        run: async (text: string, params: Record<string, unknown>) => {
          const name = nameOfText.get(text);
          if (!name) throw new Error(`not a query file: ${text.slice(0, 60)}`);
          return { records: (await answer(name, params)).map((row) => ({ toObject: () => row })) };
        },
      });
    return { executeRead: runIn, executeWrite: runIn, close: async () => {} };
  };
  return { driver: { session, close: async () => {} } as unknown as Driver, asked };
}

/** A hub: 星河动力 invests in twelve projects over two dated articles and one undated. */
function hub(): ArticleExtraction[] {
  return [
    ['2023-05-01', [1, 2, 3, 4, 5]],
    ['2024-05-01', [6, 7, 8, 9, 10]],
    [null, [11, 12]],
  ].map(([date, ks]) => {
    const list = ks as number[];
    const text = '山城日报讯 ' + list.map((k) => `星河动力投资${k}亿元建设第${k}号项目。`).join('');
    const x = article(
      { title: `项目 ${String(date)}`, date: (date as string | null) ?? '2000-01-01', text },
      [{ key: 'hub', type: 'Enterprise', name: '星河动力' }, ...list.map((k) => ({ key: `p${k}`, type: 'Project' as const, name: `第${k}号项目` }))],
      list.map((k) => ({ type: 'INVESTS_IN' as const, from: 'hub', to: `p${k}`, amountCny: k * 1e8, evidence: `星河动力投资${k}亿元建设第${k}号项目` })),
    );
    return date ? x : { ...x, article: { ...x.article, date: null } };
  });
}

describe('Neo4j details panel, neighbour pages and district list against a driver answering from SQLite', () => {
  let sqlite: SqliteGraphStore;
  let neo4j: Neo4jGraphStore;
  let asked: QueryName[];
  const xinghe = entityId('Enterprise', '重庆星河动力科技有限公司');
  beforeEach(async () => {
    sqlite = SqliteGraphStore.open(':memory:');
    for (const a of [ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4, ...hub()]) await sqlite.upsertArticle(a);
    const d = answeringDriver(sqlite);
    neo4j = Neo4jGraphStore.fromDriver(d.driver);
    asked = d.asked;
  });
  afterEach(async () => {
    await sqlite.close();
  });

  const filters = [
    {},
    { relationTypes: ['INVESTS_IN' as const] },
    { entityTypes: ['Enterprise' as const] },
    { dateFrom: '2024-01-01' },
    { dateFrom: '2023-01-01', dateTo: '2023-12-31', relationTypes: ['INVESTS_IN' as const, 'SUPPLIES' as const] },
  ];

  it('gives the same figures under every filter, and the same filtered relation pages', async () => {
    for (const id of [xinghe, entityId('Enterprise', '蓝鲸电池有限公司'), entityId('Project', '第3号项目'), entityId('District', '江北区')]) {
      for (const f of filters) {
        expect(await neo4j.entitySummary(id, f)).toEqual(await sqlite.entitySummary(id, f));
        // A type alone pages in Cypher (entity_relations_page); the other filters through the facts.
        if (f.entityTypes || f.dateFrom) {
          const options = { types: f.relationTypes, entityTypes: f.entityTypes, dateFrom: f.dateFrom, dateTo: f.dateTo, first: 4 };
          const a = await neo4j.relationsOf(id, options);
          expect(a).toEqual(await sqlite.relationsOf(id, options));
          expect(await neo4j.relationsOf(id, { ...options, after: a.items.at(-1)?.id })).toEqual(await sqlite.relationsOf(id, { ...options, after: a.items.at(-1)?.id }));
        }
      }
    }
    expect((await neo4j.entitySummary(xinghe))!.investmentOutCny).toBe(1.2e9 + 78e8);
    expect(await neo4j.entitySummary('enterprise:不存在')).toBeNull();
  });

  it('pages through the same neighbours in the same order, with the same relations', async () => {
    for (const f of filters) {
      let [a, b] = [null as string | null, null as string | null];
      for (let i = 0; i < 10; i++) {
        const pa = await neo4j.neighbours(xinghe, { ...f, first: 3, after: a, among: [entityId('District', '江北区')] });
        const pb = await sqlite.neighbours(xinghe, { ...f, first: 3, after: b, among: [entityId('District', '江北区')] });
        expect(pa).toEqual(pb);
        if (!pa.next) break;
        [a, b] = [pa.next, pb.next];
      }
    }
    expect(await neo4j.neighbours('enterprise:不存在')).toEqual({ nodes: [], edges: [], total: 0, next: null });
  });

  it('lists the same districts with the same counts', async () => {
    expect(await neo4j.districts()).toEqual(await sqlite.districts());
    expect(asked).toContain('districts_list');
  });
});
