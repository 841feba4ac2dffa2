// A hub's leaves bundled: on a big canvas, the dozens of entities an expansion of one hub brought
// by one relation type, linked to little else, are drawn as one "+37 位于" node until the analyst
// opens it.
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

/** A leaf may have this many neighbours on the canvas besides its hub (its district, its cluster). */
export const LEAF_MAX_OTHER_NEIGHBOURS = 2;

/**
 * The bundles of a canvas: the leaves an expansion of a hub brought (entities with the hub as
 * their origin, no expansion of their own, and at most two other neighbours drawn — a district,
 * a cluster), grouped by the hub and the relation type to it. Never bundled: what is pinned,
 * selected or filtered out, what is in a district or cluster view, and a bundle the analyst
 * opened (`opened`, by bundle id).
 */
export function leafBundles(
  s: CanvasState,
  filtered: ReadonlySet<string>,
  opened: ReadonlySet<string>,
  opts: { fromNodes?: number; minLeaves?: number; maxOthers?: number } = {},
): Bundle[] {
  const fromNodes = opts.fromNodes ?? BUNDLE_FROM_NODES;
  const minLeaves = opts.minLeaves ?? BUNDLE_MIN_LEAVES;
  const maxOthers = opts.maxOthers ?? LEAF_MAX_OTHER_NEIGHBOURS;
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
  for (const id of Object.keys(s.nodes)) {
    const hub = s.origins[id];
    if (!hub || !s.nodes[hub] || filtered.has(hub)) continue;
    if (pinned.has(id) || id === s.selected || filtered.has(id) || s.parents[id] || s.expansions[id]?.length) continue;
    const m = neighbours.get(id);
    const type = m?.get(hub);
    if (!m || !type || m.size - 1 > maxOthers) continue;
    const key = bundleId(hub, type);
    if (opened.has(key)) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { id: key, hub, type, members: [] }));
    g.members.push(id);
  }
  return [...groups.values()].filter((g) => g.members.length >= minLeaves).sort((a, b) => a.id.localeCompare(b.id));
}
