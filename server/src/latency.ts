/** Percentiles of one kind of request, in milliseconds. */
export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
}

export interface LatencyReport {
  search: LatencyStats;
  entity: LatencyStats;
  neighbourhood: LatencyStats;
  paths: LatencyStats;
}

const QUERIES = {
  search: `query($q: String!) { search(query: $q, first: 20) { score matched entity { id name type } } }`,
  entity: `query($id: ID!) { entity(id: $id) { id name type aliases degree
    relations(first: 50) { totalCount edges { node { id type from { id name } to { id name } evidence { text } } } } } }`,
  neighbourhood: `query($id: ID!) { neighbourhood(ids: [$id], depth: 2, limit: 200) { truncated
    nodes { id name type } edges { id type from { id } to { id } } } }`,
  paths: `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4, first: 5) {
    nodes { id name } edges { id type } } }`,
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 100) / 100;
}

function summarise(samples: number[], errors: number): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: percentile(sorted, 100), errors };
}

/** The name part of an id ('enterprise:赛力斯' → '赛力斯'), shortened the way people type. */
function searchTextOf(id: string): string {
  const name = id.slice(id.indexOf(':') + 1);
  return name.length > 4 ? name.slice(0, 4) : name;
}

/**
 * Client-side latency of the four exploration queries over HTTP, as the explorer sees it
 * (JSON parse included). `url` is the server's base URL or its /graphql endpoint; `ids` are
 * entity ids to query, cycled through (paths go from each id to the next).
 */
export async function measureApiLatency(url: string, ids: string[], iterations: number): Promise<LatencyReport> {
  if (ids.length === 0) throw new Error('measureApiLatency needs at least one entity id');
  const endpoint = url.replace(/\/+$/, '').endsWith('/graphql') ? url : `${url.replace(/\/+$/, '')}/graphql`;

  const time = async (query: string, variables: Record<string, unknown>): Promise<{ ms: number; ok: boolean }> => {
    const started = performance.now();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    return { ms: performance.now() - started, ok: res.ok && !body.errors?.length };
  };

  const report = {} as LatencyReport;
  for (const kind of Object.keys(QUERIES) as (keyof LatencyReport)[]) {
    const samples: number[] = [];
    let errors = 0;
    // Uncounted first rounds: the first request of a kind pays for JIT and cold caches,
    // which is not what an analyst clicking around waits for.
    const warmup = Math.min(5, iterations);
    for (let i = -warmup; i < iterations; i++) {
      const id = ids[(i + warmup) % ids.length];
      const variables =
        kind === 'search'
          ? { q: searchTextOf(id) }
          : kind === 'paths'
            ? { from: id, to: ids[(i + warmup + 1) % ids.length] }
            : { id };
      const { ms, ok } = await time(QUERIES[kind], variables);
      if (i < 0) continue;
      samples.push(ms);
      if (!ok) errors++;
    }
    report[kind] = summarise(samples, errors);
  }
  return report;
}
