import { describe, expect, it } from 'vitest';
import { shareOut } from './chain';

describe('shareOut: the node limit shared between the levels of a chain', () => {
  it('gives a small level all it needs and the rest to the large ones', () => {
    // A hub: ten thousand suppliers, three customers, 299 places.
    expect(shareOut([10_000, 3], 299)).toEqual([296, 3]);
    expect(shareOut([10_000, 5_000, 40, 0], 300)).toEqual([130, 130, 40, 0]);
    expect(shareOut([2, 1], 300)).toEqual([2, 1]);
    expect(shareOut([], 300)).toEqual([]);
  });
});
