import { describe, expect, it } from 'vitest';
import type { EntityRef, RelationData } from './types';
import {
  decodeUrl,
  emptyState,
  encodeUrl,
  filteredOut,
  historyReducer,
  initHistory,
  parseViewState,
  reduce,
  stateFromUrl,
  toUrlView,
  toViewState,
  URL_INLINE_MAX,
  viewIdFromUrl,
} from './state';

const e = (id: string, type: EntityRef['type'] = 'ENTERPRISE'): EntityRef => ({ id, type, name: id.split(':')[1] ?? id, aliases: [] });
const r = (id: string, from: string, to: string, type: RelationData['type'] = 'COOPERATES_WITH', amountCny: number | null = null): RelationData => ({
  id,
  type,
  from: e(from),
  to: e(to),
  amountCny,
  role: null,
});

const HUMI = 'platform:忽米网';
const BRAIN = 'platform:汽摩产业大脑';
const ZS = 'enterprise:宗申集团';

describe('canvas state', () => {
  it('adds entities and only the relations whose ends are both on the canvas', () => {
    const s = reduce(emptyState, { type: 'add', entities: [e(HUMI, 'PLATFORM')], relations: [r('r1', HUMI, ZS)] });
    expect(Object.keys(s.nodes)).toEqual([HUMI]);
    expect(s.edges).toEqual({});
  });

  it('collapse removes what the expansion added, nested expansions included', () => {
    let s = reduce(emptyState, { type: 'add', entities: [e(HUMI, 'PLATFORM')], relations: [] });
    s = reduce(s, {
      type: 'expand',
      origin: HUMI,
      subgraph: { nodes: [e(HUMI, 'PLATFORM'), e(BRAIN, 'PLATFORM'), e(ZS)], edges: [r('r1', HUMI, BRAIN, 'OPERATES'), r('r2', HUMI, ZS)], truncated: false },
    });
    expect(Object.keys(s.nodes).sort()).toEqual([HUMI, ZS, BRAIN].sort());
    expect(s.origins[BRAIN]).toBe(HUMI);
    s = reduce(s, { type: 'expand', origin: ZS, subgraph: { nodes: [e(ZS), e('enterprise:宗申动力')], edges: [r('r3', ZS, 'enterprise:宗申动力')], truncated: false } });
    expect(Object.keys(s.nodes)).toHaveLength(4);
    s = reduce(s, { type: 'collapse', origin: HUMI });
    expect(Object.keys(s.nodes)).toEqual([HUMI]);
    expect(s.edges).toEqual({});
    expect(s.expansions).toEqual({});
  });

  it('undo and redo walk the history; selection is not an edit', () => {
    let h = initHistory();
    h = historyReducer(h, { type: 'add', entities: [e(HUMI)], relations: [] });
    h = historyReducer(h, { type: 'select', id: HUMI });
    h = historyReducer(h, { type: 'add', entities: [e(ZS)], relations: [r('r2', HUMI, ZS)] });
    expect(h.past).toHaveLength(2);
    h = historyReducer(h, { type: 'undo' });
    expect(Object.keys(h.present.nodes)).toEqual([HUMI]);
    expect(h.present.selected).toBe(HUMI);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present.nodes).toEqual({});
    expect(h.present.selected).toBe(null);
    h = historyReducer(h, { type: 'undo' });
    expect(h.past).toHaveLength(0);
    h = historyReducer(h, { type: 'redo' });
    h = historyReducer(h, { type: 'redo' });
    expect(Object.keys(h.present.edges)).toEqual(['r2']);
    h = historyReducer(h, { type: 'undo' });
    h = historyReducer(h, { type: 'hide', ids: [HUMI] });
    expect(h.future).toEqual([]);
  });

  it('round-trips a view through the URL', () => {
    let s = reduce(emptyState, { type: 'add', entities: [e(HUMI), e(ZS), e(BRAIN)], relations: [r('r2', HUMI, ZS)] });
    s = { ...s, expansions: { [HUMI]: [ZS] }, hidden: [BRAIN], pinned: [HUMI], selected: 'r2' };
    s = reduce(s, { type: 'filters', filters: { hiddenRelationTypes: ['SUPPLIES'], dateFrom: '2024-01-01', district: 'district:两江新区' } });
    const q = encodeUrl(toUrlView(s), { lang: 'en' });
    const v = decodeUrl(`?${q}`);
    expect(v).toEqual(toUrlView(s));
    expect(new URLSearchParams(q).get('lang')).toBe('en');
    const back = stateFromUrl(v, [e(HUMI), e(ZS), e(BRAIN)], [r('r2', HUMI, ZS)]);
    expect(toUrlView(back)).toEqual(toUrlView(s));
    expect(back.origins[ZS]).toBe(HUMI);
  });

  it('decodes district views and ignores broken parameters', () => {
    expect(decodeUrl('?view=district:district:两江新区').view).toEqual({ kind: 'district', id: 'district:两江新区' });
    const v = decodeUrl('?n=notjson&x=[1]&view=bogus');
    expect(v.ids).toEqual([]);
    expect(v.expansions).toEqual({});
    expect(v.view).toEqual({ kind: 'free' });
  });

  it('filters hide by type, relation, district and date without touching the data', () => {
    const D = 'district:大足区';
    let s = reduce(emptyState, {
      type: 'add',
      entities: [e(D, 'DISTRICT'), e('project:电池项目', 'PROJECT'), e('enterprise:智通润达'), e(ZS)],
      relations: [
        r('loc', 'project:电池项目', D, 'LOCATED_IN'),
        r('inv', 'enterprise:智通润达', 'project:电池项目', 'INVESTS_IN', 6.5e9),
        r('co', ZS, 'enterprise:智通润达'),
      ],
    });
    expect(filteredOut(s).size).toBe(0);
    s = reduce(s, { type: 'filters', filters: { hiddenEntityTypes: ['PROJECT'] } });
    expect([...filteredOut(s)].sort()).toEqual(['inv', 'loc', 'project:电池项目']);
    s = reduce(s, { type: 'filters', filters: { hiddenEntityTypes: [], district: D } });
    const out = filteredOut(s);
    expect(out.has(ZS)).toBe(true);
    expect(out.has('project:电池项目')).toBe(false);
    s = reduce(s, { type: 'filters', filters: { district: null, dateFrom: '2025-01-01' } });
    expect(filteredOut(s, { co: ['2024-09-05'], inv: ['2025-03-22'] }).has('co')).toBe(true);
    expect(filteredOut(s, { co: ['2024-09-05'], inv: ['2025-03-22'] }).has('inv')).toBe(false);
  });
});

