import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Core } from 'cytoscape';
import type { Api } from '../api';
import { straightenPath } from '../pathLayout';
import { DEFAULT_PATH_CHOICES, pathQueryArgs, type PathChoices } from '../pathSearch';
import type { CanvasState } from '../state';
import type { EntityRef, PathData } from '../types';
import type { CanvasDispatch } from './useCanvasHistory';
import type { Remember } from './useKnownFacts';
import type { Load } from './useRequest';

/**
 * The path finder: its two ends, the analyst's choices (relation types, shortcuts, max hops),
 * the paths found under the canvas filters, and the one shown on the canvas.
 */
export function usePaths({
  api,
  load,
  remember,
  dispatch,
  state,
  cyRef,
}: {
  api: Api;
  load: Load;
  remember: Remember;
  dispatch: CanvasDispatch;
  state: CanvasState;
  cyRef: { current: Core | null };
}) {
  const [pathFrom, setPathFrom] = useState<EntityRef | null>(null);
  const [pathTo, setPathTo] = useState<EntityRef | null>(null);
  const [paths, setPaths] = useState<PathData[]>([]);
  const [searches, setSearches] = useState(0);
  const [activePath, setActivePath] = useState<number | null>(null);
  const [choices, setChoices] = useState<PathChoices>(DEFAULT_PATH_CHOICES);

  const showPath = (ps: PathData[], i: number) => {
    const p = ps[i];
    if (!p) return;
    remember(p.nodes, p.edges);
    dispatch({ type: 'add', entities: p.nodes, relations: p.edges, origin: p.nodes[0]?.id });
    setActivePath(i);
  };

  const findPaths = useCallback(async () => {
    if (!pathFrom || !pathTo) return;
    const ps = await load(() => api.paths(pathFrom.id, pathTo.id, { ...pathQueryArgs(choices, state.filters), first: 5 }));
    setPaths(ps ?? []);
    setActivePath(null);
    setSearches((n) => n + 1);
    if (ps?.length) showPath(ps, 0);
  }, [pathFrom, pathTo, choices, state.filters]);

  const clearPaths = () => {
    setPaths([]);
    setActivePath(null);
    setSearches(0);
  };

  const swapEnds = () => {
    setPathFrom(pathTo);
    setPathTo(pathFrom);
  };

  // 清空画布 takes the paths with it: their highlight would fade whatever comes next.
  const canvasEmpty = Object.keys(state.nodes).length === 0;
  useEffect(() => {
    if (canvasEmpty) {
      setPaths([]);
      setActivePath(null);
    }
  }, [canvasEmpty]);

  /** The nodes and edges of the path shown, highlighted on the canvas while all of it is there. */
  const pathIds = useMemo(() => {
    const p = activePath != null ? paths[activePath] : null;
    if (!p || !p.nodes.every((n) => state.nodes[n.id])) return new Set<string>();
    return new Set([...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)]);
  }, [paths, activePath, state.nodes]);

  /** Lays a path found out in a straight line, left to right from its start. */
  const straighten = (i: number) => {
    const p = paths[i];
    const cy = cyRef.current;
    if (!p || !cy) return;
    if (activePath !== i) showPath(paths, i);
    straightenPath(
      cy,
      p.nodes.map((n) => n.id),
      state.pinned,
    );
  };

  return {
    pathFrom,
    setPathFrom,
    pathTo,
    setPathTo,
    swapEnds,
    choices,
    setChoices: (c: Partial<PathChoices>) => setChoices((old) => ({ ...old, ...c })),
    paths,
    searches,
    activePath,
    findPaths,
    showPath,
    clearPaths,
    straighten,
    pathIds,
  };
}
