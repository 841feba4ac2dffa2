import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteGraphStore, entityId, type ArticleExtraction, type GraphStore, type PathOptions } from '@chain-atlas/graph';
import { rng, syntheticGraph } from '@chain-atlas/graph/synthetic';
import { cpuEach, timeEach, type Latency } from './measure';

export const OUT_DIR = new URL('../out/', import.meta.url).pathname;
// Bump when the generator or the store's layout changes, so cached graphs are rebuilt.
const GENERATOR_VERSION = 1;
export const LOAD_BATCH = 1000;

export interface LoadFigures {
  relationsRequested: number;
  articles: number;
  entities: number;
  relations: number;
  evidence: number;
  seconds: number;
  relationsPerSecond: number;
  articlesPerSecond: number;
  fileMiB: number;
  builtAt: string;
  cached: boolean;
}

export interface StoreFigures {
  size: number;
  load: LoadFigures;
  search1: Latency;
  search2: Latency;
  search4: Latency;
  searchPinyin: Latency;
  getEntity: Latency;
  neighbourhood1: Latency;
  neighbourhood2: Latency;
  paths: Latency;
  /** Paths with shortcuts through a shared district or cluster allowed (the only kind before they were left out). */
  pathsShortcuts?: Latency;
  /** Paths under filters: five relation types (no 位于), three years of articles. */
  pathsFiltered?: Latency;
  /** Paths from the biggest hub, up to 6 hops, under the same filters. */
  pathsHub?: Latency;
  /** 产业链 views; absent from reports made before them. */
  chain2?: Latency;
  chain2Layers?: Latency;
  chain4?: Latency;
  districtProfile?: Latency;
  clusterProfile?: Latency;
  /** The details panel of hubs (500–2,000 relations): figures over all relations + the first page of 100; absent before it. */
  hubDetails?: Latency;
  /** The same under a date filter. */
  hubDetailsFiltered?: Latency;
  /** One page of 100 of a hub's neighbours (显示更多). */
  hubNeighbours?: Latency;
  /** The details panel of the ten biggest hubs (tens of thousands of relations at 1M). */
  hubDetailsBiggest?: Latency;
  /** hubDetails and hubNeighbours in CPU time: their cost apart from waiting for a core. */
  hubDetailsCpu?: Latency;
  hubNeighboursCpu?: Latency;
  hubs?: HubFigures;
}

/** The busiest enterprise's panel: the store's figures, and what the old panel derived from its first 100 relations. */
export interface HubFigures {
  hubsMeasured: number;
  minDegree: number;
  maxDegree: number;
  /** The biggest hub of the sample (hubDetailsBiggest). */
  biggestDegree: number;
  enterprise: { id: string; degree: number; investmentCny: number; articles: number; first100InvestmentCny: number; first100Articles: number };
}

/** What an analyst filtering paths asks: no 位于, three years of articles. */
const PATH_FILTERS: PathOptions = {
  relationTypes: ['INVESTS_IN', 'MEMBER_OF', 'OPERATES', 'COOPERATES_WITH', 'SUPPLIES'],
  dateFrom: '2022-01-01',
  dateTo: '2024-12-31',
};

/** What `--store-ops` can pick: each a group of the figures above. */
export const STORE_OPS = ['search', 'entity', 'neighbourhood', 'paths', 'chain', 'profile', 'panel'] as const;
export type StoreOp = (typeof STORE_OPS)[number];

/** A synthetic graph of `relations` relations in a SQLite file, built through upsertArticle (or reused). */
export async function syntheticStore(relations: number, options: { fresh?: boolean; log?: (s: string) => void } = {}) {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, `synthetic-${relations}-v${GENERATOR_VERSION}.sqlite`);
  const meta = `${path}.json`;
  const graph = syntheticGraph({ relations });
  if (!options.fresh && existsSync(path) && existsSync(meta)) {
    const load = { ...(JSON.parse(readFileSync(meta, 'utf8')) as LoadFigures), cached: true };
    return { store: SqliteGraphStore.open(path), graph, load, path };
  }
  for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(`${path}${suffix}`, { force: true });
  const store = SqliteGraphStore.open(path);
  const t0 = performance.now();
  let done = 0;
  let batch: ArticleExtraction[] = [];
  const flush = async () => {
    for (const outcome of await store.upsertArticles(batch)) if (!outcome.ok) throw outcome.error;
    done += batch.length;
    if (done % 10_000 < batch.length) options.log?.(`  loaded ${done}/${graph.articles} articles`);
    batch = [];
  };
  // Batches as `pnpm seed load` sends them: many articles per commit, each atomic on its own.
  for (const extraction of graph.extractions()) {
    batch.push(extraction);
    if (batch.length === LOAD_BATCH) await flush();
  }
  if (batch.length) await flush();
  const seconds = (performance.now() - t0) / 1000;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec('ANALYZE');
  const stats = await store.stats();
  const load: LoadFigures = {
    relationsRequested: relations,
    articles: stats.articles,
    entities: stats.entities,
    relations: stats.relations,
    evidence: stats.evidence,
    seconds: Math.round(seconds * 10) / 10,
    // Every relation statement (evidence row) loaded counts: repeated facts cost the same work.
    relationsPerSecond: Math.round(stats.evidence / seconds),
    articlesPerSecond: Math.round(stats.articles / seconds),
    fileMiB: Math.round((store.db.prepare('PRAGMA page_count').pluck().get() as number) * (store.db.prepare('PRAGMA page_size').pluck().get() as number) / 1048576),
    builtAt: new Date().toISOString(),
    cached: false,
  };
  writeFileSync(meta, JSON.stringify(load, null, 2));
  return { store, graph, load, path };
}

