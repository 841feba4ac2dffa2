import type { Chain, ChainLayer, ChainDirection, Entity, Relation } from './model';
import { STORE_BOUNDS, bounded } from './core/limits';

// The walk behind the chain view, shared by both adapters: each hands it the steps along
// SUPPLIES (and the optional layers) its own way; levels, cycles, counts and the node limit
// are decided here once, so SQLite and Neo4j answer the same chain.

export const CHAIN_MAX_DEPTH = STORE_BOUNDS.chainDepth.max;
export const CHAIN_DEFAULT_DEPTH = STORE_BOUNDS.chainDepth.default;
export const CHAIN_DEFAULT_LIMIT = STORE_BOUNDS.chainNodes.default;
export const CHAIN_MAX_LIMIT = STORE_BOUNDS.chainNodes.max;
/** Steps the walk may examine when counting; past it the counts are lower bounds. */
export const CHAIN_VISIT_BUDGET = 400_000;

/** One relation walked from a node of the frontier (`from`) to a neighbour (`to`). */
export interface ChainStep<K, R> {
  from: K;
  to: K;
  relation: R;
  /** The relation's own direction (for SUPPLIES: who supplies whom). */
  src: K;
  dst: K;
}

export interface ChainSource<K, R> {
  /** SUPPLIES relations into (upstream) or out of (downstream) each node of the frontier. */
  supplies(frontier: K[], direction: 'upstream' | 'downstream'): Promise<ChainStep<K, R>[]>;
  /** Relations of one optional layer touching the nodes (either direction as the layer means). */
  layer(nodes: K[], type: ChainLayer): Promise<ChainStep<K, R>[]>;
  /** Members of a cluster (MEMBER_OF into it), when the chain starts from a cluster. */
  members(cluster: K): Promise<ChainStep<K, R>[]>;
  /** For choosing which nodes to show when there are more than the limit: the best connected first. */
  degree(node: K): number;
}

export interface ChainWalkOptions {
  depth: number;
  direction: ChainDirection;
  layers: readonly ChainLayer[];
  limit: number;
  rootIsCluster: boolean;
  budget?: number;
}

export interface ChainWalkResult<K, R> {
  nodes: { key: K; level: number; layer: ChainLayer | null }[];
  relations: { relation: R; src: K; dst: K; supply: boolean }[];
  levels: { level: number; count: number; shown: number }[];
  layers: { type: ChainLayer; count: number; shown: number }[];
  truncated: boolean;
  exact: boolean;
}

/** Clamps what a caller asked for to what the walk does. */
export function chainOptions(options: { depth?: number; direction?: ChainDirection; layers?: readonly ChainLayer[]; limit?: number }) {
  return {
    depth: bounded(options.depth, STORE_BOUNDS.chainDepth),
    direction: options.direction ?? 'both',
    layers: [...new Set(options.layers ?? [])],
    limit: bounded(options.limit, STORE_BOUNDS.chainNodes),
  };
}

/**
 * How many entities each level may show: the limit shared out fairly, so a hub's ten thousand
 * suppliers do not crowd out its three customers. A level needing less than its share leaves
 * the rest to the others.
 */
export function shareOut(sizes: number[], room: number): number[] {
  const given = sizes.map(() => 0);
  let left = room;
  let levels = sizes.length;
  for (const i of sizes.map((_, i) => i).sort((a, b) => sizes[a] - sizes[b])) {
    given[i] = Math.min(sizes[i], Math.floor(left / levels));
    left -= given[i];
    levels--;
  }
  return given;
}

