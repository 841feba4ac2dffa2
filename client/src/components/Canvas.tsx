import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { cyStylesheet, LARGE_STYLE, TYPE_STYLE, wrapLabel } from '../cyStyle';
import { rendererOptions } from '../cyOptions';
import { applyNodeSizes, labelLevels, type NodeSizing } from '../canvasDetail';
import type { Bundle, CanvasState } from '../state';
import type { EntityType } from '../types';

cytoscape.use(fcose);

export interface CanvasProps {
  state: CanvasState;
  hiddenIds: Set<string>;
  nodeLabel: (id: string) => string;
  edgeLabel: (id: string) => string;
  pathIds: Set<string>;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
  onContext: (target: { id: string; kind: 'node' | 'edge' } | null, x: number, y: number) => void;
  onReady?: (cy: Core) => void;
  /** Bumped when labels change language, to refresh them without a re-layout. */
  labelKey: string;
  /** Edges less certain than this are drawn dashed (the review threshold); unknown confidence is not. */
  uncertainBelow?: number;
  /** A hub's leaves drawn as one node each (see state/bundles). */
  bundles?: Bundle[];
  bundleLabel?: (b: Bundle) => string;
  onOpenBundle?: (id: string) => void;
  nodeSize?: NodeSizing;
}

const NO_BUNDLES: Bundle[] = [];

export { LARGE_GRAPH, largeGraphOptions, rendererOptions } from '../cyOptions';

const MAX_FIT_ZOOM = 1.3;

