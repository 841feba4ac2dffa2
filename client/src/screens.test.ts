import { describe, expect, it } from 'vitest';
import { chainScreen, monthlyCounts, monthRange, screenFromUrl, screenParams } from './screens';

describe('screens in the URL', () => {
  it('round-trips a chain view and a dashboard', () => {
    const chain = chainScreen('enterprise:赛力斯', { depth: 3, direction: 'UPSTREAM', layers: ['INVESTS_IN', 'MEMBER_OF'] });
    const q = new URLSearchParams(screenParams(chain)).toString();
    expect(screenFromUrl(`?${q}`)).toEqual(chain);
    expect(screenFromUrl('?profile=district:两江新区')).toEqual({ kind: 'profile', id: 'district:两江新区' });
    expect(screenFromUrl(`?${new URLSearchParams(screenParams({ kind: 'review' })).toString()}`)).toEqual({ kind: 'review' });
    expect(screenParams(chainScreen('enterprise:x'))).toEqual({ chain: 'enterprise:x' });
  });

  it('ignores what it does not know and falls back to the defaults', () => {
    expect(screenFromUrl('?chain=enterprise:x&depth=9&dir=sideways&layers=LOCATED_IN,OPERATES')).toEqual(
      chainScreen('enterprise:x', { layers: ['OPERATES'] }),
    );
    expect(screenFromUrl('?n=[]')).toBeNull();
  });
});

describe('the timeline', () => {
  it('counts dates by month, months without articles included', () => {
    expect(monthlyCounts(['2024-11-03', '2025-01-09', '2025-01-20', 'unknown'])).toEqual([
      { month: '2024-11', count: 1 },
      { month: '2024-12', count: 0 },
      { month: '2025-01', count: 2 },
    ]);
    expect(monthlyCounts([])).toEqual([]);
  });

  it('turns a brushed range of months into the date filter', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual({ dateFrom: '2024-11-01', dateTo: '2025-02-28' });
    expect(monthRange('2024-02', '2024-02')).toEqual({ dateFrom: '2024-02-01', dateTo: '2024-02-29' });
  });
});
