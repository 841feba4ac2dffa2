// The 产业链 screens beside the explorer — the chain view and the district/cluster dashboards —
// as data: what the URL says about them, so a link opens the same screen. Pure, tested without a browser.
import type { ChainDirection, ChainLayer } from './types';
import { CHAIN_LAYERS } from './types';

export type Screen =
  | { kind: 'chain'; id: string; depth: number; direction: ChainDirection; layers: ChainLayer[] }
  | { kind: 'profile'; id: string }
  /** 待审核: the least certain facts, to accept or reject one key press at a time. */
  | { kind: 'review' }
  | { kind: 'import' }
  | { kind: 'audit' }
  | null;

export const CHAIN_DEPTHS = [1, 2, 3, 4] as const;
const DIRECTIONS: Record<string, ChainDirection> = { both: 'BOTH', up: 'UPSTREAM', down: 'DOWNSTREAM' };

export function chainScreen(id: string, over: Partial<Omit<Extract<Screen, { kind: 'chain' }>, 'kind' | 'id'>> = {}): Screen {
  return { kind: 'chain', id, depth: 2, direction: 'BOTH', layers: [], ...over };
}

/** ?chain=<id>&depth=2&dir=up&layers=INVESTS_IN,MEMBER_OF or ?profile=<id>; null for the explorer. */
export function screenFromUrl(search: string): Screen {
  const p = new URLSearchParams(search);
  if (p.has('review')) return { kind: 'review' };
  if (p.get('page') === 'import') return { kind: 'import' };
  if (p.get('page') === 'audit') return { kind: 'audit' };
  const profile = p.get('profile');
  if (profile) return { kind: 'profile', id: profile };
  const chain = p.get('chain');
  if (!chain) return null;
  const depth = Number(p.get('depth') ?? 2);
  return chainScreen(chain, {
    depth: (CHAIN_DEPTHS as readonly number[]).includes(depth) ? depth : 2,
    direction: DIRECTIONS[p.get('dir') ?? 'both'] ?? 'BOTH',
    layers: (p.get('layers') ?? '').split(',').filter((l): l is ChainLayer => (CHAIN_LAYERS as readonly string[]).includes(l)),
  });
}

export function screenParams(s: Screen): Record<string, string> {
  if (!s) return {};
  if (s.kind === 'profile') return { profile: s.id };
  if (s.kind === 'review') return { review: '1' };
  if (s.kind === 'import' || s.kind === 'audit') return { page: s.kind };
  const dir = Object.entries(DIRECTIONS).find(([, d]) => d === s.direction)?.[0] ?? 'both';
  return {
    chain: s.id,
    ...(s.depth !== 2 ? { depth: String(s.depth) } : {}),
    ...(dir !== 'both' ? { dir } : {}),
    ...(s.layers.length ? { layers: s.layers.join(',') } : {}),
  };
}

/** Article dates by month (YYYY-MM → how many dated facts), every month between the first and last. */
export function monthlyCounts(dates: Iterable<string>): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of dates) {
    const m = /^(\d{4})-(\d{2})/.exec(d);
    if (m) counts.set(`${m[1]}-${m[2]}`, (counts.get(`${m[1]}-${m[2]}`) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort();
  const out: { month: string; count: number }[] = [];
  let [y, mo] = months[0].split('-').map(Number);
  const last = months[months.length - 1];
  for (;;) {
    const key = `${y}-${String(mo).padStart(2, '0')}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
    if (key >= last) break;
    mo++;
    if (mo > 12) {
      mo = 1;
      y++;
    }
  }
  return out;
}

/** The date filter a brushed range of months means: from the first day of one to the last day of the other. */
export function monthRange(from: string, to: string): { dateFrom: string; dateTo: string } {
  const [y, m] = to.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { dateFrom: `${from}-01`, dateTo: `${to}-${String(last).padStart(2, '0')}` };
}
