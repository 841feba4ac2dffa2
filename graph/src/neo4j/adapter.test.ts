import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { query } from '@chain-atlas/cypher';
import { ARTICLE_1, article } from '../contract/fixtures';
import { entityId, relationId } from '../ids';
import { NEO4J_QUERIES } from './queries';
import type { QueryName } from './queries';
import { Neo4jGraphStore } from './store';

// Without a server, a scripted driver: it records which query files run with which parameters
// inside which kind of transaction, and answers with rows the test provides. This checks the
// adapter's own logic (validation, resolution, ids, batching), not Cypher semantics.

interface Call {
  name: QueryName;
  params: Record<string, unknown>;
  mode: 'read' | 'write';
  tx: number;
}

const nameOfText = new Map(Object.keys(NEO4J_QUERIES).map((name) => [query(name), name as QueryName]));

function scriptedDriver(answer: (name: QueryName, params: Record<string, unknown>) => Record<string, unknown>[] = () => []) {
  const calls: Call[] = [];
  let txCount = 0;
  const session = () => {
    const runIn = (mode: 'read' | 'write') => async <T>(work: (tx: unknown) => Promise<T>) => {
      const tx = ++txCount;
      return work({
        run: async (text: string, params: Record<string, unknown>) => {
          const name = nameOfText.get(text);
          if (!name) throw new Error(`not a query file: ${text.slice(0, 60)}`);
          calls.push({ name, params, mode, tx });
          return { records: answer(name, params).map((row) => ({ toObject: () => row })) };
        },
      });
    };
    return { executeRead: runIn('read'), executeWrite: runIn('write'), close: async () => {} };
  };
  const driver = { session, close: async () => {} } as unknown as Driver;
  return { driver, calls };
}

function undefinedIn(value: unknown, path = ''): string[] {
  if (value === undefined) return [path];
  if (neo4j.isInt(value)) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => undefinedIn(v, `${path}.${k}`));
  return [];
}

