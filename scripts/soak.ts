// `pnpm test:soak [--minutes 10] [--clients 20] [--max-slope 5]`: the real server process on a
// fresh SQLite file, kept busy by concurrent clients mixing reads (search, entity,
// neighbourhood, paths) and ingestions of generated articles, for minutes. Samples the
// server's RSS every 10 s; at the end stops the server and checks the graph on disk.
// Exits 1 on any error, a memory growth trend, or an inconsistent graph.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SqliteGraphStore, articleId, checkGraph } from '../graph/src/index';
import { rng } from '../graph/src/synthetic';
import { GQL, KNOWN_IDS, SEARCH_TERMS, newsStream } from '../tests/reliability/news';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TOKEN = 'soak-token';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '20' },
    'max-slope': { type: 'string', default: '5' },
    'ingest-share': { type: 'string', default: '0.1' },
    keep: { type: 'boolean', default: false },
  },
});
const minutes = Number(args.minutes);
const clients = Number(args.clients);
const maxSlope = Number(args['max-slope']);
const ingestShare = Number(args['ingest-share']);
if (!(minutes > 0) || !(clients >= 1) || !(maxSlope > 0) || !(ingestShare >= 0 && ingestShare <= 1)) {
  console.error('usage: tsx scripts/soak.ts [--minutes 10] [--clients 20] [--max-slope 5] [--ingest-share 0.1] [--keep]');
  process.exit(2);
}