/** Query inputs drawn from the graph: hubs and tail, every entity type. */
export function workload(graph: ReturnType<typeof syntheticGraph>, iterations: number, seed = 7) {
  const random = rng(seed);
  const ents = [
    ...graph.sample('Enterprise', 200),
    ...graph.sample('Project', 40),
    ...graph.sample('Platform', 20),
    ...graph.sample('Cluster', 20),
    ...graph.sample('District', 10),
  ];
  const pick = () => ents[Math.floor(random() * ents.length)];
  const han = (name: string, len: number) => {
    const chars = [...name.replace(/^重庆/u, '')];
    const at = Math.floor(random() * Math.max(1, chars.length - len));
    return chars.slice(at, at + len).join('');
  };
  const list = <T>(make: () => T) => Array.from({ length: iterations }, make);
  return {
    ids: list(() => {
      const e = pick();
      return entityId(e.type, e.name);
    }),
    search1: list(() => han(pick().name, 1)),
    search2: list(() => han(pick().name, 2)),
    search4: list(() => han(pick().name, 4)),
    /** Starts of chains: enterprises (hubs and tail), platforms and clusters. */
    chainRoots: list(() => {
      let e = pick();
      while (e.type === 'Project' || e.type === 'District') e = pick();
      return entityId(e.type, e.name);
    }),
    districts: graph.sample('District', 41).map((d) => entityId('District', d.name)),
    clusters: graph.sample('Cluster', 20).map((c) => entityId('Cluster', c.name)),
    /** The enterprise with the most relations (the generator's first rank). */
    hub: entityId('Enterprise', graph.sample('Enterprise', 1)[0]!.name),
    pairs: list(() => {
      const [a, b] = [pick(), pick()];
      return [entityId(a.type, a.name), entityId(b.type, b.name)] as const;
    }),
  };
}

export async function measureStore(store: GraphStore, graph: ReturnType<typeof syntheticGraph>, iterations: number, ops: readonly StoreOp[] = STORE_OPS) {
  const w = workload(graph, iterations);
  const { pinyin } = await import('pinyin-pro');
  const pinyinQueries = w.search4.map((q) => pinyin(q, { pattern: 'first', toneType: 'none', type: 'array' }).join(''));
  const on = (op: StoreOp) => ops.includes(op);
  const skipped = undefined as unknown as Latency;
  // Dashboards are opened one district at a time: fewer samples, every district once or more.
  const profiles = (ids: string[]) => Array.from({ length: Math.max(ids.length, Math.min(iterations, 60)) }, (_, i) => ids[i % ids.length]);
  return {
    search1: on('search') ? await timeEach(w.search1, (q) => store.search(q)) : skipped,
    search2: on('search') ? await timeEach(w.search2, (q) => store.search(q)) : skipped,
    search4: on('search') ? await timeEach(w.search4, (q) => store.search(q)) : skipped,
    searchPinyin: on('search') ? await timeEach(pinyinQueries, (q) => store.search(q)) : skipped,
    getEntity: on('entity') ? await timeEach(w.ids, (id) => store.getEntity(id)) : skipped,
    neighbourhood1: on('neighbourhood') ? await timeEach(w.ids, (id) => store.neighbourhood([id], { depth: 1 })) : skipped,
    neighbourhood2: on('neighbourhood') ? await timeEach(w.ids, (id) => store.neighbourhood([id], { depth: 2 })) : skipped,
    paths: on('paths') ? await timeEach(w.pairs, ([a, b]) => store.paths(a, b, { maxLength: 4, limit: 5 })) : skipped,
    ...(on('paths')
      ? {
          pathsShortcuts: await timeEach(w.pairs, ([a, b]) => store.paths(a, b, { maxLength: 4, limit: 5, leaveOutShortcuts: false })),
          pathsFiltered: await timeEach(w.pairs, ([a, b]) => store.paths(a, b, { maxLength: 4, limit: 5, ...PATH_FILTERS })),
          pathsHub: await timeEach(w.pairs, ([, b]) => store.paths(w.hub, b, { maxLength: 6, limit: 5, ...PATH_FILTERS })),
        }
      : {}),
    ...(on('chain')
      ? {
          chain2: await timeEach(w.chainRoots, (id) => store.chain(id, { depth: 2 })),
          chain2Layers: await timeEach(w.chainRoots, (id) => store.chain(id, { depth: 2, layers: ['INVESTS_IN', 'OPERATES', 'MEMBER_OF'] })),
          chain4: await timeEach(w.chainRoots, (id) => store.chain(id, { depth: 4 })),
        }
      : {}),
    ...(on('panel') ? await measurePanel(store, graph, iterations) : {}),
    ...(on('profile')
      ? {
          districtProfile: await timeEach(profiles(w.districts), (id) => store.districtProfile(id)),
          clusterProfile: await timeEach(profiles(w.clusters), (id) => store.clusterProfile(id)),
        }
      : {}),
  };
}

