// The canvas as an SVG file, written from Cytoscape's model (positions, sizes, resolved styles)
// rather than by replaying its canvas drawing: cytoscape-svg did that through canvas2svg, which
// dropped diamonds, triangles and their labels ("Attempted to apply path command to node text").
// Every node is one shape element tagged with its id, type and shape, every label line a tspan.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

const PAD = 24;

function xml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

const num = (v: number) => String(Math.round(v * 100) / 100);
const px = (v: unknown, fallback = 0) => {
  const n = parseFloat(String(v ?? ''));
  return Number.isFinite(n) ? n : fallback;
};

type Styled = NodeSingular | EdgeSingular;
const style = (el: Styled, name: string): string => String(el.style(name) ?? '');
/** The label as drawn (`data(display)` resolved); '' when the element has none. */
function labelOf(el: Styled): string {
  const parsed = (el as unknown as { pstyle?: (n: string) => { strValue?: string } | undefined }).pstyle?.('label');
  const text = parsed?.strValue ?? style(el, 'label');
  return text === 'none' ? '' : text;
}
const opacityOf = (el: Styled) => {
  const eff = (el as unknown as { effectiveOpacity?: () => number }).effectiveOpacity?.();
  return typeof eff === 'number' ? eff : px(style(el, 'opacity'), 1);
};

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Text width as the browser lays it out (labels get a background box of that width). */
function textWidth(text: string, fontSize: number, fontFamily: string): number {
  if (measureCtx === undefined) {
    try {
      measureCtx = document.createElement('canvas').getContext('2d');
    } catch {
      measureCtx = null;
    }
  }
  if (measureCtx) {
    measureCtx.font = `${fontSize}px ${fontFamily}`;
    const w = measureCtx.measureText(text).width;
    if (w > 0) return w;
  }
  return [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? 0.6 : 1) * fontSize, 0);
}

/** Points of a polygon shape, relative to the centre, for a node w × h. */
function polygon(shape: string, w: number, h: number): [number, number][] | null {
  const x = w / 2;
  const y = h / 2;
  switch (shape.replace(/^round-/, '').replace(/^cut-/, '')) {
    case 'diamond':
      return [[0, -y], [x, 0], [0, y], [-x, 0]];
    case 'triangle':
      return [[0, -y], [x, y], [-x, y]];
    case 'hexagon':
      return [[-x, 0], [-x / 2, -y], [x / 2, -y], [x, 0], [x / 2, y], [-x / 2, y]];
    case 'pentagon':
      return Array.from({ length: 5 }, (_, i) => {
        const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
        return [x * Math.cos(a), y * Math.sin(a)] as [number, number];
      });
    case 'octagon':
      return Array.from({ length: 8 }, (_, i) => {
        const a = Math.PI / 8 + (i * 2 * Math.PI) / 8;
        return [x * Math.cos(a), y * Math.sin(a)] as [number, number];
      });
    case 'star':
      return Array.from({ length: 10 }, (_, i) => {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const r = i % 2 ? 0.4 : 1;
        return [x * r * Math.cos(a), y * r * Math.sin(a)] as [number, number];
      });
    default:
      return null;
  }
}

function nodeShape(n: NodeSingular, cx: number, cy: number, w: number, h: number): string {
  const shape = style(n, 'shape') || 'ellipse';
  const bgOpacity = px(style(n, 'background-opacity'), 1);
  const borderWidth = px(style(n, 'border-width'));
  const dashed = style(n, 'border-style') === 'dashed';
  const paint =
    `fill="${xml(style(n, 'background-color'))}"` +
    (bgOpacity < 1 ? ` fill-opacity="${num(bgOpacity)}"` : '') +
    (borderWidth > 0 ? ` stroke="${xml(style(n, 'border-color'))}" stroke-width="${num(borderWidth)}"` : '') +
    (dashed ? ' stroke-dasharray="6 4"' : '') +
    (shape.startsWith('round-') ? ' stroke-linejoin="round"' : '');
  const tag = `class="node" data-id="${xml(n.id())}" data-type="${xml(String(n.data('type') ?? ''))}" data-shape="${xml(shape)}"`;
  const points = polygon(shape, w, h);
  if (points) {
    return `<polygon ${tag} points="${points.map(([px_, py]) => `${num(cx + px_)},${num(cy + py)}`).join(' ')}" ${paint}/>`;
  }
  if (shape.includes('rectangle') || shape === 'tag' || shape === 'barrel') {
    const r = shape.startsWith('round') || shape === 'barrel' ? Math.min(8, w / 4, h / 4) : 0;
    return `<rect ${tag} x="${num(cx - w / 2)}" y="${num(cy - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${num(r)}" ${paint}/>`;
  }
  return `<ellipse ${tag} cx="${num(cx)}" cy="${num(cy)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${paint}/>`;
}

