import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_1, ARTICLE_2, ARTICLE_3, article } from '../contract/fixtures';
import type { ArticleExtraction } from '../model';
import { SqliteGraphStore } from '../sqlite/store';
import { syntheticGraph } from '../synthetic';
import type { Script } from './scripted';
import { scriptedDriver } from './scripted';
import { Neo4jGraphStore } from './store';

// The adapter's load logic (claim the article, lock and resolve all names in one round trip,
// create, name, mention, relate) against a small in-memory model of what the write queries do
// on the server, loading the same articles as the real embedded store: the two must end with
// the same entities, names, relations and evidence. What the model cannot show (Cypher
// semantics, locking) is for the live tests; this is about the decisions made in TypeScript.

interface ModelEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  nameKeys: string[];
}

function graphModel() {
  const articles = new Set<string>();
  const entities = new Map<string, ModelEntity>();
  const names = new Map<string, Set<string>>();
  const redirects = new Map<string, string>();
  const relations = new Map<string, { id: string; type: string; from: string; to: string; amountCny: number | null; role: string | null }>();
  const evidence = new Set<string>();
  const mentions = new Set<string>();
  const name = (key: string, id: string) => names.set(key, (names.get(key) ?? new Set()).add(id));

  const script: Script = (query, params) => {
    switch (query) {
      case 'article_merge': {
        const created = !articles.has(params.id as string);
        articles.add(params.id as string);
        return [{ created }];
      }
      case 'entities_resolve':
        return (params.queries as { index: unknown; type: string; ownId: string; keys: string[]; aliasIds: string[] }[]).map((q) => ({
          index: q.index,
          own: entities.has(q.ownId) ? [q.ownId] : [],
          redirected: [redirects.get(q.ownId)].filter((id): id is string => !!id && entities.has(id)),
          named: q.keys
            .map((key) => ({ key, ids: [...(names.get(key) ?? [])].filter((id) => entities.get(id)?.type === q.type) }))
            .filter((n) => n.ids.length > 0),
          aliasRedirects: q.aliasIds.filter((a) => entities.has(redirects.get(a) ?? '')).map((a) => ({ aliasId: a, id: redirects.get(a) })),
        }));
      case 'entities_create':
        return (params.entities as ModelEntity[]).map((e) => {
          if (entities.has(e.id)) return { id: e.id, created: false };
          entities.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: e.aliases, nameKeys: e.nameKeys });
          for (const key of e.nameKeys) name(key, e.id);
          return { id: e.id, created: true };
        });
      case 'entities_names':
        return (params.ids as string[]).filter((id) => entities.has(id)).map((id) => ({ entity: { ...entities.get(id)! } }));
      case 'entities_set_names':
        return (params.entities as ModelEntity[]).map((e) => {
          const held = entities.get(e.id)!;
          Object.assign(held, { aliases: e.aliases, nameKeys: e.nameKeys });
          for (const key of e.nameKeys) name(key, e.id);
          return { entity: { ...held } };
        });
      case 'entities_mention':
        for (const id of params.entityIds as string[]) mentions.add(`${id}|${params.articleId as string}`);
        return [];
      case 'relations_upsert':
        return (params.relations as { id: string; type: string; from: string; to: string; amountCny: number | null; role: string | null }[]).map((r) => {
          const held = relations.get(r.id);
          if (held) {
            held.amountCny ??= r.amountCny;
            held.role = r.role === 'leader' ? 'leader' : (held.role ?? r.role);
            return { id: r.id, created: false };
          }
          relations.set(r.id, { ...r });
          return { id: r.id, created: true };
        });
      case 'evidence_create': {
        let added = 0;
        for (const ev of params.evidence as { id: string }[]) {
          if (!evidence.has(ev.id)) added++;
          evidence.add(ev.id);
        }
        return [{ added }];
      }
      default:
        return [];
    }
  };
  return { script, entities, relations, evidence, mentions };
}

describe('loading through the Neo4j adapter ends where the embedded store ends', () => {
  let dir: string;
  let sqlite: SqliteGraphStore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chain-atlas-model-'));
  });
  afterAll(async () => {
    await sqlite?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const shortFirst = article(
    { title: '短名在先', date: '2025-01-01', text: '山城日报讯 星河动力与蓝鲸电池合作。重庆星河动力科技有限公司（星河动力）扩产。' },
    [
      { key: 'a', type: 'Enterprise', name: '星河动力' },
      { key: 'b', type: 'Enterprise', name: '蓝鲸电池' },
      { key: 'c', type: 'Enterprise', name: '重庆星河动力科技有限公司', aliases: ['星河动力'] },
    ],
    [{ type: 'COOPERATES_WITH', from: 'a', to: 'b', evidence: '星河动力与蓝鲸电池合作' }],
  );

  it('same reports, entities, aliases, relations and evidence, over fixtures and a synthetic graph', async () => {
    sqlite = SqliteGraphStore.open(join(dir, 'model.sqlite'));
    const model = graphModel();
    const { driver } = scriptedDriver(model.script);
    const neo = Neo4jGraphStore.fromDriver(driver);
    const articles: ArticleExtraction[] = [shortFirst, ARTICLE_1, ARTICLE_2, ARTICLE_3, ARTICLE_1, ...syntheticGraph({ relations: 3_000, seed: 11 }).extractions()];
    for (const a of articles) {
      const [expected, actual] = [await sqlite.upsertArticle(a), await neo.upsertArticle(a)];
      const norm = (r: typeof expected) => ({ ...r, entitiesAdded: [...r.entitiesAdded].sort(), entitiesExisting: [...r.entitiesExisting].sort(), relationsAdded: [...r.relationsAdded].sort(), relationsExisting: [...r.relationsExisting].sort() });
      expect(norm(actual), a.article.title ?? '').toEqual(norm(expected));
    }
    const stats = await sqlite.stats();
    expect(model.entities.size).toBe(stats.entities);
    expect(model.relations.size).toBe(stats.relations);
    expect(model.evidence.size).toBe(stats.evidence);
    const ids = [...model.entities.keys()];
    const held = await sqlite.getEntities(ids);
    expect(held.map((e) => e.id).sort()).toEqual(ids.sort());
    for (const e of held) expect([...model.entities.get(e.id)!.aliases].sort(), e.id).toEqual([...e.aliases].sort());
    const relations = await sqlite.getRelations([...model.relations.keys()]);
    expect(relations).toHaveLength(model.relations.size);
    for (const r of relations) expect(model.relations.get(r.id), r.id).toMatchObject({ type: r.type, from: r.from, to: r.to, amountCny: r.amountCny, role: r.role });
    expect(stats.entities).toBeGreaterThan(250);
  });
});
