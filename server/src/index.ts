export { createApp, type AppOptions, type ChainAtlasApp } from './app';
export { typeDefs } from './schema';
export { resolvers } from './resolvers';
export { DEFAULT_LIMITS, LIMIT_ENV, limitsFromEnv, type ApiLimits } from './limits';
export { seedExtractor, type Extractor } from './ingest';
export { measureApiLatency, type LatencyReport } from './latency';
export { loadBundledArticles } from './bundled';
export { StorePool, type StorePoolOptions } from './pool';
