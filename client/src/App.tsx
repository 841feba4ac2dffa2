import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Core, NodeSingular } from 'cytoscape';
import { api as makeApi, ApiError, createClient } from './api';
import type { Api, EntityDetailsData, SavedViewData, StatsData } from './api';
import { Canvas, fitView } from './components/Canvas';
import { EntityDetails, RelationDetails, relationLabel } from './components/Details';
import { FiltersPanel, HelpPanel, Legend, PathsPanel, ViewsPanel } from './components/Panels';
import { Reader } from './components/Reader';
import { SearchBox } from './components/SearchBox';
import { SettingsPanel } from './components/Settings';
import { download, forgetLocalViews, takeLocalViews, toCsv, visibleGraph } from './exporters';
import { formatNumber } from './format';
import { getExpandLimit, getToken, getViewKeys, setLang, setViewKey } from './settings';
import type { CanvasState, HistoryAction } from './state';
import {
  canRedo,
  canUndo,
  decodeUrl,
  emptyFilters,
  emptyState,
  encodeUrl,
  filteredOut,
  historyReducer,
  initHistory,
  parseViewState,
  stateFromUrl,
  toUrlView,
  toViewState,
  URL_INLINE_MAX,
  viewIdFromUrl,
  type ViewState,
} from './state';
import type { Article, EntityRef, EvidenceData, PathData, RelationData, RelationType, SearchHitData, SubgraphData } from './types';
import { RELATION_TYPES } from './types';
import { clusterView, districtView } from './views';
import { chainScreen, screenFromUrl, screenParams, type Screen } from './screens';


// The chain view, the dashboards and the timeline bring dagre and ECharts: loaded when first
// shown, so the explorer's first graph does not wait for them.
const ChainView = lazy(() => import('./components/ChainView').then((m) => ({ default: m.ChainView })));
const Dashboard = lazy(() => import('./components/Dashboard').then((m) => ({ default: m.Dashboard })));
const Timeline = lazy(() => import('./components/Timeline').then((m) => ({ default: m.Timeline })));

/** Entities a chain view starts from. */
const CHAIN_ROOTS: readonly string[] = ['ENTERPRISE', 'PLATFORM', 'CLUSTER'];

type Selected = { kind: 'entity'; data: EntityDetailsData } | { kind: 'relation'; data: RelationData } | null;

function resetHistory(h: ReturnType<typeof initHistory>, a: HistoryAction | { type: 'reset'; state: CanvasState }) {
  if (a.type === 'reset') return initHistory(a.state);
  return historyReducer(h, a);
}

