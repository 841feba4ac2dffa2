import type { Core, NodeSingular } from 'cytoscape';
import { runLayout } from './components/Canvas';

/** Room between two nodes of a straightened path: a wrapped label is about this wide. */
export const PATH_STEP = 190;

/**
 * Where the nodes of a path go to read it left to right: on one horizontal line through the
 * middle of where they are now, `step` apart, in path order.
 */
export function lineOfPath(ids: readonly string[], now: readonly { x: number; y: number }[], step = PATH_STEP): Record<string, { x: number; y: number }> {
  const cx = now.reduce((s, p) => s + p.x, 0) / Math.max(now.length, 1);
  const cy = now.reduce((s, p) => s + p.y, 0) / Math.max(now.length, 1);
  const x0 = cx - ((ids.length - 1) * step) / 2;
  return Object.fromEntries(ids.map((id, i) => [id, { x: x0 + i * step, y: cy }]));
}

/**
 * Lays the chosen path out in a straight line and lets the rest of the canvas settle around
 * it (the path's nodes held where the line put them), then brings the path into view.
 */
export function straightenPath(cy: Core, ids: readonly string[], pinned: string[], done?: () => void): void {
  const nodes = ids.map((id) => cy.getElementById(id) as NodeSingular).filter((n) => n.nonempty());
  if (nodes.length < 2) return done?.();
  const line = lineOfPath(
    nodes.map((n) => n.id()),
    nodes.map((n) => n.position()),
  );
  cy.batch(() => {
    for (const n of nodes) {
      // A pinned node of the path moves too: the line is what was asked for.
      const locked = n.locked();
      if (locked) n.unlock();
      n.position(line[n.id()]);
      if (locked) n.lock();
    }
  });
  const onPath = new Set(nodes.map((n) => n.id()));
  const others = new Set(
    cy
      .nodes()
      .filter((n) => !n.isParent() && !onPath.has(n.id()))
      .map((n) => n.id()),
  );
  runLayout(cy, others, pinned, () => {
    cy.animate({ fit: { eles: nodes.reduce((c, n) => c.union(n), cy.collection()), padding: 60 }, duration: 250 });
    done?.();
  });
}
