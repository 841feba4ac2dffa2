// What both stores and the server share: validation, option defaults and bounds, the ranking
// of search hits and empty reports. Each store is an adapter over these, not a second copy.
export { STORE_BOUNDS, API_DEFAULTS, bounded, type Bound } from './limits';
export { rankScore, compareHits, rankHits } from './ranking';
export { emptyUpsertReport, emptyImportReport } from './reports';
export { validateArticleText, validateExtraction } from './validation';
