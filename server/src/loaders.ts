import DataLoader from 'dataloader';
import type { Article, Entity, EntityDetails, GraphStore, Relation } from '@chain-atlas/graph';
import { apiError } from './errors';

/**
 * Per-request batching and caching of store reads: resolving a field over 200 entities asks
 * the store once per kind of read, not 200 times. A new set per request, so nothing cached
 * outlives the request it was read for.
 */
export interface Loaders {
  entity: DataLoader<string, Entity | null>;
  /** getEntity: follows merges, brings relations and article ids. */
  details: DataLoader<string, EntityDetails | null>;
  /** Every relation touching an entity (either direction). */
  relationsOf: DataLoader<string, Relation[]>;
  relation: DataLoader<string, Relation | null>;
  article: DataLoader<string, Article | null>;
  degree: DataLoader<string, number>;
  /** Tells the loaders about entities and relations the store just handed over. */
  prime(data: { entities?: Entity[]; relations?: Relation[] }): void;
  /** After a write: what was read before it may be stale. */
  clearAll(): void;
}

function byId<T extends { id: string }>(keys: readonly string[], items: T[]): (T | null)[] {
  const map = new Map(items.map((i) => [i.id, i]));
  return keys.map((k) => map.get(k) ?? null);
}

/**
 * How many nodes a batched relations read may bring back before it falls back to reading
 * entity by entity: the batch rides on a depth-1 neighbourhood, and a ring of hubs could
 * make that far bigger than the relations asked for.
 */
const RELATIONS_BATCH_NODE_CAP = 20_000;

/** How many relations one page of a hub's relations brings. */
const HUB_PAGE = 2000;

export interface LoaderOptions {
  /**
   * Entities with more relations than this come without all of them from getEntity; their
   * relations are paged from the store instead, so every list built on them is complete.
   */
  hubDegree?: number;
  /** Most relations of one hub read for one request; past it the request is refused. */
  maxHubRelations?: number;
}

export function createLoaders(store: GraphStore, options: LoaderOptions = {}): Loaders {
  const hubDegree = options.hubDegree ?? 500;
  const maxHubRelations = options.maxHubRelations ?? 50_000;
  const entity = new DataLoader<string, Entity | null>(async (ids) => byId(ids, await store.getEntities([...ids])));
  const details = new DataLoader<string, EntityDetails | null>((ids) =>
    Promise.all(ids.map((id) => store.getEntity(id, { relationLimit: hubDegree, articleLimit: maxHubRelations + 1 }))),
  );
  const relation = new DataLoader<string, Relation | null>(async (ids) => byId(ids, await store.getRelations([...ids])));
  const article = new DataLoader<string, Article | null>(async (ids) => byId(ids, await store.getArticles([...ids])));
  const degree = new DataLoader<string, number>(async (ids) => {
    const map = await store.degrees([...ids]);
    return ids.map((id) => map.get(id) ?? 0);
  });

  // The store has no "relations of these entities" read; a depth-1 neighbourhood of all of
  // them is one call that contains every such relation (and some between neighbours, dropped).
  /** Every relation of a hub, a page at a time: getEntity brings only the first `hubDegree`. */
  const allRelationsOf = async (id: string): Promise<Relation[]> => {
    const out: Relation[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.relationsOf(id, { first: HUB_PAGE, after });
      if (page.total > maxHubRelations) {
        throw apiError('QUERY_TOO_COMPLEX', `${id} has ${page.total} relations, more than the ${maxHubRelations} one request may read`, {
          maxListItems: maxHubRelations,
        });
      }
      out.push(...page.items);
      if (page.items.length < HUB_PAGE) return out;
      after = page.items[page.items.length - 1].id;
    }
  };

  const relationsOf = new DataLoader<string, Relation[]>(async (keys) => {
    const known = await degree.loadMany(keys);
    const isHub = (i: number) => typeof known[i] === 'number' && (known[i] as number) > hubDegree;
    const hubs = keys.filter((_, i) => isHub(i));
    const ids = keys.filter((_, i) => !isHub(i));
    const ofHubs = new Map(await Promise.all(hubs.map(async (id) => [id, await allRelationsOf(id)] as const)));
    const ofOthers = new Map(ids.length ? (await relationsOfSmall(ids)).map((rels, i) => [ids[i], rels] as const) : []);
    return keys.map((id) => ofHubs.get(id) ?? ofOthers.get(id) ?? []);
  });

  async function relationsOfSmall(ids: readonly string[]): Promise<Relation[][]> {
    if (ids.length === 1) return [(await details.load(ids[0]))?.relations ?? []];
    const sub = await store.neighbourhood([...ids], { depth: 1, limit: RELATIONS_BATCH_NODE_CAP });
    if (sub.truncated) {
      return Promise.all(ids.map(async (id) => (await details.load(id))?.relations ?? []));
    }
    const touching = new Map<string, Relation[]>(ids.map((id) => [id, []]));
    for (const rel of sub.edges) {
      touching.get(rel.from)?.push(rel);
      if (rel.to !== rel.from) touching.get(rel.to)?.push(rel);
    }
    for (const node of sub.nodes) entity.prime(node.id, node);
    for (const rel of sub.edges) relation.prime(rel.id, rel);
    return ids.map((id) => touching.get(id)!);
  }

  const primeDetails = (d: EntityDetails | null) => {
    if (!d) return;
    entity.prime(d.id, { id: d.id, type: d.type, name: d.name, aliases: d.aliases });
    // A hub's details hold only its first relations: its full list is read when asked for.
    if (d.relations.length >= d.degree) relationsOf.prime(d.id, d.relations);
    degree.prime(d.id, d.degree);
    for (const rel of d.relations) relation.prime(rel.id, rel);
  };
  // Wrapping load keeps every read of details feeding the other caches.
  const loadDetails = details.load.bind(details);
  details.load = async (id: string) => {
    const d = await loadDetails(id);
    primeDetails(d);
    return d;
  };

  return {
    entity,
    details,
    relationsOf,
    relation,
    article,
    degree,
    prime({ entities = [], relations = [] }) {
      for (const e of entities) entity.prime(e.id, { id: e.id, type: e.type, name: e.name, aliases: e.aliases });
      for (const r of relations) relation.prime(r.id, r);
    },
    clearAll() {
      for (const l of [entity, details, relationsOf, relation, article, degree] as DataLoader<string, unknown>[]) l.clearAll();
    },
  };
}
