import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, queryNames, schemaFiles, schemaIndexNames, schemaStatements } from '@chain-atlas/cypher';
import { ARTICLE_1, ARTICLE_2, ARTICLE_3 } from '../contract/fixtures';
import type { GraphRecord } from '../backup';
import { entityId, relationId } from '../ids';
import type { Entity, EntityType, RelationType } from '../model';
import { SqliteGraphStore } from '../sqlite/store';
import { syntheticGraph } from '../synthetic';
import { kShortestPaths, pathAdjacency, pathQuery } from '../paths';
import type { PathOptions } from '../store';
import type { QueryName } from './queries';
import { scriptedDriver } from './scripted';
import type { RecordedCall, Script } from './scripted';
import { Neo4jGraphStore } from './store';

// The query-shape layer (in the spirit of neo4j/graphql's TCK): for each store operation, the
// Cypher files it runs, in which kind of transaction, with which parameters, through a scripted
// driver — and static checks on the .cypher files themselves. Each block names the finding of
// issue 16 it guards. What only a server can show (plans, locking, routing) is in plans.ts and
// the contract suite, both run when NEO4J_URI is set.

function freshGraph(name: string, params: Record<string, unknown>): Record<string, unknown>[] {
  if (name === 'article_merge') return [{ created: true }];
  if (name === 'entities_create') return (params.entities as { id: string }[]).map((e) => ({ id: e.id, created: true }));
  if (name === 'relations_upsert') return (params.relations as { id: string }[]).map((r) => ({ id: r.id, created: true }));
  if (name === 'evidence_create') return [{ added: (params.evidence as unknown[]).length }];
  if (name === 'schema_check') return (params.names as string[]).map((n) => ({ name: n, type: 'RANGE', state: 'ONLINE', populationPercent: 100 }));
  return [];
}

const entity = (id: string, name = id): Entity => ({ id, type: 'Enterprise', name, aliases: [] });
const code = (name: string) =>
  query(name)
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/u, ''))
    .join('\n');
const named = (calls: readonly RecordedCall[], name: QueryName) => calls.filter((c) => c.name === name);

async function* records(list: GraphRecord[]): AsyncGenerator<GraphRecord> {
  yield* list;
}

describe('1 · a bookmark manager on every session, so reads see earlier writes on a cluster', () => {
  it('every session of every operation carries the store’s one bookmark manager and database', async () => {
    const { driver, sessions } = scriptedDriver(freshGraph);
    const store = Neo4jGraphStore.fromDriver(driver, 'chainatlas');
    await store.upsertArticle(ARTICLE_1);
    await store.getEntity('enterprise:x');
    await store.search('星河');
    await store.resolveNames([{ type: 'Enterprise', names: ['星河动力'] }]);
    await store.relationsOf('enterprise:x');
    await store.neighbourhood(['enterprise:x']);
    await store.paths('enterprise:x', 'enterprise:y');
    await store.stats();
    await store.listArticles();
    await store.clearGraph();
    await store.checkSchema();
    for await (const record of store.exportRecords()) void record;
    expect(sessions.length).toBeGreaterThan(15);
    expect(store.bookmarks).toBeDefined();
    for (const config of sessions) {
      expect(config.bookmarkManager).toBe(store.bookmarks);
      expect(config.database).toBe('chainatlas');
    }
  });

  it('two stores do not share one (each follows its own writes)', () => {
    const a = Neo4jGraphStore.fromDriver(scriptedDriver().driver);
    const b = Neo4jGraphStore.fromDriver(scriptedDriver().driver);
    expect(a.bookmarks).not.toBe(b.bookmarks);
  });
});

describe('2 · writes are MERGE … ON CREATE, and "added" comes from ON CREATE', () => {
  it('no query file has a bare CREATE: every node and relationship written is MERGEd', () => {
    const bare = queryNames().filter((name) => /(?<!ON\s)\bCREATE\b/u.test(code(name)));
    expect(bare).toEqual([]);
  });

  it('nodes under a uniqueness constraint are MERGEd on that key', () => {
    expect(code('article_merge')).toMatch(/MERGE \(a:Article \{id: \$id\}\)\s+ON CREATE SET/u);
    expect(code('entities_create')).toMatch(/MERGE \(e:Entity \{id: item\.id\}\)\s+ON CREATE SET/u);
    expect(code('curation_create')).toMatch(/MERGE \(c:Curation \{id: \$id\}\)\s+ON CREATE SET/u);
    for (const name of ['article_merge', 'entities_create', 'relations_upsert']) {
      // "created" is marked in ON CREATE and removed again, not guessed by a read before the write.
      expect(code(name), name).toMatch(/ON CREATE SET[^]*_created = true/u);
      expect(code(name), name).toMatch(/REMOVE \w+\._created/u);
      expect(code(name), name).not.toMatch(/OPTIONAL MATCH/u);
    }
    // No max(seq) + 1: two curators at once cannot collide on it.
    expect(code('curation_create')).not.toMatch(/max\(/u);
  });

  it('an article a concurrent loader claimed first is reported unchanged, and nothing else is written', async () => {
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'article_merge') return [{ created: false }];
      if (name === 'entities_resolve') return (params.queries as { index: unknown; ownId: string }[]).map((q) => ({ index: q.index, own: [q.ownId], redirected: [], named: [], aliasRedirects: [] }));
      return [];
    });
    const report = await Neo4jGraphStore.fromDriver(driver).upsertArticle(ARTICLE_1);
    expect(report.created).toBe(false);
    expect(report.entitiesExisting).toHaveLength(6);
    expect(calls.map((c) => c.name)).toEqual(['article_merge', 'entities_resolve']);
  });

  it('an entity a concurrent loader created first is reported existing and given the names', async () => {
    const xinghe = entityId('Enterprise', '重庆星河动力科技有限公司');
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'entities_create') return (params.entities as { id: string }[]).map((e) => ({ id: e.id, created: e.id !== xinghe }));
      if (name === 'entities_names') return [{ entity: { id: xinghe, type: 'Enterprise', name: '重庆星河动力科技有限公司', aliases: [], nameKeys: ['重庆星河动力科技有限公司'] } }];
      if (name === 'entities_set_names') return (params.entities as { id: string; aliases: string[] }[]).map((e) => ({ entity: { id: e.id, type: 'Enterprise', name: 'x', aliases: e.aliases } }));
      return freshGraph(name, params);
    });
    const report = await Neo4jGraphStore.fromDriver(driver).upsertArticle(ARTICLE_1);
    expect(report.created).toBe(true);
    expect(report.entitiesAdded).not.toContain(xinghe);
    expect(report.entitiesExisting).toContain(xinghe);
    const [setNames] = named(calls, 'entities_set_names');
    expect(setNames.params.entities).toEqual([expect.objectContaining({ id: xinghe, aliases: ['星河动力'] })]);
  });

  it('a loader write-locks the names it resolves, sorted, before reading them (no read-then-create race)', async () => {
    const { driver, calls } = scriptedDriver(freshGraph);
    await Neo4jGraphStore.fromDriver(driver).upsertArticle(ARTICLE_1);
    const names = calls.map((c) => c.name);
    expect(names.indexOf('name_keys_lock')).toBeGreaterThan(names.indexOf('article_merge'));
    expect(names.indexOf('name_keys_lock')).toBeLessThan(names.indexOf('entities_resolve'));
    const keys = named(calls, 'name_keys_lock')[0].params.keys as string[];
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(expect.arrayContaining(['重庆星河动力科技有限公司', '星河动力', '江北区']));
    expect(code('name_keys_lock')).toMatch(/MERGE \(k:NameKey \{key: key\}\)\s+SET k\._LOCK_ = true\s+REMOVE k\._LOCK_/u);
  });
});

