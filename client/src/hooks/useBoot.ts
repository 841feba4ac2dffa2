import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../api';
import { forgetLocalViews, takeLocalViews } from '../exporters';
import { readSettings, writeSettings } from '../settings';
import { decodeUrl, emptyState, parseViewState, stateFromUrl, viewIdFromUrl, type ViewState } from '../state';
import type { CanvasActions } from './useCanvasActions';
import type { CanvasDispatch } from './useCanvasHistory';
import type { Remember } from './useKnownFacts';
import type { Load } from './useRequest';
import { canvasKey } from './useUrlSync';

/** Remembers the delete key of a view this browser saved (null: forgets it). */
export function rememberViewKey(id: string, key: string | null): void {
  const viewKeys = readSettings().viewKeys;
  if (key) viewKeys[id] = key;
  else delete viewKeys[id];
  writeSettings({ viewKeys });
}

/**
 * The first load: the canvas in the URL (inline, a saved view, or a district / cluster view),
 * and the views this browser kept locally moved to the server once. `booted` turns true when
 * the canvas is there, so the URL sync does not overwrite the address before.
 */
export function useBoot({
  api,
  load,
  remember,
  dispatch,
  actions,
  linkView,
  setError,
  refreshViews,
}: {
  api: Api;
  load: Load;
  remember: Remember;
  dispatch: CanvasDispatch;
  actions: Pick<CanvasActions, 'openView' | 'restoreView'>;
  linkView: RefObject<{ key: string; id: string } | null>;
  setError: (e: string | null) => void;
  refreshViews: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [booted, setBooted] = useState(false);
  useEffect(() => {
    // Views this browser kept before they lived on the server: moved there once.
    const local = takeLocalViews();
    void (async () => {
      for (const lv of local) {
        const state: ViewState = { v: 1, canvas: decodeUrl(lv.query), e: [], pos: {} };
        const saved = await api.saveView(lv.name, JSON.stringify(state)).catch(() => null);
        if (!saved) return;
        rememberViewKey(saved.view.id, saved.deleteKey);
      }
      if (local.length) forgetLocalViews();
    })().then(refreshViews);
    const v = decodeUrl(location.search);
    const savedId = viewIdFromUrl(location.search);
    void (async () => {
      if (savedId) {
        const saved = await load(() => api.view(savedId));
        const vs = saved ? parseViewState(saved.state) : null;
        if (vs) {
          // The link's filters and selection (its small delta) over the view's own.
          const params = new URLSearchParams(location.search);
          const filters = ['et', 'rt', 'd', 'from', 'to'].some((k) => params.has(k)) ? v.filters : vs.canvas.filters;
          const selected = params.has('s') ? v.selected : vs.canvas.selected;
          const restored = await actions.restoreView({ ...vs, canvas: { ...vs.canvas, filters, selected } });
          if (restored) linkView.current = { key: canvasKey(restored), id: savedId };
        } else if (saved === null) setError(t('views.notFound'));
      } else if (v.view.kind !== 'free') {
        const r = await actions.openView(v.view.kind, v.view.id, true);
        if (r) dispatch({ type: 'reset', state: stateFromUrl({ ...v, ids: [] }, r.entities, r.relations, r.parents) });
      } else if (v.ids.length) {
        const r = await load(() => api.entities(v.ids));
        if (r) {
          remember(r.entities, r.relations);
          dispatch({ type: 'reset', state: stateFromUrl(v, r.entities, r.relations) });
        }
      } else if (v.filters !== emptyState.filters) {
        dispatch({ type: 'reset', state: { ...emptyState, filters: v.filters } });
      }
      setBooted(true);
    })();
  }, []);
  return booted;
}
