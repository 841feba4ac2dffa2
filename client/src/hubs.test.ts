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