describe('3 · a commit retried after its answer was lost changes nothing twice', () => {
  it('addAlias: both attempts write the same curation id, which the MERGE finds the second time', async () => {
    const { driver, calls } = scriptedDriver(
      (name, params) => (name === 'entities_names' ? [{ entity: { id: params.ids && (params.ids as string[])[0], type: 'Enterprise', name: '云帆智造', aliases: [], nameKeys: ['云帆智造'] } }] : name === 'entities_set_names' ? [{ entity: entity('enterprise:云帆智造') }] : []),
      { replayWrites: true },
    );
    await Neo4jGraphStore.fromDriver(driver).addAlias('enterprise:云帆智造', '云帆');
    const curations = named(calls, 'curation_create');
    expect(curations.map((c) => c.attempt)).toEqual([1, 2]);
    expect(curations[0].params.id).toBe(curations[1].params.id);
    expect(curations[0].params.seq).toEqual(curations[1].params.seq);
  });

  it('saveView: both attempts MERGE the same view id and seq, so a retry keeps one view', async () => {
    const { driver, calls } = scriptedDriver(
      (name, params) => (name === 'view_create' ? [{ view: { id: params.id, name: params.name, state: params.state, savedAt: params.savedAt } }] : []),
      { replayWrites: true },
    );
    const v = await Neo4jGraphStore.fromDriver(driver).saveView({ name: '视图', state: '{}', ownerHash: 'h' });
    const creates = named(calls, 'view_create');
    expect(creates.map((c) => c.attempt)).toEqual([1, 2]);
    expect(creates[0].params.id).toBe(creates[1].params.id);
    expect(creates[0].params.seq).toEqual(creates[1].params.seq);
    expect(v.id).toBe(creates[0].params.id);
    expect(code('view_create')).toMatch(/MERGE \(v:SavedView \{id: \$id\}\)\s+ON CREATE SET/u);
    expect(schemaStatements().join('\n')).toMatch(/CREATE CONSTRAINT saved_view_id_unique IF NOT EXISTS\s+FOR \(v:SavedView\) REQUIRE v\.id IS UNIQUE/u);
  });

  it('listViews pages named views on the seq index from the last view shown: no SKIP, a LIMIT, in one read', async () => {
    expect(code('views_list')).not.toMatch(/\bSKIP\b/u);
    expect(code('views_list')).toMatch(/WHERE v\.seq < \$before[^]*ORDER BY v\.seq DESC\s+LIMIT \$first/u);
    expect(schemaStatements().join('\n')).toMatch(/CREATE INDEX saved_view_seq IF NOT EXISTS\s+FOR \(v:SavedView\) ON \(v\.seq\)/u);
    const { driver, calls } = scriptedDriver((name) =>
      name === 'views_count' ? [{ total: neo4j.int(3), afterSeq: neo4j.int(42) }] : name === 'views_list' ? [{ view: { id: 'a', name: 'x', state: '{}', savedAt: 't' } }] : [],
    );
    const page = await Neo4jGraphStore.fromDriver(driver).listViews({ first: 1, after: 'b' });
    expect(page).toEqual({ total: 3, items: [{ id: 'a', name: 'x', state: '{}', savedAt: 't' }] });
    const [list] = named(calls, 'views_list');
    expect(Number(list.params.before)).toBe(42);
    expect(Number(list.params.first)).toBe(1);
    expect(new Set(calls.map((c) => c.session)).size).toBe(1);
  });

  it('mergeEntities: the retry finds its own curation and answers with the kept entity, not NOT_FOUND', async () => {
    const keep = entity('enterprise:蓝鲸电池有限公司', '蓝鲸电池有限公司');
    const merged = entity('enterprise:蓝鲸新能源电池公司', '蓝鲸新能源电池公司');
    const script: Script = (name, params, { attempt }) => {
      if (name === 'entities_names') {
        // The first attempt committed: the merged entity is gone when the driver runs it again.
        const held = attempt === 1 ? [keep, merged] : [{ ...keep, aliases: [merged.name] }];
        return held.filter((e) => (params.ids as string[]).includes(e.id)).map((e) => ({ entity: { ...e, nameKeys: [e.name] } }));
      }
      if (name === 'entities_set_names') return [{ entity: { ...keep, aliases: [merged.name] } }];
      if (name === 'curation_get') return attempt === 2 ? [{ id: params.id }] : [];
      return [];
    };
    const { driver, calls } = scriptedDriver(script, { replayWrites: true });
    const kept = await Neo4jGraphStore.fromDriver(driver).mergeEntities(keep.id, merged.id);
    expect(kept).toMatchObject({ id: keep.id, aliases: [merged.name] });
    const [curation] = named(calls, 'curation_create');
    expect(named(calls, 'curation_get')[0].params.id).toBe(curation.params.id);
  });

  it('mergeEntities of an entity that is not there (and no such merge committed) is still NOT_FOUND', async () => {
    const keep = entity('enterprise:a');
    const { driver } = scriptedDriver((name) => (name === 'entities_names' ? [{ entity: { ...keep, nameKeys: ['a'] } }] : []));
    await expect(Neo4jGraphStore.fromDriver(driver).mergeEntities(keep.id, 'enterprise:b')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an upsert replayed after its commit reports what the first attempt did no second time', async () => {
    const { driver, calls } = scriptedDriver(
      (name, params, { attempt }) => {
        if (attempt === 2 && name === 'article_merge') return [{ created: false }];
        if (name === 'entities_resolve') return (params.queries as { index: unknown; ownId: string }[]).map((q) => ({ index: q.index, own: attempt === 2 ? [q.ownId] : [], redirected: [], named: [], aliasRedirects: [] }));
        return freshGraph(name, params);
      },
      { replayWrites: true },
    );
    const report = await Neo4jGraphStore.fromDriver(driver).upsertArticle(ARTICLE_1);
    expect(report.created).toBe(false);
    expect(calls.filter((c) => c.attempt === 2).map((c) => c.name)).toEqual(['article_merge', 'entities_resolve']);
  });
});

describe('4 · a failed import is undone in auto-commit batches, and a failed undo is reported', () => {
  const bad: GraphRecord[] = [{ kind: 'entity', entity: { id: 'x:1', type: 'Nonsense' as never, name: 'x', aliases: [] } }];

  it('graph_clear deletes in CALL { … } IN TRANSACTIONS, run with session.run (never in a managed transaction)', async () => {
    expect(code('graph_clear')).toMatch(/CALL \(n\) \{\s+DETACH DELETE n\s+\} IN TRANSACTIONS OF \d+ ROWS/u);
    const { driver, calls } = scriptedDriver();
    await expect(Neo4jGraphStore.fromDriver(driver).importRecords(records(bad))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const clears = named(calls, 'graph_clear');
    expect(clears).toHaveLength(1);
    expect(clears[0].mode).toBe('auto');
  });

  it('when emptying again fails, the import says so (STORE_FAILURE naming both), not the first error alone', async () => {
    const { driver } = scriptedDriver((name) => {
      if (name === 'graph_clear') throw new Error('Neo.TransientError.General.MemoryPoolOutOfMemoryError');
      return [];
    });
    const failure = Neo4jGraphStore.fromDriver(driver).importRecords(records(bad));
    await expect(failure).rejects.toMatchObject({ code: 'STORE_FAILURE' });
    await expect(failure).rejects.toThrow(/unknown type Nonsense[^]*MemoryPoolOutOfMemoryError[^]*holds part of the import/u);
  });
});

describe('5 · connect() checks the schema; `pnpm graph migrate` creates it', () => {
  it('open() runs SHOW INDEXES for the adapter’s own indexes and no schema command', async () => {
    const { driver, calls } = scriptedDriver(freshGraph);
    await Neo4jGraphStore.open(driver);
    expect(calls.map((c) => c.name)).toEqual(['schema_check']);
    expect(calls[0].params.names).toEqual(schemaIndexNames());
    expect(code('schema_check')).toMatch(/^\s*SHOW INDEXES/mu);
    expect(calls[0].mode).toBe('read');
  });

  it('a missing or FAILED index of ours refuses the connection, naming it and the way out', async () => {
    const { driver } = scriptedDriver((name, params) =>
      name === 'schema_check'
        ? (freshGraph(name, params) as { name: string }[])
            .filter((r) => r.name !== 'entity_search_text')
            .map((r) => (r.name === 'name_key_unique' ? { ...r, state: 'FAILED' } : r))
        : [],
    );
    const failure = Neo4jGraphStore.open(driver);
    await expect(failure).rejects.toMatchObject({ code: 'STORE_FAILURE' });
    await expect(failure).rejects.toThrow(/missing entity_search_text; not online: name_key_unique \(FAILED\)[^]*pnpm graph migrate/u);
  });

  it('another application’s FAILED index does not block the connection', async () => {
    const { driver } = scriptedDriver((name, params) =>
      name === 'schema_check' ? [...freshGraph(name, params), { name: 'their_broken_index', type: 'RANGE', state: 'FAILED', populationPercent: 0 }] : [],
    );
    await expect(Neo4jGraphStore.open(driver)).resolves.toBeInstanceOf(Neo4jGraphStore);
  });

  it('a populating index refuses with its progress', async () => {
    const { driver } = scriptedDriver((name, params) =>
      name === 'schema_check' ? (freshGraph(name, params) as { name: string }[]).map((r) => (r.name === 'entity_search' ? { ...r, state: 'POPULATING', populationPercent: 41.5 } : r)) : [],
    );
    await expect(Neo4jGraphStore.open(driver)).rejects.toThrow(/entity_search \(populating, 42%\)/u);
  });

  it('migrate() applies every schema statement, waits for each of our indexes by name, then backfills names', async () => {
    const { driver, calls } = scriptedDriver();
    await Neo4jGraphStore.fromDriver(driver).migrate();
    const schema = calls.filter((c) => c.name === 'schema');
    expect(schema.map((c) => c.text)).toEqual(schemaStatements());
    expect(named(calls, 'schema_await').map((c) => c.params.name)).toEqual(schemaIndexNames());
    // db.awaitIndexes would wait on (and fail for) other applications' indexes too.
    expect(code('schema_await')).toMatch(/db\.awaitIndex\(\$name/u);
    expect(calls.at(-1)).toMatchObject({ name: 'schema_backfill_names', mode: 'auto' });
  });
});

describe('6 · paths: the k-shortest search of paths.ts over a batched neighbour query', () => {
  let sqlite: SqliteGraphStore;
  let dir: string;
  const graph: { entities: Map<string, Entity>; relations: { id: string; type: RelationType; from: string; to: string }[] } = { entities: new Map(), relations: [] };
  /** The dates of the articles stating each relation (null: an undated article). */
  const statedOn = new Map<string, (string | null)[]>();
  const articleDate = new Map<string, string | null>();

  // The same graph, twice: in the real embedded store, and behind a scripted driver that
  // answers paths_neighbours from the records the embedded store exports.
  const graphScript: Script = (name, params) => {
    const degree = (id: string) => graph.relations.filter((r) => r.from === id || r.to === id).length;
    if (name === 'paths_neighbours') {
      // What paths_neighbours.cypher keeps: the relation types, the two ends or a passable
      // type, and a relation stated within the dates (or in no dated article).
      const types = params.relationTypes as string[];
      const ends = params.ends as string[];
      const passable = params.passable as string[];
      const [from, to] = [params.dateFrom as string | null, params.dateTo as string | null];
      const within = (r: { id: string }) => {
        if (from == null && to == null) return true;
        const dates = (statedOn.get(r.id) ?? []).filter((d): d is string => d != null);
        return dates.length === 0 || dates.some((d) => d >= (from ?? '') && d <= (to ?? '9999-12-31'));
      };
      const other = (r: { from: string; to: string }, id: string) => (r.from === id ? r.to : r.from);
      return (params.ids as string[])
        .filter((id) => graph.entities.has(id))
        .map((id) => ({
          nodeId: id,
          degree: degree(id),
          steps: graph.relations
            .filter((r) => (r.from === id || r.to === id) && (types.length === 0 || types.includes(r.type)))
            .filter((r) => ends.includes(other(r, id)) || passable.includes(graph.entities.get(other(r, id))!.type))
            .filter(within)
            .slice(0, Number(params.perNode))
            .map((r) => ({ relationId: r.id, node: r.from === id ? r.to : r.from, degree: degree(r.from === id ? r.to : r.from) })),
        }));
    }
    if (name === 'entities_get') return (params.ids as string[]).filter((id) => graph.entities.has(id)).map((id) => ({ entity: graph.entities.get(id) }));
    if (name === 'relations_get') {
      return graph.relations.filter((r) => (params.ids as string[]).includes(r.id)).map((r) => ({ relation: { id: r.id, type: r.type }, from: r.from, to: r.to, evidence: [] }));
    }
    return [];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chain-atlas-paths-'));
    sqlite = SqliteGraphStore.open(join(dir, 'paths.sqlite'));
    await sqlite.upsertArticles([ARTICLE_1, ARTICLE_2, ARTICLE_3]);
    await sqlite.upsertArticles([...syntheticGraph({ relations: 1_500, seed: 7 }).extractions()]);
    for await (const rec of sqlite.exportRecords()) {
      if (rec.kind === 'entity') graph.entities.set(rec.entity.id, rec.entity);
      if (rec.kind === 'relation') graph.relations.push(rec.relation);
      if (rec.kind === 'article') articleDate.set(rec.article.id, rec.article.date ?? null);
      if (rec.kind === 'evidence') statedOn.set(rec.relationId, [...(statedOn.get(rec.relationId) ?? []), articleDate.get(rec.evidence.articleId) ?? null]);
    }
  });
  afterAll(async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pairs = () => {
    const ids = [...graph.entities.keys()];
    return Array.from({ length: 60 }, (_, i) => ({
      from: ids[(i * 37) % ids.length],
      to: ids[(i * 101 + 13) % ids.length],
      options: (
        [
          { maxLength: 4, limit: 5 },
          { maxLength: 3, limit: 20, leaveOutShortcuts: false },
          { maxLength: 5, limit: 3, relationTypes: ['SUPPLIES', 'COOPERATES_WITH'] as RelationType[] },
          { maxLength: 4, limit: 5, dateFrom: '2022-01-01', dateTo: '2024-06-30', entityTypes: ['Enterprise', 'Project', 'District'] as EntityType[] },
        ] satisfies PathOptions[]
      )[i % 4],
    }));
  };

  it('answers exactly what paths.ts answers with every neighbour known (fetching in rounds changes nothing)', async () => {
    const { driver } = scriptedDriver(graphScript);
    const store = Neo4jGraphStore.fromDriver(driver);
    const ids = [...graph.entities.keys()];
    const number = new Map(ids.map((id, i) => [id, i]));
    const degree = (n: number) => graph.relations.filter((r) => number.get(r.from) === n || number.get(r.to) === n).length;
    let nonEmpty = 0;
    for (const { from, to, options } of pairs()) {
      const q = pathQuery(options);
      const ends = [number.get(from)!, number.get(to)!];
      const dated = (id: string) => (statedOn.get(id) ?? []).filter((d): d is string => d != null);
      const within = (id: string) =>
        (q.dateFrom == null && q.dateTo == null) || dated(id).length === 0 || dated(id).some((d) => d >= (q.dateFrom ?? '') && d <= (q.dateTo ?? '9999-12-31'));
      const adjacency = pathAdjacency(
        (n: number) =>
          graph.relations.flatMap((r, edge) =>
            q.relationTypes.length && !q.relationTypes.includes(r.type)
              ? []
              : number.get(r.from) === n
                ? [{ edge, node: number.get(r.to)! }]
                : number.get(r.to) === n
                  ? [{ edge, node: number.get(r.from)! }]
                  : [],
          ),
        ends,
        (n) => q.passable.includes(graph.entities.get(ids[n])!.type),
        (steps) => steps.filter((st) => within(graph.relations[st.edge].id)),
      );
      const expected = kShortestPaths(ends[0], ends[1], adjacency, { k: q.k, maxLength: q.maxLength, degreeOf: degree }).map((p) =>
        p.edges.map((e) => graph.relations[e].id),
      );
      const actual = (await store.paths(from, to, options)).map((p) => p.edges.map((e) => e.id));
      expect(actual, `${from} → ${to} ${JSON.stringify(options)}`).toEqual(expected);
      if (expected.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('finds the paths the embedded store finds: the same lengths, the same paths short of the last length', async () => {
    // Among paths of one length, which come first follows each store's neighbour order (SQLite:
    // its adjacency index; Neo4j: arrival order), so only the last length cut by k may differ.
    const { driver } = scriptedDriver(graphScript);
    const store = Neo4jGraphStore.fromDriver(driver);
    for (const { from, to, options } of pairs()) {
      const label = `${from} → ${to} ${JSON.stringify(options)}`;
      const expected = await sqlite.paths(from, to, options);
      const actual = await store.paths(from, to, options);
      expect(actual.map((p) => p.edges.length), label).toEqual(expected.map((p) => p.edges.length));
      const last = expected.at(-1)?.edges.length ?? 0;
      const nodes = (paths: typeof actual, cut: boolean) =>
        paths
          .filter((p) => !cut || p.edges.length < last)
          .map((p) => p.nodes.map((n) => n.id).join('>'))
          .sort();
      const exhaustive = expected.length < options.limit;
      expect(nodes(actual, !exhaustive), label).toEqual(nodes(expected, !exhaustive));
      for (const p of actual) expect(new Set(p.nodes.map((n) => n.id)).size, label).toBe(p.nodes.length);
    }
  });

  it('asks for neighbours in batches with a LIMIT per node, and answers the same twice', async () => {
    const { driver, calls } = scriptedDriver(graphScript);
    const store = Neo4jGraphStore.fromDriver(driver);
    const ids = [...graph.entities.keys()];
    const first = await store.paths(ids[3], ids[90], { maxLength: 5, limit: 10 });
    const second = await store.paths(ids[3], ids[90], { maxLength: 5, limit: 10 });
    expect(second).toEqual(first);
    const fetches = named(calls, 'paths_neighbours');
    expect(fetches.length).toBeGreaterThan(1);
    for (const c of fetches) expect(c.params.perNode).toEqual(neo4j.int(5_000));
    // Batched: far fewer queries than nodes asked about.
    expect(fetches.length).toBeLessThan(fetches.reduce((n, c) => n + (c.params.ids as string[]).length, 0));
    expect(code('paths_neighbours')).toMatch(/LIMIT \$perNode/u);
    expect(queryNames()).not.toContain('paths_shortest');
  });

  it('keeps parallel relations and node-revisiting walks from crowding out simple paths', async () => {
    // a and b joined directly three ways round c… and by 70 two-step paths: k = 50 gives 50.
    const relations = [
      { id: 'r-ab', type: 'COOPERATES_WITH', from: 'a', to: 'b' },
      { id: 'r-ab2', type: 'SUPPLIES', from: 'a', to: 'b' },
      ...Array.from({ length: 70 }, (_, i) => [
        { id: `r-a${String(i).padStart(2, '0')}`, type: 'SUPPLIES', from: 'a', to: `m${String(i).padStart(2, '0')}` },
        { id: `r-${String(i).padStart(2, '0')}b`, type: 'SUPPLIES', from: `m${String(i).padStart(2, '0')}`, to: 'b' },
      ]).flat(),
    ];
    const nodes = new Set(relations.flatMap((r) => [r.from, r.to]));
    const saved = { entities: graph.entities, relations: graph.relations };
    graph.entities = new Map([...nodes].map((id) => [id, entity(id)]));
    graph.relations = relations as typeof graph.relations;
    try {
      const { driver } = scriptedDriver(graphScript);
      const paths = await Neo4jGraphStore.fromDriver(driver).paths('a', 'b', { maxLength: 3, limit: 50 });
      expect(paths).toHaveLength(50);
      expect(paths[0].edges.map((e) => e.id)).toEqual(['r-ab']);
      expect(paths.slice(1).every((p) => p.nodes.length === 3 && new Set(p.nodes.map((n) => n.id)).size === 3)).toBe(true);
      expect(new Set(paths.map((p) => p.nodes.map((n) => n.id).join('>'))).size).toBe(50);
    } finally {
      graph.entities = saved.entities;
      graph.relations = saved.relations;
    }
  });
});

describe('7 · an entity’s own id before a redirect (SQLite’s order)', () => {
  it('entity_follow_redirect reads the id itself first and only then where a merge sent it', () => {
    const text = code('entity_follow_redirect');
    expect(text.indexOf('(own:Entity {id: $id})')).toBeGreaterThan(-1);
    expect(text.indexOf('(own:Entity {id: $id})')).toBeLessThan(text.indexOf('Redirect'));
    expect(text).toMatch(/coalesce\(own\.id, rd\.toId\)/u);
  });

  it('resolution picks the own id over a redirect of it', async () => {
    const { driver } = scriptedDriver((name, params) =>
      name === 'entities_resolve'
        ? (params.queries as { index: unknown; ownId: string }[]).map((q) => ({ index: q.index, own: [q.ownId], redirected: ['enterprise:elsewhere'], named: [], aliasRedirects: [] }))
        : [],
    );
    expect(await Neo4jGraphStore.fromDriver(driver).resolveNames([{ type: 'Enterprise', names: ['星河动力'] }])).toEqual(['enterprise:星河动力']);
  });
});

describe('8 · search: an exact-name step, and pinyin that is an English stop word', () => {
  it('the exact name is the first hit even when the full-text index returns a hundred others', async () => {
    const exact = entity('district:江北区', '江北区');
    const { driver, calls } = scriptedDriver((name) => {
      if (name === 'search_exact') return [{ entity: { ...exact, type: 'District' }, degree: 0 }];
      if (name === 'search_fulltext') return Array.from({ length: 100 }, (_, i) => ({ entity: entity(`enterprise:江北区${i}公司`, `江北区${i}号智能制造有限公司`), degree: 500, score: 9 }));
      return [];
    });
    const hits = await Neo4jGraphStore.fromDriver(driver).search('江北区');
    expect(hits[0].entity.id).toBe('district:江北区');
    expect(named(calls, 'search_exact')[0].params).toEqual({ key: '江北区', types: [] });
    expect(code('search_exact')).toMatch(/MATCH \(:NameKey \{key: \$key\}\)-\[:NAMES\]->\(e:Entity\)/u);
  });

  it('Latin queries go to the index that keeps stop words, Han ones to the cjk index', async () => {
    const { driver, calls } = scriptedDriver();
    const store = Neo4jGraphStore.fromDriver(driver);
    await store.search('at');
    await store.search('星河');
    await store.search('BOE 京东方');
    expect(named(calls, 'search_fulltext').map((c) => [c.params.lucene, c.params.index])).toEqual([
      ['at*', 'entity_search_latin'],
      ['"星河"', 'entity_search'],
      ['boe* AND "京东方"', 'entity_search'],
    ]);
    const latin = schemaFiles().find((f) => f.text.includes('FULLTEXT INDEX entity_search_latin'))!.text;
    expect(latin).toMatch(/`fulltext\.analyzer`: 'standard-no-stop-words'/u);
    expect(latin).toMatch(/ON EACH \[e\.name, e\.aliases, e\.searchKeys\]/u);
  });
});

describe('9 · import verifies each batch wrote every row it was sent', () => {
  const base: GraphRecord[] = [
    { kind: 'article', article: { id: 'a1', text: '星河动力', title: null, date: null, source: null, url: null, file: null } },
    { kind: 'entity', entity: { id: 'enterprise:星河动力', type: 'Enterprise', name: '星河动力', aliases: [] } },
    { kind: 'mention', entityId: 'enterprise:星河动力', articleId: 'a1' },
    { kind: 'mention', entityId: 'enterprise:不存在', articleId: 'a1' },
  ];
  const counting: Script = (name, params) => {
    const items = Object.values(params)[0] as unknown[];
    if (name === 'import_mentions') return [{ written: items.length - 1 }];
    if (name.startsWith('import_')) return [{ written: items.length }];
    return [];
  };

  it('a batch whose MATCH dropped a row fails the import (counted, named) and empties the database', async () => {
    const { driver, calls } = scriptedDriver(counting);
    const failure = Neo4jGraphStore.fromDriver(driver).importRecords(records(base));
    await expect(failure).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(failure).rejects.toThrow(/1 of 2 mentions refer to an entity or article the import does not hold/u);
    expect(named(calls, 'graph_clear')).toHaveLength(1);
  });

  it('the report counts what the server wrote', async () => {
    const { driver } = scriptedDriver(counting);
    const report = await Neo4jGraphStore.fromDriver(driver).importRecords(records(base.slice(0, 2)));
    expect(report).toMatchObject({ articles: 1, entities: 1, relations: 0 });
    for (const name of ['import_articles', 'import_entities', 'import_mentions', 'import_evidence', 'import_redirects', 'import_curations']) {
      expect(code(name), name).toMatch(/RETURN count\(\*\) AS written\s*$/u);
    }
  });
});

describe('10 · search is served by indexes, not a label scan', () => {
  it('the CONTAINS fallback reads the text index over searchText, with the degree from the degree store', () => {
    const text = code('search_contains');
    expect(text).toMatch(/e\.searchText CONTAINS toString\(\$text\)/u);
    expect(text).not.toMatch(/any\(/u);
    // Degrees only for the page kept, after the LIMIT.
    expect(text.indexOf('LIMIT $limit')).toBeLessThan(text.indexOf('COUNT {'));
    expect(schemaStatements().join('\n')).toMatch(/CREATE TEXT INDEX entity_search_text IF NOT EXISTS\s+FOR \(e:Entity\) ON \(e\.searchText\)/u);
  });

  it('no degree anywhere is counted with a labelled far end (which the degree store cannot answer)', () => {
    const labelled = queryNames().filter((name) => /COUNT \{ \(\w+\)-\[:REL\]-\(:Entity\) \}/u.test(code(name)));
    expect(labelled).toEqual([]);
  });

  it('the full-text query reads no further than the limit (the procedure yields best first)', () => {
    const text = code('search_fulltext');
    expect(text).not.toMatch(/ORDER BY/u);
    expect(text).toMatch(/WITH node, score\s+LIMIT \$limit/u);
  });
});

describe('11 · name resolution: all of an article’s entities in one UNWIND, through NameKey', () => {
  it('a new article takes one entities_resolve round trip for all its entities, and a handful in all', async () => {
    const { driver, calls } = scriptedDriver(freshGraph);
    await Neo4jGraphStore.fromDriver(driver).upsertArticle(ARTICLE_1);
    const resolves = named(calls, 'entities_resolve');
    expect(resolves).toHaveLength(1);
    expect((resolves[0].params.queries as unknown[]).length).toBe(ARTICLE_1.entities.length);
    // rejections_match: one round trip per article, so a rejected fact is held back, not written.
    expect(calls.map((c) => c.name)).toEqual(['article_merge', 'name_keys_lock', 'entities_resolve', 'entities_create', 'entities_mention', 'rejections_match', 'relations_upsert', 'evidence_create']);
  });

  it('resolution seeks NameKey nodes and ids: no scan of an entity type, no list membership test', () => {
    const text = code('entities_resolve');
    expect(text).toMatch(/^UNWIND \$queries AS q/mu);
    expect(text).toMatch(/MATCH \(:NameKey \{key: key\}\)-\[:NAMES\]->\(e:Entity\)/u);
    expect(text).not.toMatch(/\{type:/u);
    expect(text).not.toMatch(/IN e\.nameKeys/u);
  });

  it('a later mention in the same article lands on the entity an earlier one created', async () => {
    const { driver, calls } = scriptedDriver(freshGraph);
    const report = await Neo4jGraphStore.fromDriver(driver).upsertArticle(ARTICLE_2);
    const created = (named(calls, 'entities_create')[0].params.entities as { id: string }[]).map((e) => e.id);
    expect(new Set(created).size).toBe(created.length);
    expect(report.entitiesAdded).toEqual(created);
  });
});

describe('12 · keyset paging for export: no SKIP, a unique order, the cursor from the last row', () => {
  it('no export or hub query pages with SKIP; each orders by a unique key and has a LIMIT', () => {
    const paged = ['export_articles', 'export_entities', 'export_mentions', 'export_relations', 'export_evidence', 'export_redirects', 'entity_relations_page', 'entity_details'];
    for (const name of paged) {
      expect(code(name), name).not.toMatch(/\bSKIP\b/u);
      expect(code(name), name).toMatch(/LIMIT \$\w+/u);
    }
    expect(code('export_articles')).toMatch(/WHERE a\.id > \$after[^]*ORDER BY a\.id\s+LIMIT \$limit/u);
    expect(code('export_evidence')).toMatch(/WHERE ev\.id > \$after[^]*ORDER BY ev\.id\s+LIMIT \$limit/u);
    expect(code('export_relations')).toMatch(/ORDER BY r\.seq, r\.id\s+LIMIT \$limit/u);
    expect(schemaStatements().join('\n')).toMatch(/CREATE INDEX relation_seq IF NOT EXISTS\s+FOR \(\)-\[r:REL\]-\(\) ON \(r\.seq\)/u);
  });

  it('each page starts after the last key of the page before', async () => {
    const articles = Array.from({ length: 5_001 }, (_, i) => ({ id: `a${String(i).padStart(5, '0')}`, text: 't' }));
    const relations = Array.from({ length: 5_001 }, (_, i) => ({ id: `rel:${String(i).padStart(5, '0')}`, type: 'SUPPLIES', from: 'x', to: 'y', seq: 7 }));
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'export_articles') return articles.filter((a) => a.id > (params.after as string)).slice(0, Number(params.limit)).map((article) => ({ article }));
      if (name === 'export_relations') {
        const afterSeq = Number(params.afterSeq);
        return relations.filter((r) => r.seq > afterSeq || (r.seq === afterSeq && r.id > (params.afterId as string))).slice(0, Number(params.limit));
      }
      return [];
    });
    const seen: GraphRecord[] = [];
    for await (const rec of Neo4jGraphStore.fromDriver(driver).exportRecords()) seen.push(rec);
    expect(seen.filter((r) => r.kind === 'article')).toHaveLength(5_001);
    expect(seen.filter((r) => r.kind === 'relation')).toHaveLength(5_001);
    expect(named(calls, 'export_articles').map((c) => c.params.after)).toEqual(['', 'a04999']);
    expect(named(calls, 'export_relations').map((c) => [Number(c.params.afterSeq), c.params.afterId])).toEqual([
      [Number.MIN_SAFE_INTEGER, ''],
      [7, 'rel:04999'],
    ]);
  });
});

describe('13 · hub reads, expansions and counts stay bounded', () => {
  it('getEntity asks for a page of relations and articles (Top-k) and degree-store counts', async () => {
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'entity_follow_redirect') return [{ id: params.id }];
      if (name === 'entity_details') return [{ entity: entity('enterprise:hub'), degree: 40_000, articleCount: 9_000, relationIds: [], articleIds: ['a1'] }];
      return [];
    });
    const details = await Neo4jGraphStore.fromDriver(driver).getEntity('enterprise:hub', { relationLimit: 20, articleLimit: 5 });
    expect(details).toMatchObject({ degree: 40_000, articleCount: 9_000, articleIds: ['a1'] });
    expect(named(calls, 'entity_details')[0].params).toEqual({ id: 'enterprise:hub', relationLimit: neo4j.int(20), articleLimit: neo4j.int(5) });
    const text = code('entity_details');
    expect(text).toMatch(/COUNT \{ \(e\)-\[:REL\]-\(\) \} AS degree/u);
    expect(text).toMatch(/COUNT \{ \(e\)-\[:MENTIONED_IN\]->\(\) \} AS articleCount/u);
    expect(text).toMatch(/LIMIT \$relationLimit/u);
    expect(text).toMatch(/LIMIT \$articleLimit/u);
  });

  it('relationsOf pages from a cursor with a LIMIT, the total from the degree store when unfiltered', async () => {
    const { driver, calls } = scriptedDriver((name, params) => (name === 'entity_follow_redirect' ? [{ id: params.id }] : name === 'entity_relations_page' ? [{ total: 3, page: ['rel:b'] }] : []));
    const page = await Neo4jGraphStore.fromDriver(driver).relationsOf('enterprise:hub', { first: 1, after: 'rel:a' });
    expect(page.total).toBe(3);
    expect(named(calls, 'entity_relations_page')[0].params).toEqual({ id: 'enterprise:hub', types: [], after: 'rel:a', first: neo4j.int(1) });
    expect(code('entity_relations_page')).toMatch(/WHEN size\(\$types\) = 0 THEN COUNT \{ \(e\)-\[:REL\]-\(\) \}/u);
    expect(code('entity_relations_page')).toMatch(/WHERE r\.id > \$after[^]*LIMIT \$first/u);
  });

  it('every expansion has a LIMIT; a neighbourhood step asks only for the room left plus one', async () => {
    for (const name of ['neighbourhood_expand', 'neighbourhood_edges', 'paths_neighbours', 'search_contains', 'search_fulltext', 'search_exact']) {
      expect(code(name), name).toMatch(/LIMIT (\$\w+|\d+)/u);
    }
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'entities_get') return (params.ids as string[]).map((id) => ({ entity: entity(id) }));
      if (name === 'neighbourhood_expand') return Array.from({ length: Number(params.limit) }, (_, i) => ({ id: `n${i}` }));
      return [];
    });
    const sub = await Neo4jGraphStore.fromDriver(driver).neighbourhood(['seed'], { depth: 2, limit: 10 });
    expect(sub.truncated).toBe(true);
    expect(sub.nodes).toHaveLength(10);
    const [step] = named(calls, 'neighbourhood_expand');
    expect(step.params).toMatchObject({ frontier: ['seed'], visited: ['seed'], limit: neo4j.int(10) });
  });

  it('entity counts per type come from the count store; relation counts per type through the type index', async () => {
    expect(code('stats_entity_types')).not.toMatch(/MATCH/u);
    expect(code('stats_entity_types')).toMatch(/COUNT \{ \(:Enterprise\) \}/u);
    expect(code('stats_relation_types')).toMatch(/WHERE r\.type = type/u);
    const { driver } = scriptedDriver((name) => (name === 'stats_entity_types' ? [{ District: 2, Cluster: 0, Enterprise: 5, Platform: 1, Project: 1 }] : name === 'stats_relation_types' ? [{ type: 'SUPPLIES', count: 3 }] : []));
    const stats = await Neo4jGraphStore.fromDriver(driver).stats();
    expect(stats.entitiesByType).toEqual({ District: 2, Cluster: 0, Enterprise: 5, Platform: 1, Project: 1 });
    expect(stats.relationsByType.SUPPLIES).toBe(3);
  });

  it('the three indexes no query used are dropped by migrate, not created', () => {
    const statements = schemaStatements();
    for (const name of ['entity_type', 'entity_name', 'article_loaded']) {
      expect(statements.some((s) => s.endsWith(`DROP INDEX ${name} IF EXISTS`)), name).toBe(true);
      expect(schemaIndexNames()).not.toContain(name);
    }
  });
});

