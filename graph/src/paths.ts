/** One step from a node: the relation walked (in either direction) and the node reached. */
export interface Step {
  edge: number;
  node: number;
}

export type Adjacency = (node: number) => Step[];

export interface FoundPath {
  nodes: number[];
  edges: number[];
}

export interface KShortestOptions {
  k: number;
  maxLength: number;
  /** Bounds the work on graphs with hubs: nodes the searches may visit. */
  visitBudget?: number;
}

interface Ball {
  dist: Map<number, number>;
  frontier: number[];
  radius: number;
  /** Every node within `radius` is in `dist` (false once the budget cut a layer short). */
  complete: boolean;
}

function grow(ball: Ball, adjacency: Adjacency, budget: { left: number }): void {
  const next: number[] = [];
  for (const node of ball.frontier) {
    for (const step of adjacency(node)) {
      if (ball.dist.has(step.node)) continue;
      if (budget.left-- <= 0) {
        ball.complete = false;
        ball.frontier = next;
        ball.radius++;
        return;
      }
      ball.dist.set(step.node, ball.radius + 1);
      next.push(step.node);
    }
  }
  ball.frontier = next;
  ball.radius++;
}

/**
 * The k shortest simple paths from `source` to `target` of at most `maxLength` edges,
 * walking relations in either direction; shortest first, one path per sequence of nodes.
 *
 * Two breadth-first balls grow from both ends, always the one with the smaller frontier,
 * so a hub at one end does not flood the search. A depth-first walk from the source then
 * enumerates paths of each length in turn, pruned by the distance to the target that the
 * target's ball proves (a node outside it is at least radius + 1 away).
 */
export function kShortestPaths(source: number, target: number, adjacency: Adjacency, options: KShortestOptions): FoundPath[] {
  const { k, maxLength } = options;
  const budget = { left: options.visitBudget ?? 250_000 };
  const fwd: Ball = { dist: new Map([[source, 0]]), frontier: [source], radius: 0, complete: true };
  const bwd: Ball = { dist: new Map([[target, 0]]), frontier: [target], radius: 0, complete: true };
  const found: FoundPath[] = [];
  let steps = 0;
  const stepBudget = 2_000_000;

  const lowerBoundToTarget = (node: number): number => {
    const d = bwd.dist.get(node);
    if (d !== undefined) return d;
    return bwd.complete ? bwd.radius + 1 : 1;
  };

  for (let length = 1; length <= maxLength && found.length < k; length++) {
    while (fwd.radius + bwd.radius < length) {
      const growFwd = fwd.frontier.length > 0 && (bwd.frontier.length === 0 || fwd.frontier.length <= bwd.frontier.length);
      if (growFwd) grow(fwd, adjacency, budget);
      else if (bwd.frontier.length > 0) grow(bwd, adjacency, budget);
      else break;
    }
    // The two balls cannot meet within this length: no path of it exists.
    const reachable = fwd.dist.has(target) || bwd.dist.has(source) || meets(fwd, bwd);
    if (!reachable && fwd.frontier.length === 0 && bwd.frontier.length === 0 && fwd.complete && bwd.complete) break;

    const pathNodes = [source];
    const pathEdges: number[] = [];
    const onPath = new Set([source]);
    const walk = (node: number): boolean => {
      if (found.length >= k || steps > stepBudget) return true;
      const used = pathEdges.length;
      if (used === length) {
        if (node === target) found.push({ nodes: [...pathNodes], edges: [...pathEdges] });
        return found.length >= k;
      }
      const tried = new Set<number>();
      for (const step of adjacency(node)) {
        steps++;
        const next = step.node;
        if (onPath.has(next) || tried.has(next)) continue;
        tried.add(next);
        const remaining = length - used - 1;
        if (next === target ? remaining !== 0 : lowerBoundToTarget(next) > remaining || remaining === 0) continue;
        pathNodes.push(next);
        pathEdges.push(step.edge);
        onPath.add(next);
        const done = walk(next);
        onPath.delete(next);
        pathEdges.pop();
        pathNodes.pop();
        if (done) return true;
      }
      return false;
    };
    walk(source);
    if (steps > stepBudget) break;
  }
  return found;
}

function meets(a: Ball, b: Ball): boolean {
  const [small, large] = a.dist.size <= b.dist.size ? [a, b] : [b, a];
  for (const node of small.dist.keys()) if (large.dist.has(node)) return true;
  return false;
}
