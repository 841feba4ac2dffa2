// The canvas in a link, and in a saved view when the link would be too long.
import type { EntityRef, EntityType, RelationData, RelationType } from '../types';
import { addAll, emptyState, type CanvasState, type ViewMode } from './canvas';
import type { Filters } from './filters';

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
