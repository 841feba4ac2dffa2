// How much a big canvas draws: node sizes that say which entities matter (by degree or by
// investment), and labels by zoom level (the best connected always, the rest as the analyst
// zooms in). Shared by the explorer's canvas and the ?bench page, so the bench measures what
// analysts see. No React here.
import type { Core, NodeSingular } from 'cytoscape';

export type NodeSizing = 'type' | 'degree' | 'investment';
export const NODE_SIZINGS: readonly NodeSizing[] = ['type', 'degree', 'investment'];

/** How many times its type's size a node is drawn (null: its type's size). */
export function sizeFactor(mode: NodeSizing, degree: number | undefined, investmentCny: number): number | null {
  if (mode === 'degree') return Math.min(3, 0.8 + 0.28 * Math.log2(1 + Math.max(0, degree ?? 0)));
  if (mode === 'investment') return Math.min(3, 0.8 + 0.45 * Math.log10(1 + Math.max(0, investmentCny) / 1e8));
  return null;
}

/**
 * Sets each node's `size` (read by the stylesheet) from its degree or the investments on the
 * canvas it takes part in; removes it in 'type' mode. `base(type)`: the type's own size.
 */
export function applyNodeSizes(cy: Core, mode: NodeSizing, base: (type: string) => number, investments: ReadonlyMap<string, number> = new Map()) {
  cy.batch(() => {
    cy.nodes().forEach((n: NodeSingular) => {
      if (n.isParent() || n.hasClass('bundle')) return;
      const f = sizeFactor(mode, (n.data('degree') as number | undefined) ?? n.degree(false), investments.get(n.id()) ?? 0);
      if (f == null) {
        if (n.data('size') != null) n.removeData('size');
      } else {
        const size = Math.round(base(String(n.data('type'))) * f);
        if (n.data('size') !== size) n.data('size', size);
      }
    });
  });
}

/** From this many nodes, labels follow the zoom level. */
export const LABELS_BY_ZOOM_FROM = 150;
/** Nodes labelled at any zoom (the best connected), then more from ZOOM_MORE, all from ZOOM_ALL (edges too). */
export const ALWAYS_LABELLED = 30;
export const MORE_LABELLED = 100;
export const ZOOM_MORE = 1;
export const ZOOM_ALL = 1.5;

/**
 * Labels by zoom level: on a big canvas, only the best connected nodes are labelled when the
 * whole graph is in view; more as the analyst zooms in; edge labels once it is close. Classes
 * change only when the zoom crosses a level, not at every zoom step. `refresh()` after the
 * elements changed.
 */
export function labelLevels(cy: Core): { refresh: () => void; stop: () => void } {
  let thresholds = new Map<string, number>();
  let edgeThreshold = 0;
  let level = -1;
  const levelOf = (z: number) => (z >= ZOOM_ALL ? 2 : z >= ZOOM_MORE ? 1 : 0);
  const apply = (force = false) => {
    const z = cy.zoom();
    const l = levelOf(z);
    if (l === level && !force) return;
    level = l;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('quiet', (thresholds.get(n.id()) ?? 0) > z);
      });
      cy.edges().forEach((e) => {
        e.toggleClass('quiet', edgeThreshold > z);
      });
    });
  };
  const refresh = () => {
    const nodes = cy.nodes().filter((n) => !n.isParent() && !n.hasClass('bundle'));
    const big = nodes.length >= LABELS_BY_ZOOM_FROM;
    thresholds = new Map();
    if (big) {
      const rank = nodes.map((n) => ({ id: n.id(), d: (n as NodeSingular).degree(false), w: Number(n.data('degree') ?? 0) })).sort((a, b) => b.d - a.d || b.w - a.w);
      rank.forEach((r, i) => thresholds.set(r.id, i < ALWAYS_LABELLED ? 0 : i < MORE_LABELLED ? ZOOM_MORE : ZOOM_ALL));
    }
    edgeThreshold = big ? ZOOM_ALL : 0;
    apply(true);
  };
  const onZoom = () => apply();
  cy.on('zoom', onZoom);
  return { refresh, stop: () => cy.off('zoom', onZoom) };
}
