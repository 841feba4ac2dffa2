import type { CanvasState } from './state';
import type { ArticleRef, EvidenceData } from './types';

/** What the export menu offers, in its order. */
export const EXPORT_KINDS = ['png', 'svg', 'json', 'csv', 'graphml', 'gexf'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A sentence stating a relation, with the article it is from (title, date, url: what a reader cites). */
export interface ExportEvidence {
  text: string;
  start: number;
  end: number;
  article: ArticleRef;
}

export interface VisibleGraph {
  nodes: { id: string; type: string; name: string; aliases: string[]; degree?: number; x?: number; y?: number }[];
  edges: {
    id: string;
    type: string;
    source: string;
    target: string;
    amountCny: number | null;
    role: string | null;
    evidence?: ExportEvidence[];
  }[];
}

export function visibleGraph(s: CanvasState, hidden: Set<string>, positions?: Record<string, { x: number; y: number }>): VisibleGraph {
  const nodes = Object.values(s.nodes)
    .filter((n) => !hidden.has(n.id))
    .map((n) => ({
      id: n.id,
      type: n.type,
      name: n.name,
      aliases: n.aliases,
      ...(n.degree != null ? { degree: n.degree } : {}),
      ...(positions?.[n.id] ? { x: Math.round(positions[n.id].x * 10) / 10, y: Math.round(positions[n.id].y * 10) / 10 } : {}),
    }));
  const on = new Set(nodes.map((n) => n.id));
  const edges = Object.values(s.edges)
    .filter((e) => !hidden.has(e.id) && on.has(e.source) && on.has(e.target))
    .map((e) => ({ ...e }));
  return { nodes, edges };
}

/** The graph with each relation's evidence (fetched by relation id: the canvas keeps only ids and dates). */
export function withEvidence(g: VisibleGraph, evidence: Map<string, EvidenceData[]>): VisibleGraph {
  return {
    nodes: g.nodes,
    edges: g.edges.map((e) => ({
      ...e,
      evidence: (evidence.get(e.id) ?? []).map((ev) => ({
        text: ev.text,
        start: ev.start,
        end: ev.end,
        article: { id: ev.article.id, title: ev.article.title ?? null, date: ev.article.date ?? null, source: ev.article.source ?? null, url: ev.article.url ?? null },
      })),
    })),
  };
}

export function toJson(g: VisibleGraph): string {
  return JSON.stringify(g, null, 2);
}

function csvCell(v: unknown): string {
  const s = v == null ? '' : Array.isArray(v) ? v.join('|') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = [
  'kind', 'id', 'type', 'name', 'aliases', 'source', 'target', 'amountCny', 'role',
  'evidence', 'start', 'end', 'articleId', 'articleTitle', 'articleDate', 'articleSource', 'articleUrl',
];

/**
 * One file for spreadsheets: a row per node, a row per edge, and after each edge a row per
 * sentence that states it (kind "evidence", the edge's id, the sentence and its article), so a
 * filter on `kind` gives each table. BOM so Excel reads UTF-8 Chinese.
 */
export function toCsv(g: VisibleGraph): string {
  const lines = [CSV_COLUMNS.join(',')];
  const row = (cells: unknown[]) => lines.push(cells.map(csvCell).join(','));
  for (const n of g.nodes) row(['node', n.id, n.type, n.name, n.aliases]);
  for (const e of g.edges) {
    row(['edge', e.id, e.type, '', '', e.source, e.target, e.amountCny, e.role]);
    for (const ev of e.evidence ?? []) {
      row(['evidence', e.id, e.type, '', '', e.source, e.target, e.amountCny, e.role, ev.text, ev.start, ev.end,
        ev.article.id, ev.article.title, ev.article.date, ev.article.source, ev.article.url]);
    }
  }
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
