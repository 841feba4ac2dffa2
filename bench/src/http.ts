import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { entityId } from '@chain-atlas/graph';
import { measureApiLatency } from '@chain-atlas/server';
import { rng } from '@chain-atlas/graph/synthetic';
import { syntheticStore } from './store';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

/** The real server as users run it, in its own process, so its memory can be read apart from ours. */
async function startServer(db: string): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, CHAIN_ATLAS_DB: db, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode != null) throw new Error(`the server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const QUERIES = {
  search: 'query($q: String!) { search(query: $q, first: 10) { score matched entity { id name type } } }',
  entity: 'query($id: ID!) { entity(id: $id) { id name type aliases degree relations(first: 20) { totalCount edges { node { id type from { id name } to { id name } evidence { text article { title date } } } } } } }',
  neighbourhood: 'query($id: ID!) { neighbourhood(ids: [$id], depth: 1, limit: 200) { truncated nodes { id name type } edges { id type from { id } to { id } amountCny } } }',
  paths: 'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxLength: 4, first: 5) { nodes { id name } edges { id type } } }',
};

/** A mixed explorer workload: what analysts do most (search, open, expand), paths now and then. */
function mixedBodies(ids: string[], names: string[], seed = 11): () => string {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  return () => {
    const x = random();
    if (x < 0.35) return JSON.stringify({ query: QUERIES.search, variables: { q: pick(names).slice(0, 2 + Math.floor(random() * 3)) } });
    if (x < 0.6) return JSON.stringify({ query: QUERIES.entity, variables: { id: pick(ids) } });
    if (x < 0.9) return JSON.stringify({ query: QUERIES.neighbourhood, variables: { id: pick(ids) } });
    return JSON.stringify({ query: QUERIES.paths, variables: { a: pick(ids), b: pick(ids) } });
  };
}

async function load(url: string, pid: number, connections: number, seconds: number, nextBody: () => string) {
  let graphqlErrors = 0;
  let peakRss = rssMiB(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(pid))), 500);
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: nextBody() }),
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  clearInterval(sampler);
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    peakRssMiB: Math.max(peakRss, rssMiB(pid)),
  };
}

export async function benchHttp(options: { quick: boolean; log: (s: string) => void }) {
  const out: Record<string, unknown> = {};

  // The five bundled articles, loaded by the server itself on first start.
  const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-bench-'));
  try {
    const small = await startServer(join(dir, 'five.sqlite'));
    const res = await fetch(`${small.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ search(query: "公司", first: 40) { entity { id } } }' }),
    });
    const ids = ((await res.json()) as { data: { search: { entity: { id: string } }[] } }).data.search.map((h) => h.entity.id);
    out.fiveArticles = await measureApiLatency(small.url, ids, options.quick ? 40 : 200);
    await small.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const size = options.quick ? 10_000 : 1_000_000;
  options.log(`  synthetic graph of ${size} relations behind the server…`);
  const { store, graph, path } = await syntheticStore(size, { log: options.log });
  await store.close();
  const sample = [...graph.sample('Enterprise', 150), ...graph.sample('Project', 30), ...graph.sample('Platform', 20), ...graph.sample('Cluster', 10)];
  const ids = sample.map((e) => entityId(e.type, e.name));
  const names = sample.map((e) => e.name.replace(/^重庆/u, ''));
  const server = await startServer(path);
  try {
    out[`synthetic${size}`] = {
      latency: await measureApiLatency(server.url, ids, options.quick ? 40 : 200),
      load: [] as unknown[],
      idleRssMiB: rssMiB(server.child.pid!),
    };
    const seconds = options.quick ? 5 : 60;
    for (const connections of [1, 10, 50]) {
      options.log(`  ${connections} concurrent clients for ${seconds} s…`);
      (out[`synthetic${size}`] as { load: unknown[] }).load.push(await load(server.url, server.child.pid!, connections, seconds, mixedBodies(ids, names)));
    }
  } finally {
    await server.stop();
  }
  return out;
}
