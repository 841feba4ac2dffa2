// A hub's leaves bundled: on a big canvas, the dozens of entities that hang off one hub by one
// relation type (and nothing else) are drawn as one "+37 位于" node until the analyst opens it.
import type { RelationType } from '../types';
import type { CanvasState } from './canvas';

export interface Bundle {
  /** `bundle:<hub>|<type>`: also the id of the node that stands for it. */
  id: string;
  hub: string;
  type: RelationType;
  members: string[];
}

/** Leaves are bundled only on a canvas this big… */
export const BUNDLE_FROM_NODES = 100;
/** …and only this many of them or more under one hub and relation type. */
export const BUNDLE_MIN_LEAVES = 8;

export const bundleId = (hub: string, type: RelationType) => `bundle:${hub}|${type}`;

/**
 * The bundles of a canvas: leaves (one neighbour among what is shown) grouped by their hub and
 * the relation type to it. Never bundled: what is pinned, selected or filtered out, what is in a
 * district or cluster view, and a bundle the analyst opened (`opened`, by bundle id).
 */
export function leafBundles(
  s: CanvasState,
  filtered: ReadonlySet<string>,
  opened: ReadonlySet<string>,
  opts: { fromNodes?: number; minLeaves?: number } = {},
): Bundle[] {
  const fromNodes = opts.fromNodes ?? BUNDLE_FROM_NODES;
  const minLeaves = opts.minLeaves ?? BUNDLE_MIN_LEAVES;
  if (s.view.kind !== 'free' || Object.keys(s.nodes).length < fromNodes) return [];
  const neighbours = new Map<string, Map<string, RelationType>>();
  const link = (a: string, b: string, t: RelationType) => {
    let m = neighbours.get(a);
    if (!m) neighbours.set(a, (m = new Map()));
    if (!m.has(b)) m.set(b, t);
  };
  for (const e of Object.values(s.edges)) {
    if (filtered.has(e.id) || filtered.has(e.source) || filtered.has(e.target) || e.source === e.target) continue;
    link(e.source, e.target, e.type);
    link(e.target, e.source, e.type);
  }
  const pinned = new Set(s.pinned);
  const groups = new Map<string, Bundle>();
  for (const [id, m] of neighbours) {
    if (m.size !== 1 || pinned.has(id) || id === s.selected || filtered.has(id) || s.parents[id]) continue;
    const [hub, type] = [...m][0]!;
    // Two leaves of each other (a pair alone) are no hub and its leaf.
    if ((neighbours.get(hub)?.size ?? 0) < 2) continue;
    const key = bundleId(hub, type);
    if (opened.has(key)) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { id: key, hub, type, members: [] }));
    g.members.push(id);
  }
  return [...groups.values()].filter((g) => g.members.length >= minLeaves).sort((a, b) => a.id.localeCompare(b.id));
}
