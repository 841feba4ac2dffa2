import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { Api } from '../api';
import { cyStylesheet, wrapLabel } from '../cyStyle';
import { rendererOptions } from '../cyOptions';
import type { Screen } from '../screens';
import { CHAIN_DEPTHS } from '../screens';
import type { Article, ChainData, ChainDirection, ChainLayer, EntityRef, EvidenceData, RelationData } from '../types';
import { CHAIN_LAYERS } from '../types';
import { RelationDetails, relationLabel } from './Details';
import { Reader } from './Reader';
import { TypeBadge } from './TypeBadge';
import { fitView } from './Canvas';

cytoscape.use(dagre);

type ChainScreen = Extract<Screen, { kind: 'chain' }>;

export interface ChainViewProps {
  api: Api;
  screen: ChainScreen;
  onChange: (s: ChainScreen) => void;
  onBack: () => void;
  onAddToCanvas: (e: EntityRef) => void;
  onOpenProfile: (id: string) => void;
  onError: (e: unknown) => void;
}

type Selection = { kind: 'edge'; relation: RelationData; closesCycle: boolean } | { kind: 'node'; entity: EntityRef; level: number; layer: ChainLayer | null } | null;

// Labels beside their nodes, away from the edges: suppliers' on the left, customers' on the
// right. A layered picture has room across, little down.
const CHAIN_STYLE = [
  { selector: 'node', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 5, 'text-margin-y': 0 } },
  { selector: 'node[level < 0]', style: { 'text-halign': 'left', 'text-margin-x': -5 } },
  { selector: 'node.root', style: { 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': 4 } },
  { selector: 'node.root', style: { 'border-color': '#111827', 'border-width': 4, 'font-weight': 'bold' } },
  { selector: 'node.layer', style: { opacity: 0.9, width: 22, height: 22 } },
  { selector: 'edge.cycle', style: { 'line-style': 'dashed', 'line-color': '#c0392b', 'target-arrow-color': '#c0392b', 'curve-style': 'unbundled-bezier', 'control-point-distances': [60], 'control-point-weights': [0.5] } },
  { selector: 'edge.layer', style: { width: 1.2, 'line-style': 'dotted' } },
  // Every chain edge is a supply: saying so on each would only clutter the picture.
  { selector: 'edge[type = "SUPPLIES"]', style: { label: '' } },
  { selector: 'edge.cycle', style: { label: 'data(label)', color: '#c0392b' } },
];

function levelLabel(level: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (level === 0) return t('chain.root');
  return level < 0 ? t('chain.upstream', { n: -level }) : t('chain.downstream', { n: level });
}

export function ChainView({ api, screen, onChange, onBack, onAddToCanvas, onOpenProfile, onError }: ChainViewProps) {
  const { t, i18n } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [data, setData] = useState<ChainData | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Selection>(null);
  const [reader, setReader] = useState<{ article: Article; start: number; end: number } | null>(null);
  const dataRef = useRef<ChainData | null>(null);
  dataRef.current = data;

  useEffect(() => {
    const cy = cytoscape({
      container: el.current,
      style: [...(cyStylesheet() as unknown as object[]), ...CHAIN_STYLE] as unknown as StylesheetJson,
      minZoom: 0.05,
      maxZoom: 4,
      ...rendererOptions(location.search),
    });
    cyRef.current = cy;
    cy.on('tap', (e) => {
      const d = dataRef.current;
      if (!d || e.target === cy) return setSelected(null);
      const id = (e.target as cytoscape.SingularElementArgument).id();
      const edge = d.edges.find((x) => x.relation.id === id);
      if (edge) return setSelected({ kind: 'edge', relation: edge.relation, closesCycle: edge.closesCycle });
      const node = d.nodes.find((n) => n.entity.id === id);
      if (node) setSelected({ kind: 'node', ...node });
    });
    const w = window as unknown as { __chainAtlas?: Record<string, unknown> };
    w.__chainAtlas = { ...(w.__chainAtlas ?? {}), chainCy: cy };
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Fetch whenever the start, depth, direction or layers change.
  useEffect(() => {
    let live = true;
    setLoading(true);
    setSelected(null);
    setReader(null);
    api
      .chain(screen.id, { depth: screen.depth, direction: screen.direction, layers: screen.layers })
      .then((d) => live && setData(d), (e) => live && onError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [api, screen.id, screen.depth, screen.direction, screen.layers.join(',')]);

  // Draw: left to right by level, with dagre; a relation closing a cycle takes no part in
  // the ranking (it would drag its supplier downstream), and is drawn curved and dashed.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !data) return;
    const level = new Map(data.nodes.map((n) => [n.entity.id, n.level]));
    const elements: ElementDefinition[] = [
      ...data.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.entity.id, type: n.entity.type, display: wrapLabel(n.entity.name, 14), level: n.level, layer: n.layer ?? '' },
        classes: [n.entity.id === data.root.id ? 'root' : '', n.layer ? 'layer' : ''].join(' ').trim(),
      })),
      ...data.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.relation.id, source: e.relation.from.id, target: e.relation.to.id, type: e.relation.type, label: e.closesCycle ? t('chain.cycle') : relationLabel(e.relation, t, i18n.language) },
        classes: [e.closesCycle ? 'cycle' : '', e.relation.type !== 'SUPPLIES' ? 'layer' : ''].join(' ').trim(),
      })),
    ];
    cy.elements().remove();
    cy.add(elements);
    const rootIsCluster = data.root.type === 'CLUSTER';
    let ranked = cy.elements().not('edge.cycle');
    if (rootIsCluster) ranked = ranked.not(cy.edges().filter((e) => e.data('type') === 'MEMBER_OF' && e.data('target') === data.root.id));
    ranked
      .layout({
        name: 'dagre',
        rankDir: 'LR',
        nodeSep: 6,
        rankSep: 60,
        nodeDimensionsIncludeLabels: true,
        minLen: (edge: cytoscape.EdgeSingular) => (edge.data('type') === 'SUPPLIES' ? Math.max(1, (level.get(edge.data('target')) ?? 0) - (level.get(edge.data('source')) ?? 0)) : 1),
        fit: false,
        animate: false,
      } as cytoscape.LayoutOptions)
      .run();
    if (rootIsCluster) {
      // The cluster sits above its members' column: its chain is theirs.
      const members = cy.nodes().filter((n) => n.data('level') === 0 && !n.data('layer') && n.id() !== data.root.id);
      if (members.nonempty()) {
        const bb = members.boundingBox({});
        cy.getElementById(data.root.id).position({ x: (bb.x1 + bb.x2) / 2, y: bb.y1 - 70 });
      }
    }
    // The level counts above the canvas arrived with the data: measure again before fitting.
    cy.resize();
    fitView(cy, 30);
    const w = window as unknown as { __chainAtlas?: Record<string, unknown> };
    if (w.__chainAtlas) w.__chainAtlas.chainDrawn = Number(w.__chainAtlas.chainDrawn ?? 0) + 1;
  }, [data, i18n.language]);

  const readEvidence = async (ev: EvidenceData) => {
    try {
      const a = await api.article(ev.article.id);
      if (a) setReader({ article: a, start: ev.start, end: ev.end });
    } catch (e) {
      onError(e);
    }
  };

  const set = (over: Partial<ChainScreen>) => onChange({ ...screen, ...over });
  const toggleLayer = (l: ChainLayer) =>
    set({ layers: screen.layers.includes(l) ? screen.layers.filter((x) => x !== l) : CHAIN_LAYERS.filter((x) => x === l || screen.layers.includes(x)) });
  const root = data?.root;
  const supplyEdges = data?.edges.filter((e) => e.relation.type === 'SUPPLIES').length ?? 0;

  return (
    <div className="screen chain-screen" data-testid="chain-view">
      <div className="screen-head">
        <button type="button" onClick={onBack}>
          ← {t('chain.back')}
        </button>
        <h2>
          {t('chain.title')}
          {root && (
            <>
              {' · '}
              <TypeBadge type={root.type} /> {root.name}
            </>
          )}
        </h2>
        <div className="chain-controls" role="group" aria-label={t('chain.title')}>
          <span className="muted">{t('chain.depth')}</span>
          {CHAIN_DEPTHS.map((d) => (
            <button key={d} type="button" className="mini" aria-pressed={screen.depth === d} onClick={() => set({ depth: d })}>
              {d}
            </button>
          ))}
          <label>
            <span className="muted">{t('chain.direction')}</span>{' '}
            <select value={screen.direction} onChange={(e) => set({ direction: e.target.value as ChainDirection })} aria-label={t('chain.direction')}>
              {(['BOTH', 'UPSTREAM', 'DOWNSTREAM'] as const).map((d) => (
                <option key={d} value={d}>
                  {t(`chain.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="muted">{t('chain.layers')}</span>
          {CHAIN_LAYERS.map((l) => {
            const count = data?.layers.find((x) => x.type === l);
            return (
              <label key={l} className="layer-toggle">
                <input type="checkbox" checked={screen.layers.includes(l)} onChange={() => toggleLayer(l)} /> {t(`chain.layer.${l}`)}
                {count && <span className="count"> {count.count}</span>}
              </label>
            );
          })}
          {loading && (
            <span className="spinner" role="status">
              {t('canvas.loading')}
            </span>
          )}
        </div>
      </div>
      {data && (
        <ol className="chain-levels" aria-label={t('chain.title')} data-testid="chain-levels">
          {data.levels.map((l) => (
            <li key={l.level} data-level={l.level} className={l.level === 0 ? 'root' : l.level < 0 ? 'up' : 'down'}>
              <strong>{levelLabel(l.level, t)}</strong> <span data-testid="level-count">{t('chain.levelCount', { count: l.count })}</span>
              {l.shown < l.count && <span className="muted"> · {t('chain.levelShown', { shown: l.shown, count: l.count })}</span>}
            </li>
          ))}
        </ol>
      )}
      {data?.truncated && <p className="notice">{t('chain.truncated')}</p>}
      {data && !data.exact && <p className="notice">{t('chain.inexact')}</p>}
      <div className="screen-body">
        <div className="chain-canvas-wrap">
          <div ref={el} className="chain-canvas" data-testid="chain-canvas" />
          {data && supplyEdges === 0 && <div className="empty">{t('chain.empty')}</div>}
          <div className="chain-sides" aria-hidden="true">
            <span>← {t('chain.suppliers')}</span>
            <span>{t('chain.customers')} →</span>
          </div>
        </div>
        <aside className="right screen-side">
          {reader ? (
            <Reader article={reader.article} start={reader.start} end={reader.end} onClose={() => setReader(null)} />
          ) : selected?.kind === 'edge' ? (
            <>
              {selected.closesCycle && <p className="notice">{t('chain.cycleHint')}</p>}
              <RelationDetails relation={selected.relation} onRead={(ev) => void readEvidence(ev)} onSelect={(id) => cyRef.current?.getElementById(id).emit('tap')} />
            </>
          ) : selected?.kind === 'node' ? (
            <div className="details" data-testid="chain-node">
              <div className="details-head">
                <TypeBadge type={selected.entity.type} />
                <h2>{selected.entity.name}</h2>
              </div>
              <p className="muted">
                {levelLabel(selected.level, t)}
                {selected.layer && ` · ${t(`chain.layer.${selected.layer}`)}`}
              </p>
              <div className="row wrap view-buttons">
                {['ENTERPRISE', 'PLATFORM', 'CLUSTER'].includes(selected.entity.type) && selected.entity.id !== screen.id && (
                  <button type="button" className="mini" onClick={() => set({ id: selected.entity.id })}>
                    {t('chain.reroot')}
                  </button>
                )}
                {(selected.entity.type === 'CLUSTER' || selected.entity.type === 'DISTRICT') && (
                  <button type="button" className="mini" onClick={() => onOpenProfile(selected.entity.id)}>
                    {t(selected.entity.type === 'CLUSTER' ? 'canvas.clusterProfile' : 'canvas.districtProfile')}
                  </button>
                )}
                <button type="button" className="mini" onClick={() => onAddToCanvas(selected.entity)}>
                  {t('chain.addToCanvas')}
                </button>
              </div>
            </div>
          ) : (
            <p className="muted details-empty">{t('chain.hint')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}
