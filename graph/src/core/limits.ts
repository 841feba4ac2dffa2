// Every option default and every bound of the graph's reads, in one place: both stores clamp
// with these, the server spells its argument defaults with them (schema.graphql shows the same
// numbers), so a default changed here changes everywhere at once. No imports: the client may
// read this file too.

/** An option's default and the range a store clamps it to. */
export interface Bound {
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** What a store does with an option it is given (or not): clamped, never refused (but for paths, see pathLength). */
export const STORE_BOUNDS = {
  /** Search hits. */
  search: { default: 20, min: 1, max: 200 },
  /** Steps of a neighbourhood from its seeds. */
  neighbourhoodDepth: { default: 1, min: 0, max: 6 },
  /** Nodes of a neighbourhood, seeds included; past it the answer is truncated. */
  neighbourhoodNodes: { default: 200, min: 1, max: 100_000 },
  /**
   * Edges of one path. Refused outside (BAD_INPUT, see pathQuery), not clamped: an analyst who
   * asks for seven hops is told six is the most, not given six quietly.
   */
  pathLength: { default: 4, min: 1, max: 6 },
  /** k of the k shortest paths (refused outside, as pathLength). */
  paths: { default: 5, min: 1, max: 50 },
  /** One page of an entity's relations (relationsOf). */
  relationPage: { default: 50, min: 0, max: 10_000 },
  /** One page of articles (listArticles). */
  articlePage: { default: 100, min: 0, max: 10_000 },
  /** One page of the audit log. */
  auditPage: { default: 50, min: 0, max: 1000 },
  /** One page of rejections. */
  rejectionPage: { default: 50, min: 0, max: 1000 },
  /** Relations that come with an entity's details (a hub's others are paged with relationsOf). */
  detailRelations: { default: 500, min: 0, max: Number.MAX_SAFE_INTEGER },
  /** Newest articles that come with an entity's details. */
  detailArticles: { default: 100, min: 0, max: Number.MAX_SAFE_INTEGER },
  /** Levels of a 产业链 each way. */
  chainDepth: { default: 2, min: 1, max: 4 },
  /** Entities carried for a 产业链 (each layer may add as many again). */
  chainNodes: { default: 300, min: 1, max: 2000 },
  /** One page of 待审核, the review queue. */
  reviewPage: { default: 20, min: 0, max: 200 },
  /** One page of an entity's neighbours (显示更多). */
  neighbourPage: { default: 100, min: 1, max: 5000 },
  /** One page of saved views (refused, not clamped, outside the range: see viewPageSize). */
  viewsPage: { default: 50, min: 1, max: 200 },
} as const satisfies Record<string, Bound>;

/** A whole number within the bound; absent means the bound's default. */
export function bounded(value: number | null | undefined, bound: Bound): number {
  const n = value == null || Number.isNaN(value) ? bound.default : Math.trunc(value);
  return Math.max(bound.min, Math.min(n, bound.max));
}

/**
 * The GraphQL arguments' defaults (schema.ts writes them into the SDL). Smaller than the
 * stores' where a request answers a person reading a screen rather than a script.
 */
export const API_DEFAULTS = {
  searchFirst: 20,
  neighbourhoodDepth: 1,
  neighbourhoodLimit: 200,
  pathMaxLength: 4,
  pathsFirst: 5,
  articlesFirst: 20,
  relationsFirst: 50,
  viewsFirst: 20,
  rejectionsFirst: 50,
  auditFirst: 50,
  chainDepth: 2,
  chainLimit: 300,
  factsFirst: 20,
  reviewFirst: 20,
  neighboursFirst: 100,
} as const;
