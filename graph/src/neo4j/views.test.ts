import type { Driver } from 'neo4j-driver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { query } from '@chain-atlas/cypher';
import { ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4 } from '../contract/fixtures';
import { entityId } from '../ids';
import { SqliteGraphStore } from '../sqlite/store';
import { NEO4J_QUERIES, type QueryName } from './queries';
import { Neo4jGraphStore } from './store';

// No Neo4j server here: a driver that answers each query file the chain view and the
// dashboards use with what the query means, read from a SQLite store holding the same
// articles. What this checks is the adapter's side (views.ts): that it asks for the right
// things and turns the rows into the same chain and the same figures as the SQLite adapter.
// Cypher semantics are the server's, covered by the contract suite when NEO4J_URI is set.

const nameOfText = new Map(Object.keys(NEO4J_QUERIES).map((name) => [query(name), name as QueryName]));

function answeringDriver(sqlite: SqliteGraphStore) {
  const asked: QueryName[] = [];
  const answer = async (name: QueryName, p: Record<string, unknown>): Promise<Record<string, unknown>[]> => {
    asked.push(name);
    switch (name) {
      case 'entity_follow_redirect': {
        const e = await sqlite.getEntity(p.id as string, { relationLimit: 0, articleLimit: 0 });
        return e ? [{ id: e.id }] : [];
      }
      case 'entities_get':
        return (await sqlite.getEntities(p.ids as string[])).map((entity) => ({ entity }));
      case 'chain_steps': {
        const rows: Record<string, unknown>[] = [];
        for (const node of p.frontier as string[]) {
          const rels = (await sqlite.relationsOf(node, { types: p.types as never, first: 10_000 })).items;
          for (const r of rels) {
            if (p.direction === 'out' && r.from !== node) continue;
            if (p.direction === 'in' && r.to !== node) continue;
            const other = r.from === node ? r.to : r.from;
            const [e] = await sqlite.getEntities([other]);
            rows.push({ from: node, to: other, toType: e.type, relationId: r.id, src: r.from, dst: r.to, degree: (await sqlite.degrees([other])).get(other) });
          }
        }
        return rows;
      }
      case 'relations_get':
        return (await sqlite.getRelations(p.ids as string[])).map((r) => ({
          relation: { id: r.id, type: r.type, amountCny: r.amountCny, role: r.role },
          from: r.from,
          to: r.to,
          evidence: r.evidence,
          accepted: r.accepted,
        }));
      case 'relations_facts': {
        const rels = await sqlite.getRelations(p.ids as string[]);
        const out = [];
        for (const r of rels) {
          const [from] = await sqlite.getEntities([r.from]);
          out.push({ id: r.id, from: r.from, fromType: from.type, to: r.to, amountCny: r.amountCny, role: r.role });
        }
        return out;
      }
      case 'entities_first_mention': {
        const out = [];
        for (const id of p.ids as string[]) {
          const e = await sqlite.getEntity(id);
          const dates = (await sqlite.getArticles(e?.articleIds ?? [])).map((a) => a.date).filter((d): d is string => !!d).sort();
          out.push({ id, date: dates[0] ?? null });
        }
        return out;
      }
      case 'entity_recent_articles': {
        const e = await sqlite.getEntity(p.id as string, { articleLimit: Number(p.limit) });
        const articles = await sqlite.getArticles(e?.articleIds ?? []);
        return articles.map((a) => ({ article: { id: a.id, title: a.title, date: a.date, source: a.source, url: a.url, file: a.file, loadedAt: a.loadedAt, length: a.text.length } }));
      }
      default:
        throw new Error(`the chain view does not run ${name}`);
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

describe('Neo4j chain view and dashboards (views.ts) against a driver answering from SQLite', () => {
  let sqlite: SqliteGraphStore;
  let neo4j: Neo4jGraphStore;
  let asked: QueryName[];
  beforeEach(async () => {
    sqlite = SqliteGraphStore.open(':memory:');
    for (const a of [ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_4]) await sqlite.upsertArticle(a);
    const d = answeringDriver(sqlite);
    neo4j = Neo4jGraphStore.fromDriver(d.driver);
    asked = d.asked;
  });
  afterEach(async () => {
    await sqlite.close();
  });

  const normalise = <T extends { nodes: { entity: { id: string } }[]; edges: { relation: { id: string } }[] }>(c: T | null) =>
    c && { ...c, nodes: [...c.nodes].sort((a, b) => a.entity.id.localeCompare(b.entity.id)), edges: [...c.edges].sort((a, b) => a.relation.id.localeCompare(b.relation.id)) };

  it('walks the same chains, layers and cycles as the SQLite adapter', async () => {
    const starts = ['蓝鲸电池有限公司', '重庆星河动力科技有限公司', '长风汽车有限公司'].map((n) => entityId('Enterprise', n));
    for (const id of [...starts, entityId('Cluster', '智能网联汽车产业集群')]) {
      for (const options of [{ depth: 2 }, { depth: 4, direction: 'upstream' as const }, { depth: 1, layers: ['INVESTS_IN', 'OPERATES', 'MEMBER_OF'] as never }]) {
        expect(normalise(await neo4j.chain(id, options))).toEqual(normalise(await sqlite.chain(id, options)));
      }
    }
    expect(await neo4j.chain('enterprise:不存在')).toBeNull();
    await expect(neo4j.chain(entityId('District', '江北区'))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(new Set(asked)).toEqual(new Set(['entity_follow_redirect', 'entities_get', 'chain_steps', 'relations_get']));
  });

  it('computes the same district and cluster dashboards', async () => {
    for (const name of ['江北区', '巴南区', '璧山区']) {
      const id = entityId('District', name);
      expect(await neo4j.districtProfile(id)).toEqual(await sqlite.districtProfile(id));
    }
    for (const name of ['智能网联汽车产业集群', '新材料产业集群']) {
      const id = entityId('Cluster', name);
      expect(await neo4j.clusterProfile(id)).toEqual(await sqlite.clusterProfile(id));
    }
    await expect(neo4j.clusterProfile(entityId('District', '江北区'))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await neo4j.districtProfile('district:不存在')).toBeNull();
  });
});
