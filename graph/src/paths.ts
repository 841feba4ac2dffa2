import type { EntityType, RelationType } from './model';
import { ENTITY_TYPES, isEntityType, isRelationType } from './model';
import type { PathOptions } from './store';
import { GraphStoreError } from './store';
import { STORE_BOUNDS } from './core';

/**
 * Every relation of a District is 位于 and every relation of a Cluster is 位于 or 成员: a path
 * through one of them says only "both are in 两江新区" or "both belong to the cluster". Such
 * shortcuts are the shortest paths between almost any two entities and would crowd out the
 * supply, investment and cooperation chains analysts look for, so they are left out unless asked.
 */
export const SHORTCUT_TYPES: readonly EntityType[] = ['District', 'Cluster'];

/** A path search as both stores run it, checked once. */
export interface PathQuery {
  maxLength: number;
  k: number;
  /** Relation types walked; empty: all. */
  relationTypes: RelationType[];
  /** Entity types a path may pass through (its two ends are whatever they are). */
  passable: EntityType[];
  /** ISO dates bounding the dates of the articles stating a relation; null: open. */
  dateFrom: string | null;
  dateTo: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

function dateOption(value: unknown, name: string): string | null {
  if (value == null || value === '') return null;
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphStoreError('BAD_INPUT', `${name}: a date is written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks and completes a caller's path options: bad ones are a BAD_INPUT error, never clamped silently. */
export function pathQuery(options: PathOptions = {}): PathQuery {
  const hops = STORE_BOUNDS.pathLength;
  const maxLength = options.maxLength ?? hops.default;
  if (!Number.isInteger(maxLength) || maxLength < hops.min || maxLength > hops.max) {
    throw new GraphStoreError('BAD_INPUT', `maxLength: a path has ${hops.min} to ${hops.max} hops, not ${String(maxLength)}`);
  }
  const many = STORE_BOUNDS.paths;
  const k = options.limit ?? many.default;
  if (!Number.isInteger(k) || k < many.min || k > many.max) throw new GraphStoreError('BAD_INPUT', `limit: ${many.min} to ${many.max} paths, not ${String(k)}`);
  for (const t of options.relationTypes ?? []) if (!isRelationType(t)) throw new GraphStoreError('BAD_INPUT', `relationTypes: no relation type ${JSON.stringify(t)}`);
  for (const t of options.entityTypes ?? []) if (!isEntityType(t)) throw new GraphStoreError('BAD_INPUT', `entityTypes: no entity type ${JSON.stringify(t)}`);
  const dateFrom = dateOption(options.dateFrom, 'dateFrom');
  const dateTo = dateOption(options.dateTo, 'dateTo');
  if (dateFrom && dateTo && dateFrom > dateTo) throw new GraphStoreError('BAD_INPUT', `dateFrom ${dateFrom} is after dateTo ${dateTo}`);
  const wanted = options.entityTypes?.length ? new Set(options.entityTypes) : new Set(ENTITY_TYPES);
  const leaveOut = options.leaveOutShortcuts ?? true;
  return {
    maxLength,
    k,
    relationTypes: [...new Set(options.relationTypes ?? [])],
    passable: ENTITY_TYPES.filter((t) => wanted.has(t) && !(leaveOut && SHORTCUT_TYPES.includes(t))),
    dateFrom,
    dateTo,
  };
}

/**
 * The adjacency a path search walks over a store's complete adjacency (SQLite): steps only to
 * the two ends or to entities of a passable type, along relations `kept` allows (the date
 * filter), each node's steps filtered once. (Neo4j filters in paths_neighbours.cypher instead.)
 */
export function pathAdjacency(
  adjacency: Adjacency,
  ends: readonly number[],
  passable: (node: number) => boolean,
  kept?: (steps: Step[]) => Step[],
): Adjacency {
  const cache = new Map<number, Step[]>();
  return (node) => {
    let steps = cache.get(node);
    if (!steps) {
      steps = adjacency(node).filter((s) => ends.includes(s.node) || passable(s.node));
      if (kept) steps = kept(steps);
      cache.set(node, steps);
    }
    return steps;
  };
}

/** One step from a node: the relation walked (in either direction) and the node reached. */
export interface Step {
  edge: number;
  node: number;
  /** The reached node's number of relations, when the adjacency knows it for free. */
  degree?: number;
}

export type Adjacency = (node: number) => Step[];

export interface FoundPath {
  nodes: number[];
  edges: number[];
}

export interface KShortestOptions {
  k: number;
  maxLength: number;
  /** How many relations a node has: the ball whose frontier is cheaper to expand grows first. */
  degreeOf?: (node: number) => number;
  /** Bounds the work on graphs with hubs: nodes the searches may visit. */
  visitBudget?: number;
}

interface Ball {
  dist: Map<number, number>;
  /** layers[d]: the nodes at distance d, in the order they were reached. */
  layers: number[][];
  frontier: number[];
  /** What expanding the frontier costs: its nodes' relations (or just its size). */
  cost: number;
  radius: number;
  /** Every node within `radius` is in `dist` (false once the budget cut a layer short). */
  complete: boolean;
}

function grow(ball: Ball, adjacency: Adjacency, budget: { left: number }, degreeOf: (node: number) => number): void {
  const next: number[] = [];
  let cost = 0;
  for (const node of ball.frontier) {
    for (const step of adjacency(node)) {
      if (ball.dist.has(step.node)) continue;
      if (budget.left-- <= 0) {
        ball.complete = false;
        ball.frontier = next;
        ball.cost = cost;
        ball.radius++;
        return;
      }
      ball.dist.set(step.node, ball.radius + 1);
      next.push(step.node);
      (ball.layers[ball.radius + 1] ??= []).push(step.node);
      cost += step.degree ?? degreeOf(step.node);
    }
  }
  ball.frontier = next;
  ball.cost = cost;
  ball.radius++;
}

/**
 * The k shortest simple paths from `source` to `target` of at most `maxLength` edges,
 * walking relations in either direction; shortest first, one path per sequence of nodes.
 *
 * Two breadth-first balls grow from both ends, always the one whose frontier has fewer
 * relations to read, so a hub at one end does not flood the search. A depth-first walk from the source then
 * enumerates paths of each length in turn, pruned by the distance to the target that the
 * target's ball proves (a node outside it is at least radius + 1 away).
 */
export function kShortestPaths(source: number, target: number, adjacency: Adjacency, options: KShortestOptions): FoundPath[] {
  const { k, maxLength } = options;
  const budget = { left: options.visitBudget ?? 250_000 };
  const degreeOf = options.degreeOf ?? (() => 1);
  const fwd: Ball = { dist: new Map([[source, 0]]), layers: [[source]], frontier: [source], cost: degreeOf(source), radius: 0, complete: true };
  const bwd: Ball = { dist: new Map([[target, 0]]), layers: [[target]], frontier: [target], cost: degreeOf(target), radius: 0, complete: true };
  // Neighbour → first relation, built on demand: asks "is X next to this hub?" in O(1).
  const neighbourMaps = new Map<number, Map<number, number>>();
  const neighboursOf = (node: number): Map<number, number> => {
    let m = neighbourMaps.get(node);
    if (!m) {
      m = new Map();
      for (const step of adjacency(node)) if (!m.has(step.node)) m.set(step.node, step.edge);
      neighbourMaps.set(node, m);
    }
    return m;
  };
  const found: FoundPath[] = [];
  let steps = 0;
  const stepBudget = 2_000_000;

  for (let length = 1; length <= maxLength && found.length < k; length++) {
    while (fwd.radius + bwd.radius < length) {
      const growFwd = fwd.frontier.length > 0 && (bwd.frontier.length === 0 || fwd.cost <= bwd.cost);
      if (growFwd) grow(fwd, adjacency, budget, degreeOf);
      else if (bwd.frontier.length > 0) grow(bwd, adjacency, budget, degreeOf);
      else break;
    }
    // The two balls cannot meet within this length: no path of it exists.
    const reachable = fwd.dist.has(target) || bwd.dist.has(source) || meets(fwd, bwd);
    if (!reachable && fwd.frontier.length === 0 && bwd.frontier.length === 0 && fwd.complete && bwd.complete) break;

    // Walk from the end whose opposite ball reaches further: its distances prune at more
    // positions of the path. A path found from the target is turned round.
    const fromSource = bwd.radius >= fwd.radius;
    const [start, end, ball] = fromSource ? [source, target, bwd] : [target, source, fwd];
    const lowerBoundToEnd = (node: number): number => {
      const d = ball.dist.get(node);
      if (d !== undefined) return d;
      return ball.complete ? ball.radius + 1 : 1;
    };
    const pathNodes = [start];
    const pathEdges: number[] = [];
    const onPath = new Set([start]);
    const walk = (node: number): boolean => {
      if (found.length >= k || steps > stepBudget) return true;
      const used = pathEdges.length;
      if (used === length) {
        if (node === end) {
          found.push(fromSource ? { nodes: [...pathNodes], edges: [...pathEdges] } : { nodes: [...pathNodes].reverse(), edges: [...pathEdges].reverse() });
        }
        return found.length >= k;
      }
      const remaining = length - used - 1;
      const visit = (next: number, edge: number): boolean => {
        pathNodes.push(next);
        pathEdges.push(edge);
        onPath.add(next);
        const done = walk(next);
        onPath.delete(next);
        pathEdges.pop();
        pathNodes.pop();
        return done;
      };
      // The last step can only reach the end: one lookup, not a walk through a hub's list.
      if (remaining === 0) {
        steps++;
        const edge = neighboursOf(node).get(end);
        return edge !== undefined && visit(end, edge);
      }
      // When only nodes inside the opposite ball can still lead to the end in time, and
      // they are fewer than this node's neighbours, try those instead.
      if (ball.complete && ball.radius + 1 > remaining) {
        let candidates = 0;
        for (let d = 1; d <= remaining; d++) candidates += ball.layers[d]?.length ?? 0;
        if (candidates < adjacency(node).length) {
          const near = neighboursOf(node);
          for (let d = 1; d <= remaining; d++) {
            for (const next of ball.layers[d] ?? []) {
              steps++;
              if (next === end || onPath.has(next)) continue;
              const edge = near.get(next);
              if (edge !== undefined && visit(next, edge)) return true;
            }
          }
          return false;
        }
      }
      const tried = new Set<number>();
      for (const step of adjacency(node)) {
        steps++;
        const next = step.node;
        if (next === end || onPath.has(next) || tried.has(next)) continue;
        tried.add(next);
        if (lowerBoundToEnd(next) > remaining) continue;
        if (visit(next, step.edge)) return true;
      }
      return false;
    };
    walk(start);
    if (steps > stepBudget) break;
  }
  return found;
}

function meets(a: Ball, b: Ball): boolean {
  const [small, large] = a.dist.size <= b.dist.size ? [a, b] : [b, a];
  for (const node of small.dist.keys()) if (large.dist.has(node)) return true;
  return false;
}