describe('12 · rejected facts: held, never written again, and every write a MERGE on its key', () => {
  it('rejections and held copies are MERGEd on their constrained ids', () => {
    expect(code('rejection_merge')).toMatch(/MERGE \(x:Rejection \{id: \$rejection\.id\}\)\s+ON CREATE SET/u);
    expect(code('held_create')).toMatch(/MERGE \(held:HeldRelation \{id: item\.relationId\}\)\s+ON CREATE SET/u);
    expect(code('held_create')).toMatch(/MERGE \(ev:HeldEvidence \{id: item\.id\}\)\s+ON CREATE SET/u);
    expect(code('relations_hold')).toMatch(/MERGE \(held:HeldRelation \{id: r\.id\}\)/u);
    expect(code('audit_create')).toMatch(/MERGE \(a:AuditEntry \{id: \$entry\.id\}\)\s+ON CREATE SET/u);
    expect(code('audit_list')).toMatch(/WHERE a\.id < \$after[^]*ORDER BY a\.id DESC\s+LIMIT \$limit/u);
    expect(code('rejections_list')).toMatch(/WHERE x\.id > \$after[^]*ORDER BY x\.id\s+LIMIT \$limit/u);
  });

  it('a retried addAlias writes one audit entry id (fixed before the transaction), with actor and before/after', async () => {
    const { driver, calls } = scriptedDriver(
      (name, params) => (name === 'entities_names' ? [{ entity: { id: params.ids && (params.ids as string[])[0], type: 'Enterprise', name: '云帆智造', aliases: [], nameKeys: ['云帆智造'] } }] : name === 'entities_set_names' ? [{ entity: { ...entity('enterprise:云帆智造'), aliases: ['云帆'] } }] : []),
      { replayWrites: true },
    );
    await Neo4jGraphStore.fromDriver(driver).addAlias('enterprise:云帆智造', '云帆', { actor: 'wang' });
    const audits = named(calls, 'audit_create');
    expect(audits.map((c) => c.attempt)).toEqual([1, 2]);
    expect(audits[0].params.entry).toEqual(audits[1].params.entry);
    expect(audits[0].params.entry).toMatchObject({ kind: 'alias', actor: 'wang', target: 'enterprise:云帆智造' });
    const entry = audits[0].params.entry as { before: string; after: string };
    expect(JSON.parse(entry.before)).toEqual({ aliases: [] });
    expect(JSON.parse(entry.after)).toEqual({ aliases: ['云帆'], added: '云帆' });
  });

  it('an article stating a rejected relation holds it instead of writing it; the rest is written', async () => {
    // On a fresh graph ARTICLE_2's 星河动力 (short name) is an entity of its own.
    const rejected = relationId('SUPPLIES', entityId('Enterprise', '蓝鲸电池有限公司'), entityId('Enterprise', '星河动力'));
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'rejections_match') return (params.ids as string[]).filter((id) => id === rejected).map((id) => ({ id }));
      return freshGraph(name, params);
    });
    await Neo4jGraphStore.fromDriver(driver).upsertArticle(ARTICLE_2);
    const upserted = named(calls, 'relations_upsert').flatMap((c) => (c.params.relations as { id: string }[]).map((r) => r.id));
    const written = named(calls, 'evidence_create').flatMap((c) => (c.params.evidence as { relationId: string }[]).map((e) => e.relationId));
    const held = named(calls, 'held_create').flatMap((c) => (c.params.evidence as { relationId: string }[]).map((e) => e.relationId));
    expect(held).toEqual([rejected]);
    expect(upserted).toHaveLength(2);
    expect(upserted).not.toContain(rejected);
    expect(written).not.toContain(rejected);
  });
});

