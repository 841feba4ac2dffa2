import { useCallback, useState } from 'react';
import type { EntityRef, RelationData } from '../types';

/**
 * What the explorer learnt from the answers it got: the article dates of each relation (for the
 * date filter and the timeline) and the districts' names (for the district filter).
 */
export function useKnownFacts() {
  const [edgeDates, setEdgeDates] = useState<Record<string, string[]>>({});
  const [districts, setDistricts] = useState<Record<string, string>>({});

  const remember = useCallback((entities: EntityRef[], relations: RelationData[]) => {
    const dates: Record<string, string[]> = {};
    for (const r of relations) {
      const ds = (r.evidence ?? []).map((e) => e.article.date).filter((d): d is string => !!d);
      if (ds.length) dates[r.id] = ds;
    }
    if (Object.keys(dates).length) setEdgeDates((old) => ({ ...old, ...dates }));
    const ds = entities.filter((e) => e.type === 'DISTRICT');
    if (ds.length) setDistricts((old) => ({ ...old, ...Object.fromEntries(ds.map((d) => [d.id, d.name])) }));
  }, []);

  return { edgeDates, districts, remember };
}

export type Remember = ReturnType<typeof useKnownFacts>['remember'];