/**
 * The details panel on hubs: entities of the sample with 500 to 2,000 relations (the ten best
 * connected if the graph has none), each asked for its figures over all its relations and its
 * first page of 100 relations with evidence — what the explorer asks when a hub is clicked —
 * and, apart, the ten biggest hubs of the sample (districts with tens of thousands).
 */
async function measurePanel(store: GraphStore, graph: ReturnType<typeof syntheticGraph>, iterations: number) {
  const sample = [...graph.sample('Enterprise', 2000), ...graph.sample('District', 41), ...graph.sample('Cluster', 100), ...graph.sample('Platform', 200)].map((e) => entityId(e.type, e.name));
  const degrees = [...(await store.degrees(sample))].sort((a, b) => b[1] - a[1]);
  const band = degrees.filter(([, d]) => d >= 500 && d <= 2000);
  const hubs = (band.length ? band : degrees.slice(0, 10)).map(([id]) => id);
  const biggest = degrees.slice(0, 10).map(([id]) => id);
  const cycle = (ids: string[], n: number) => Array.from({ length: n }, (_, i) => ids[i % ids.length]);
  const inputs = cycle(hubs, Math.min(iterations, 200));
  const details = async (id: string, filter = {}) => {
    await store.entitySummary(id, filter);
    await store.relationsOf(id, { first: 100, ...filter });
  };
  const [busiest, degree] = degrees.find(([id]) => id.startsWith('enterprise:'))!;
  const summary = (await store.entitySummary(busiest))!;
  const first100 = (await store.relationsOf(busiest, { first: 100 })).items;
  const hubDegrees = hubs.map((id) => degrees.find(([x]) => x === id)![1]);
  return {
    hubDetails: await timeEach(inputs, (id) => details(id)),
    hubDetailsFiltered: await timeEach(inputs, (id) => details(id, { dateFrom: '2024-01-01', dateTo: '2024-12-31' })),
    hubNeighbours: await timeEach(inputs, (id) => store.neighbours(id, { first: 100 })),
    hubDetailsBiggest: await timeEach(cycle(biggest, Math.min(iterations, 60)), (id) => details(id)),
    hubDetailsCpu: await cpuEach(inputs, (id) => details(id)),
    hubNeighboursCpu: await cpuEach(inputs, (id) => store.neighbours(id, { first: 100 })),
    hubs: {
      hubsMeasured: hubs.length,
      minDegree: Math.min(...hubDegrees),
      maxDegree: Math.max(...hubDegrees),
      biggestDegree: degrees[0]?.[1] ?? 0,
      enterprise: {
        id: busiest,
        degree,
        investmentCny: summary.investmentOutCny,
        articles: summary.articleCount,
        first100InvestmentCny: first100.filter((r) => r.type === 'INVESTS_IN' && r.from === busiest).reduce((n, r) => n + (r.amountCny ?? 0), 0),
        first100Articles: new Set(first100.flatMap((r) => r.evidence.map((e) => e.articleId))).size,
      },
    } satisfies HubFigures,
  };
}
