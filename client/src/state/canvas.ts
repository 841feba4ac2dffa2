// The canvas as data: what is on it, what each expansion added (for collapse), the filters.
// Pure, so it is tested without a browser; the Cytoscape view follows it.
import type { EntityRef, EntityType, RelationData, RelationType, SubgraphData } from '../types';
import { emptyFilters, type Filters } from './filters';

export interface NodeData {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  degree?: number;
}

export interface EdgeData {
  id: string;
  type: RelationType;
  source: string;
  target: string;
  amountCny: number | null;
  role: string | null;
  /** How sure the graph is of it (0–1; null: unknown): under the review threshold it is drawn dashed. */
  confidence?: number | null;
}

export type ViewMode = { kind: 'free' } | { kind: 'district'; id: string } | { kind: 'cluster'; id: string };

export interface CanvasState {
  nodes: Record<string, NodeData>;
  edges: Record<string, EdgeData>;
  /** Node id → the node ids an expansion of it added (what collapse takes away). */
  expansions: Record<string, string[]>;
  /** Node id → the node an addition came from; where the layout puts it. */
  origins: Record<string, string>;
  hidden: string[];
  pinned: string[];
  selected: string | null;
  filters: Filters;
  view: ViewMode;
  /** Compound grouping for district / cluster views: child id → parent id. */
  parents: Record<string, string>;
  /** Where a saved view had its nodes: they are drawn there instead of laid out again. */
  positions?: Record<string, [number, number]>;
}


export const emptyState: CanvasState = {
  nodes: {},
  edges: {},
  expansions: {},
  origins: {},
  hidden: [],
  pinned: [],
  selected: null,
  filters: emptyFilters,
  view: { kind: 'free' },
  parents: {},
};

export function toNode(e: EntityRef): NodeData {
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [], ...(e.degree != null ? { degree: e.degree } : {}) };
}

export function toEdge(r: RelationData): EdgeData {
  return { id: r.id, type: r.type, source: r.from.id, target: r.to.id, amountCny: r.amountCny ?? null, role: r.role ?? null, confidence: r.confidence ?? null };
}

export type Action =
  | { type: 'add'; entities: EntityRef[]; relations: RelationData[]; origin?: string }
  | { type: 'expand'; origin: string; subgraph: SubgraphData }
  | { type: 'collapse'; origin: string }
  | { type: 'remove'; ids: string[] }
  | { type: 'hide'; ids: string[] }
  | { type: 'showAll' }
  | { type: 'togglePin'; id: string }
  | { type: 'select'; id: string | null }
  | { type: 'filters'; filters: Partial<Filters> }
  | { type: 'view'; view: ViewMode; parents: Record<string, string>; entities: EntityRef[]; relations: RelationData[] }
  | { type: 'clear' }
  | { type: 'replace'; state: CanvasState };

export function addAll(s: CanvasState, entities: EntityRef[], relations: RelationData[], origin?: string): CanvasState {
  const nodes = { ...s.nodes };
  const origins = { ...s.origins };
  for (const e of entities) {
    if (!nodes[e.id]) {
      nodes[e.id] = toNode(e);
      if (origin && e.id !== origin) origins[e.id] = origin;
    } else if (e.degree != null) nodes[e.id] = { ...nodes[e.id], degree: e.degree };
  }
  const edges = { ...s.edges };
  for (const r of relations) {
    // An edge only belongs when both ends are on the canvas.
    if (nodes[r.from.id] && nodes[r.to.id]) edges[r.id] = toEdge(r);
  }
  return { ...s, nodes, edges, origins };
}

function removeNodes(s: CanvasState, ids: Set<string>): CanvasState {
  const nodes: Record<string, NodeData> = {};
  for (const [id, n] of Object.entries(s.nodes)) if (!ids.has(id)) nodes[id] = n;
  const edges: Record<string, EdgeData> = {};
  for (const [id, e] of Object.entries(s.edges)) if (nodes[e.source] && nodes[e.target]) edges[id] = e;
  const expansions: Record<string, string[]> = {};
  for (const [o, added] of Object.entries(s.expansions)) {
    if (!ids.has(o)) expansions[o] = added.filter((a) => !ids.has(a));
  }
  const keep = <T,>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).filter(([k]) => !ids.has(k)));
  return {
    ...s,
    nodes,
    edges,
    expansions,
    origins: keep(s.origins),
    parents: keep(s.parents),
    hidden: s.hidden.filter((h) => !ids.has(h)),
    pinned: s.pinned.filter((p) => !ids.has(p)),
    selected: s.selected && (ids.has(s.selected) || (!nodes[s.selected] && !edges[s.selected])) ? null : s.selected,
  };
}

export function reduce(s: CanvasState, a: Action): CanvasState {
  switch (a.type) {
    case 'add':
      return addAll(s, a.entities, a.relations, a.origin);
    case 'expand': {
      const before = new Set(Object.keys(s.nodes));
      const next = addAll(s, a.subgraph.nodes, a.subgraph.edges, a.origin);
      const added = Object.keys(next.nodes).filter((id) => !before.has(id));
      const prior = s.expansions[a.origin] ?? [];
      return { ...next, expansions: { ...next.expansions, [a.origin]: [...prior, ...added] } };
    }
    case 'collapse': {
      const added = s.expansions[a.origin];
      if (!added) return s;
      // What a nested expansion of an added node brought goes too.
      const gone = new Set<string>();
      const stack = [...added];
      while (stack.length) {
        const id = stack.pop()!;
        if (gone.has(id) || id === a.origin) continue;
        gone.add(id);
        stack.push(...(s.expansions[id] ?? []));
      }
      const next = removeNodes(s, gone);
      const expansions = { ...next.expansions };
      delete expansions[a.origin];
      return { ...next, expansions };
    }
    case 'remove':
      return removeNodes(s, new Set(a.ids));
    case 'hide':
      return { ...s, hidden: [...new Set([...s.hidden, ...a.ids])], selected: a.ids.includes(s.selected ?? '') ? null : s.selected };
    case 'showAll':
      return { ...s, hidden: [] };
    case 'togglePin':
      return { ...s, pinned: s.pinned.includes(a.id) ? s.pinned.filter((p) => p !== a.id) : [...s.pinned, a.id] };
    case 'select':
      return { ...s, selected: a.id };
    case 'filters':
      return { ...s, filters: { ...s.filters, ...a.filters } };
    case 'view': {
      const base = a.view.kind === 'free' ? s : { ...emptyState, filters: s.filters };
      const next = addAll(base, a.entities, a.relations, a.view.kind === 'free' ? undefined : a.view.id);
      return { ...next, view: a.view, parents: a.parents, selected: a.view.kind === 'free' ? s.selected : a.view.id };
    }
    case 'clear':
      return { ...emptyState, filters: s.filters };
    case 'replace':
      return a.state;
  }
}
