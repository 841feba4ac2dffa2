import type { StylesheetJson } from 'cytoscape';
import type { EntityType } from './types';

export const TYPE_STYLE: Record<EntityType, { color: string; shape: string; size: number }> = {
  DISTRICT: { color: '#9a7b4f', shape: 'round-rectangle', size: 38 },
  CLUSTER: { color: '#7d5ba6', shape: 'hexagon', size: 36 },
  ENTERPRISE: { color: '#2f6db3', shape: 'ellipse', size: 28 },
  PLATFORM: { color: '#23907f', shape: 'round-diamond', size: 32 },
  PROJECT: { color: '#d27a26', shape: 'round-triangle', size: 30 },
};

/** Width of a label line, in CJK characters (the node label font is 12 px: 8 × 12 = 96 px). */
const LINE_UNITS = 8;
const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团', '研究院', '产业园', '科技园'];

function units(ch: string): number {
  // Latin letters, digits and punctuation are about half as wide as a CJK character.
  return ch.charCodeAt(0) < 0x2e80 ? 0.6 : 1;
}

/**
 * Wraps a label into lines of about eight CJK characters, breaking before a company suffix
 * (有限公司, 集团…) when that keeps lines short, and never inside a Latin word or number.
 * Done here once, not by Cytoscape: its `text-overflow-wrap: anywhere` measures the text one
 * character at a time, which dominated the first draw of large graphs.
 */
export function wrapLabel(text: string, lineUnits = LINE_UNITS): string {
  if (!text || [...text].reduce((w, c) => w + units(c), 0) <= lineUnits) return text;
  // Suffix on its own line: 重庆忽米网络科技 / 有限公司.
  for (const suf of SUFFIXES) {
    if (text.endsWith(suf) && text.length > suf.length) {
      const head = wrapLabel(text.slice(0, -suf.length), lineUnits);
      const lastLine = head.slice(head.lastIndexOf('\n') + 1);
      const joined = [...(lastLine + suf)].reduce((w, c) => w + units(c), 0);
      return joined <= lineUnits ? `${head}${suf}` : `${head}\n${suf}`;
    }
  }
  const tokens = text.match(/[A-Za-z0-9.&·+-]+|./gsu) ?? [text];
  // Balanced lines: 9 characters become 5 + 4, not 8 + an orphan.
  const total = tokens.reduce((a, tok) => a + [...tok].reduce((b, c) => b + units(c), 0), 0);
  lineUnits = Math.ceil(total / Math.ceil(total / lineUnits));
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const tok of tokens) {
    const tw = [...tok].reduce((a, c) => a + units(c), 0);
    if (w + tw > lineUnits && line) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += tok;
    w += tw;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** Past this many elements the stylesheet is lean (see cyStylesheet). */
export const LARGE_STYLE = 2000;

/**
 * `elements`: how big the graph is. Large graphs get a lean stylesheet: Cytoscape applies
 * every property of every matching rule to every element, so the first draw of 5,000
 * elements costs in proportion to the properties. They keep colour, shape, labels (shown
 * once zoomed in) and edge colours, and drop what cannot be seen at that scale: white node
 * rings, label padding, arrows and curved edges (haystack lines instead).
 */
export function cyStylesheet(elements = 0): StylesheetJson {
  const large = elements > LARGE_STYLE;
  const byType = (Object.keys(TYPE_STYLE) as EntityType[]).map((t) => ({
    selector: `node[type = "${t}"]`,
    style: {
      'background-color': TYPE_STYLE[t].color,
      shape: TYPE_STYLE[t].shape,
      width: TYPE_STYLE[t].size,
      height: TYPE_STYLE[t].size,
    },
  }));
  if (large) return largeStylesheet(byType);
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 12,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        // Lines are pre-wrapped by wrapLabel; the width only catches unusually wide Latin text.
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'round-rectangle',
        'border-width': 2,
        'border-color': '#ffffff',
        'min-zoomed-font-size': 6,
      },
    },
    ...byType,
    ...detailRules,
    {
      selector: 'node:parent',
      style: {
        // A box's title stays on one line above it.
        label: 'data(label)',
        'text-wrap': 'none',
        shape: 'round-rectangle',
        'background-opacity': 0.07,
        'border-width': 1.5,
        'border-style': 'dashed',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-size': 14,
        'font-weight': 'bold',
        padding: '18px',
      },
    },
    { selector: 'node:parent[type = "DISTRICT"]', style: { 'border-color': TYPE_STYLE.DISTRICT.color } },
    { selector: 'node:parent[type = "CLUSTER"]', style: { 'border-color': TYPE_STYLE.CLUSTER.color } },
    { selector: 'node.leader', style: { 'border-color': '#c0392b', 'border-width': 3 } },
    { selector: 'node.pinned', style: { 'border-color': '#111827', 'border-width': 3, 'border-style': 'double' } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 10,
        color: '#52606d',
        'text-background-color': '#f7f8fa',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge[type = "COOPERATES_WITH"]', style: { 'target-arrow-shape': 'none', 'line-style': 'dashed' } },
    { selector: 'edge[type = "INVESTS_IN"]', style: { 'line-color': '#d27a26', 'target-arrow-color': '#d27a26', color: '#a85d16' } },
    { selector: 'edge[type = "SUPPLIES"]', style: { 'line-color': '#2f6db3', 'target-arrow-color': '#2f6db3' } },
    // Less certain than the review threshold: a short dash (COOPERATES_WITH's long one says "unordered").
    { selector: 'edge.uncertain', style: { 'line-style': 'dashed', 'line-dash-pattern': [3, 4], 'line-opacity': 0.8 } },
    { selector: 'edge.implied', style: { display: 'none' } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node:selected', style: { 'border-color': '#f5b700', 'border-width': 4 } },
    { selector: 'edge:selected', style: { width: 3.5, 'line-color': '#f5b700', 'target-arrow-color': '#f5b700', color: '#1f2933' } },
    { selector: 'edge.path', style: { 'line-color': '#e0245e', 'target-arrow-color': '#e0245e', width: 4, 'z-index': 10 } },
    { selector: 'node.path', style: { 'border-color': '#e0245e', 'border-width': 4 } },
    { selector: '.faded', style: { opacity: 0.25 } },
    ...labelRestoreRules,
  ] as unknown as StylesheetJson;
}

