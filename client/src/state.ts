// The canvas as data: what is on it, what each expansion added (for collapse), filters, and
// an undo/redo history. Pure, so it is tested without a browser; the Cytoscape view follows it.
import type { EntityRef, EntityType, RelationData, RelationType, SubgraphData } from './types';

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
}

export interface Filters {
  /** Entity and relation types hidden by the analyst (empty: all shown). */
  hiddenEntityTypes: EntityType[];
  hiddenRelationTypes: RelationType[];
  /** Only entities located in this district (and the district itself). */
  district: string | null;
  /** ISO dates bounding the evidence's article dates. */
  dateFrom: string | null;
  dateTo: string | null;
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

export const emptyFilters: Filters = {
  hiddenEntityTypes: [],
  hiddenRelationTypes: [],
  district: null,
  dateFrom: null,
  dateTo: null,
};

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
  return { id: r.id, type: r.type, source: r.from.id, target: r.to.id, amountCny: r.amountCny ?? null, role: r.role ?? null };
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

function addAll(s: CanvasState, entities: EntityRef[], relations: RelationData[], origin?: string): CanvasState {
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

// ---- Undo / redo -------------------------------------------------------------------------

export interface History {
  past: CanvasState[];
  present: CanvasState;
  future: CanvasState[];
}

export type HistoryAction = Action | { type: 'undo' } | { type: 'redo' };

const LIMIT = 100;
/** Selecting is navigation, not an edit: it does not fill the undo stack. */
const UNRECORDED = new Set<Action['type']>(['select']);

export function initHistory(present: CanvasState = emptyState): History {
  return { past: [], present, future: [] };
}

export function historyReducer(h: History, a: HistoryAction): History {
  if (a.type === 'undo') {
    if (!h.past.length) return h;
    const prev = h.past[h.past.length - 1];
    // Selection stays where the analyst is, unless it points at something the undo removed.
    const selected = h.present.selected && (prev.nodes[h.present.selected] || prev.edges[h.present.selected]) ? h.present.selected : prev.selected;
    return { past: h.past.slice(0, -1), present: { ...prev, selected }, future: [h.present, ...h.future] };
  }
  if (a.type === 'redo') {
    if (!h.future.length) return h;
    const [next, ...rest] = h.future;
    return { past: [...h.past, h.present], present: next, future: rest };
  }
  const present = reduce(h.present, a);
  if (present === h.present) return h;
  if (UNRECORDED.has(a.type)) return { ...h, present };
  return { past: [...h.past, h.present].slice(-LIMIT), present, future: [] };
}

export const canUndo = (h: History) => h.past.length > 0;
export const canRedo = (h: History) => h.future.length > 0;

// ---- URL ---------------------------------------------------------------------------------

/** What a link carries: enough to fetch the same entities again and restore the view. */
export interface UrlView {
  ids: string[];
  expansions: Record<string, string[]>;
  hidden: string[];
  pinned: string[];
  selected: string | null;
  filters: Filters;
  view: ViewMode;
}

export function toUrlView(s: CanvasState): UrlView {
  return {
    ids: Object.keys(s.nodes),
    expansions: s.expansions,
    hidden: s.hidden,
    pinned: s.pinned,
    selected: s.selected,
    filters: s.filters,
    view: s.view,
  };
}

/** Query string for a view; short keys, omitted when default, so links stay short. */
export function encodeUrl(v: UrlView, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (v.view.kind !== 'free') p.set('view', `${v.view.kind}:${v.view.id}`);
  else if (v.ids.length) p.set('n', JSON.stringify(v.ids));
  const exp = Object.entries(v.expansions).filter(([, a]) => a.length);
  if (exp.length && v.view.kind === 'free') p.set('x', JSON.stringify(Object.fromEntries(exp)));
  if (v.hidden.length) p.set('h', JSON.stringify(v.hidden));
  if (v.pinned.length) p.set('p', JSON.stringify(v.pinned));
  if (v.selected) p.set('s', v.selected);
  const f = v.filters;
  if (f.hiddenEntityTypes.length) p.set('et', f.hiddenEntityTypes.join(','));
  if (f.hiddenRelationTypes.length) p.set('rt', f.hiddenRelationTypes.join(','));
  if (f.district) p.set('d', f.district);
  if (f.dateFrom) p.set('from', f.dateFrom);
  if (f.dateTo) p.set('to', f.dateTo);
  for (const [k, val] of Object.entries(extra)) p.set(k, val);
  return p.toString();
}

function jsonParam<T>(p: URLSearchParams, key: string, fallback: T, ok: (v: unknown) => boolean): T {
  const raw = p.get(key);
  if (!raw) return fallback;
  try {
    const v: unknown = JSON.parse(raw);
    return ok(v) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

const isStringArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isExpansions = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isStringArray);

export function decodeUrl(search: string): UrlView {
  const p = new URLSearchParams(search);
  const split = (k: string) => (p.get(k) ?? '').split(',').filter(Boolean);
  const rawView = p.get('view');
  let view: ViewMode = { kind: 'free' };
  if (rawView) {
    const i = rawView.indexOf(':');
    const kind = rawView.slice(0, i);
    if ((kind === 'district' || kind === 'cluster') && i > 0) view = { kind, id: rawView.slice(i + 1) };
  }
  return {
    ids: jsonParam<string[]>(p, 'n', [], isStringArray),
    expansions: jsonParam<Record<string, string[]>>(p, 'x', {}, isExpansions),
    hidden: jsonParam<string[]>(p, 'h', [], isStringArray),
    pinned: jsonParam<string[]>(p, 'p', [], isStringArray),
    selected: p.get('s'),
    filters: {
      hiddenEntityTypes: split('et') as EntityType[],
      hiddenRelationTypes: split('rt') as RelationType[],
      district: p.get('d'),
      dateFrom: p.get('from'),
      dateTo: p.get('to'),
    },
    view,
  };
}

/** The state a decoded link describes, once its entities and relations are fetched. */
export function stateFromUrl(v: UrlView, entities: EntityRef[], relations: RelationData[], parents: Record<string, string> = {}): CanvasState {
  const base = addAll(emptyState, entities, relations);
  const present = (ids: string[]) => ids.filter((id) => base.nodes[id]);
  const expansions: Record<string, string[]> = {};
  for (const [o, added] of Object.entries(v.expansions)) if (base.nodes[o]) expansions[o] = present(added);
  const origins: Record<string, string> = {};
  for (const [o, added] of Object.entries(expansions)) for (const a of added) origins[a] = o;
  const selected = v.selected && (base.nodes[v.selected] || base.edges[v.selected]) ? v.selected : null;
  return {
    ...base,
    expansions,
    origins,
    hidden: present(v.hidden),
    pinned: present(v.pinned),
    selected,
    filters: v.filters,
    view: v.view,
    parents,
  };
}

// ---- Filters -----------------------------------------------------------------------------

/**
 * Which nodes and edges the filters hide. Districts are found through LOCATED_IN edges on
 * the canvas; dates through the article dates known for each edge (unknown: kept).
 */
export function filteredOut(s: CanvasState, edgeDates: Record<string, string[]> = {}): Set<string> {
  const out = new Set<string>(s.hidden);
  const f = s.filters;
  for (const n of Object.values(s.nodes)) if (f.hiddenEntityTypes.includes(n.type)) out.add(n.id);
  if (f.district) {
    const inDistrict = new Set<string>([f.district]);
    for (const e of Object.values(s.edges)) if (e.type === 'LOCATED_IN' && e.target === f.district) inDistrict.add(e.source);
    // Projects and members hang off what is located there: one more hop.
    for (const e of Object.values(s.edges)) {
      if (e.type === 'LOCATED_IN') continue;
      if (inDistrict.has(e.source) && s.nodes[e.target]?.type !== 'DISTRICT') inDistrict.add(e.target);
    }
    for (const n of Object.values(s.nodes)) if (!inDistrict.has(n.id)) out.add(n.id);
  }
  for (const e of Object.values(s.edges)) {
    if (f.hiddenRelationTypes.includes(e.type) || out.has(e.source) || out.has(e.target)) {
      out.add(e.id);
      continue;
    }
    const dates = edgeDates[e.id];
    if ((f.dateFrom || f.dateTo) && dates && dates.length) {
      const inRange = dates.some((d) => (!f.dateFrom || d >= f.dateFrom) && (!f.dateTo || d <= f.dateTo));
      if (!inRange) out.add(e.id);
    }
  }
  return out;
}

// ---- Saved views ---------------------------------------------------------------------------

/** A link up to this long carries the canvas itself; past it, the canvas is saved and the link carries its id. */
export const URL_INLINE_MAX = 1500;

/** What the server keeps of a canvas: all of it (ids and expansions in district and cluster views too), the relation ids and where each node was. */
export interface ViewState {
  v: 1;
  canvas: UrlView;
  e: string[];
  pos: Record<string, [number, number]>;
}

export function toViewState(s: CanvasState, positions: Record<string, [number, number]> = {}): string {
  // Whole pixels: a tenth of the size of float positions, and no one sees the difference.
  const pos = Object.fromEntries(Object.entries(positions).filter(([id]) => s.nodes[id]).map(([id, [x, y]]) => [id, [Math.round(x), Math.round(y)] as [number, number]]));
  const state: ViewState = { v: 1, canvas: toUrlView(s), e: Object.keys(s.edges), pos };
  return JSON.stringify(state);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A saved state back, or null when it is not one this explorer wrote. */
export function parseViewState(text: string): ViewState | null {
  try {
    const v = JSON.parse(text) as Partial<ViewState>;
    const c = v?.canvas;
    if (v?.v !== 1 || !c || !isStrings(v.e) || !isStrings(c.ids) || !isStrings(c.hidden) || !isStrings(c.pinned)) return null;
    if (typeof c.expansions !== 'object' || !Object.values(c.expansions ?? {}).every((x) => isStrings(x))) return null;
    const kind = c.view?.kind;
    const view: ViewMode = (kind === 'district' || kind === 'cluster') && typeof c.view.id === 'string' ? { kind, id: c.view.id } : { kind: 'free' };
    const f = (c.filters ?? {}) as Partial<Filters>;
    const str = (x: unknown) => (typeof x === 'string' ? x : null);
    const filters: Filters = {
      hiddenEntityTypes: isStrings(f.hiddenEntityTypes) ? f.hiddenEntityTypes : [],
      hiddenRelationTypes: isStrings(f.hiddenRelationTypes) ? f.hiddenRelationTypes : [],
      district: str(f.district),
      dateFrom: str(f.dateFrom),
      dateTo: str(f.dateTo),
    };
    const pos: Record<string, [number, number]> = {};
    for (const [id, p] of Object.entries(v.pos ?? {})) {
      if (Array.isArray(p) && p.length === 2 && p.every((n) => Number.isFinite(n))) pos[id] = [p[0], p[1]];
    }
    return { v: 1, canvas: { ids: c.ids, expansions: c.expansions, hidden: c.hidden, pinned: c.pinned, selected: str(c.selected), filters, view }, e: v.e, pos };
  } catch {
    return null;
  }
}

/** The saved view a link names (`?v=…`), if any. */
export function viewIdFromUrl(search: string): string | null {
  const id = new URLSearchParams(search).get('v');
  return id && /^[0-9a-z]{6,32}$/.test(id) ? id : null;
}