const REQUEST_TIMEOUT_MS = 60_000;
const SAMPLE_MS = 10_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function rssMiB(pid: number): number | null {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

type Kind = 'search' | 'entity' | 'neighbourhood' | 'paths' | 'ingest';

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-soak-'));
  const db = join(dir, 'graph.sqlite');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      CHAIN_ATLAS_DB: db,
      NEO4J_URI: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      CHAIN_ATLAS_TOKEN: TOKEN,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const serverLog: string[] = [];
  const keepLog = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) serverLog.push(line.slice(0, 500));
  };
  child.stdout!.on('data', keepLog);
  child.stderr!.on('data', keepLog);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );

  const failures: string[] = [];
  const fail = (msg: string) => {
    if (failures.length < 1000) failures.push(msg);
  };
  try {
    // Up: the bundled articles load on first start, which takes a few seconds.
    const upBy = Date.now() + 120_000;
    for (;;) {
      if (exited) throw new Error(`the server exited during start-up: ${JSON.stringify(exited)}\n${serverLog.join('\n')}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > upBy) throw new Error('the server did not answer /healthz within 120 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    const pid = child.pid!;
    console.log(`soak: server pid ${pid} at ${url} (SQLite ${db}); ${clients} clients for ${minutes} min, ${Math.round(ingestShare * 100)}% ingestions`);

    // Ids to read: the bundled entities first, then those the ingestions add (a bounded pool).
    const ids: string[] = [...KNOWN_IDS];
    const ingestedIds: string[] = [];
    const latency = new Map<Kind, number[]>();
    let done = 0;
    let serial = 0;
    const next = newsStream(1, 'S');

    const samples: { t: number; mib: number }[] = [];
    const t0 = Date.now();
    const end = t0 + minutes * 60_000;
    const sample = () => {
      const mib = rssMiB(pid);
      if (mib != null) samples.push({ t: (Date.now() - t0) / 60_000, mib });
    };
    sample();
    const sampler = setInterval(() => {
      sample();
      const s = samples[samples.length - 1];
      console.log(`  ${((Date.now() - t0) / 1000).toFixed(0)} s: RSS ${s?.mib.toFixed(1)} MiB, ${done} requests, ${failures.length} errors, ${ingestedIds.length} articles ingested`);
    }, SAMPLE_MS);


    const client = async (c: number) => {
      const random = rng(1000 + c);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
      // Bounded: until the deadline, one request at a time, each with its own timeout.
      while (Date.now() < end && !exited) {
        const x = random();
        const kind: Kind = x < ingestShare ? 'ingest' : pick(['search', 'entity', 'neighbourhood', 'neighbourhood', 'paths'] as const);
        let body: { query: string; variables: Record<string, unknown> };
        const item = kind === 'ingest' ? next(++serial) : null;
        switch (kind) {
          case 'search':
            body = { query: GQL.search, variables: { q: pick(SEARCH_TERMS) } };
            break;
          case 'entity':
            body = { query: GQL.entity, variables: { id: pick(ids) } };
            break;
          case 'neighbourhood':
            body = { query: GQL.neighbourhood, variables: { id: pick(ids) } };
            break;
          case 'paths':
            body = { query: GQL.paths, variables: { a: pick(ids), b: pick(KNOWN_IDS) } };
            break;
          case 'ingest':
            body = { query: GQL.ingest, variables: { input: item } };
            break;
        }
        const started = performance.now();
        try {
          const res = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(kind === 'ingest' ? { authorization: `Bearer ${TOKEN}` } : {}) },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const text = await res.text();
          const ms = performance.now() - started;
          let list = latency.get(kind);
          if (!list) latency.set(kind, (list = []));
          list.push(ms);
          let json: { data?: Record<string, unknown>; errors?: unknown[] };
          try {
            json = JSON.parse(text);
          } catch {
            fail(`${kind}: ${res.status}, not JSON: ${text.slice(0, 200)}`);
            continue;
          }
          if (res.status !== 200) fail(`${kind}: HTTP ${res.status} ${text.slice(0, 300)}`);
          else if (json.errors?.length) fail(`${kind}: ${JSON.stringify(json.errors).slice(0, 300)}`);
          else if (kind === 'ingest') {
            const r = json.data!.ingestArticle as { ok: boolean; created: boolean; errors: unknown[]; article: { id: string } | null; entitiesAdded: { id: string }[] };
            if (!r.ok || !r.created || r.errors.length || r.article?.id !== articleId(item!.text)) fail(`ingest ${item!.title}: ${JSON.stringify(r).slice(0, 300)}`);
            else {
              ingestedIds.push(r.article.id);
              for (const e of r.entitiesAdded) if (ids.length < 500) ids.push(e.id);
            }
          } else if (kind === 'entity' && json.data!.entity == null) fail(`entity ${JSON.stringify(body.variables)} is null`);
        } catch (err) {
          fail(`${kind}: ${(err as Error).name}: ${(err as Error).message}`);
        }
        done++;
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    clearInterval(sampler);
    sample();
    const seconds = (Date.now() - t0) / 1000;

    // Memory: the trend over the second half (the first half includes warm-up: JIT, caches, dictionaries).
    const half = samples.filter((s) => s.t >= minutes / 2);
    const trend = slope(half.map((s) => ({ x: s.t, y: s.mib })));
    // A trend needs a span to be one: judged when the second half covers two minutes or more.
    const enough = half.length >= 5 && half[half.length - 1].t - half[0].t >= 2;

    // Stop the server the way an operator does, then check the file it leaves.
    child.kill('SIGTERM');
    const stoppedInTime = await Promise.race([exit.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]);
    if (!stoppedInTime) {
      fail('the server did not stop within 20 s of SIGTERM');
      child.kill('SIGKILL');
      await exit;
    } else if ((exited as { code: number | null } | null)?.code !== 0) fail(`the server exited with ${JSON.stringify(exited)}`);

    const store = SqliteGraphStore.open(db, { readonly: true });
    let consistent = false;
    let counts: Record<string, number> = {};
    try {
      const check = await checkGraph(store);
      counts = check.counts;
      for (const p of check.problems) fail(`graph: ${p.kind} ${p.detail}`);
      const stats = await store.stats();
      if (stats.articles !== 5 + ingestedIds.length) fail(`graph: ${stats.articles} articles, expected the 5 bundled + ${ingestedIds.length} ingested`);
      for (let i = 0; i < ingestedIds.length; i += 500) {
        const batch = ingestedIds.slice(i, i + 500);
        const found = new Set((await store.getArticles(batch)).map((a) => a.id));
        for (const id of batch) if (!found.has(id)) fail(`graph: ingested article ${id} is missing`);
      }
      consistent = check.problems.length === 0;
    } finally {
      await store.close();
    }

    const all = [...latency.values()].flat();
    const rss = samples.map((s) => s.mib);
    console.log('\n=== soak summary ===');
    console.log(`duration        ${seconds.toFixed(0)} s, ${clients} clients`);
    console.log(`requests        ${done} (${(done / seconds).toFixed(1)}/s), errors ${failures.length}`);
    for (const [k, ms] of [...latency].sort()) {
      console.log(`  ${k.padEnd(14)}${String(ms.length).padStart(7)}  p50 ${quantile(ms, 0.5).toFixed(0)} ms  p95 ${quantile(ms, 0.95).toFixed(0)} ms  max ${Math.max(...ms).toFixed(0)} ms`);
    }
    console.log(`  all           ${String(all.length).padStart(7)}  p50 ${quantile(all, 0.5).toFixed(0)} ms  p95 ${quantile(all, 0.95).toFixed(0)} ms`);
    console.log(`articles        ${ingestedIds.length} ingested; graph ${JSON.stringify(counts)}`);
    console.log(
      `server RSS      start ${rss[0]?.toFixed(1)} MiB, end ${rss[rss.length - 1]?.toFixed(1)} MiB, min ${Math.min(...rss).toFixed(1)}, max ${Math.max(...rss).toFixed(1)}; ` +
        `second-half slope ${trend.toFixed(2)} MiB/min over ${half.length} samples (limit ${maxSlope})${enough ? '' : ' — too few samples to judge'}`,
    );
    console.log(`consistency     ${consistent ? 'checkGraph: no problems' : 'PROBLEMS'}; server stopped ${stoppedInTime ? `with ${JSON.stringify(exited)}` : 'only by SIGKILL'}`);
    const warnings = serverLog.filter((l) => l.trim());
    if (warnings.length) console.log(`server log      ${warnings.length} lines, last: ${warnings.slice(-3).join(' | ')}`);
    if (failures.length) console.log(`first errors:\n  ${failures.slice(0, 10).join('\n  ')}`);

    const growth = enough && trend >= maxSlope;
    if (growth) console.log(`FAIL: RSS grows ${trend.toFixed(2)} MiB/min in the second half`);
    const ok = failures.length === 0 && !growth && consistent && done > 0;
    console.log(ok ? 'PASS' : 'FAIL');
    return ok ? 0 : 1;
  } finally {
    if (!exited) {
      child.kill('SIGKILL');
      await exit;
    }
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
