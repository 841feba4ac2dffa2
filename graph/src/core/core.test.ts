import { describe, expect, it } from 'vitest';
import { API_DEFAULTS, STORE_BOUNDS, bounded, compareHits, rankHits, rankScore } from './index';
import type { SearchHit } from '../model';

const hit = (name: string, score: number): SearchHit => ({ entity: { id: `enterprise:${name}`, type: 'Enterprise', name, aliases: [] }, score, matched: name });

describe('core bounds', () => {
  it('takes the default when absent and clamps to the range, whole numbers only', () => {
    expect(bounded(undefined, STORE_BOUNDS.search)).toBe(20);
    expect(bounded(null, STORE_BOUNDS.pathLength)).toBe(4);
    expect(bounded(0, STORE_BOUNDS.search)).toBe(1);
    expect(bounded(1e9, STORE_BOUNDS.relationPage)).toBe(10_000);
    expect(bounded(-3, STORE_BOUNDS.neighbourhoodDepth)).toBe(0);
    expect(bounded(2.9, STORE_BOUNDS.chainDepth)).toBe(2);
    expect(bounded(Number.NaN, STORE_BOUNDS.auditPage)).toBe(50);
  });

  it('has every API default inside what the stores accept', () => {
    const within = (v: number, b: { min: number; max: number }) => v >= b.min && v <= b.max;
    expect(within(API_DEFAULTS.searchFirst, STORE_BOUNDS.search)).toBe(true);
    expect(within(API_DEFAULTS.neighbourhoodDepth, STORE_BOUNDS.neighbourhoodDepth)).toBe(true);
    expect(within(API_DEFAULTS.neighbourhoodLimit, STORE_BOUNDS.neighbourhoodNodes)).toBe(true);
    expect(within(API_DEFAULTS.pathMaxLength, STORE_BOUNDS.pathLength)).toBe(true);
    expect(within(API_DEFAULTS.pathsFirst, STORE_BOUNDS.paths)).toBe(true);
    expect(within(API_DEFAULTS.relationsFirst, STORE_BOUNDS.relationPage)).toBe(true);
    expect(within(API_DEFAULTS.chainDepth, STORE_BOUNDS.chainDepth)).toBe(true);
    expect(within(API_DEFAULTS.chainLimit, STORE_BOUNDS.chainNodes)).toBe(true);
    expect(within(API_DEFAULTS.viewsFirst, STORE_BOUNDS.viewsPage)).toBe(true);
  });
});

describe('core ranking', () => {
  it('lets connection break ties but never outweigh four points of match', () => {
    expect(rankScore(10, 0)).toBe(10);
    expect(rankScore(10, 9)).toBe(11);
    expect(rankScore(10, 1e9)).toBe(14);
    expect(rankScore(10, 1)).toBe(10.301);
  });

  it('orders best first, then the shorter name, then by id', () => {
    const hits = [hit('重庆长安汽车股份有限公司', 12), hit('长安汽车', 12), hit('长安', 30), hit('乙', 5), hit('甲', 5)];
    const tied = ['乙', '甲'].sort((x, y) => `enterprise:${x}`.localeCompare(`enterprise:${y}`));
    expect(hits.sort(compareHits).map((h) => h.entity.name)).toEqual(['长安', '长安汽车', '重庆长安汽车股份有限公司', ...tied]);
    expect(rankHits([hit('b', 1), hit('a', 3), hit('c', 2)], 2).map((h) => h.entity.name)).toEqual(['a', 'c']);
  });
});
