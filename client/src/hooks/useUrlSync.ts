import { useCallback, useEffect, type RefObject } from 'react';
import type { Api } from '../api';
import { screenParams, type Screen } from '../screens';
import { emptyFilters, emptyState, encodeUrl, toUrlView, toViewState, URL_INLINE_MAX, type CanvasState } from '../state';

/**
 * What a saved link view is made of, to tell whether the canvas changed: not where the nodes
 * stand, nor the filters and selection (the link carries those itself).
 */
export function canvasKey(s: CanvasState): string {
  const u = toUrlView(s);
  return JSON.stringify([[...u.ids].sort(), Object.keys(s.edges).sort(), u.expansions, u.hidden, u.pinned, u.view]);
}

/**
 * Whether the link can carry the canvas itself: short enough, and not a district or cluster view
 * with expansions (its inline form is the view's id, which brings back the view but not what
 * was expanded inside it; a saved view keeps them).
 */
export function inlineLink(s: CanvasState, inline: string): boolean {
  if (inline.length > URL_INLINE_MAX) return false;
  return s.view.kind === 'free' || !Object.values(s.expansions).some((added) => added.length > 0);
}

/** The link of the canvas, and the address bar kept in step with it. */
export function useUrlSync({
  api,
  state,
  stateRef,
  booted,
  language,
  screen,
  positionsNow,
  linkView,
}: {
  api: Api;
  state: CanvasState;
  stateRef: RefObject<CanvasState>;
  booted: boolean;
  language: string;
  screen: Screen;
  positionsNow: () => Record<string, [number, number]>;
  /** The view saved for the link of the canvas as it is now (so an unchanged canvas is not saved again). */
  linkView: RefObject<{ key: string; id: string } | null>;
}) {
  /**
   * The link of the canvas: the canvas itself while it is short, else the id of a view saved
   * for it (a big canvas in the address gave "HTTP ERROR 431" on reload); never past 2 KB.
   */
  const linkQuery = useCallback(
    async (extra: Record<string, string>): Promise<string> => {
      const s = stateRef.current;
      const inline = encodeUrl(toUrlView(s), extra);
      if (inlineLink(s, inline)) return inline;
      const key = canvasKey(s);
      if (linkView.current?.key !== key) {
        // Filters and selection change often and are small: they ride in the link as a delta,
        // so moving the date slider does not save the canvas again.
        const saved = await api.saveView(null, toViewState({ ...s, filters: emptyFilters, selected: null }, positionsNow()));
        linkView.current = { key, id: saved.view.id };
      }
      const delta = encodeUrl(toUrlView({ ...emptyState, filters: s.filters, selected: s.selected }), extra);
      return `v=${linkView.current.id}${delta ? `&${delta}` : ''}`;
    },
    [api, positionsNow],
  );

  // The URL follows the canvas, so a copied link or a reload reproduces it.
  useEffect(() => {
    if (!booted) return;
    const lang: Record<string, string> = language.startsWith('en') ? { lang: 'en' } : {};
    const extra = { ...lang, ...screenParams(screen) };
    const set = (q: string) => {
      const url = `${location.pathname}${q ? `?${q}` : ''}`;
      if (url !== `${location.pathname}${location.search}`) window.history.replaceState(null, '', url);
    };
    const inline = encodeUrl(toUrlView(state), extra);
    if (inlineLink(state, inline)) return set(inline);
    const key = canvasKey(state);
    if (linkView.current?.key === key) {
      void linkQuery(extra).then(set, () => undefined);
      return;
    }
    // A big canvas is saved once it has settled (a layout runs for a moment), not at every step.
    const timer = setTimeout(() => {
      void linkQuery(extra).then(
        (q) => {
          if (canvasKey(stateRef.current) === key) set(q);
        },
        () => undefined, // Server unreachable: the address keeps its last short form.
      );
    }, 600);
    return () => clearTimeout(timer);
  }, [state, booted, language, screen]);

  /** The link to share: the canvas and the language. */
  const shareQuery = useCallback(() => linkQuery(language.startsWith('en') ? { lang: 'en' } : {}), [linkQuery, language]);

  return { linkQuery, shareQuery };
}
