// The canvas state's public surface: components and hooks import from here, not from the modules.
export { emptyState, reduce, toEdge, toNode } from './canvas';
export type { Action, CanvasState, EdgeData, NodeData, ViewMode } from './canvas';
export { emptyFilters, filteredOut, hiddenOnCanvas } from './filters';
export type { Filters } from './filters';
export { canRedo, canUndo, historyReducer, initHistory } from './history';
export type { History, HistoryAction } from './history';
export { decodeUrl, encodeUrl, parseViewState, stateFromUrl, toUrlView, toViewState, URL_INLINE_MAX, viewIdFromUrl } from './url';
export type { UrlView, ViewState } from './url';
export { BUNDLE_FROM_NODES, BUNDLE_MIN_LEAVES, bundleId, leafBundles } from './bundles';
export type { Bundle } from './bundles';
