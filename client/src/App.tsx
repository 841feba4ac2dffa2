import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Core, NodeSingular } from 'cytoscape';
import { api as makeApi, createClient } from './api';
import type { Api } from './api';
import { Canvas, fitView } from './components/Canvas';
import { CanvasList } from './components/CanvasList';
import { CanvasToolbar } from './components/CanvasToolbar';
import { ContextMenu, type MenuAt } from './components/ContextMenu';
import { relationLabel } from './components/Details';
import { FiltersPanel, HelpPanel, Legend, ViewsPanel } from './components/Panels';
import { PathsPanel } from './components/PathsPanel';
import { SearchBox } from './components/SearchBox';
import { SelectionPanel } from './components/SelectionPanel';
import { SettingsPanel } from './components/Settings';
import { TopBar } from './components/TopBar';
import { download, toCsv, toJson, visibleGraph, withEvidence, type ExportKind } from './exporters';
import { rememberViewKey, useBoot } from './hooks/useBoot';
import { useCanvasActions } from './hooks/useCanvasActions';
import { useCanvasHistory } from './hooks/useCanvasHistory';
import { useCorpus } from './hooks/useCorpus';
import { useKeyboard } from './hooks/useKeyboard';
import { useKnownFacts } from './hooks/useKnownFacts';
import { usePaths } from './hooks/usePaths';
import { useRequest } from './hooks/useRequest';
import { useSavedViews } from './hooks/useSavedViews';
import { useSelection } from './hooks/useSelection';
import { useToast } from './hooks/useToast';
import { useUrlSync } from './hooks/useUrlSync';
import { readSettings, writeSettings } from './settings';
import { emptyFilters, filteredOut, hiddenOnCanvas, leafBundles, toViewState, type Bundle } from './state';
import type { DistrictCountData } from './hubs';
import type { Article, EntityRef, EvidenceData, SearchHitData } from './types';
import { chainScreen, screenFromUrl, type Screen } from './screens';
import { curationApi } from './curation';

// The chain view, the dashboards and the timeline bring dagre and ECharts: loaded when first
// shown, so the explorer's first graph does not wait for them.
const ChainView = lazy(() => import('./components/ChainView').then((m) => ({ default: m.ChainView })));
const Dashboard = lazy(() => import('./components/Dashboard').then((m) => ({ default: m.Dashboard })));
const Timeline = lazy(() => import('./components/Timeline').then((m) => ({ default: m.Timeline })));
const ReviewQueue = lazy(() => import('./components/ReviewQueue').then((m) => ({ default: m.ReviewQueue })));
const ImportPage = lazy(() => import('./components/ImportPage').then((m) => ({ default: m.ImportPage })));
const AuditPage = lazy(() => import('./components/AuditPage').then((m) => ({ default: m.AuditPage })));

