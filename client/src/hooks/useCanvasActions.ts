import { useCallback, useState, type RefObject } from 'react';
import type { Core, NodeSingular } from 'cytoscape';
import type { Api } from '../api';
import { readSettings } from '../settings';
import { clusterView, districtView } from '../views';
import { stateFromUrl, toUrlView, type CanvasState, type ViewState } from '../state';
import type { MorePage } from '../hubs';
import type { EntityRef, RelationType } from '../types';
import type { CanvasDispatch } from './useCanvasHistory';
import type { Remember } from './useKnownFacts';
import type { Load } from './useRequest';

/** Where 显示更多 continues: the next page of an expanded entity's neighbours, by cursor. */
export type Truncated = MorePage;

/** What the analyst does to the canvas that needs the server: add, expand, open a view, restore a saved one. */
export function useCanvasActions({
  api,
  load,
  remember,
  dispatch,
  stateRef,
  cyRef,
}: {
  api: Api;
  load: Load;
  remember: Remember;
  dispatch: CanvasDispatch;
  stateRef: RefObject<CanvasState>;
  cyRef: RefObject<Core | null>;
}) {
  const [truncated, setTruncated] = useState<Truncated | null>(null);
  /** Bumped when curation changed the data, so details are fetched again. */
  const [dataVersion, setDataVersion] = useState(0);

  // ---- Views (district / cluster) ----
  const openView = useCallback(
    async (kind: 'district' | 'cluster', id: string, replace = false) => {
      const g = await load(() =>
        api.neighbourhood([id], {
          depth: 2,
          relationTypes: kind === 'district' ? ['LOCATED_IN', 'MEMBER_OF'] : ['MEMBER_OF', 'INVESTS_IN', 'OPERATES'],
          limit: 400,
        }),
      );
      if (!g) return null;
      const { keep, parents } = kind === 'district' ? districtView(id, g) : clusterView(id, g);
      const entities = g.nodes.filter((n) => keep.has(n.id));
      const relations = g.edges.filter((e) => keep.has(e.from.id) && keep.has(e.to.id));
      remember(entities, relations);
      if (!replace) dispatch({ type: 'view', view: { kind, id }, parents, entities, relations });
      return { entities, relations, parents };
    },
    [api, load, remember],
  );

  /** Where the nodes are drawn now, for a view to put them back there. */
  const positionsNow = useCallback((): Record<string, [number, number]> => {
    const cy = cyRef.current;
    if (!cy) return {};
    return Object.fromEntries(
      cy
        .nodes()
        .filter((n) => !n.isParent())
        .map((n) => {
          const p = (n as NodeSingular).position();
          return [n.id(), [p.x, p.y] as [number, number]];
        }),
    );
  }, []);

  /** A saved canvas back: its entities and relations by id, grouped again in a district or cluster view. */
  const restoreView = useCallback(
    async (vs: ViewState) => {
      const c = vs.canvas;
      const r = await load(() => api.canvas(c.ids, vs.e));
      if (!r) return;
      remember(r.entities, r.relations);
      const g = { nodes: r.entities, edges: r.relations, truncated: false };
      const parents = c.view.kind === 'district' ? districtView(c.view.id, g).parents : c.view.kind === 'cluster' ? clusterView(c.view.id, g).parents : {};
      const restored: CanvasState = { ...stateFromUrl(c, r.entities, r.relations, parents), positions: vs.pos };
      dispatch({ type: 'reset', state: restored });
      return restored;
    },
    [api, load, remember],
  );

  /** After curation: fetch what is on the canvas again; deleted facts and merged-away entities go. */
  const refreshCanvas = useCallback(async () => {
    const s = stateRef.current;
    const ids = Object.keys(s.nodes);
    if (ids.length) {
      const r = await load(() => api.entities(ids));
      if (r) {
        remember(r.entities, r.relations);
        const kept = new Set(r.entities.map((e) => e.id));
        const parents = Object.fromEntries(Object.entries(s.parents).filter(([c, p]) => kept.has(c) && kept.has(p)));
        dispatch({ type: 'reset', state: stateFromUrl(toUrlView(s), r.entities, r.relations, parents) });
      }
    }
    setDataVersion((v) => v + 1);
  }, [api, load, remember]);

  const addEntity = useCallback(
    async (e: EntityRef) => {
      // Edges to what is already on the canvas come along, so the new node is not an island.
      const g = await load(() => api.neighbourhood([e.id], { depth: 1, limit: 300 }));
      const on = new Set([...Object.keys(stateRef.current.nodes), e.id]);
      const rels = (g?.edges ?? []).filter((r) => on.has(r.from.id) && on.has(r.to.id));
      const me = g?.nodes.find((n) => n.id === e.id) ?? e;
      remember([me], rels);
      dispatch({ type: 'add', entities: [me], relations: rels });
      dispatch({ type: 'select', id: e.id });
      cyRef.current?.animate({ center: { eles: cyRef.current.getElementById(e.id) }, duration: 200 });
    },
    [api, load, remember],
  );

  /**
   * One page of an entity's neighbours onto the canvas, with their relations to what is already
   * there (the server finds those: the canvas goes as `among`). 显示更多 asks for the next page by
   * cursor, so the tenth click costs what the first did.
   */
  const expandInner = useCallback(
    async (id: string, types: RelationType[] | undefined, limit: number, more?: MorePage) => {
      const among = Object.keys(stateRef.current.nodes);
      // 每次展开最多显示 counts the expanded node too: the first page brings one neighbour fewer.
      const first = more ? limit : Math.max(1, limit - 1);
      const page = await load(() => api.neighbours(id, { first, after: more?.after ?? null, relationTypes: types, among }));
      if (!page) return;
      const origin = stateRef.current.nodes[id];
      remember(page.nodes, page.edges);
      dispatch({ type: 'expand', origin: id, subgraph: { nodes: origin ? [origin, ...page.nodes] : page.nodes, edges: page.edges, truncated: page.pageInfo.hasNextPage } });
      const shown = (more?.shown ?? 0) + page.nodes.length;
      setTruncated(page.pageInfo.hasNextPage && page.pageInfo.endCursor ? { id, types, after: page.pageInfo.endCursor, shown, total: page.totalCount } : null);
    },
    [api, load, remember],
  );

  const expand = useCallback(
    async (id: string, types?: RelationType[], limit = readSettings().expandLimit, more?: MorePage) => {
      try {
        await expandInner(id, types, limit, more);
      } finally {
        // For tests and scripts: an expansion finished, whether or not it added anything.
        const w = window as unknown as { __chainAtlas?: Record<string, unknown> };
        if (w.__chainAtlas) w.__chainAtlas.expanded = Number(w.__chainAtlas.expanded ?? 0) + 1;
      }
    },
    [expandInner],
  );

  return { openView, positionsNow, restoreView, refreshCanvas, addEntity, expand, truncated, dataVersion };
}

export type CanvasActions = ReturnType<typeof useCanvasActions>;
