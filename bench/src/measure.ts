/** Latency figures in milliseconds, as every table of the report gives them. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarise(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1)),
  };
}

/** Runs `fn` once per input, after a short warm-up, and times each call. */
export async function timeEach<T>(inputs: T[], fn: (input: T) => Promise<unknown> | unknown, warmup = 5): Promise<Latency> {
  for (const input of inputs.slice(0, warmup)) await fn(input);
  const samples: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    await fn(input);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

/**
 * As timeEach, but the process's CPU time per call: what the call costs, apart from the time it
 * waited for a core on a machine busy with other work (wall time there measures the queue).
 */
export async function cpuEach<T>(inputs: T[], fn: (input: T) => Promise<unknown> | unknown, warmup = 5): Promise<Latency> {
  for (const input of inputs.slice(0, warmup)) await fn(input);
  const samples: number[] = [];
  for (const input of inputs) {
    const c0 = process.cpuUsage();
    await fn(input);
    const c = process.cpuUsage(c0);
    samples.push((c.user + c.system) / 1000);
  }
  return summarise(samples);
}