describe('待审核: confidence, acceptance and the review queue on Neo4j', () => {
  const rated = { ...ARTICLE_1, relations: ARTICLE_1.relations.map((r, i) => ({ ...r, rule: `rule-${i}`, confidence: 0.5 + i / 20 })) };

  it('each piece of evidence is written with its rule and confidence (null when unknown)', async () => {
    const { driver, calls } = scriptedDriver(freshGraph);
    await Neo4jGraphStore.fromDriver(driver).upsertArticle(rated);
    const items = named(calls, 'evidence_create')[0].params.evidence as { rule: unknown; confidence: unknown }[];
    expect(items.map((e) => e.rule).sort()).toEqual(rated.relations.map((r) => r.rule).sort());
    expect(items.every((e) => typeof e.confidence === 'number')).toBe(true);
    expect(code('evidence_create')).toMatch(/ev\.rule = item\.rule,\s+ev\.confidence = item\.confidence/u);

    const bare = scriptedDriver(freshGraph);
    await Neo4jGraphStore.fromDriver(bare.driver).upsertArticle(ARTICLE_1);
    for (const e of named(bare.calls, 'evidence_create')[0].params.evidence as { rule: unknown; confidence: unknown }[]) expect([e.rule, e.confidence]).toEqual([null, null]);
    await expect(Neo4jGraphStore.fromDriver(scriptedDriver(freshGraph).driver).upsertArticle({ ...rated, relations: [{ ...rated.relations[0], confidence: 1.5 }] })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('a relation read combines its evidence: confidence 1 − Π(1 − c), support, acceptance', async () => {
    const id = relationId('SUPPLIES', 'enterprise:a', 'enterprise:b');
    const { driver } = scriptedDriver((name) =>
      name === 'relations_get'
        ? [{
            relation: { id, type: 'SUPPLIES', amountCny: null, role: null },
            from: 'enterprise:a',
            to: 'enterprise:b',
            evidence: [
              { articleId: 'x', text: 'a', start: 0, end: 1, rule: 'supplies', confidence: 0.5 },
              { articleId: 'y', text: 'b', start: 0, end: 1, rule: 'supplies', confidence: 0.6 },
              { articleId: 'y', text: 'c', start: 2, end: 3 },
            ],
            accepted: { relationId: id, at: '2026-01-01T00:00:00.000Z', actor: 'wang' },
          }]
        : [],
    );
    const [r] = await Neo4jGraphStore.fromDriver(driver).getRelations([id]);
    expect(r).toMatchObject({ confidence: 0.8, support: { evidence: 3, articles: 2 }, accepted: { actor: 'wang' } });
    expect(r.evidence[2]).toMatchObject({ rule: null, confidence: null });
  });

  it('acceptRelation: one write; a replay MERGEs the same acceptance and the same audit entry; a second accept is not audited', async () => {
    const id = relationId('SUPPLIES', 'enterprise:a', 'enterprise:b');
    const row = { relation: { id, type: 'SUPPLIES' }, from: 'enterprise:a', to: 'enterprise:b', evidence: [{ articleId: 'x', text: 'a', start: 0, end: 1, confidence: 0.7 }] };
    const { driver, calls } = scriptedDriver(
      (name, params) => (name === 'acceptance_merge' ? [{ accepted: { relationId: id, at: params.at, actor: params.actor }, created: true }] : name === 'relations_get' ? [row] : []),
      { replayWrites: true },
    );
    await Neo4jGraphStore.fromDriver(driver).acceptRelation(id, { actor: 'wang' });
    expect(new Set(calls.map((c) => c.tx)).size).toBe(1);
    expect(calls.every((c) => c.mode === 'write')).toBe(true);
    const merges = named(calls, 'acceptance_merge');
    expect(merges[0].params.at).toBe(merges[1].params.at);
    const audits = named(calls, 'audit_create');
    expect(audits.map((c) => (c.params.entry as { id: string; kind: string }).kind)).toEqual(['accept', 'accept']);
    expect((audits[0].params.entry as { id: string }).id).toBe((audits[1].params.entry as { id: string }).id);
    expect(code('acceptance_merge')).toMatch(/MERGE \(acc:Acceptance \{relationId: r\.id\}\)\s+ON CREATE SET/u);
    expect(schemaStatements().join('\n')).toMatch(/CREATE CONSTRAINT acceptance_relation_unique IF NOT EXISTS\s+FOR \(acc:Acceptance\) REQUIRE acc\.relationId IS UNIQUE/u);

    const again = scriptedDriver((name) => (name === 'acceptance_merge' ? [{ accepted: { relationId: id, at: 'earlier', actor: 'li' }, created: false }] : name === 'relations_get' ? [row] : []));
    await Neo4jGraphStore.fromDriver(again.driver).acceptRelation(id);
    expect(named(again.calls, 'audit_create')).toEqual([]);
    const none = scriptedDriver(() => []);
    await expect(Neo4jGraphStore.fromDriver(none.driver).acceptRelation(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(Neo4jGraphStore.fromDriver(none.driver).unacceptRelation(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reviewQueue: one read, the cursor\'s whole key passed on, a LIMIT and no SKIP, each page\'s relations read by id', async () => {
    const ids = ['rel:a', 'rel:b'];
    const { driver, calls } = scriptedDriver((name, params) => {
      if (name === 'review_queue_count') return [{ total: 7 }];
      if (name === 'review_queue') return [{ id: ids[0], confidence: 0.5, pieces: 1 }, { id: ids[1], confidence: null, pieces: 2 }];
      if (name === 'relations_get') return (params.ids as string[]).map((id) => ({ relation: { id, type: 'SUPPLIES' }, from: 'enterprise:a', to: 'enterprise:b', evidence: [] }));
      return [];
    });
    const store = Neo4jGraphStore.fromDriver(driver);
    const page = await store.reviewQueue({ first: 2, threshold: 0.8, types: ['SUPPLIES'] });
    expect(page.total).toBe(7);
    expect(page.items.map((i) => i.relation.id)).toEqual(ids);
    expect(calls.every((c) => c.mode === 'read') && new Set(calls.map((c) => c.tx)).size).toBe(1);
    const [first] = named(calls, 'review_queue');
    expect(first.params).toMatchObject({ after: null, threshold: 0.8, types: ['SUPPLIES'] });
    expect(neo4j.isInt(first.params.limit)).toBe(true);

    await store.reviewQueue({ first: 2, after: page.items[1].cursor });
    expect(named(calls, 'review_queue')[1].params.after).toEqual({ unknown: 1, confidence: 0, evidence: 2, id: ids[1] });
    expect(code('review_queue')).not.toMatch(/\bSKIP\b/u);
    expect(code('review_queue')).toMatch(/ORDER BY unknown, c, pieces, r\.id\s+LIMIT \$limit/u);
    await expect(store.reviewQueue({ after: 'x' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('14 · a merge keeps its undo, and an unmerge puts back what the merge moved', () => {
  const keep = { ...entity('enterprise:蓝鲸电池有限公司', '蓝鲸电池有限公司'), aliases: ['蓝鲸'] };
  const merged = { ...entity('enterprise:蓝鲸新能源电池公司', '蓝鲸新能源电池公司'), aliases: ['蓝鲸新能源'] };
  const yunfan = 'enterprise:云帆智造';
  const moved = relationId('SUPPLIES', merged.id, yunfan);
  const becomes = relationId('SUPPLIES', keep.id, yunfan);
  const loop = relationId('COOPERATES_WITH', keep.id, merged.id);
  const ev = (articleId: string, start: number) => ({ articleId, start, end: start + 4, text: '一句证据' });

  it('mergeEntities writes the merged entity, its articles, relations with evidence and the joined relation into the audit entry', async () => {
    const script: Script = (name, params) => {
      if (name === 'entities_names') return [keep, merged].filter((e) => (params.ids as string[]).includes(e.id)).map((e) => ({ entity: { ...e, nameKeys: [e.name] } }));
      if (name === 'entity_relations') return [{ relation: { id: moved, type: 'SUPPLIES', seq: 1 }, from: merged.id, to: yunfan }];
      if (name === 'merge_undo_read') return [{ mentions: ['a1', 'a2'], keptMentions: ['a1'], redirectsIn: ['enterprise:更早'] }];
      if (name === 'relations_get') {
        const ids = params.ids as string[];
        if (ids.includes(moved)) return [{ relation: { id: moved, type: 'SUPPLIES', amountCny: null, role: null }, from: merged.id, to: yunfan, evidence: [ev('a2', 3)] }];
        return [{ relation: { id: becomes, type: 'SUPPLIES', amountCny: 5, role: null }, from: keep.id, to: yunfan, evidence: [ev('a1', 7)] }];
      }
      if (name === 'entities_set_names') return [{ entity: { ...keep, aliases: [...keep.aliases, merged.name, ...merged.aliases] } }];
      return [];
    };
    const { driver, calls } = scriptedDriver(script);
    await Neo4jGraphStore.fromDriver(driver).mergeEntities(keep.id, merged.id, { actor: 'wang' });
    const [audit] = named(calls, 'audit_create');
    const before = JSON.parse((audit.params.entry as { before: string }).before);
    expect(before.undo).toEqual({
      merged: { id: merged.id, type: 'Enterprise', name: merged.name, aliases: merged.aliases },
      keptAliases: ['蓝鲸'],
      mentions: ['a1', 'a2'],
      mentionsAdded: ['a2'],
      redirectsIn: ['enterprise:更早'],
      relations: [
        { id: moved, type: 'SUPPLIES', from: merged.id, to: yunfan, amountCny: null, role: null, evidence: [{ articleId: 'a2', start: 3, end: 7, text: '一句证据' }], becomes, joined: { amountCny: 5, role: null, evidence: [{ articleId: 'a1', start: 7, end: 11 }] } },
      ],
    });
    // Read before anything moved.
    expect(calls.findIndex((c) => c.name === 'merge_undo_read')).toBeLessThan(calls.findIndex((c) => c.name === 'evidence_move'));
  });

  const undo = {
    merged: { id: merged.id, type: 'Enterprise', name: merged.name, aliases: merged.aliases },
    keptAliases: ['蓝鲸'],
    mentions: ['a1', 'a2'],
    mentionsAdded: ['a2'],
    redirectsIn: ['enterprise:更早'],
    relations: [
      { id: moved, type: 'SUPPLIES', from: merged.id, to: yunfan, amountCny: null, role: null, evidence: [ev('a2', 3), ev('a1', 7)], becomes, joined: { amountCny: 5, role: null, evidence: [{ articleId: 'a1', start: 7, end: 11 }] } },
      { id: loop, type: 'COOPERATES_WITH', from: keep.id, to: merged.id, amountCny: null, role: null, evidence: [ev('a1', 20)], becomes: null, joined: null },
    ],
  };
  const mergeEntry = { id: 'audit:00000000000000001:x', kind: 'merge', at: '2026-01-01T00:00:00Z', actor: 'li', target: keep.id, before: JSON.stringify({ kept: keep, merged, undo }), after: 'null' };

  function unmergeScript(): Script {
    return (name, params, { attempt, calls }) => {
      if (name === 'audit_list') {
        if (params.kind === 'merge') return [{ entry: mergeEntry }];
        // The replay looks for its own unmerge entry: the one the first attempt wrote.
        const mine = calls.find((c) => c.name === 'audit_create' && c.attempt === 1);
        return mine ? [{ entry: { ...(mine.params.entry as object) } }] : [];
      }
      if (name === 'entities_names') {
        const held = attempt === 1 ? [{ ...keep, aliases: ['蓝鲸', merged.name, '蓝鲸新能源', '手加'] }] : [keep, merged];
        return held.filter((e) => (params.ids as string[]).includes(e.id)).map((e) => ({ entity: { ...e, nameKeys: [e.name] } }));
      }
      if (name === 'entity_reset_names') return [{ entity: { id: keep.id, type: 'Enterprise', name: keep.name, aliases: (params.entity as { aliases: string[] }).aliases } }];
      if (name === 'evidence_unmove') return (params.pieces as { toId: string; articleId: string; start: number; end: number }[]).map((p) => ({ relationId: p.toId, articleId: p.articleId, start: p.start, end: p.end }));
      if (name === 'articles_get') return (params.ids as string[]).map((id) => ({ article: { id } }));
      return [];
    };
  }

  it('unmergeEntities gives back names, articles, the evidence the merge moved (not the kept relation’s own), dropped facts, redirects', async () => {
    const { driver, calls } = scriptedDriver(unmergeScript());
    const back = await Neo4jGraphStore.fromDriver(driver).unmergeEntities(keep.id, merged.id, { actor: 'wang' });
    expect(back.id).toBe(merged.id);
    const one = (n: QueryName) => named(calls, n)[0].params;
    // Names the merge gave go back; the one added by hand since stays.
    expect((one('entity_reset_names').entity as { aliases: string[] }).aliases).toEqual(['蓝鲸', '手加']);
    expect((one('entities_create').entities as { id: string; aliases: string[] }[]).map((e) => [e.id, e.aliases])).toEqual([[merged.id, ['蓝鲸新能源']]]);
    expect(one('entity_unmove_mentions')).toMatchObject({ keepId: keep.id, mergeId: merged.id, mentions: ['a1', 'a2'], mentionsAdded: ['a2'] });
    expect((one('evidence_unmove').pieces as { fromId: string; toId: string; articleId: string }[]).map((p) => [p.fromId, p.toId, p.articleId])).toEqual([[becomes, moved, 'a2']]);
    expect((one('relations_upsert').relations as { id: string }[]).map((r) => r.id).sort()).toEqual([moved, loop].sort());
    expect((one('evidence_create').evidence as { relationId: string }[]).map((e) => e.relationId)).toEqual([loop]);
    expect(one('relations_delete_unevidenced').relationIds).toEqual([becomes]);
    expect(one('relations_set_facts').relations).toEqual([{ id: becomes, amountCny: 5, role: null }]);
    expect(one('redirect_undo')).toEqual({ keepId: keep.id, mergeId: merged.id, redirectsIn: ['enterprise:更早'] });
    expect(one('curation_delete')).toEqual({ kind: 'merge', entityId: keep.id, value: merged.id });
    const entry = one('audit_create').entry as { kind: string; actor: string; target: string; before: string };
    expect(entry).toMatchObject({ kind: 'unmerge', actor: 'wang', target: merged.id });
    expect(JSON.parse(entry.before)).toMatchObject({ merge: mergeEntry.id });
    expect(new Set(calls.map((c) => c.mode))).toEqual(new Set(['write']));
  });

  it('an unmerge replayed after its commit answers the restored entity, not CONFLICT; a second unmerge is CONFLICT', async () => {
    const { driver, calls } = scriptedDriver(unmergeScript(), { replayWrites: true });
    const back = await Neo4jGraphStore.fromDriver(driver).unmergeEntities(keep.id, merged.id);
    expect(back.id).toBe(merged.id);
    expect(calls.filter((c) => c.attempt === 2).map((c) => c.name)).toEqual(['audit_list', 'entities_names', 'audit_list']);
    const again = scriptedDriver((name, params) => {
      if (name === 'audit_list') return params.kind === 'merge' ? [{ entry: mergeEntry }] : [];
      if (name === 'entities_names') return [keep, merged].map((e) => ({ entity: { ...e, nameKeys: [e.name] } }));
      return [];
    });
    await expect(Neo4jGraphStore.fromDriver(again.driver).unmergeEntities(keep.id, merged.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const none = scriptedDriver(() => []);
    await expect(Neo4jGraphStore.fromDriver(none.driver).unmergeEntities(keep.id, merged.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