/** A label's lines at (x, top), with the background box the canvas draws behind them. */
function labelBlock(el: Styled, id: string, lines: string[], x: number, top: number): string {
  const fontSize = px(style(el, 'font-size'), 12);
  const fontFamily = style(el, 'font-family') || 'sans-serif';
  const lineHeight = fontSize * 1.2;
  const bold = style(el, 'font-weight') === 'bold';
  const widest = Math.max(...lines.map((l) => textWidth(l, fontSize, fontFamily)));
  const pad = px(style(el, 'text-background-padding'));
  const bgOpacity = px(style(el, 'text-background-opacity'));
  const parts: string[] = [];
  if (bgOpacity > 0) {
    parts.push(
      `<rect x="${num(x - widest / 2 - pad)}" y="${num(top - pad)}" width="${num(widest + 2 * pad)}" height="${num(lines.length * lineHeight + 2 * pad)}" rx="2" fill="${xml(style(el, 'text-background-color'))}" fill-opacity="${num(bgOpacity)}"/>`,
    );
  }
  const tspans = lines.map((l, i) => `<tspan x="${num(x)}" y="${num(top + fontSize + i * lineHeight - fontSize * 0.15)}">${xml(l)}</tspan>`).join('');
  parts.push(
    `<text class="label" data-for="${xml(id)}" text-anchor="middle" font-size="${num(fontSize)}"${bold ? ' font-weight="bold"' : ''} fill="${xml(style(el, 'color'))}">${tspans}</text>`,
  );
  return parts.join('');
}

function nodeLabel(n: NodeSingular, cx: number, cy: number, h: number): string {
  const text = labelOf(n);
  if (!text) return '';
  const lines = text.split('\n');
  const fontSize = px(style(n, 'font-size'), 12);
  const block = lines.length * fontSize * 1.2;
  const margin = px(style(n, 'text-margin-y'));
  const valign = style(n, 'text-valign');
  const top = valign === 'top' ? cy - h / 2 - block + margin : valign === 'center' ? cy - block / 2 + margin : cy + h / 2 + margin;
  return labelBlock(n, n.id(), lines, cx, top);
}

function edgePath(e: EdgeSingular): { d: string; end: { x: number; y: number }; from: { x: number; y: number } } {
  const haystack = style(e, 'curve-style') === 'haystack';
  const s = haystack ? e.source().position() : e.sourceEndpoint();
  const t = haystack ? e.target().position() : e.targetEndpoint();
  const controls = haystack ? [] : ((e as unknown as { controlPoints?: () => { x: number; y: number }[] | undefined }).controlPoints?.() ?? []);
  if (!controls.length) return { d: `M${num(s.x)},${num(s.y)} L${num(t.x)},${num(t.y)}`, end: t, from: s };
  // Cytoscape's bezier: quadratic pieces joined at the midpoints of successive control points.
  let d = `M${num(s.x)},${num(s.y)}`;
  for (let i = 0; i < controls.length; i++) {
    const c = controls[i];
    const next = i + 1 < controls.length ? { x: (c.x + controls[i + 1].x) / 2, y: (c.y + controls[i + 1].y) / 2 } : t;
    d += ` Q${num(c.x)},${num(c.y)} ${num(next.x)},${num(next.y)}`;
  }
  return { d, end: t, from: controls[controls.length - 1] };
}

