// The analyst's filters and what they hide on the canvas.
import type { EntityType, RelationType } from '../types';
import type { CanvasState } from './canvas';
import { strandedNodes } from '../hubs';

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


export const emptyFilters: Filters = {
  hiddenEntityTypes: [],
  hiddenRelationTypes: [],
  district: null,
  dateFrom: null,
  dateTo: null,
};

/**
 * Which nodes and edges the filters hide. Districts are found through LOCATED_IN edges on
 * the canvas; dates through the article dates known for each edge (unknown: kept), and a node
 * whose every relation the dates hide is hidden with them.
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
  // A node the dates leave without a relation goes too: a dot for facts outside the range is noise.
  if (f.dateFrom || f.dateTo) for (const n of strandedNodes(Object.keys(s.nodes), Object.values(s.edges), out)) out.add(n);
  return out;
}

/** How many entities and relations on the canvas are hidden (by the filters or by hand). */
export function hiddenOnCanvas(s: CanvasState, out: ReadonlySet<string>): number {
  let n = 0;
  for (const id of out) if (s.nodes[id] || s.edges[id]) n++;
  return n;
}
