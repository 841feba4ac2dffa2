import { z } from 'zod';

/**
 * What one request may ask of the server. Every number is a guard against a request that
 * would hold the (single-process) store for everyone else; all can be set by env vars.
 */
export interface ApiLimits {
  /** Deepest selection nesting (introspection fields not counted). */
  maxDepth: number;
  /** Estimated cost of one operation: each field 1, list fields times their page size. */
  maxComplexity: number;
  /** `first` of search, articles, paths and Entity.relations. */
  maxPageSize: number;
  /** `limit` of neighbourhood (nodes). */
  maxNeighbourhoodLimit: number;
  /** `depth` of neighbourhood. */
  maxNeighbourhoodDepth: number;
  /** `maxLength` of paths. */
  maxPathLength: number;
  /** `first` of paths (k shortest). */
  maxPaths: number;
  /** Seeds of one neighbourhood call. */
  maxNeighbourhoodSeeds: number;
  /** Bytes of a request body (an ingested article travels in it). */
  maxBodyBytes: number;
  /** Characters of an ingested article's text. */
  maxArticleChars: number;
  /** Wall time of one request before it answers TIMEOUT. */
  requestTimeoutMs: number;
  /** Operations in one batched (JSON array) request. */
  maxBatchSize: number;
  /** Aliased fields in one operation (`__typename` free): each alias is another run of its field. */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens of one document: parsing stops past it, before anything else is done. */
  maxTokens: number;
  /**
   * What the cost estimate assumes a list without a page size (District.enterprises,
   * Enterprise.partners…) holds: nested lists multiply, so a few levels of them price out.
   */
  listCostEstimate: number;
  /**
   * Entities one request may reach through those lists, counted as they are read: the
   * estimate's guess can be wrong on a hub, this count cannot.
   */
  maxListItems: number;
  /** Bytes of one JSON answer; a bigger one is replaced by RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxDepth: 10,
  // Room for the explorer's widest view: a 2000-node neighbourhood with its edges and evidence.
  maxComplexity: 50_000,
  maxPageSize: 100,
  maxNeighbourhoodLimit: 2000,
  maxNeighbourhoodDepth: 3,
  maxPathLength: 6,
  maxPaths: 20,
  maxNeighbourhoodSeeds: 100,
  // The longest article the API takes, in the longest JSON it can come as (every character
  // escaped as \uXXXX: 6 bytes), plus room for the query and metadata: ~2.9 MiB.
  maxBodyBytes: 500_000 * 6 + 64 * 1024,
  maxArticleChars: 500_000,
  requestTimeoutMs: 15_000,
  maxBatchSize: 10,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
  listCostEstimate: 20,
  maxListItems: 50_000,
  maxResponseBytes: 20 * 1024 * 1024,
};

/** The env var that sets each limit. */
export const LIMIT_ENV: Record<keyof ApiLimits, string> = {
  maxDepth: 'CHAIN_ATLAS_MAX_DEPTH',
  maxComplexity: 'CHAIN_ATLAS_MAX_COMPLEXITY',
  maxPageSize: 'CHAIN_ATLAS_MAX_PAGE_SIZE',
  maxNeighbourhoodLimit: 'CHAIN_ATLAS_MAX_NEIGHBOURHOOD_LIMIT',
  maxNeighbourhoodDepth: 'CHAIN_ATLAS_MAX_NEIGHBOURHOOD_DEPTH',
  maxPathLength: 'CHAIN_ATLAS_MAX_PATH_LENGTH',
  maxPaths: 'CHAIN_ATLAS_MAX_PATHS',
  maxNeighbourhoodSeeds: 'CHAIN_ATLAS_MAX_NEIGHBOURHOOD_SEEDS',
  maxBodyBytes: 'CHAIN_ATLAS_MAX_BODY_BYTES',
  maxArticleChars: 'CHAIN_ATLAS_MAX_ARTICLE_CHARS',
  requestTimeoutMs: 'CHAIN_ATLAS_REQUEST_TIMEOUT_MS',
  maxBatchSize: 'CHAIN_ATLAS_MAX_BATCH',
  maxAliases: 'CHAIN_ATLAS_MAX_ALIASES',
  maxDirectives: 'CHAIN_ATLAS_MAX_DIRECTIVES',
  maxTokens: 'CHAIN_ATLAS_MAX_TOKENS',
  listCostEstimate: 'CHAIN_ATLAS_LIST_COST_ESTIMATE',
  maxListItems: 'CHAIN_ATLAS_MAX_LIST_ITEMS',
  maxResponseBytes: 'CHAIN_ATLAS_MAX_RESPONSE_BYTES',
};

const positiveInt = z.coerce.number().int().positive();

/** Limits from the environment; a malformed value is a startup error, not a silent default. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ApiLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof ApiLimits)[]) {
    const raw = env[LIMIT_ENV[key]];
    if (raw === undefined || raw === '') continue;
    const parsed = positiveInt.safeParse(raw);
    if (!parsed.success) throw new Error(`${LIMIT_ENV[key]} must be a positive integer, not ${JSON.stringify(raw)}`);
    limits[key] = parsed.data;
  }
  // A longer article limit without a body limit set would be unreachable: the body grows with it.
  if (!env[LIMIT_ENV.maxBodyBytes]) limits.maxBodyBytes = Math.max(limits.maxBodyBytes, limits.maxArticleChars * 6 + 64 * 1024);
  return limits;
}
