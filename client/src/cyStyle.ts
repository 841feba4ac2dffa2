import type { StylesheetJson } from 'cytoscape';
import type { EntityType } from './types';

export const TYPE_STYLE: Record<EntityType, { color: string; shape: string; size: number }> = {
  DISTRICT: { color: '#9a7b4f', shape: 'round-rectangle', size: 38 },
  CLUSTER: { color: '#7d5ba6', shape: 'hexagon', size: 36 },
  ENTERPRISE: { color: '#2f6db3', shape: 'ellipse', size: 28 },
  PLATFORM: { color: '#23907f', shape: 'round-diamond', size: 32 },
  PROJECT: { color: '#d27a26', shape: 'round-triangle', size: 30 },
};

export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** `elements`: how big the graph is; large ones get straight edges, much cheaper than bezier. */
export function cyStylesheet(elements = 0): StylesheetJson {
  const byType = (Object.keys(TYPE_STYLE) as EntityType[]).map((t) => ({
    selector: `node[type = "${t}"]`,
    style: {
      'background-color': TYPE_STYLE[t].color,
      shape: TYPE_STYLE[t].shape,
      width: TYPE_STYLE[t].size,
      height: TYPE_STYLE[t].size,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 12,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-overflow-wrap': 'anywhere',
        'text-max-width': '104px',
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
    {
      selector: 'node:parent',
      style: {
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
    ...(elements > 2000 ? [{ selector: 'edge', style: { 'curve-style': 'straight' } }] : []),
    { selector: 'edge.implied', style: { display: 'none' } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node:selected', style: { 'border-color': '#f5b700', 'border-width': 4 } },
    { selector: 'edge:selected', style: { width: 3.5, 'line-color': '#f5b700', 'target-arrow-color': '#f5b700', color: '#1f2933' } },
    { selector: 'edge.path', style: { 'line-color': '#e0245e', 'target-arrow-color': '#e0245e', width: 4, 'z-index': 10 } },
    { selector: 'node.path', style: { 'border-color': '#e0245e', 'border-width': 4 } },
    { selector: '.faded', style: { opacity: 0.25 } },
  ] as unknown as StylesheetJson;
}