/** Fits the graph, but no closer than 1.3×: a handful of nodes would otherwise fill the screen with huge labels. */
export function fitView(cy: Core, padding = 40) {
  cy.fit(undefined, padding);
  if (cy.zoom() > MAX_FIT_ZOOM) cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

function placeNear(cy: Core, anchor: NodeSingular | null, i: number, count: number) {
  if (anchor && anchor.nonempty()) {
    const p = anchor.position();
    const angle = (2 * Math.PI * i) / Math.max(count, 1);
    const r = 110 + 14 * Math.floor(i / 12);
    return { x: p.x + r * Math.cos(angle), y: p.y + r * Math.sin(angle) };
  }
  const ext = cy.extent();
  const cx = cy.nodes().nonempty() ? (ext.x1 + ext.x2) / 2 : 0;
  const cyy = cy.nodes().nonempty() ? (ext.y1 + ext.y2) / 2 : 0;
  return { x: cx + 60 * (i % 5) - 120, y: cyy + 60 * Math.floor(i / 5) };
}

export function Canvas(props: CanvasProps) {
  const el = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const cb = useRef(props);
  cb.current = props;
  const lastView = useRef<string>('free');
  const large = useRef(false);
  const labels = useRef<ReturnType<typeof labelLevels> | null>(null);
  const bundles = props.bundles ?? NO_BUNDLES;

  useEffect(() => {
    const cy = cytoscape({
      container: el.current,
      style: cyStylesheet(),
      boxSelectionEnabled: true,
      selectionType: 'single',
      minZoom: 0.05,
      maxZoom: 4,
      ...rendererOptions(location.search),
    });
    cyRef.current = cy;
    labels.current = labelLevels(cy);
    const isBundle = (t: unknown) => t !== cy && (t as cytoscape.SingularElementArgument).hasClass('bundle');
    cy.on('tap', (e) => {
      if (e.target === cy) cb.current.onSelect(null);
      else if (isBundle(e.target)) cb.current.onOpenBundle?.(e.target.id());
      else cb.current.onSelect((e.target as cytoscape.SingularElementArgument).id());
    });
    cy.on('dbltap', 'node', (e) => {
      if (!isBundle(e.target)) cb.current.onExpand(e.target.id());
    });
    cy.on('cxttap', (e) => {
      const pos = e.renderedPosition ?? { x: 0, y: 0 };
      if (e.target === cy || isBundle(e.target)) cb.current.onContext(null, pos.x, pos.y);
      else {
        const target = e.target as cytoscape.SingularElementArgument;
        cb.current.onContext({ id: target.id(), kind: target.isNode() ? 'node' : 'edge' }, pos.x, pos.y);
      }
    });
    const w = window as unknown as { __chainAtlas?: Record<string, unknown> };
    w.__chainAtlas = { ...(w.__chainAtlas ?? {}), cy };
    cb.current.onReady?.(cy);
    return () => {
      labels.current?.stop();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Follow the state: add/remove elements, then lay out only what is new.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const s = props.state;
    const viewKey = s.view.kind === 'free' ? 'free' : `${s.view.kind}:${s.view.id}`;
    const viewChanged = viewKey !== lastView.current;
    lastView.current = viewKey;
    const wasEmpty = cy.nodes().empty();
    const added = new Set<string>();
    let restored = 0;
    cy.batch(() => {
      cy.elements().forEach((ele: cytoscape.SingularElementArgument) => {
        const id = ele.id();
        if (ele.hasClass('bundle')) return;
        if (ele.isNode() ? !s.nodes[id] : !s.edges[id]) cy.remove(ele);
      });
      const newNodes = Object.values(s.nodes).filter((n) => cy.getElementById(n.id).empty());
      // Parents first: a child can only name a parent that exists.
      newNodes.sort((a, b) => Number(Object.values(s.parents).includes(b.id)) - Number(Object.values(s.parents).includes(a.id)));
      const byOrigin = new Map<string, number>();
      const defs: ElementDefinition[] = newNodes.map((n) => {
        const origin = s.origins[n.id] ?? null;
        const i = byOrigin.get(origin ?? '') ?? 0;
        byOrigin.set(origin ?? '', i + 1);
        const count = newNodes.filter((m) => (s.origins[m.id] ?? null) === origin).length;
        const saved = s.positions?.[n.id];
        // A node of a saved view goes back where it was; only the others are laid out.
        if (saved) restored++;
        else added.add(n.id);
        return {
          group: 'nodes',
          data: { id: n.id, type: n.type, label: props.nodeLabel(n.id), display: wrapLabel(props.nodeLabel(n.id)), ...(n.degree != null ? { degree: n.degree } : {}) },
          position: saved ? { x: saved[0], y: saved[1] } : placeNear(cy, origin ? cy.getElementById(origin) : null, i, count),
        };
      });
      cy.add(defs);
      for (const [child, parent] of Object.entries(s.parents)) {
        const c = cy.getElementById(child);
        if (c.nonempty() && cy.getElementById(parent).nonempty() && c.data('parent') !== parent) c.move({ parent });
      }
      cy.nodes().forEach((n) => {
        if (n.data('parent') && !s.parents[n.id()]) n.move({ parent: null });
      });
      cy.add(
        Object.values(s.edges)
          .filter((e) => cy.getElementById(e.id).empty())
          .map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, type: e.type, label: props.edgeLabel(e.id) } })),
      );
      // Containment already says "located in" / "member of": the edge to the own parent would only clutter.
      cy.edges().forEach((e) => {
        e.toggleClass('implied', s.parents[e.source().id()] === e.target().id() || s.parents[e.target().id()] === e.source().id());
      });
    });
    // Thousands of elements: the lean stylesheet (see cyStylesheet).
    const isLarge = cy.elements().length > LARGE_STYLE;
    if (isLarge !== large.current) {
      large.current = isLarge;
      cy.style(cyStylesheet(cy.elements().length));
    }
    if (restored && !added.size && wasEmpty) fitView(cy, 50);
    if (added.size) {
      const full = (viewChanged || wasEmpty) && !restored;
      runLayout(cy, full ? new Set(cy.nodes().map((n) => n.id())) : added, s.pinned, () => {
        if (full) fitView(cy, 50);
        else {
          const bb = cy.elements().boundingBox();
          const ext = cy.extent();
          if (bb.x1 < ext.x1 || bb.y1 < ext.y1 || bb.x2 > ext.x2 || bb.y2 > ext.y2) cy.animate({ fit: { eles: cy.elements(), padding: 40 }, duration: 250 });
        }
      });
    }
  }, [props.state.nodes, props.state.edges, props.state.parents, props.state.view, props.state.pinned, props.state.origins]);

  // A hub's leaves as one node: added, relabelled or removed as the bundles change.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const want = new Map(bundles.map((b) => [b.id, b]));
    const members = new Set(bundles.flatMap((b) => b.members));
    cy.batch(() => {
      cy.nodes('.bundle').forEach((n) => {
        if (!want.has(n.id()) || cy.getElementById(want.get(n.id())!.hub).empty()) cy.remove(n);
      });
      cy.nodes().forEach((n) => {
        n.toggleClass('bundled', members.has(n.id()));
      });
      for (const b of bundles) {
        const label = cb.current.bundleLabel?.(b) ?? `+${b.members.length}`;
        const there = cy.getElementById(b.id);
        if (there.nonempty()) {
          if (there.data('label') !== label) there.data('label', label);
          continue;
        }
        const hub = cy.getElementById(b.hub) as NodeSingular;
        if (hub.empty()) continue;
        // Beside the hub, on the side where its leaves were.
        const h = hub.position();
        let dx = 0;
        let dy = 0;
        for (const m of b.members) {
          const p = (cy.getElementById(m) as NodeSingular).position();
          dx += p.x - h.x;
          dy += p.y - h.y;
        }
        const len = Math.hypot(dx, dy);
        const angle = len > 1 ? Math.atan2(dy, dx) : (2 * Math.PI * bundles.indexOf(b)) / Math.max(1, bundles.length);
        cy.add([
          { group: 'nodes', data: { id: b.id, label, type: 'BUNDLE' }, classes: 'bundle', position: { x: h.x + 110 * Math.cos(angle), y: h.y + 110 * Math.sin(angle) } },
          { group: 'edges', data: { id: `${b.id}:edge`, source: b.hub, target: b.id, type: b.type }, classes: 'bundle' },
        ]);
      }
    });
  }, [bundles, props.state.nodes, props.state.edges, props.labelKey]);

  // Sizes by degree or investment, and which labels each zoom level shows.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const investments = new Map<string, number>();
    for (const e of Object.values(props.state.edges)) {
      if (e.type !== 'INVESTS_IN' || !e.amountCny) continue;
      investments.set(e.source, (investments.get(e.source) ?? 0) + e.amountCny);
      investments.set(e.target, (investments.get(e.target) ?? 0) + e.amountCny);
    }
    applyNodeSizes(cy, props.nodeSize ?? 'type', (t) => TYPE_STYLE[t as EntityType]?.size ?? 28, investments);
    labels.current?.refresh();
  }, [props.state.nodes, props.state.edges, props.nodeSize, bundles]);

  // Classes: filters, pins, selection, paths. Cheap, so every state change.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const s = props.state;
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        ele.toggleClass('filtered', props.hiddenIds.has(ele.id()));
        ele.toggleClass('path', props.pathIds.has(ele.id()));
        ele.toggleClass('faded', props.pathIds.size > 0 && !props.pathIds.has(ele.id()));
      });
      cy.nodes().forEach((n) => {
        const pinned = s.pinned.includes(n.id());
        n.toggleClass('pinned', pinned);
        if (pinned) n.lock();
        else n.unlock();
      });
      cy.edges().forEach((e) => {
        const d = s.edges[e.id()];
        if (d?.type === 'MEMBER_OF' && d.role === 'leader') e.source().addClass('leader');
      });
      const sel = s.selected ? cy.getElementById(s.selected) : null;
      cy.$(':selected').forEach((e) => {
        if (!sel || e.id() !== sel.id()) e.unselect();
      });
      if (sel && sel.nonempty() && !sel.selected()) sel.select();
    });
  }, [props.state, props.hiddenIds, props.pathIds]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const below = props.uncertainBelow;
    cy.batch(() => {
      cy.edges().forEach((e) => {
        const c = props.state.edges[e.id()]?.confidence;
        e.toggleClass('uncertain', below != null && c != null && c < below);
      });
    });
  }, [props.state.edges, props.uncertainBelow]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        if (n.hasClass('bundle')) return;
        const label = cb.current.nodeLabel(n.id());
        n.data({ label, display: wrapLabel(label) });
      });
      cy.edges().forEach((e) => {
        e.data('label', cb.current.edgeLabel(e.id()));
      });
    });
  }, [props.labelKey]);

  return <div className="canvas" ref={el} data-testid="canvas" />;
}

