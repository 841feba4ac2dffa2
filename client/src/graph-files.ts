// GEXF (Gephi) and GraphML (yEd, Cytoscape desktop, networkx) files of the canvas. Loaded on
// demand, like the SVG writer: graphology is only needed when someone exports.
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import type { VisibleGraph } from './exporters';

type Attrs = Record<string, string | number>;

/** What a graph tool shows of an entity: its type and names, its degree when known. */
function nodeAttributes(n: VisibleGraph['nodes'][number]): Attrs {
  const a: Attrs = { label: n.name, type: n.type, aliases: n.aliases.join('|') };
  if (n.degree != null) a.degree = n.degree;
  return a;
}

/** A relation's attributes; several sentences are one value each, a line apiece (the tools take no lists). */
function edgeAttributes(e: VisibleGraph['edges'][number]): Attrs {
  const ev = e.evidence ?? [];
  const a: Attrs = { label: e.type, relationType: e.type, evidenceCount: ev.length };
  if (e.amountCny != null) a.amountCny = e.amountCny;
  if (e.role != null) a.role = e.role;
  if (ev.length) {
    a.evidence = ev.map((x) => x.text).join('\n');
    a.articleTitles = ev.map((x) => x.article.title ?? '').join('\n');
    a.articleDates = ev.map((x) => x.article.date ?? '').join('\n');
    a.articleUrls = ev.map((x) => x.article.url ?? '').join('\n');
  }
  return a;
}

/** COOPERATES_WITH is the one relation without a direction. */
const UNDIRECTED = new Set(['COOPERATES_WITH']);

/** GEXF 1.3 for Gephi, written by graphology-gexf: nodes with their canvas position, typed attributes. */
export function toGexf(g: VisibleGraph): string {
  const graph = new Graph({ type: 'mixed', multi: true });
  for (const n of g.nodes) graph.addNode(n.id, { ...nodeAttributes(n), ...(n.x != null && n.y != null ? { x: n.x, y: n.y } : {}) });
  for (const e of g.edges) {
    if (UNDIRECTED.has(e.type)) graph.addUndirectedEdgeWithKey(e.id, e.source, e.target, edgeAttributes(e));
    else graph.addDirectedEdgeWithKey(e.id, e.source, e.target, edgeAttributes(e));
  }
  return writeGexf(graph, {
    version: '1.3',
    formatNode: (_key, attrs) => {
      const { label, x, y, ...attributes } = attrs as Attrs & { x?: number; y?: number };
      return { label: String(label), attributes, ...(x != null && y != null ? { viz: { x, y } } : {}) };
    },
    formatEdge: (_key, attrs) => {
      const { label, ...attributes } = attrs;
      return { label: String(label), attributes };
    },
  });
}

function xml(s: string): string {
  // Control characters other than tab and newline are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * GraphML for yEd, Cytoscape desktop and networkx. Written here: graphology-graphml publishes
 * only its parser (the tests read this file back with it). Each attribute is declared once with
 * its type: int for counts, double for amounts, string otherwise.
 */
export function toGraphml(g: VisibleGraph): string {
  const nodes = g.nodes.map((n) => ({ n, a: nodeAttributes(n) }));
  const edges = g.edges.map((e) => ({ e, a: edgeAttributes(e) }));
  const keys = new Map<string, { for: 'node' | 'edge'; name: string; type: string }>();
  const declare = (kind: 'node' | 'edge', a: Attrs) => {
    for (const [name, v] of Object.entries(a)) {
      const id = `${kind === 'node' ? 'n' : 'e'}_${name}`;
      const type = typeof v === 'number' ? (Number.isInteger(v) && name !== 'amountCny' ? 'int' : 'double') : 'string';
      const known = keys.get(id);
      if (!known) keys.set(id, { for: kind, name, type });
      else if (known.type === 'int' && type === 'double') known.type = 'double';
    }
  };
  nodes.forEach(({ a }) => declare('node', a));
  edges.forEach(({ a }) => declare('edge', a));
  const data = (kind: 'n' | 'e', a: Attrs) =>
    Object.entries(a)
      .map(([name, v]) => `<data key="${kind}_${xml(name)}">${xml(String(v))}</data>`)
      .join('');
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...keys].map(([id, k]) => `  <key id="${xml(id)}" for="${k.for}" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`),
    '  <graph id="chain-atlas" edgedefault="directed">',
    ...nodes.map(({ n, a }) => `    <node id="${xml(n.id)}">${data('n', a)}</node>`),
    ...edges.map(
      ({ e, a }) =>
        `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"${UNDIRECTED.has(e.type) ? ' directed="false"' : ''}>${data('e', a)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return out.join('\n') + '\n';
}