export function App({ apiOverride }: { apiOverride?: Api } = {}) {
  const { t, i18n } = useTranslation();
  const api = useMemo(() => apiOverride ?? makeApi(createClient({ token: () => readSettings().token })), [apiOverride]);
  const curation = useMemo(() => curationApi(createClient({ token: () => readSettings().token })), []);
  const { history, state, stateRef, dispatch } = useCanvasHistory();
  const cyRef = useRef<Core | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  /** The view saved for the link of the canvas as it is now (so an unchanged canvas is not saved again). */
  const linkView = useRef<{ key: string; id: string } | null>(null);

  const { error, setError, pending, fail, load } = useRequest();
  const { stats, articles, refreshCorpus } = useCorpus(api);
  const { edgeDates, districts, remember } = useKnownFacts();
  const actions = useCanvasActions({ api, load, remember, dispatch, stateRef, cyRef });
  const { addEntity, expand, openView, positionsNow } = actions;
  const { views, refreshViews } = useSavedViews(api);
  const paths = usePaths({ api, load, remember, dispatch, state, cyRef });
  const { toast, setToast } = useToast();

  const [reader, setReader] = useState<{ article: Article; start: number; end: number } | null>(null);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const [modal, setModal] = useState<'help' | 'settings' | null>(null);
  /** The chain view or a dashboard in place of the explorer (from the URL too). */
  const [screen, setScreen] = useState<Screen>(() => screenFromUrl(location.search));
  /** Facts less certain than this are dashed on the canvas (a setting, read again when Settings closes). */
  const [reviewThreshold, setReviewThreshold] = useState(() => readSettings().reviewThreshold);

  const booted = useBoot({ api, load, remember, dispatch, actions, linkView, setError, refreshViews });
  const { shareQuery } = useUrlSync({ api, state, stateRef, booted, language: i18n.language, screen, positionsNow, linkView });
  const { selected, moreRelations } = useSelection({ api, load, state, dataVersion: actions.dataVersion });

  const readEvidence = useCallback(
    async (ev: EvidenceData) => {
      const a = await load(() => api.article(ev.article.id));
      if (a) setReader({ article: a, start: ev.start, end: ev.end });
    },
    [api, load],
  );

  const hiddenIds = useMemo(() => filteredOut(state, edgeDates), [state, edgeDates]);
  /** How the canvas draws a big graph (settings, applied as they change). */
  const [display, setDisplay] = useState(() => {
    const s = readSettings();
    return { nodeSize: s.nodeSize, bundleLeaves: s.bundleLeaves };
  });
  /** The bundles the analyst opened: their leaves stay drawn one by one. */
  const [openedBundles, setOpenedBundles] = useState<ReadonlySet<string>>(() => new Set());
  const bundles = useMemo(
    () => (display.bundleLeaves ? leafBundles(state, hiddenIds, openedBundles) : []),
    [state.nodes, state.edges, state.pinned, state.selected, state.view, state.parents, hiddenIds, openedBundles, display.bundleLeaves],
  );
  const bundleLabel = useCallback(
    (b: Bundle) => t('canvas.bundle', { count: b.members.length, rel: t(`relationType.${b.type}`) }),
    [t],
  );
  const hiddenCount = hiddenOnCanvas(state, hiddenIds);
  // The 区县 filter offers every district the store knows (on an empty canvas too), with its count.
  const [storeDistricts, setStoreDistricts] = useState<DistrictCountData[]>([]);
  useEffect(() => {
    void api.districts().then(setStoreDistricts, () => undefined);
  }, [api]);
  const districtOptions = useMemo(() => {
    const listed = storeDistricts.map((d) => ({ id: d.district.id, name: d.district.name, count: d.located }));
    const known = new Set(listed.map((d) => d.id));
    // One the canvas met before the list came (or added since) is offered too.
    return [...listed, ...Object.entries(districts).filter(([id]) => !known.has(id)).map(([id, name]) => ({ id, name }))];
  }, [storeDistricts, districts]);
  const timelineDates = useMemo(() => Object.keys(state.edges).flatMap((id) => edgeDates[id] ?? []), [state.edges, edgeDates]);

  const selectedEntity: EntityRef | null = state.selected && state.nodes[state.selected] ? state.nodes[state.selected] : null;

  const exportAs = async (kind: ExportKind) => {
    const cy = cyRef.current;
    if (kind === 'png' && cy) download('chain-atlas.png', cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }) as unknown as Blob);
    else if (kind === 'svg' && cy) {
      const { toSvg } = await import('./svg');
      download('chain-atlas.svg', toSvg(cy), 'image/svg+xml');
    } else if (kind === 'json' || kind === 'csv' || kind === 'graphml' || kind === 'gexf') {
      const positions = cy ? Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()])) : undefined;
      const g = visibleGraph(stateRef.current, hiddenIds, positions);
      // The canvas holds relation ids and dates; the sentences, titles and urls come now.
      const evidence = await load(() => api.evidence(g.edges.map((e) => e.id)));
      if (!evidence) return;
      const full = withEvidence(g, evidence);
      if (kind === 'json') download('chain-atlas.json', toJson(full), 'application/json');
      else if (kind === 'csv') download('chain-atlas.csv', toCsv(full), 'text/csv;charset=utf-8');
      else {
        const { toGexf, toGraphml } = await import('./graph-files');
        if (kind === 'graphml') download('chain-atlas.graphml', toGraphml(full), 'application/graphml+xml');
        else download('chain-atlas.gexf', toGexf(full), 'application/gexf+xml');
      }
    }
  };

  const switchLang = () => {
    const next = i18n.language.startsWith('en') ? 'zh-CN' : 'en';
    void i18n.changeLanguage(next);
    writeSettings({ lang: next });
    document.documentElement.lang = next;
  };

  // Back from a screen: the explorer's canvas was hidden, so it measures itself again.
  useEffect(() => {
    if (!screen) requestAnimationFrame(() => cyRef.current?.resize());
  }, [screen]);

  const fitCurrent = () => {
    if (cyRef.current) fitView(cyRef.current);
  };

  useKeyboard({
    stateRef,
    cyRef,
    searchRef,
    dispatch,
    selectedEntity,
    escape: () => {
      setMenu(null);
      if (reader) setReader(null);
      else if (modal) setModal(null);
      else dispatch({ type: 'select', id: null });
    },
    toggleHelp: () => setModal((m) => (m === 'help' ? null : 'help')),
    fit: fitCurrent,
    expand: (id) => void expand(id),
    openMenu: () => {
      const cy = cyRef.current;
      const id = stateRef.current.selected;
      const ele = id && cy ? cy.getElementById(id) : null;
      if (cy && ele && ele.nonempty()) {
        const p = ele.isEdge() ? ele.renderedMidpoint() : (ele as NodeSingular).renderedPosition();
        setMenu({ id, kind: ele.isEdge() ? 'edge' : 'node', x: p.x, y: p.y });
      } else if (cy) setMenu({ id: null, kind: 'bg', x: cy.width() / 2, y: cy.height() / 2 });
    },
    deps: [reader, modal, expand],
  });

  // For tests and scripts: the canvas state, its dispatch and whether requests are in flight.
  useEffect(() => {
    const w = window as unknown as { __chainAtlas?: Record<string, unknown> };
    w.__chainAtlas = { ...(w.__chainAtlas ?? {}), state: () => stateRef.current, dispatch, pending };
  }, [pending]);

  const nodeLabel = useCallback((id: string) => stateRef.current.nodes[id]?.name ?? id, []);
  const edgeLabel = useCallback(
    (id: string) => {
      const e = stateRef.current.edges[id];
      return e ? relationLabel(e, t, i18n.language) : '';
    },
    [t, i18n.language],
  );

  const searchFn = useCallback((q: string) => api.search(q), [api]);
  const nodeCount = Object.keys(state.nodes).length;
  const toCanvas = (e: EntityRef) => {
    setScreen(null);
    void addEntity(e);
  };

  function selectOrAdd(id: string) {
    if (stateRef.current.nodes[id]) dispatch({ type: 'select', id });
    else {
      const rel = selected?.kind === 'relation' ? selected.data : null;
      const fromRels = selected?.kind === 'entity' ? selected.data.relations.edges.map((e) => e.node) : [];
      const ent = [rel?.from, rel?.to, ...fromRels.flatMap((r) => [r.from, r.to])].find((e) => e?.id === id);
      if (ent) void addEntity(ent);
    }
  }

  return (
    <div className="app">
      <TopBar
        stats={stats}
        loading={pending > 0}
        onSwitchLang={switchLang}
        onSettings={() => setModal('settings')}
        onHelp={() => setModal('help')}
        onReview={() => setScreen({ kind: 'review' })}
        onImport={() => setScreen({ kind: 'import' })}
        onAudit={() => setScreen({ kind: 'audit' })}
      />
      {error && (
        <div className="error-banner" role="alert">
          {error.message}
          {error.detail && (
            <details className="error-detail">
              <summary>{t('errors.detail')}</summary>
              <code>{error.detail}</code>
            </details>
          )}
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
            onAddToCanvas={toCanvas}
            onOpenProfile={(id) => setScreen({ kind: 'profile', id })}
            onError={fail}
          />
        )}
        {screen?.kind === 'review' && (
          <ReviewQueue
            api={api}
            threshold={reviewThreshold}
            onBack={() => setScreen(null)}
            onDone={(outcome) => {
              // A rejected fact leaves the canvas; an accepted one is marked on it.
              void actions.refreshCanvas();
              if (outcome === 'rejected') refreshCorpus();
            }}
            onError={fail}
          />
        )}
        {screen?.kind === 'import' && (
          <ImportPage
            curation={curation}
            search={api.search}
            hasToken={() => !!readSettings().token}
            onBack={() => setScreen(null)}
            onLoaded={() => {
              void actions.refreshCanvas();
              refreshCorpus();
            }}
          />
        )}
        {screen?.kind === 'audit' && (
          <AuditPage
            curation={curation}
            hasToken={() => !!readSettings().token}
            onBack={() => setScreen(null)}
            onChanged={() => {
              void actions.refreshCanvas();
              refreshCorpus();
            }}
          />
        )}
        {screen?.kind === 'profile' && (
          <Dashboard
            api={api}
            id={screen.id}
            onBack={() => setScreen(null)}
            onOpenChain={(id) => setScreen(chainScreen(id))}
            onOpenProfile={(id) => setScreen({ kind: 'profile', id })}
            onAddToCanvas={toCanvas}
            onError={fail}
          />
        )}
      </Suspense>
      <div className="main" hidden={screen !== null}>
        <aside className="left">
          <h2 className="sr-only">{t('app.explore')}</h2>
          <SearchBox
            search={searchFn}
            onPick={(h: SearchHitData) => void addEntity(h.entity)}
            inputRef={searchRef}
            extraActions={[
              { label: t('paths.from'), name: (h) => t('search.pathFrom', { name: h.entity.name }), onClick: (h) => paths.setPathFrom(h.entity) },
              { label: t('paths.to'), name: (h) => t('search.pathTo', { name: h.entity.name }), onClick: (h) => paths.setPathTo(h.entity) },
            ]}
          />
          <FiltersPanel
            filters={state.filters}
            districts={districtOptions}
            onChange={(f) => dispatch({ type: 'filters', filters: f })}
          />
          <PathsPanel
            from={paths.pathFrom}
            to={paths.pathTo}
            paths={paths.paths}
            active={paths.activePath}
            loading={pending > 0}
            searches={paths.searches}
            choices={paths.choices}
            hiddenRelationTypes={state.filters.hiddenRelationTypes}
            onChoices={paths.setChoices}
            onFind={() => void paths.findPaths()}
            onShow={(i) => paths.showPath(paths.paths, i)}
            onClear={paths.clearPaths}
            onSwap={paths.swapEnds}
            onSwapSelected={(end) => selectedEntity && (end === 'from' ? paths.setPathFrom(selectedEntity) : paths.setPathTo(selectedEntity))}
            onSelectEdge={(id) => dispatch({ type: 'select', id })}
            onStraighten={paths.straighten}
            onRead={(ev) => void readEvidence(ev)}
          />
          <ViewsPanel
            views={views.map((v) => {
              const s = readSettings();
              return { id: v.id, name: v.name ?? v.id, deletable: !!s.viewKeys[v.id] || !!s.token };
            })}
            onSave={(name) =>
              void load(() => api.saveView(name, toViewState(stateRef.current, positionsNow()))).then((saved) => {
                if (!saved) return;
                rememberViewKey(saved.view.id, saved.deleteKey);
                setToast(t('views.savedAs', { name }));
                void refreshViews();
              })
            }
            onOpen={(v) => {
              location.search = new URLSearchParams({ v: v.id, ...(i18n.language.startsWith('en') ? { lang: 'en' } : {}) }).toString();
            }}
            onDelete={(v) =>
              void load(() => api.deleteView(v.id, readSettings().viewKeys[v.id] ?? null)).then((deleted) => {
                if (deleted === undefined) return;
                rememberViewKey(v.id, null);
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
          <CanvasList
            state={state}
            hiddenIds={hiddenIds}
            onSelect={(id) => {
              dispatch({ type: 'select', id });
              const cy = cyRef.current;
              if (cy) cy.animate({ center: { eles: cy.getElementById(id) }, duration: 200 });
            }}
          />
        </aside>
        <main className={`center${timelineDates.length ? ' has-timeline' : ''}`}>
          <CanvasToolbar history={history} dispatch={dispatch} truncated={actions.truncated} onFit={fitCurrent} onMore={(more) => void expand(more.id, more.types, undefined, more)} />
          <Canvas
            state={state}
            hiddenIds={hiddenIds}
            pathIds={paths.pathIds}
            nodeLabel={nodeLabel}
            edgeLabel={edgeLabel}
            labelKey={i18n.language}
            uncertainBelow={reviewThreshold}
            bundles={bundles}
            bundleLabel={bundleLabel}
            onOpenBundle={(id) => setOpenedBundles((o) => new Set([...o, id]))}
            nodeSize={display.nodeSize}
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
          {hiddenCount > 0 && (
            <div className="hidden-note" role="status" title={t('canvas.hiddenItemsHint')}>
              {t('canvas.hiddenItems', { n: hiddenCount })}
              <button
                type="button"
                className="mini"
                onClick={() => {
                  dispatch({ type: 'filters', filters: emptyFilters });
                  dispatch({ type: 'showAll' });
                }}
              >
                {t('canvas.showHidden')}
              </button>
            </div>
          )}
          <Legend uncertainBelow={reviewThreshold} />
          {menu && (
            <ContextMenu
              menu={menu}
              state={state}
              dispatch={dispatch}
              onClose={() => setMenu(null)}
              onExpand={(id, types) => void expand(id, types)}
              onFit={fitCurrent}
              onPathFrom={paths.setPathFrom}
              onPathTo={paths.setPathTo}
              onOpenView={(kind, id) => void openView(kind, id)}
              onScreen={setScreen}
            />
          )}
          {toast && (
            <div className="toast" role="status">
              {toast}
            </div>
          )}
        </main>
        <SelectionPanel
          selected={selected}
          reader={reader}
          onCloseReader={() => setReader(null)}
          onRead={(ev) => void readEvidence(ev)}
          onSelect={selectOrAdd}
          onShowMore={() => void moreRelations()}
          onOpenView={(kind, id) => void openView(kind, id)}
          onScreen={setScreen}
          onReject={async (relationId, reason) => {
            await curation.rejectRelation(relationId, reason);
            dispatch({ type: 'select', id: null });
            setToast(t('curation.rejected'));
            void actions.refreshCanvas();
            refreshCorpus();
          }}
        />
      </div>
      {modal === 'help' && <HelpPanel onClose={() => setModal(null)} />}
      {modal === 'settings' && (
        <SettingsPanel
          api={api}
          curation={curation}
          selected={selectedEntity}
          articles={articles}
          onClose={() => {
            setModal(null);
            setReviewThreshold(readSettings().reviewThreshold);
          }}
          onDisplay={(st) => setDisplay({ nodeSize: st.nodeSize, bundleLeaves: st.bundleLeaves })}
          onChanged={(m) => {
            setToast(m);
            void actions.refreshCanvas();
            refreshCorpus();
          }}
        />
      )}
    </div>
  );
}