describe('saved view state', () => {
  const ids = Array.from({ length: 80 }, (_, i) => `enterprise:重庆华信精密机械${i}有限公司`);
  const big = reduce(emptyState, {
    type: 'expand',
    origin: ids[0]!,
    subgraph: { nodes: ids.map((id) => e(id)), edges: ids.slice(1).map((id, i) => r(`rel:${i}`, ids[0]!, id)), truncated: false },
  });

  it('an 80-entity canvas is far past what a link carries inline', () => {
    expect(encodeUrl(toUrlView(big)).length).toBeGreaterThan(URL_INLINE_MAX * 5);
  });

  it('round-trips the whole canvas with relation ids and whole-pixel positions, in district views too', () => {
    const s = { ...big, view: { kind: 'district' as const, id: 'district:两江新区' }, selected: ids[3]!, hidden: [ids[4]!] };
    const text = toViewState(s, { [ids[0]!]: [10.4, -3.6], 'enterprise:不在画布上': [1, 2] });
    const back = parseViewState(text)!;
    expect(back.canvas).toEqual(toUrlView(s));
    // A district view's link left out ids and expansions; the saved view keeps them.
    expect(back.canvas.ids).toHaveLength(80);
    expect(back.canvas.expansions[ids[0]!]!.length).toBeGreaterThanOrEqual(79);
    expect(back.e.sort()).toEqual(Object.keys(s.edges).sort());
    expect(back.pos).toEqual({ [ids[0]!]: [10, -4] });
  });

  it('refuses what this explorer did not write', () => {
    for (const bad of ['', 'null', '{"v":2}', '{"v":1,"canvas":{"ids":[1]},"e":[]}', '{"v":1,"canvas":{"ids":[],"hidden":[],"pinned":[],"expansions":{}},"e":"x"}']) {
      expect(parseViewState(bad)).toBeNull();
    }
  });

  it('reads a view id from the link, and only a well-formed one', () => {
    expect(viewIdFromUrl('?v=abc234defgh9&lang=en')).toBe('abc234defgh9');
    expect(viewIdFromUrl('?v=../etc')).toBeNull();
    expect(viewIdFromUrl('?n=[]')).toBeNull();
  });
});
