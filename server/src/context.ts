import type { Logger } from 'pino';
import type { GraphStore } from '@chain-atlas/graph';
import type { Extractor } from './ingest';
import type { ApiLimits } from './limits';
import type { Loaders } from './loaders';

export interface ApiContext {
  /** The store as this request sees it: every call bounded by the request's deadline. */
  store: GraphStore;
  loaders: Loaders;
  limits: ApiLimits;
  authorized: boolean;
  /** Who is making the request, from a named token; null for the single anonymous token. */
  actor?: string | null;
  extract: Extractor;
  logger: Logger;
  /** Above this many relations an entity's relations are paged by the store, not batched. */
  hubDegree: number;
  /** What this request has read so far, against `maxListItems` and `maxResponseBytes`. */
  spent: { listItems: number; textBytes: number };
}
