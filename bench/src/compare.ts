import type { Report } from './run';

/** A figure of the report, and which way is better. */
interface Figure {
  name: string;
  value: number;
  better: 'lower' | 'higher';
}

/** The figures the regression guard watches, read from a report (missing areas give none). */
export function figures(r: Report): Figure[] {
  const out: Figure[] = [];
  const ext = r.extraction as { pipelineMBps?: number } | undefined;
  if (ext?.pipelineMBps) out.push({ name: 'extraction MB/s', value: ext.pipelineMBps, better: 'higher' });
  for (const s of r.store ?? []) {
    out.push({ name: `load relations/s @${s.size}`, value: s.load.relationsPerSecond, better: 'higher' });
    for (const op of ['search1', 'search2', 'search4', 'searchPinyin', 'getEntity', 'neighbourhood1', 'neighbourhood2', 'paths'] as const) {
      if (s[op]) out.push({ name: `${op} p50 ms @${s.size}`, value: s[op].p50, better: 'lower' });
    }
  }
  const http = r.http as Record<string, { latency?: Record<string, { p50: number }>; load?: { connections: number; requestsPerSecond: number; errors: number }[] }> | undefined;
  for (const [key, area] of Object.entries(http ?? {})) {
    if (key === 'fiveArticles') continue;
    for (const [op, l] of Object.entries(area.latency ?? {})) out.push({ name: `http ${op} p50 ms ${key}`, value: l.p50, better: 'lower' });
    for (const l of area.load ?? []) {
      out.push({ name: `http req/s @${l.connections} clients ${key}`, value: l.requestsPerSecond, better: 'higher' });
    }
  }
  const client = r.client as { rows?: { elements: number; firstGraphMs: number; panFps: number }[] } | undefined;
  for (const row of client?.rows ?? []) {
    out.push({ name: `first graph ms @${row.elements}`, value: row.firstGraphMs, better: 'lower' });
    out.push({ name: `pan fps @${row.elements}`, value: row.panFps, better: 'higher' });
  }
  return out;
}

export interface Regression {
  name: string;
  baseline: number;
  now: number;
  ratio: number;
}

/**
 * The figures more than `factor` times worse than the baseline. A ratio, because these
 * machines are noisy; latencies also need to be worse by more than `floorMs`, so a 0.2 ms
 * operation taking 0.7 ms is not a regression.
 */
export function regressions(now: Report, baseline: Report, factor = 3, floorMs = 5): Regression[] {
  const base = new Map(figures(baseline).map((f) => [f.name, f]));
  const out: Regression[] = [];
  for (const f of figures(now)) {
    const b = base.get(f.name);
    if (!b || b.value <= 0) continue;
    const ratio = f.better === 'lower' ? f.value / b.value : b.value / Math.max(f.value, 1e-9);
    const worseEnough = f.better === 'lower' ? f.value - b.value > floorMs : true;
    if (ratio > factor && worseEnough) out.push({ name: f.name, baseline: b.value, now: f.value, ratio: Math.round(ratio * 10) / 10 });
  }
  // Errors under load are never acceptable, whatever the baseline had.
  for (const [key, area] of Object.entries((now.http ?? {}) as Record<string, { load?: { connections: number; errors: number }[] }>)) {
    for (const l of area.load ?? []) if (l.errors > 0) out.push({ name: `http errors @${l.connections} clients ${key}`, baseline: 0, now: l.errors, ratio: Infinity });
  }
  return out;
}
