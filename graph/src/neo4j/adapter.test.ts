import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ARTICLE_1, article } from '../contract/fixtures';
import { entityId, relationId } from '../ids';
import { scriptedDriver } from './scripted';
import { Neo4jGraphStore } from './store';

/** A script for a graph that holds nothing yet: every MERGE creates. */
export function freshGraph(name: string, params: Record<string, unknown>): Record<string, unknown>[] {
  if (name === 'article_merge') return [{ created: true }];
  if (name === 'entities_create') return (params.entities as { id: string }[]).map((e) => ({ id: e.id, created: true }));
  if (name === 'relations_upsert') return (params.relations as { id: string }[]).map((r) => ({ id: r.id, created: true }));
  if (name === 'evidence_create') return [{ added: (params.evidence as unknown[]).length }];
  return [];
}

// Without a server, a scripted driver (scripted.ts): it records which query files run with which
// parameters inside which kind of transaction, and answers with rows the test provides. This
// checks the adapter's own logic (validation, resolution, ids, batching); shape.test.ts checks
// the Cypher each operation sends.

function undefinedIn(value: unknown, path = ''): string[] {
  if (value === undefined) return [path];
  if (neo4j.isInt(value)) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => undefinedIn(v, `${path}.${k}`));
  return [];
}

describe('Neo4jGraphStore with a scripted driver', () => {
  it('loads a new article in one write transaction, batching relations and evidence', async () => {
    const { driver, calls } = scriptedDriver(freshGraph);
    const store = Neo4jGraphStore.fromDriver(driver);
    const report = await store.upsertArticle(ARTICLE_1);

    expect(new Set(calls.map((c) => c.tx)).size).toBe(1);
    expect(calls.every((c) => c.mode === 'write')).toBe(true);
    for (const c of calls) expect(undefinedIn(c.params), c.name).toEqual([]);
    expect(report.created).toBe(true);
    expect(report.entitiesAdded).toHaveLength(6);
    expect(report.relationsAdded).toHaveLength(6);
    expect(report.evidenceAdded).toBe(6);

    const [create] = calls.filter((c) => c.name === 'entities_create');
    const created = create.params.entities as { id: string; name: string; aliases: string[]; searchKeys: string[]; searchText: string }[];
    expect(created.map((e) => e.id)).toContain(entityId('Enterprise', '重庆星河动力科技有限公司'));
    const xinghe = created.find((e) => e.name === '重庆星河动力科技有限公司')!;
    expect(xinghe.aliases).toEqual(['星河动力']);
    expect(xinghe.searchKeys).toEqual(expect.arrayContaining(['星河动力', 'xinghedongli', 'xhdl']));
    expect(xinghe.searchText.split('\n')).toEqual(xinghe.searchKeys);

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
      if (name === 'article_merge') return [{ created: false }];
      if (name === 'entities_resolve') {
        return (params.queries as { index: unknown; ownId: string }[]).map((q) => ({ index: q.index, own: [q.ownId], redirected: [], named: [], aliasRedirects: [] }));
      }
      return [];
    });
    const report = await Neo4jGraphStore.fromDriver(driver).upsertArticle(ARTICLE_1);
    expect(report.created).toBe(false);
    expect(report.entitiesExisting).toHaveLength(6);
    expect(report.relationsExisting).toHaveLength(6);
    const writes = ['name_keys_lock', 'entities_create', 'entities_set_names', 'relations_upsert', 'evidence_create', 'entities_mention'];
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
    expect(calls).toEqual([]);
  });

  it('lands a short name on the one entity carrying it, and not on an ambiguous one', async () => {
    const { driver } = scriptedDriver((name, params) => {
      if (name !== 'entities_resolve') return [];
      return (params.queries as { index: unknown; keys: string[] }[]).map((q) => ({
        index: q.index,
        own: [],
        redirected: [],
        named: [
          ...(q.keys.includes('星河动力') ? [{ key: '星河动力', ids: ['enterprise:重庆星河动力科技有限公司'] }] : []),
          ...(q.keys.includes('长安') ? [{ key: '长安', ids: ['enterprise:长安汽车', 'enterprise:长安福特'] }] : []),
        ],
        aliasRedirects: [],
      }));
    });
    const store = Neo4jGraphStore.fromDriver(driver);
    expect(
      await store.resolveNames([
        { type: 'Enterprise', names: ['星河动力'] },
        { type: 'Enterprise', names: ['长安'] },
      ]),
    ).toEqual(['enterprise:重庆星河动力科技有限公司', null]);
  });

  it('reports truncation when a neighbourhood outgrows its limit', async () => {
    const { driver } = scriptedDriver((name, params) => {
      if (name === 'entities_get') return (params.ids as string[]).map((id) => ({ entity: { id, type: 'Enterprise', name: id, aliases: [] } }));
      if (name === 'neighbourhood_expand') return ['n1', 'n2', 'n3'].slice(0, Number(params.limit)).map((id) => ({ id }));
      return [];
    });
    const sub = await Neo4jGraphStore.fromDriver(driver).neighbourhood(['seed'], { depth: 2, limit: 3 });
    expect(sub.nodes.map((n) => n.id)).toEqual(['seed', 'n1', 'n2']);
    expect(sub.truncated).toBe(true);
  });
});
