import type { CanvasState } from './state';

export interface VisibleGraph {
  nodes: { id: string; type: string; name: string; aliases: string[] }[];
  edges: { id: string; type: string; source: string; target: string; amountCny: number | null; role: string | null }[];
}

export function visibleGraph(s: CanvasState, hidden: Set<string>): VisibleGraph {
  const nodes = Object.values(s.nodes)
    .filter((n) => !hidden.has(n.id))
    .map((n) => ({ id: n.id, type: n.type, name: n.name, aliases: n.aliases }));
  const on = new Set(nodes.map((n) => n.id));
  const edges = Object.values(s.edges).filter((e) => !hidden.has(e.id) && on.has(e.source) && on.has(e.target));
  return { nodes, edges };
}

function csvCell(v: unknown): string {
  const s = v == null ? '' : Array.isArray(v) ? v.join('|') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Two tables in one file (nodes, then edges), for spreadsheets; BOM so Excel reads UTF-8 Chinese. */
export function toCsv(g: VisibleGraph): string {
  const lines = ['kind,id,type,name,aliases,source,target,amountCny,role'];
  for (const n of g.nodes) lines.push(['node', n.id, n.type, n.name, n.aliases, '', '', '', ''].map(csvCell).join(','));
  for (const e of g.edges) lines.push(['edge', e.id, e.type, '', '', e.source, e.target, e.amountCny, e.role].map(csvCell).join(','));
  return '\ufeff' + lines.join('\n') + '\n';
}

export function download(name: string, data: Blob | string, type = 'application/octet-stream') {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Views were once kept in this browser only; they are moved to the server once (see App).
const VIEWS_KEY = 'chainAtlas.views';
export interface LocalView {
  name: string;
  query: string;
  savedAt: string;
}
export function takeLocalViews(): LocalView[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(VIEWS_KEY) ?? '[]');
    return Array.isArray(v) ? (v as LocalView[]) : [];
  } catch {
    return [];
  }
}
export function forgetLocalViews() {
  localStorage.removeItem(VIEWS_KEY);
}
