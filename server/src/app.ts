import { existsSync } from 'node:fs';
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { clientDistDir as defaultClientDir } from '@chain-atlas/client';
import type { GraphStats, GraphStore } from '@chain-atlas/graph';
import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import { identify, type NamedToken } from './auth';
import type { ApiContext } from './context';
import { storeWithDeadline } from './deadline';
import { createErrorFormatter } from './errors';
import { seedExtractor, type Extractor } from './ingest';
import { DEFAULT_LIMITS, type ApiLimits } from './limits';
import { createLoaders } from './loaders';
import { StorePool, type StorePoolOptions } from './pool';
import { limitRules, limitsPlugin, loggingPlugin, responseSizePlugin } from './plugins';
import { resolvers } from './resolvers';
import { typeDefs } from './schema';

const HEALTH_WAIT_MS = 100;

export interface AppOptions {
  store: GraphStore;
  /** The bearer token mutations need; without one every mutation answers UNAUTHENTICATED. */
  token?: string;
  /** Named tokens (CHAIN_ATLAS_TOKENS): each opens mutations too, and names its holder in the audit log. */
  tokens?: NamedToken[];
  logger?: Logger;
  /** Hides internal error messages and stack traces. */
  production?: boolean;
  limits?: Partial<ApiLimits>;
  /** Introspection (GraphiQL's schema view) on unless turned off. */
  introspection?: boolean;
  /** How an ingested article becomes an extraction; the seed pipeline unless replaced. */
  extract?: Extractor;
  /** Where the built explorer is (index.html, graphiql.html). */
  clientDir?: string;
  /**
   * Origins whose pages may call the API from a browser (CORS). None by default: only the
   * explorer served by this server itself (same origin) can.
   */
  corsOrigins?: string[];
  /**
   * Host names (Host header, no port) the server answers besides the localhost names and the
   * address it is bound to (all of this machine's when bound to every interface); `*` any.
   * Others get 421: a web page on a domain rebound to this machine must not read the graph.
   */
  allowedHosts?: string[];
  /** Entities with more relations than this have them paged by the store (default 500). */
  hubDegree?: number;
  /**
   * Run the SQLite store's reads, writes and article extraction in worker threads (see
   * pool.ts); `store` must then be the SQLite store at `sqlitePath`, and serves /healthz.
   */
  workers?: StorePoolOptions;
}