/**
 * Sizes by degree or investment (`size`, see canvasDetail), labels by zoom (`.quiet`), and a
 * hub's bundled leaves (`.bundled`, drawn as one `.bundle` node).
 */
const detailRules = [
  { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
  { selector: 'node.quiet', style: { label: '' } },
  { selector: '.bundled', style: { display: 'none' } },
  {
    selector: 'node.bundle',
    style: {
      shape: 'round-rectangle',
      'background-color': '#eef1f5',
      'border-color': '#56616c',
      'border-width': 1.5,
      'border-style': 'dashed',
      label: 'data(label)',
      'text-valign': 'center',
      'text-halign': 'center',
      'text-margin-y': 0,
      'text-background-opacity': 0,
      'font-size': 12,
      'font-weight': 'bold',
      color: '#1f2933',
      width: 'label',
      height: 22,
      padding: '6px',
    },
  },
  { selector: 'edge.bundle', style: { 'line-style': 'dotted', label: '' } },
];

/** Edge labels by zoom (after the edge rule, which sets them), and what is selected or on a path keeps its label at any zoom. */
const labelRestoreRules = [
  { selector: 'edge.quiet', style: { label: '' } },
  { selector: 'node.quiet:selected, node.quiet.path', style: { label: 'data(display)' } },
  { selector: 'edge.quiet:selected, edge.quiet.path', style: { label: 'data(label)' } },
];

const selectionRules = [
  { selector: 'edge.implied', style: { display: 'none' } },
  { selector: '.filtered', style: { display: 'none' } },
  { selector: 'node:selected', style: { 'border-color': '#f5b700', 'border-width': 4 } },
  { selector: 'edge:selected', style: { width: 3.5, 'line-color': '#f5b700', color: '#1f2933' } },
  { selector: 'edge.path', style: { 'line-color': '#e0245e', width: 4, 'z-index': 10 } },
  { selector: 'node.path', style: { 'border-color': '#e0245e', 'border-width': 4 } },
  { selector: '.faded', style: { opacity: 0.25 } },
];

function largeStylesheet(byType: { selector: string; style: Record<string, unknown> }[]): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 12,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'min-zoomed-font-size': 6,
      },
    },
    ...byType,
    ...detailRules,
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#9aa5b1',
        'curve-style': 'haystack',
        'haystack-radius': 0,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 10,
        color: '#52606d',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge[type = "COOPERATES_WITH"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[type = "INVESTS_IN"]', style: { 'line-color': '#d27a26', color: '#a85d16' } },
    { selector: 'edge[type = "SUPPLIES"]', style: { 'line-color': '#2f6db3' } },
    ...selectionRules,
    ...labelRestoreRules,
  ] as unknown as StylesheetJson;
}
