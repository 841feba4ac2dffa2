// `pnpm start`: the API, GraphiQL and the explorer from one process, on the configured store.
import { openGraphStore, storeConfigFromEnv } from '@chain-atlas/graph';
import { createApp } from './app';
import { loadBundledArticles } from './bundled';
import { limitsFromEnv } from './limits';
import { createLogger } from './log';
import { parseNamedTokens } from './auth';

const production = process.env.NODE_ENV === 'production';
const logger = createLogger();

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const token = process.env.CHAIN_ATLAS_TOKEN || undefined;
  const tokens = parseNamedTokens(process.env.CHAIN_ATLAS_TOKENS);
  const workersEnv = process.env.CHAIN_ATLAS_WORKERS;
  const workerThreads = workersEnv ? Number(workersEnv) : undefined;
  if (workerThreads !== undefined && !(Number.isInteger(workerThreads) && workerThreads >= 0)) {
    throw new Error(`CHAIN_ATLAS_WORKERS must be a whole number of threads (0: none), not ${workersEnv}`);
  }
  if (!token && tokens.length === 0) logger.warn('neither CHAIN_ATLAS_TOKEN nor CHAIN_ATLAS_TOKENS is set: every mutation will answer UNAUTHENTICATED');

  const config = storeConfigFromEnv();
  const store = await openGraphStore(config);
  if ((await store.stats()).articles === 0) {
    logger.info('the graph is empty: loading the bundled articles (data/articles)');
    const report = await loadBundledArticles(store, { logger });
    logger.info({ loaded: report.loaded.length, failed: report.failed.length }, 'bundled articles loaded');
  }

  const app = await createApp({
    store,
    token,
    tokens,
    logger,
    production,
    limits: limitsFromEnv(),
    introspection: process.env.CHAIN_ATLAS_INTROSPECTION !== 'false',
    allowedHosts: (process.env.CHAIN_ATLAS_ALLOWED_HOSTS ?? '').split(','),
    corsOrigins: (process.env.CHAIN_ATLAS_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    // SQLite is synchronous: its work goes to worker threads so no request holds the others.
    // CHAIN_ATLAS_WORKERS sets the reader threads; 0 keeps everything in this thread.
    workers: store.kind === 'sqlite' && workerThreads !== 0 ? { sqlitePath: config.sqlitePath, threads: workerThreads } : undefined,
  });
  const { url } = await app.listen(port, process.env.HOST);
  const stats = await store.stats();
  logger.info({ url, store: store.kind, ...stats }, `ChainAtlas listening: ${url}/graphql, ${url}/graphiql, ${url}/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close();
      await store.close();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  logger.fatal({ err }, 'the server did not start');
  process.exit(1);
});