export interface ChainAtlasApp {
  /** The Express app, for mounting elsewhere; `listen` is what most callers want. */
  readonly express: express.Express;
  /** Starts serving; port 0 picks a free one. Resolves with the actual port and URL. */
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops taking requests, lets running ones finish, stops Apollo. Leaves the store open: its owner closes it. */
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<ChainAtlasApp> {
  const { store } = options;
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const tokens: NamedToken[] = [...(options.tokens ?? []), ...(options.token ? [{ actor: null, token: options.token }] : [])];
  const logger =
    options.logger ?? pino({ level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info') });
  const extract = options.extract ?? seedExtractor;
  const clientDir = options.clientDir ?? defaultClientDir;
  const pool = options.workers ? new StorePool(options.workers) : null;

  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);

  const extraHosts = new Set((options.allowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean));
  const boundHosts = new Set(['localhost', '127.0.0.1', '::1']);
  const hostAllowed = (header: string | undefined): boolean => {
    if (!header) return false;
    const name = hostName(header);
    return extraHosts.has('*') || extraHosts.has(name) || boundHosts.has(name) || name.endsWith('.localhost');
  };
  app.use((req, res, next) => {
    if (hostAllowed(req.headers.host)) return next();
    res.status(421).json({
      errors: [
        {
          message: `this server does not answer for the host ${JSON.stringify(req.headers.host ?? '')}; add it to CHAIN_ATLAS_ALLOWED_HOSTS`,
          extensions: { code: 'MISDIRECTED_REQUEST' },
        },
      ],
    });
  });

  const apollo = new ApolloServer<ApiContext>({
    typeDefs,
    resolvers,
    introspection: options.introspection ?? true,
    // With introspection off, "Did you mean 'deleteArticle'?" would hand the schema out anyway.
    hideSchemaDetailsFromClientErrors: options.introspection === false,
    // Parsing stops at the token limit: a huge document costs no more than a big one.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    includeStacktraceInErrorResponses: !production,
    // The client sends application/json, which Apollo's CSRF check lets through; a
    // cross-site form post cannot.
    csrfPrevention: true,
    allowBatchedHttpRequests: limits.maxBatchSize > 1,
    formatError: createErrorFormatter({
      production,
      onInternalError: (error, formatted) => logger.error({ err: error, path: formatted.path }, 'internal error'),
    }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      limitsPlugin(limits),
      responseSizePlugin(limits),
      loggingPlugin(),
    ],
    logger: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
  });
  await apollo.start();

  const limitBatch: RequestHandler = (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > limits.maxBatchSize) {
      res.status(400).json({
        errors: [
          {
            message: `a batch may hold at most ${limits.maxBatchSize} operations`,
            extensions: { code: 'BATCH_TOO_LARGE', maxBatchSize: limits.maxBatchSize },
          },
        ],
      });
      return;
    }
    next();
  };

  // Pages from other sites get no CORS headers unless their origin is on the list, so their
  // scripts cannot read answers; cross-site form posts are stopped by csrfPrevention above.
  const allowed = new Set(options.corsOrigins ?? []);
  app.use('/graphql', cors({ origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)), maxAge: 600 }));
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: limits.maxBodyBytes }),
    limitBatch,
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<ApiContext> => {
        // The deadline stops the request's store calls: in worker threads it ends them
        // where they are (the thread is replaced), in process it stops new ones starting.
        const signal = AbortSignal.timeout(limits.requestTimeoutMs);
        // Every store call of the request listens to it: hundreds, in a wide query.
        setMaxListeners(0, signal);
        const requestStore = storeWithDeadline(pool ? pool.view(store, signal) : store, Date.now() + limits.requestTimeoutMs);
        return {
          store: requestStore,
          loaders: createLoaders(requestStore, { hubDegree: options.hubDegree ?? 500, maxHubRelations: limits.maxListItems }),
          limits,
          ...identify(req.headers.authorization, tokens),
          extract: pool && !options.extract ? pool.extractor(signal) : extract,
          logger,
          hubDegree: options.hubDegree ?? 500,
          spent: { listItems: 0, textBytes: 0 },
        };
      },
    }),
  );

  // With worker threads the counts come from the writer thread; a health check waits for
  // them at most HEALTH_WAIT_MS (a long write may hold it) and otherwise answers with the
  // last counts it had: the check is about the process answering, fast.
  let lastStats: GraphStats | null = null;
  const statsForHealth = async (): Promise<GraphStats | null> => {
    if (!pool) return store.stats();
    const fresh = pool.stats().then((s) => (lastStats = s));
    if (lastStats === null) return fresh;
    fresh.catch(() => undefined);
    return Promise.race([fresh, new Promise<GraphStats>((resolve) => setTimeout(() => resolve(lastStats!), HEALTH_WAIT_MS))]);
  };
  // The first counts are read now, so no health check has to wait for a busy writer thread.
  if (pool) void statsForHealth().catch((err: unknown) => logger.warn({ err }, 'could not count the graph yet'));
  app.get('/healthz', async (_req, res) => {
    try {
      const s = await statsForHealth();
      res.json({
        ok: true,
        store: store.kind,
        stats: s && { articles: s.articles, entities: s.entities, relations: s.relations, evidence: s.evidence },
      });
    } catch (err) {
      logger.error({ err }, 'health check failed');
      res.status(503).json({ ok: false, store: store.kind });
    }
  });

  // GraphiQL ships with the client build so it works offline (Apollo's landing page would
  // load from a CDN).
  app.get('/graphiql', async (_req, res) => {
    const page = join(clientDir, 'graphiql.html');
    if (existsSync(page)) res.sendFile(page);
    else res.status(404).type('html').send(await notBuiltPage(store));
  });

  app.use(express.static(clientDir, { index: false, fallthrough: true }));
  // The explorer is a single page: any other GET that wants HTML gets its index.
  app.get(['/', '/{*rest}'], async (req, res, next) => {
    if (!req.accepts('html')) return next();
    const index = join(clientDir, 'index.html');
    if (existsSync(index)) res.sendFile(index);
    else res.type('html').send(await notBuiltPage(store));
  });

  const onError: ErrorRequestHandler = (err: { type?: string; status?: number; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          {
            message: `the request body is larger than ${limits.maxBodyBytes} bytes`,
            extensions: { code: 'PAYLOAD_TOO_LARGE', maxBodyBytes: limits.maxBodyBytes },
          },
        ],
      });
      return;
    }
    if (err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') {
      res.status(415).json({ errors: [{ message: err.message ?? 'unsupported charset', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
      return;
    }
    if (err.type === 'entity.parse.failed' || err.status === 400) {
      res.status(400).json({ errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    logger.error({ err }, 'request failed');
    res.status(err.status && err.status >= 400 && err.status < 600 ? err.status : 500).json({
      errors: [{ message: production ? 'Internal server error' : (err.message ?? 'error'), extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
  app.use(onError);

  // Node's own guards against a client that trickles a request forever.
  httpServer.requestTimeout = limits.requestTimeoutMs * 2;
  httpServer.headersTimeout = Math.min(60_000, limits.requestTimeoutMs * 2);

  let closed = false;
  return {
    express: app,
    listen(port = 0, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address() as AddressInfo;
          if (!host || host === '0.0.0.0' || host === '::') {
            // Every interface: the machine's own names and addresses are this server's.
            boundHosts.add(hostname().toLowerCase());
            for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) boundHosts.add(i.address.toLowerCase());
          } else boundHosts.add(hostName(host));
          const shownHost = host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost';
          resolve({ port: address.port, url: `http://${shownHost}:${address.port}` });
        });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      // Apollo's drain plugin closes the HTTP server once in-flight requests are done.
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await pool?.close();
    },
  };
}

/** The name of a Host header or address: no port, no IPv6 brackets, lower case. */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  // A bare IPv6 address has several colons and no port.
  return (h.match(/:/gu) ?? []).length > 1 ? h : h.replace(/:\d*$/u, '');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function notBuiltPage(store: GraphStore): Promise<string> {
  let counts = '';
  try {
    const s = await store.stats();
    counts = `<ul><li>${s.articles} articles</li><li>${s.entities} entities</li><li>${s.relations} relations</li><li>${s.evidence} evidence sentences</li></ul>`;
  } catch {
    counts = '<p>The graph store did not answer.</p>';
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ChainAtlas 产业链图谱</title></head>
<body><h1>ChainAtlas 产业链图谱</h1>
<p>The API is running at <a href="/graphql">/graphql</a> (${escapeHtml(store.kind)} store), but the explorer has not been built.
Run <code>pnpm --filter @chain-atlas/client build</code> and reload.</p>
${counts}</body></html>`;
}