describe('Neo4jGraphStore with a scripted driver', () => {
  it('loads a new article in one write transaction, batching relations and evidence', async () => {
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'relations_upsert') return (params.relations as { id: string }[]).map((r) => ({ id: r.id, created: true }));
      if (name === 'evidence_create') return [{ added: (params.evidence as unknown[]).length }];
      return [];
    });
    const store = Neo4jGraphStore.fromDriver(driver);
    const report = await store.upsertArticle(ARTICLE_1);

    expect(new Set(calls.map((c) => c.tx)).size).toBe(1);
    expect(calls.every((c) => c.mode === 'write')).toBe(true);
    for (const c of calls) expect(undefinedIn(c.params), c.name).toEqual([]);
    expect(report.created).toBe(true);
    expect(report.entitiesAdded).toHaveLength(6);
    expect(report.relationsAdded).toHaveLength(6);
    expect(report.evidenceAdded).toBe(6);

    const creates = calls.filter((c) => c.name === 'entity_create');
    expect(creates.map((c) => c.params.id)).toContain(entityId('Enterprise', '重庆星河动力科技有限公司'));
    const xinghe = creates.find((c) => c.params.name === '重庆星河动力科技有限公司')!.params;
    expect(xinghe.aliases).toEqual(['星河动力']);
    expect(xinghe.searchKeys).toEqual(expect.arrayContaining(['星河动力', 'xinghedongli', 'xhdl']));

    const [upsert] = calls.filter((c) => c.name === 'relations_upsert');
    const relations = upsert.params.relations as { id: string; type: string; from: string; to: string; amountCny: number | null; role: string | null }[];
    const invest = relations.find((r) => r.type === 'INVESTS_IN')!;
    expect(invest).toMatchObject({ amountCny: 1_200_000_000, from: entityId('Enterprise', '重庆星河动力科技有限公司') });
    const coop = relations.find((r) => r.type === 'COOPERATES_WITH')!;
    expect(coop.id).toBe(relationId('COOPERATES_WITH', coop.to, coop.from));
    expect(coop.from < coop.to).toBe(true);
    expect(relations.find((r) => r.type === 'MEMBER_OF')!.role).toBe('leader');

    const [evidence] = calls.filter((c) => c.name === 'evidence_create');
    const items = evidence.params.evidence as { start: unknown; end: unknown }[];
    // Offsets go as Cypher INTEGERs, not floats.
    expect(items.every((e) => neo4j.isInt(e.start) && neo4j.isInt(e.end))).toBe(true);
  });

  it('reports a loaded article as unchanged without writing', async () => {
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'articles_get') return [{ article: { id: (params.ids as string[])[0], text: 'x' } }];
      if (name === 'entity_follow_redirect') return [{ id: params.id }];
      return [];
    });
    const report = await Neo4jGraphStore.fromDriver(driver).upsertArticle(ARTICLE_1);
    expect(report.created).toBe(false);
    expect(report.entitiesExisting).toHaveLength(6);
    expect(report.relationsExisting).toHaveLength(6);
    const writes = ['article_create', 'entity_create', 'entity_set_names', 'relations_upsert', 'evidence_create', 'entities_mention'];
    expect(calls.filter((c) => writes.includes(c.name))).toEqual([]);
  });

  it('refuses evidence that is not the article text, and an ontology-breaking relation, before writing', async () => {
    const { driver, calls } = scriptedDriver();
    const store = Neo4jGraphStore.fromDriver(driver);
    const broken = structuredClone(ARTICLE_1);
    broken.relations[0].evidence.start += 1;
    await expect(store.upsertArticle(broken)).rejects.toThrow(/evidence/);
    const wrong = article(
      { title: '错', date: '2025-04-02', text: '江北区投资了星河动力。' },
      [
        { key: 'd', type: 'District', name: '江北区' },
        { key: 'e', type: 'Enterprise', name: '星河动力' },
      ],
      [{ type: 'INVESTS_IN', from: 'e', to: 'd', evidence: '江北区投资了星河动力' }],
    );
    await expect(store.upsertArticle(wrong)).rejects.toThrow(/INVESTS_IN cannot go from Enterprise to District/);
    expect(calls.filter((c) => c.name === 'article_create')).toEqual([]);
  });

  it('lands a short name on the one entity carrying it, and not on an ambiguous one', async () => {
    const { driver } = scriptedDriver((name, params) => {
      if (name !== 'entities_by_name_keys') return [];
      const keys = params.nameKeys as string[];
      return [
        ...(keys.includes('星河动力') ? [{ key: '星河动力', ids: ['enterprise:重庆星河动力科技有限公司'] }] : []),
        ...(keys.includes('长安') ? [{ key: '长安', ids: ['enterprise:长安汽车', 'enterprise:长安福特'] }] : []),
      ];
    });
    const store = Neo4jGraphStore.fromDriver(driver);
    expect(
      await store.resolveNames([
        { type: 'Enterprise', names: ['星河动力'] },
        { type: 'Enterprise', names: ['长安'] },
      ]),
    ).toEqual(['enterprise:重庆星河动力科技有限公司', null]);
  });

  it('keeps simple paths, one per node sequence, within maxLength and the limit', async () => {
    const rows = [
      { nodeIds: ['a', 'b'], relationIds: ['r1'] },
      { nodeIds: ['a', 'b'], relationIds: ['r2'] }, // a parallel relation: same nodes
      { nodeIds: ['a', 'c', 'a', 'b'], relationIds: ['r3', 'r4', 'r1'] }, // passes a twice
      { nodeIds: ['a', 'c', 'b'], relationIds: ['r3', 'r5'] },
      { nodeIds: ['a', 'd', 'e', 'b'], relationIds: ['r6', 'r7', 'r8'] },
    ];
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'paths_shortest') return rows;
      if (name === 'entities_get') return (params.ids as string[]).map((id) => ({ entity: { id, type: 'Enterprise', name: id, aliases: [] } }));
      if (name === 'relations_get') {
        return (params.ids as string[]).map((id) => ({ relation: { id, type: 'SUPPLIES' }, from: 'x', to: 'y', evidence: [] }));
      }
      return [];
    });
    const store = Neo4jGraphStore.fromDriver(driver);
    const paths = await store.paths('a', 'b', { maxLength: 2, limit: 5 });
    expect(paths.map((p) => p.edges.map((e) => e.id))).toEqual([['r1'], ['r3', 'r5']]);
    expect(calls.find((c) => c.name === 'paths_shortest')!.params.maxLength).toEqual(neo4j.int(2));
    expect(await store.paths('a', 'a')).toEqual([]);
  });

  it('reports truncation when a neighbourhood outgrows its limit', async () => {
    const { driver } = scriptedDriver((name, params) => {
      if (name === 'entities_get') return (params.ids as string[]).map((id) => ({ entity: { id, type: 'Enterprise', name: id, aliases: [] } }));
      if (name === 'neighbourhood_expand') return ['n1', 'n2', 'n3'].map((id) => ({ id }));
      return [];
    });
    const sub = await Neo4jGraphStore.fromDriver(driver).neighbourhood(['seed'], { depth: 2, limit: 3 });
    expect(sub.nodes.map((n) => n.id)).toEqual(['seed', 'n1', 'n2']);
    expect(sub.truncated).toBe(true);
  });
});