export function runLayout(cy: Core, movable: Set<string>, pinned: string[], done?: () => void) {
  const leaves = cy.nodes().filter((n) => !n.isParent());
  if (leaves.empty()) return done?.();
  const fixed = leaves
    .filter((n) => !movable.has(n.id()) || pinned.includes(n.id()))
    .map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
  const allMovable = fixed.length === 0;
  const big = cy.nodes().length > 1500;
  const layout = cy.layout({
    name: 'fcose',
    quality: big ? 'draft' : 'default',
    randomize: allMovable,
    animate: !allMovable && cy.nodes().length < 400,
    animationDuration: 300,
    fit: false,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 120,
    nodeSeparation: 90,
    packComponents: true,
    ...(fixed.length && fixed.length < leaves.length ? { fixedNodeConstraint: fixed } : {}),
  } as unknown as cytoscape.LayoutOptions);
  if (fixed.length === leaves.length) return done?.();
  // For tests and scripts: how many layouts are still running.
  const w = window as unknown as { __chainAtlas?: Record<string, unknown> };
  const count = (d: number) => {
    if (w.__chainAtlas) w.__chainAtlas.layouts = Number(w.__chainAtlas.layouts ?? 0) + d;
  };
  count(1);
  layout.one('layoutstop', () => {
    count(-1);
    done?.();
  });
  layout.run();
}