function edgeElement(e: EdgeSingular): string {
  const width = px(style(e, 'width'), 1);
  const colour = style(e, 'line-color');
  const { d, end, from } = edgePath(e);
  const dashed = style(e, 'line-style') === 'dashed';
  const parts = [
    `<path class="edge" data-id="${xml(e.id())}" data-type="${xml(String(e.data('type') ?? ''))}" d="${d}" fill="none" stroke="${xml(colour)}" stroke-width="${num(width)}"${dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
  ];
  const arrow = style(e, 'target-arrow-shape');
  if (arrow && arrow !== 'none' && style(e, 'curve-style') !== 'haystack') {
    const len = Math.max(6, width * 4) * px(style(e, 'arrow-scale'), 1);
    const angle = Math.atan2(end.y - from.y, end.x - from.x);
    const back = { x: end.x - len * Math.cos(angle), y: end.y - len * Math.sin(angle) };
    const side = len * 0.55;
    const l = { x: back.x + side * Math.sin(angle), y: back.y - side * Math.cos(angle) };
    const r = { x: back.x - side * Math.sin(angle), y: back.y + side * Math.cos(angle) };
    parts.push(`<polygon class="arrow" points="${num(end.x)},${num(end.y)} ${num(l.x)},${num(l.y)} ${num(r.x)},${num(r.y)}" fill="${xml(style(e, 'target-arrow-color') || colour)}"/>`);
  }
  const text = labelOf(e);
  if (text) {
    const mid = e.midpoint();
    const fontSize = px(style(e, 'font-size'), 10);
    const lines = text.split('\n');
    parts.push(labelBlock(e, e.id(), lines, mid.x, mid.y - (lines.length * fontSize * 1.2) / 2));
  }
  const opacity = opacityOf(e);
  return opacity < 1 ? `<g opacity="${num(opacity)}">${parts.join('')}</g>` : parts.join('');
}

/**
 * The whole graph (not only the part in view) as a standalone SVG document. A document is read
 * away from the canvas's zoom, so labels the zoom keeps quiet are written whole.
 */
export function toSvg(cy: Core): string {
  const quiet = cy.elements('.quiet');
  quiet.removeClass('quiet');
  try {
    return documentOf(cy);
  } finally {
    quiet.addClass('quiet');
  }
}

function documentOf(cy: Core): string {
  const visible = cy.elements(':visible');
  const box = visible.boundingBox({ includeLabels: true, includeOverlays: false });
  const x0 = (Number.isFinite(box.x1) ? box.x1 : 0) - PAD;
  const y0 = (Number.isFinite(box.y1) ? box.y1 : 0) - PAD;
  const w = (Number.isFinite(box.w) ? box.w : 0) + 2 * PAD;
  const h = (Number.isFinite(box.h) ? box.h : 0) + 2 * PAD;
  const font = style(cy.nodes()[0] ?? (cy.edges()[0] as Styled), 'font-family') || 'sans-serif';
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(h)}" font-family="${xml(font)}">`,
    `<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" fill="#ffffff"/>`,
  ];
  // Boxes of district / cluster views first (behind), then edges, then nodes with their labels.
  const parents = visible.nodes().filter((n) => n.isParent());
  parents.forEach((n) => {
    const b = n.boundingBox({ includeLabels: false });
    const opacity = opacityOf(n);
    const body = nodeShape(n, (b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2, b.w, b.h) + nodeLabel(n, (b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2, b.h);
    out.push(opacity < 1 ? `<g opacity="${num(opacity)}">${body}</g>` : body);
  });
  visible.edges().forEach((e) => {
    out.push(edgeElement(e));
  });
  visible
    .nodes()
    .filter((n) => !n.isParent())
    .forEach((n) => {
      const p = n.position();
      const nw = n.width();
      const nh = n.height();
      const opacity = opacityOf(n);
      const body = nodeShape(n, p.x, p.y, nw, nh) + nodeLabel(n, p.x, p.y, nh);
      out.push(opacity < 1 ? `<g opacity="${num(opacity)}">${body}</g>` : body);
    });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
