import { useCallback, useMemo, useState } from 'react';
import type { Api } from '../api';
import type { EntityRef, PathData } from '../types';
import type { CanvasDispatch } from './useCanvasHistory';
import type { Remember } from './useKnownFacts';
import type { Load } from './useRequest';

/** The path finder: its two ends, the paths found, the one shown on the canvas. */
export function usePaths({ api, load, remember, dispatch }: { api: Api; load: Load; remember: Remember; dispatch: CanvasDispatch }) {
  const [pathFrom, setPathFrom] = useState<EntityRef | null>(null);
  const [pathTo, setPathTo] = useState<EntityRef | null>(null);
  const [paths, setPaths] = useState<PathData[]>([]);
  const [pathSearched, setPathSearched] = useState(false);
  const [activePath, setActivePath] = useState<number | null>(null);

  const showPath = (ps: PathData[], i: number) => {
    const p = ps[i];
    if (!p) return;
    remember(p.nodes, p.edges);
    dispatch({ type: 'add', entities: p.nodes, relations: p.edges, origin: p.nodes[0]?.id });
    setActivePath(i);
  };

  const findPaths = useCallback(async () => {
    if (!pathFrom || !pathTo) return;
    setPathSearched(false);
    const ps = await load(() => api.paths(pathFrom.id, pathTo.id, { maxLength: 4, first: 5 }));
    setPaths(ps ?? []);
    setPathSearched(true);
    if (ps?.length) showPath(ps, 0);
  }, [pathFrom, pathTo]);

  const clearPaths = () => {
    setPaths([]);
    setActivePath(null);
    setPathSearched(false);
  };

  /** The nodes and edges of the path shown, highlighted on the canvas. */
  const pathIds = useMemo(() => {
    const p = activePath != null ? paths[activePath] : null;
    return new Set(p ? [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)] : []);
  }, [paths, activePath]);

  return { pathFrom, setPathFrom, pathTo, setPathTo, paths, pathSearched, activePath, findPaths, showPath, clearPaths, pathIds };
}
