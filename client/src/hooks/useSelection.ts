import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../api';
import { relationFilterOf, type EntityPanelData } from '../hubs';
import type { CanvasState } from '../state';
import type { RelationData } from '../types';
import type { Load } from './useRequest';

export type Selected =
  | { kind: 'entity'; data: EntityPanelData; filtered: boolean }
  | { kind: 'relation'; data: RelationData }
  | null;

/**
 * The details of what is selected on the canvas, fetched again when curation changed the data
 * or the filters changed: an entity's figures are the server's, over all of its relations that
 * the filters keep, and its relations are paged from the server ("另有 N 条").
 */
export function useSelection({ api, load, state, dataVersion }: { api: Api; load: Load; state: CanvasState; dataVersion: number }) {
  const [selected, setSelected] = useState<Selected>(null);
  const filter = relationFilterOf(state.filters);
  const filterKey = JSON.stringify(filter);
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
        const e = await api.entityPanel(id, filter);
        if (live && e) setSelected({ kind: 'entity', data: e, filtered: filter != null });
      }
    });
    return () => {
      live = false;
    };
  }, [state.selected, dataVersion, filterKey]);

  /** The next page of the selected entity's relations, appended to the panel's list. */
  const moreRelations = useCallback(async () => {
    const cur = selected;
    if (cur?.kind !== 'entity' || !cur.data.relations.pageInfo.endCursor) return;
    const page = await load(() => api.relationsPage(cur.data.id, cur.data.relations.pageInfo.endCursor!, filter));
    if (!page) return;
    setSelected((s) =>
      s?.kind === 'entity' && s.data.id === cur.data.id
        ? { ...s, data: { ...s.data, relations: { ...page, edges: [...s.data.relations.edges, ...page.edges] } } }
        : s,
    );
  }, [selected, filterKey]);

  return { selected, moreRelations };
}