export async function walkChain<K, R>(root: K, source: ChainSource<K, R>, options: ChainWalkOptions): Promise<ChainWalkResult<K, R>> {
  let budget = options.budget ?? CHAIN_VISIT_BUDGET;
  let exact = true;
  /** Every entity reached, shown or not, with its level: counts and cycle detection need all. */
  const reached = new Map<K, number>([[root, 0]]);
  const shown = new Map<K, { level: number; layer: ChainLayer | null }>([[root, { level: 0, layer: null }]]);
  const order: K[] = [root];
  const relations = new Map<R, { relation: R; src: K; dst: K; supply: boolean }>();
  const byDegree = (a: K, b: K) => source.degree(b) - source.degree(a);
  /** What each level found: its new entities (best connected first) and the steps that found them. */
  const found: { level: number; fresh: K[]; steps: ChainStep<K, R>[]; supply: boolean }[] = [];

  let start: K[] = [root];
  if (options.rootIsCluster) {
    const steps = await source.members(root);
    budget -= steps.length;
    const members = [...new Set(steps.map((s) => s.to))].filter((m) => !reached.has(m)).sort(byDegree);
    for (const m of members) reached.set(m, 0);
    found.push({ level: 0, fresh: members, steps, supply: false });
    // The chain of a cluster is its members' chain; the cluster itself supplies nothing.
    start = members;
  }

  const directions: ('upstream' | 'downstream')[] =
    options.direction === 'both' ? ['upstream', 'downstream'] : [options.direction];
  const frontiers = new Map(directions.map((d) => [d, start]));
  // Both ways one step at a time, so an entity that is a direct customer and a supplier's
  // supplier sits at its nearest level, whichever way that is.
  for (let d = 1; d <= options.depth; d++) {
    for (const direction of directions) {
      const frontier = frontiers.get(direction)!;
      if (frontier.length === 0) continue;
      const sign = direction === 'upstream' ? -1 : 1;
      if (budget <= 0) {
        exact = false;
        frontiers.set(direction, []);
        found.push({ level: sign * d, fresh: [], steps: [], supply: true });
        continue;
      }
      const steps = await source.supplies(frontier, direction);
      budget -= steps.length;
      const fresh: K[] = [];
      for (const s of steps) {
        if (!reached.has(s.to)) {
          reached.set(s.to, sign * d);
          fresh.push(s.to);
        }
      }
      found.push({ level: sign * d, fresh: fresh.sort(byDegree), steps, supply: true });
      frontiers.set(direction, fresh);
    }
  }

  // Which entities to carry: each level its fair share, nearest levels first, and within a
  // level those hanging on an entity already shown (no floating nodes), best connected first.
  const share = shareOut(found.map((f) => f.fresh.length), Math.max(0, options.limit - 1));
  const truncated = found.some((f, i) => share[i] < f.fresh.length);
  const nearestFirst = found.map((_, i) => i).sort((a, b) => Math.abs(found[a].level) - Math.abs(found[b].level) || found[a].level - found[b].level);
  for (const i of nearestFirst) {
    const { level, fresh, steps } = found[i];
    const anchored = new Set<K>();
    for (const s of steps) if (shown.has(s.from)) anchored.add(s.to);
    const pick = fresh.filter((n) => anchored.has(n)).concat(fresh.filter((n) => !anchored.has(n))).slice(0, share[i]);
    for (const n of pick) {
      shown.set(n, { level, layer: null });
      order.push(n);
    }
  }
  // A relation is drawn when both its ends are; one to an entity already placed (a cycle, or
  // a supplier that is also a customer) is drawn once and never walked again.
  for (const f of found) {
    for (const s of f.steps) {
      if (shown.has(s.from) && shown.has(s.to)) relations.set(s.relation, { relation: s.relation, src: s.src, dst: s.dst, supply: f.supply });
    }
  }
  const levelCounts = new Map<number, { count: number; shown: number }>([[0, { count: 1, shown: 1 }]]);
  found.forEach((f, i) => {
    const c = levelCounts.get(f.level) ?? { count: 0, shown: 0 };
    levelCounts.set(f.level, { count: c.count + f.fresh.length, shown: c.shown + share[i] });
  });
  let layersTruncated = false;

  const chainNodes = [...order];
  const layerCounts: ChainWalkResult<K, R>['layers'] = [];
  for (const type of options.layers) {
    const steps = await source.layer(chainNodes, type);
    const fresh: K[] = [];
    const anchorOf = new Map<K, K>();
    for (const s of steps) {
      if (!reached.has(s.to) && !anchorOf.has(s.to)) {
        anchorOf.set(s.to, s.from);
        fresh.push(s.to);
      }
    }
    fresh.sort(byDegree);
    // Each layer may add as many entities as the limit again: a hub's projects must not
    // crowd out its platforms.
    const room = options.limit;
    if (fresh.length > room) layersTruncated = true;
    for (const n of fresh.slice(0, room)) {
      reached.set(n, shown.get(anchorOf.get(n)!)!.level);
      shown.set(n, { level: shown.get(anchorOf.get(n)!)!.level, layer: type });
      order.push(n);
    }
    for (const s of steps) {
      if (shown.has(s.from) && shown.has(s.to)) relations.set(s.relation, { relation: s.relation, src: s.src, dst: s.dst, supply: false });
    }
    layerCounts.push({ type, count: fresh.length, shown: Math.min(fresh.length, room) });
  }

  return {
    nodes: order.map((key) => ({ key, ...shown.get(key)! })),
    relations: [...relations.values()],
    levels: [...levelCounts.entries()].map(([level, c]) => ({ level, ...c })).sort((a, b) => a.level - b.level),
    layers: layerCounts,
    truncated: truncated || layersTruncated,
    exact,
  };
}

/**
 * The answer both adapters give: the walk's nodes and relations as the store's entities and
 * relations (those the store could read), with each supply relation that closes a cycle flagged.
 */
export function chainFromWalk<K, R>(root: Entity, depth: number, walk: ChainWalkResult<K, R>, entities: Map<K, Entity>, relations: Map<R, Relation>): Chain {
  const level = new Map(walk.nodes.map((n) => [n.key, n.level]));
  return {
    root,
    depth,
    nodes: walk.nodes.filter((n) => entities.has(n.key)).map((n) => ({ entity: entities.get(n.key)!, level: n.level, layer: n.layer })),
    edges: walk.relations
      .filter((r) => relations.has(r.relation))
      .map((r) => ({ relation: relations.get(r.relation)!, closesCycle: r.supply && closesCycle(level.get(r.src)!, level.get(r.dst)!) })),
    levels: walk.levels,
    layers: walk.layers,
    truncated: walk.truncated,
    exact: walk.exact,
  };
}

/** A SUPPLIES relation that points back against the chain: its supplier sits downstream of its customer. */
export function closesCycle(srcLevel: number, dstLevel: number): boolean {
  return dstLevel < srcLevel;
}
