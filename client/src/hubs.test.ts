import { describe, expect, it } from 'vitest';
import { relationFilterOf, strandedNodes } from './hubs';

describe('the details panel follows the canvas filters', () => {
  it('keeps everything: no filter at all', () => {
    expect(relationFilterOf({ hiddenEntityTypes: [], hiddenRelationTypes: [], dateFrom: null, dateTo: null })).toBeNull();
  });

  it('turns hidden types into the types kept, and passes the dates', () => {
    expect(relationFilterOf({ hiddenEntityTypes: ['PROJECT'], hiddenRelationTypes: ['INVESTS_IN', 'LOCATED_IN'], dateFrom: '2024-01-01', dateTo: null })).toEqual({
      relationTypes: ['MEMBER_OF', 'OPERATES', 'COOPERATES_WITH', 'SUPPLIES'],
      entityTypes: ['DISTRICT', 'CLUSTER', 'ENTERPRISE', 'PLATFORM'],
      dateFrom: '2024-01-01',
    });
  });
});

describe('nodes a date filter strands', () => {
  const edges = [
    { id: 'r1', source: 'a', target: 'b' },
    { id: 'r2', source: 'a', target: 'c' },
    { id: 'r3', source: 'c', target: 'd' },
  ];
  it('hides a node whose every relation is hidden, not one that never had any', () => {
    expect(strandedNodes(['a', 'b', 'c', 'd', 'lonely'], edges, new Set(['r1', 'r3']))).toEqual(['b', 'd']);
  });
  it('hides nothing when every relation shows, and does not list what is already hidden', () => {
    expect(strandedNodes(['a', 'b', 'c', 'd'], edges, new Set())).toEqual([]);
    expect(strandedNodes(['a', 'b', 'c', 'd'], edges, new Set(['r1', 'b']))).toEqual([]);
  });
});

describe('filters on the canvas', () => {
  it('the date filter hides the nodes it strands; a count of what is hidden', async () => {
    const { emptyState, filteredOut, hiddenOnCanvas, reduce } = await import('./state');
    const ent = (id: string) => ({ id, type: 'ENTERPRISE' as const, name: id, aliases: [] });
    const rel = (id: string, a: string, b: string) => ({ id, type: 'SUPPLIES' as const, from: ent(a), to: ent(b), amountCny: null, role: null });
    let s = reduce(emptyState, { type: 'add', entities: ['a', 'b', 'c', 'lonely'].map(ent), relations: [rel('r1', 'a', 'b'), rel('r2', 'a', 'c')] });
    const dates = { r1: ['2023-05-01'], r2: ['2025-02-01'] };
    expect([...filteredOut(s, dates)]).toEqual([]);
    s = reduce(s, { type: 'filters', filters: { dateFrom: '2025-01-01' } });
    const out = filteredOut(s, dates);
    expect([...out].sort()).toEqual(['b', 'r1']);
    expect(hiddenOnCanvas(s, out)).toBe(2);
  });

  it('a district view with expansions is linked through a saved view, not inline', async () => {
    const { inlineLink } = await import('./hooks/useUrlSync');
    const { emptyState } = await import('./state');
    const view = { ...emptyState, view: { kind: 'district' as const, id: 'district:江北区' } };
    expect(inlineLink(view, 'view=district%3Adistrict%3A江北区')).toBe(true);
    expect(inlineLink({ ...view, expansions: { 'enterprise:a': ['enterprise:b'] } }, 'view=district%3Adistrict%3A江北区')).toBe(false);
    expect(inlineLink({ ...emptyState, expansions: { 'enterprise:a': ['enterprise:b'] } }, 'n=…&x=…')).toBe(true);
    expect(inlineLink(emptyState, 'x'.repeat(2000))).toBe(false);
  });
});