export function App({ apiOverride }: { apiOverride?: Api } = {}) {
  const { t, i18n } = useTranslation();
  const api = useMemo(() => apiOverride ?? makeApi(createClient({ token: getToken })), [apiOverride]);
  const [history, dispatch] = useReducer(resetHistory, undefined, () => initHistory());
  const state = history.present;
  const stateRef = useRef(state);
  stateRef.current = state;
  const cyRef = useRef<Core | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [booted, setBooted] = useState(false);
  const [stats, setStats] = useState<StatsData | null>(null);
  const [selected, setSelected] = useState<Selected>(null);
  const [reader, setReader] = useState<{ article: Article; start: number; end: number } | null>(null);
  const [menu, setMenu] = useState<{ id: string | null; kind: 'node' | 'edge' | 'bg'; x: number; y: number } | null>(null);
  const [truncated, setTruncated] = useState<{ id: string; limit: number; types?: RelationType[]; shown: number } | null>(null);
  const [edgeDates, setEdgeDates] = useState<Record<string, string[]>>({});
  const [districts, setDistricts] = useState<Record<string, string>>({});
  const [pathFrom, setPathFrom] = useState<EntityRef | null>(null);
  const [pathTo, setPathTo] = useState<EntityRef | null>(null);
  const [paths, setPaths] = useState<PathData[]>([]);
  const [pathSearched, setPathSearched] = useState(false);
  const [activePath, setActivePath] = useState<number | null>(null);
  const [views, setViews] = useState<SavedViewData[]>([]);
  /** The view saved for the link of the canvas as it is now (so an unchanged canvas is not saved again). */
  const linkView = useRef<{ key: string; id: string } | null>(null);
  const [modal, setModal] = useState<'help' | 'settings' | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const [articles, setArticles] = useState<{ id: string; title: string | null }[]>([]);
  /** The chain view or a dashboard in place of the explorer (from the URL too). */
  const [screen, setScreen] = useState<Screen>(() => screenFromUrl(location.search));
  /** Bumped when curation changed the data, so details are fetched again. */
  const [dataVersion, setDataVersion] = useState(0);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError) setError(t(`errors.${e.kind}`, { msg: e.message }));
      else setError(e instanceof Error ? e.message : String(e));
    },
    [t],
  );
  /** Runs a request with the loading indicator and the error banner. */
  const load = useCallback(
    async <T,>(p: () => Promise<T>): Promise<T | undefined> => {
      setPending((n) => n + 1);
      try {
        const v = await p();
        setError(null);
        return v;
      } catch (e) {
        fail(e);
        return undefined;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [fail],
  );

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

  // ---- Saved views ----
  const refreshViews = useCallback(() => api.views().then(setViews, () => undefined), [api]);

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

  // ---- Boot: stats and the view in the URL ----
  useEffect(() => {
    void api.stats().then(setStats, () => setStats(null));
    void api.articles().then(setArticles, () => undefined);
    // Views this browser kept before they lived on the server: moved there once.
    const local = takeLocalViews();
    void (async () => {
      for (const lv of local) {
        const state: ViewState = { v: 1, canvas: decodeUrl(lv.query), e: [], pos: {} };
        const saved = await api.saveView(lv.name, JSON.stringify(state)).catch(() => null);
        if (!saved) return;
        setViewKey(saved.view.id, saved.deleteKey);
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
          const restored = await restoreView({ ...vs, canvas: { ...vs.canvas, filters, selected } });
          if (restored) linkView.current = { key: canvasKey(restored), id: savedId };
        } else if (saved === null) setError(t('views.notFound'));
      } else if (v.view.kind !== 'free') {
        const r = await openView(v.view.kind, v.view.id, true);
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

  /**
   * The link of the canvas: the canvas itself while it is short, else the id of a view saved
   * for it (a big canvas in the address gave "HTTP ERROR 431" on reload); never past 2 KB.
   */
  const linkQuery = useCallback(
    async (extra: Record<string, string>): Promise<string> => {
      const s = stateRef.current;
      const inline = encodeUrl(toUrlView(s), extra);
      if (inline.length <= URL_INLINE_MAX) return inline;
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
    const lang: Record<string, string> = i18n.language.startsWith('en') ? { lang: 'en' } : {};
    const extra = { ...lang, ...screenParams(screen) };
    const set = (q: string) => {
      const url = `${location.pathname}${q ? `?${q}` : ''}`;
      if (url !== `${location.pathname}${location.search}`) history_replace(url);
    };
    const inline = encodeUrl(toUrlView(state), extra);
    if (inline.length <= URL_INLINE_MAX) return set(inline);
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
  }, [state, booted, i18n.language, screen]);

  // ---- Selection details ----
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

  // ---- Actions ----
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

  const expandInner = useCallback(
    async (id: string, types: RelationType[] | undefined, limit: number) => {
      const g: SubgraphData | undefined = await load(() => api.neighbourhood([id], { depth: 1, relationTypes: types, limit }));
      if (!g) return;
      // Edges between new nodes and what was already on the canvas come too.
      const newIds = g.nodes.map((n) => n.id).filter((n) => !stateRef.current.nodes[n]);
      let extra: RelationData[] = [];
      if (newIds.length && Object.keys(stateRef.current.nodes).length > 1) {
        const more = await load(() => api.neighbourhood(newIds, { depth: 1, limit: 300 }));
        const on = new Set([...Object.keys(stateRef.current.nodes), ...newIds]);
        extra = (more?.edges ?? []).filter((r) => on.has(r.from.id) && on.has(r.to.id));
      }
      remember(g.nodes, [...g.edges, ...extra]);
      dispatch({ type: 'expand', origin: id, subgraph: { ...g, edges: [...g.edges, ...extra] } });
      setTruncated(g.truncated ? { id, limit, types, shown: g.nodes.length } : null);
    },
    [api, load, remember],
  );

  const expand = useCallback(
    async (id: string, types?: RelationType[], limit = getExpandLimit()) => {
      try {
        await expandInner(id, types, limit);
      } finally {
        // For tests and scripts: an expansion finished, whether or not it added anything.
        const w = window as unknown as { __chainAtlas?: Record<string, unknown> };
        if (w.__chainAtlas) w.__chainAtlas.expanded = Number(w.__chainAtlas.expanded ?? 0) + 1;
      }
    },
    [expandInner],
  );

  const readEvidence = useCallback(
    async (ev: EvidenceData) => {
      const a = await load(() => api.article(ev.article.id));
      if (a) setReader({ article: a, start: ev.start, end: ev.end });
    },
    [api, load],
  );

  const findPaths = useCallback(async () => {
    if (!pathFrom || !pathTo) return;
    setPathSearched(false);
    const ps = await load(() => api.paths(pathFrom.id, pathTo.id, { maxLength: 4, first: 5 }));
    setPaths(ps ?? []);
    setPathSearched(true);
    if (ps?.length) showPath(ps, 0);
  }, [pathFrom, pathTo]);

  const showPath = (ps: PathData[], i: number) => {
    const p = ps[i];
    if (!p) return;
    remember(p.nodes, p.edges);
    dispatch({ type: 'add', entities: p.nodes, relations: p.edges, origin: p.nodes[0]?.id });
    setActivePath(i);
  };

  const pathIds = useMemo(() => {
    const p = activePath != null ? paths[activePath] : null;
    return new Set(p ? [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)] : []);
  }, [paths, activePath]);

  const hiddenIds = useMemo(() => filteredOut(state, edgeDates), [state, edgeDates]);
  const timelineDates = useMemo(() => Object.keys(state.edges).flatMap((id) => edgeDates[id] ?? []), [state.edges, edgeDates]);

  const selectedEntity: EntityRef | null = state.selected && state.nodes[state.selected] ? state.nodes[state.selected] : null;

  const shareQuery = () => linkQuery(i18n.language.startsWith('en') ? { lang: 'en' } : {});

  const exportAs = async (kind: 'png' | 'svg' | 'json' | 'csv') => {
    const cy = cyRef.current;
    const g = visibleGraph(stateRef.current, hiddenIds);
    if (kind === 'json') download('chain-atlas.json', JSON.stringify(g, null, 2), 'application/json');
    else if (kind === 'csv') download('chain-atlas.csv', toCsv(g), 'text/csv;charset=utf-8');
    else if (kind === 'png' && cy) download('chain-atlas.png', cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }) as unknown as Blob);
    else if (kind === 'svg' && cy) {
      const { toSvg } = await import('./svg');
      download('chain-atlas.svg', toSvg(cy), 'image/svg+xml');
    }
  };

  const switchLang = () => {
    const next = i18n.language.startsWith('en') ? 'zh-CN' : 'en';
    void i18n.changeLanguage(next);
    setLang(next);
    document.documentElement.lang = next;
  };

  // Back from a screen: the explorer's canvas was hidden, so it measures itself again.
  useEffect(() => {
    if (!screen) requestAnimationFrame(() => cyRef.current?.resize());
  }, [screen]);

  // ---- Keyboard ----
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      const typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
      if (e.key === 'Escape') {
        setMenu(null);
        if (reader) setReader(null);
        else if (modal) setModal(null);
        else dispatch({ type: 'select', id: null });
        return;
      }
      if (typing) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && (e.key === 'z' || e.key === 'Z')) {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
      } else if (mod && e.key === 'y') {
        e.preventDefault();
        dispatch({ type: 'redo' });
      } else if (mod) {
        return;
      } else if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === '?') {
        setModal((m) => (m === 'help' ? null : 'help'));
      } else if (e.key === 'f' || e.key === 'F') {
        fitCurrent();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && stateRef.current.selected) {
        const boxed = cyRef.current?.$(':selected').map((x) => x.id()) ?? [];
        dispatch({ type: 'hide', ids: boxed.length ? boxed : [stateRef.current.selected] });
      } else if ((e.key === 'e' || e.key === 'E') && selectedEntity) {
        void expand(selectedEntity.id);
      } else if ((e.key === 'p' || e.key === 'P') && selectedEntity) {
        dispatch({ type: 'togglePin', id: selectedEntity.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reader, modal, selectedEntity, expand]);

  useEffect(() => {
    const w = window as unknown as { __chainAtlas?: Record<string, unknown> };
    w.__chainAtlas = { ...(w.__chainAtlas ?? {}), state: () => stateRef.current, dispatch, pending };
  }, [pending]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 2500);
    return () => clearTimeout(timer);
  }, [toast]);

  const nodeLabel = useCallback((id: string) => stateRef.current.nodes[id]?.name ?? id, []);
  const edgeLabel = useCallback(
    (id: string) => {
      const e = stateRef.current.edges[id];
      return e ? relationLabel(e, t, i18n.language) : '';
    },
    [t, i18n.language],
  );

  const fitCurrent = () => {
    if (cyRef.current) fitView(cyRef.current);
  };

  const searchFn = useCallback((q: string) => api.search(q), [api]);
  const nodeCount = Object.keys(state.nodes).length;
  const menuNode = menu?.id ? state.nodes[menu.id] : null;

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          {t('app.title')} <span className="subtitle">{t('app.subtitle')}</span>
        </h1>
        <div className="stats" aria-label="stats">
          {stats?.articles != null && <span>{t('stats.articles', { n: formatNumber(stats.articles, i18n.language) })}</span>}
          {stats?.entities != null && <span>{t('stats.entities', { n: formatNumber(stats.entities, i18n.language) })}</span>}
          {stats?.relations != null && <span>{t('stats.relations', { n: formatNumber(stats.relations, i18n.language) })}</span>}
        </div>
        <div className="top-actions">
          {pending > 0 && (
            <span className="spinner" role="status">
              {t('canvas.loading')}
            </span>
          )}
          <button type="button" onClick={switchLang} aria-label={t('app.languageLabel')}>
            {t('app.language')}
          </button>
          <button type="button" onClick={() => setModal('settings')}>
            {t('app.settings')}
          </button>
          <button type="button" onClick={() => setModal('help')}>
            {t('app.help')}
          </button>
        </div>
      </header>
      {error && (
        <div className="error-banner" role="alert">
          {error}
          <button type="button" className="mini" onClick={() => setError(null)}>
            {t('errors.dismiss')}
          </button>
        </div>
      )}
      <Suspense fallback={null}>
      {screen?.kind === 'chain' && (
        <ChainView
          api={api}
          screen={screen}
          onChange={setScreen}
          onBack={() => setScreen(null)}
          onAddToCanvas={(e) => {
            setScreen(null);
            void addEntity(e);
          }}
          onOpenProfile={(id) => setScreen({ kind: 'profile', id })}
          onError={fail}
        />
      )}
      {screen?.kind === 'profile' && (
        <Dashboard
          api={api}
          id={screen.id}
          onBack={() => setScreen(null)}
          onOpenChain={(id) => setScreen(chainScreen(id))}
          onOpenProfile={(id) => setScreen({ kind: 'profile', id })}
          onAddToCanvas={(e) => {
            setScreen(null);
            void addEntity(e);
          }}
          onError={fail}
        />
      )}
      </Suspense>
      <div className="main" hidden={screen !== null}>
        <aside className="left">
          <SearchBox
            search={searchFn}
            onPick={(h: SearchHitData) => void addEntity(h.entity)}
            inputRef={searchRef}
            extraActions={[
              { label: t('paths.from'), onClick: (h) => setPathFrom(h.entity) },
              { label: t('paths.to'), onClick: (h) => setPathTo(h.entity) },
            ]}
          />
          <FiltersPanel
            filters={state.filters}
            districts={Object.entries(districts).map(([id, name]) => ({ id, name }))}
            onChange={(f) => dispatch({ type: 'filters', filters: f })}
          />
          <PathsPanel
            from={pathFrom}
            to={pathTo}
            paths={paths}
            active={activePath}
            loading={pending > 0}
            searched={pathSearched}
            onFind={() => void findPaths()}
            onShow={(i) => showPath(paths, i)}
            onClear={() => {
              setPaths([]);
              setActivePath(null);
              setPathSearched(false);
            }}
            onSwapSelected={(end) => selectedEntity && (end === 'from' ? setPathFrom(selectedEntity) : setPathTo(selectedEntity))}
            onSelectEdge={(id) => dispatch({ type: 'select', id })}
            onRead={(ev) => void readEvidence(ev)}
          />
          <ViewsPanel
            views={views.map((v) => ({ id: v.id, name: v.name ?? v.id, deletable: !!getViewKeys()[v.id] || !!getToken() }))}
            onSave={(name) =>
              void load(() => api.saveView(name, toViewState(stateRef.current, positionsNow()))).then((saved) => {
                if (!saved) return;
                setViewKey(saved.view.id, saved.deleteKey);
                setToast(t('views.savedAs', { name }));
                void refreshViews();
              })
            }
            onOpen={(v) => {
              location.search = new URLSearchParams({ v: v.id, ...(i18n.language.startsWith('en') ? { lang: 'en' } : {}) }).toString();
            }}
            onDelete={(v) =>
              void load(() => api.deleteView(v.id, getViewKeys()[v.id] ?? null)).then((deleted) => {
                if (deleted === undefined) return;
                setViewKey(v.id, null);
                void refreshViews();
              })
            }
            onCopyLink={() => {
              void shareQuery().then(
                (q) => {
                  const url = `${location.origin}${location.pathname}?${q}`;
                  void navigator.clipboard?.writeText(url).then(
                    () => setToast(t('views.copied')),
                    () => setToast(url),
                  );
                },
                (e: unknown) => fail(e),
              );
            }}
            onExport={(k) => void exportAs(k)}
          />
        </aside>
        <main className={`center${timelineDates.length ? ' has-timeline' : ''}`}>
          <div className="toolbar" role="toolbar">
            <button type="button" disabled={!canUndo(history)} onClick={() => dispatch({ type: 'undo' })} title="Ctrl+Z">
              {t('canvas.undo')}
            </button>
            <button type="button" disabled={!canRedo(history)} onClick={() => dispatch({ type: 'redo' })} title="Ctrl+Shift+Z">
              {t('canvas.redo')}
            </button>
            <button type="button" onClick={() => fitCurrent()} title="F">
              {t('canvas.fit')}
            </button>
            <button type="button" disabled={!state.hidden.length} onClick={() => dispatch({ type: 'showAll' })}>
              {t('canvas.showAll')}
              {state.hidden.length > 0 && ` (${state.hidden.length})`}
            </button>
            <button type="button" disabled={!nodeCount} onClick={() => dispatch({ type: 'clear' })}>
              {t('canvas.clear')}
            </button>
            {truncated && state.nodes[truncated.id] && (
              <button type="button" className="more" onClick={() => void expand(truncated.id, truncated.types, truncated.limit * 2)}>
                {state.nodes[truncated.id].name}：{t('canvas.showMore', { n: truncated.shown })}
              </button>
            )}
          </div>
          <Canvas
            state={state}
            hiddenIds={hiddenIds}
            pathIds={pathIds}
            nodeLabel={nodeLabel}
            edgeLabel={edgeLabel}
            labelKey={i18n.language}
            onSelect={(id) => {
              setMenu(null);
              dispatch({ type: 'select', id });
            }}
            onExpand={(id) => void expand(id)}
            onContext={(target, x, y) => setMenu({ id: target?.id ?? null, kind: target?.kind ?? 'bg', x, y })}
            onReady={(cy) => {
              cyRef.current = cy;
            }}
          />
          {timelineDates.length > 0 && (
            <Suspense fallback={null}>
              <Timeline
                dates={timelineDates}
                dateFrom={state.filters.dateFrom}
                dateTo={state.filters.dateTo}
                onRange={(range) => dispatch({ type: 'filters', filters: range })}
              />
            </Suspense>
          )}
          {nodeCount === 0 && booted && <div className="empty">{t('canvas.empty')}</div>}
          <Legend />
          {menu && (
            <ul className="context-menu" role="menu" style={{ left: menu.x, top: menu.y }} onClick={() => setMenu(null)}>
              {menu.kind === 'node' && menuNode && (
                <>
                  <li role="menuitem" onClick={() => void expand(menuNode.id)}>
                    {t('canvas.expand')}
                  </li>
                  <li className="submenu-title">{t('canvas.expandBy')}</li>
                  <li className="submenu">
                    {RELATION_TYPES.map((rt) => (
                      <button type="button" key={rt} className="mini" onClick={() => void expand(menuNode.id, [rt])}>
                        {t(`relationType.${rt}`)}
                      </button>
                    ))}
                  </li>
                  {state.expansions[menuNode.id] && (
                    <li role="menuitem" onClick={() => dispatch({ type: 'collapse', origin: menuNode.id })}>
                      {t('canvas.collapse')}
                    </li>
                  )}
                  <li role="menuitem" onClick={() => dispatch({ type: 'togglePin', id: menuNode.id })}>
                    {state.pinned.includes(menuNode.id) ? t('canvas.unpin') : t('canvas.pin')}
                  </li>
                  <li role="menuitem" onClick={() => dispatch({ type: 'hide', ids: [menuNode.id] })}>
                    {t('canvas.hide')}
                  </li>
                  <li role="menuitem" onClick={() => dispatch({ type: 'remove', ids: [menuNode.id] })}>
                    {t('canvas.remove')}
                  </li>
                  <li role="menuitem" onClick={() => setPathFrom(menuNode)}>
                    {t('canvas.pathFrom')}
                  </li>
                  <li role="menuitem" onClick={() => setPathTo(menuNode)}>
                    {t('canvas.pathTo')}
                  </li>
                  {menuNode.type === 'DISTRICT' && (
                    <li role="menuitem" onClick={() => void openView('district', menuNode.id)}>
                      {t('canvas.districtView')}
                    </li>
                  )}
                  {menuNode.type === 'DISTRICT' && (
                    <li role="menuitem" onClick={() => setScreen({ kind: 'profile', id: menuNode.id })}>
                      {t('canvas.districtProfile')}
                    </li>
                  )}
                  {CHAIN_ROOTS.includes(menuNode.type) && (
                    <li role="menuitem" onClick={() => setScreen(chainScreen(menuNode.id))}>
                      {t('canvas.chainView')}
                    </li>
                  )}
                  {menuNode.type === 'CLUSTER' && (
                    <li role="menuitem" onClick={() => setScreen({ kind: 'profile', id: menuNode.id })}>
                      {t('canvas.clusterProfile')}
                    </li>
                  )}
                  {menuNode.type === 'CLUSTER' && (
                    <li role="menuitem" onClick={() => void openView('cluster', menuNode.id)}>
                      {t('canvas.clusterView')}
                    </li>
                  )}
                </>
              )}
              {menu.kind === 'edge' && menu.id && (
                <li role="menuitem" onClick={() => dispatch({ type: 'hide', ids: [menu.id!] })}>
                  {t('canvas.hide')}
                </li>
              )}
              {menu.kind === 'bg' && (
                <>
                  <li role="menuitem" onClick={() => fitCurrent()}>
                    {t('canvas.fit')}
                  </li>
                  <li role="menuitem" onClick={() => dispatch({ type: 'showAll' })}>
                    {t('canvas.showAll')}
                  </li>
                  <li role="menuitem" onClick={() => dispatch({ type: 'clear' })}>
                    {t('canvas.clear')}
                  </li>
                </>
              )}
            </ul>
          )}
          {toast && (
            <div className="toast" role="status">
              {toast}
            </div>
          )}
        </main>
        <aside className="right" aria-label={t('details.title')}>
          {reader ? (
            <Reader article={reader.article} start={reader.start} end={reader.end} onClose={() => setReader(null)} />
          ) : selected?.kind === 'entity' ? (
            <>
              <EntityDetails entity={selected.data} onRead={(ev) => void readEvidence(ev)} onSelect={(id) => selectOrAdd(id)} />
              <div className="row wrap view-buttons">
                {selected.data.type === 'DISTRICT' && (
                  <button type="button" className="mini" onClick={() => void openView('district', selected.data.id)}>
                    {t('canvas.districtView')}
                  </button>
                )}
                {selected.data.type === 'CLUSTER' && (
                  <button type="button" className="mini" onClick={() => void openView('cluster', selected.data.id)}>
                    {t('canvas.clusterView')}
                  </button>
                )}
                {CHAIN_ROOTS.includes(selected.data.type) && (
                  <button type="button" className="mini" onClick={() => setScreen(chainScreen(selected.data.id))}>
                    {t('canvas.chainView')}
                  </button>
                )}
                {(selected.data.type === 'DISTRICT' || selected.data.type === 'CLUSTER') && (
                  <button type="button" className="mini" onClick={() => setScreen({ kind: 'profile', id: selected.data.id })}>
                    {t(selected.data.type === 'DISTRICT' ? 'canvas.districtProfile' : 'canvas.clusterProfile')}
                  </button>
                )}
              </div>
            </>
          ) : selected?.kind === 'relation' ? (
            <RelationDetails relation={selected.data} onRead={(ev) => void readEvidence(ev)} onSelect={(id) => selectOrAdd(id)} />
          ) : (
            <p className="muted details-empty">{t('details.none')}</p>
          )}
        </aside>
      </div>
      {modal === 'help' && <HelpPanel onClose={() => setModal(null)} />}
      {modal === 'settings' && (
        <SettingsPanel
          api={api}
          selected={selectedEntity}
          articles={articles}
          onClose={() => setModal(null)}
          onChanged={(m) => {
            setToast(m);
            void refreshCanvas();
            void api.stats().then(setStats, () => undefined);
            void api.articles().then(setArticles, () => undefined);
          }}
        />
      )}
    </div>
  );

  function selectOrAdd(id: string) {
    if (stateRef.current.nodes[id]) dispatch({ type: 'select', id });
    else {
      const rel = selected?.kind === 'relation' ? selected.data : null;
      const fromRels = selected?.kind === 'entity' ? selected.data.relations.edges.map((e) => e.node) : [];
      const ent = [rel?.from, rel?.to, ...fromRels.flatMap((r) => [r.from, r.to])].find((e) => e?.id === id);
      if (ent) void addEntity(ent);
    }
  }
}

/**
 * What a saved link view is made of, to tell whether the canvas changed: not where the nodes
 * stand, nor the filters and selection (the link carries those itself).
 */
function canvasKey(s: CanvasState): string {
  const u = toUrlView(s);
  return JSON.stringify([[...u.ids].sort(), Object.keys(s.edges).sort(), u.expansions, u.hidden, u.pinned, u.view]);
}

function history_replace(url: string) {
  window.history.replaceState(null, '', url);
}
