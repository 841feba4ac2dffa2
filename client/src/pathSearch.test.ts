import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH_CHOICES, hops, pathQueryArgs, pathText } from './pathSearch';
import { emptyFilters } from './state';
import type { EntityRef, PathData, RelationData, RelationType } from './types';

const ent = (id: string, name: string, type: EntityRef['type'] = 'ENTERPRISE'): EntityRef => ({ id, name, type, aliases: [] });
const rel = (type: RelationType, from: EntityRef, to: EntityRef): RelationData => ({ id: `${type}:${from.id}->${to.id}`, type, from, to, amountCny: null, role: null });
const LABEL: Record<RelationType, string> = { LOCATED_IN: '位于', INVESTS_IN: '投资', MEMBER_OF: '成员', OPERATES: '运营', COOPERATES_WITH: '合作', SUPPLIES: '供应' };

describe('a path written in the direction of each relation', () => {
  const a = ent('a', '中科摇船船');
  const p = ent('p', '智能网联项目', 'PROJECT');
  const b = ent('b', '希迪智驾');
  const d = ent('d', '两江新区', 'DISTRICT');

  it('points each arrow along its relation, whichever way the path walks it', () => {
    const path: PathData = { nodes: [a, p, b], edges: [rel('INVESTS_IN', a, p), rel('INVESTS_IN', b, p)] };
    expect(pathText(path, (r) => LABEL[r.type])).toBe('中科摇船船 —投资→ 智能网联项目 ←投资— 希迪智驾');
    expect(hops(path).map((h) => h.forward)).toEqual([true, false]);
  });

  it('never writes a district as the subject of 位于', () => {
    const path: PathData = { nodes: [d, b], edges: [rel('LOCATED_IN', b, d)] };
    expect(pathText(path, (r) => LABEL[r.type])).toBe('两江新区 ←位于— 希迪智驾');
  });

  it('writes 合作 without a direction', () => {
    const path: PathData = { nodes: [b, a], edges: [rel('COOPERATES_WITH', a, b)] };
    expect(pathText(path, (r) => LABEL[r.type])).toBe('希迪智驾 —合作— 中科摇船船');
  });
});

describe('the paths query under the canvas filters', () => {
  it('asks for every relation and entity type with shortcuts left out by default', () => {
    expect(pathQueryArgs(DEFAULT_PATH_CHOICES, emptyFilters)).toEqual({
      maxLength: 4,
      relationTypes: ['LOCATED_IN', 'INVESTS_IN', 'MEMBER_OF', 'OPERATES', 'COOPERATES_WITH', 'SUPPLIES'],
      entityTypes: ['DISTRICT', 'CLUSTER', 'ENTERPRISE', 'PLATFORM', 'PROJECT'],
      dateFrom: null,
      dateTo: null,
      leaveOutShortcuts: true,
    });
  });

  it('leaves out what the filters hide, and keeps their dates', () => {
    const args = pathQueryArgs(
      { relationTypes: ['SUPPLIES', 'LOCATED_IN', 'INVESTS_IN'], leaveOutShortcuts: false, maxHops: 6 },
      { ...emptyFilters, hiddenRelationTypes: ['LOCATED_IN'], hiddenEntityTypes: ['PROJECT'], dateFrom: '2023-01-01', dateTo: '2024-12-31' },
    );
    expect(args).toEqual({
      maxLength: 6,
      relationTypes: ['SUPPLIES', 'INVESTS_IN'],
      entityTypes: ['DISTRICT', 'CLUSTER', 'ENTERPRISE', 'PLATFORM'],
      dateFrom: '2023-01-01',
      dateTo: '2024-12-31',
      leaveOutShortcuts: false,
    });
  });
});

describe('a straightened path', () => {
  it('stands on one horizontal line through where its nodes were, in path order', async () => {
    const { lineOfPath } = await import('./pathLayout');
    const line = lineOfPath(['a', 'p', 'b'], [{ x: 0, y: 0 }, { x: 300, y: 90 }, { x: 60, y: 210 }], 100);
    expect(line).toEqual({ a: { x: 20, y: 100 }, p: { x: 120, y: 100 }, b: { x: 220, y: 100 } });
  });
});
