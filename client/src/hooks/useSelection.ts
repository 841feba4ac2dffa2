import { useEffect, useState } from 'react';
import type { Api, EntityDetailsData } from '../api';
import type { CanvasState } from '../state';
import type { RelationData } from '../types';
import type { Load } from './useRequest';

export type Selected = { kind: 'entity'; data: EntityDetailsData } | { kind: 'relation'; data: RelationData } | null;

/** The details of what is selected on the canvas, fetched again when curation changed the data. */
export function useSelection({ api, load, state, dataVersion }: { api: Api; load: Load; state: CanvasState; dataVersion: number }) {
  const [selected, setSelected] = useState<Selected>(null);
  useEffect(() => {
    const id = state.selected;
    if (!id) return setSelected(null);
    let live = true;
    const edge = state.edges[id];
    void load(async () => {
      if (edge) {
        const r = await api.relation(id);
        if (live && r) setSelected({ kind: 'relation', data: r });
      } else if (state.nodes[id]) {
        const e = await api.entity(id);
        if (live && e) setSelected({ kind: 'entity', data: e });
      }
    });
    return () => {
      live = false;
    };
  }, [state.selected, dataVersion]);
  return selected;
}
