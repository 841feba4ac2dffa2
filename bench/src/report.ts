import type { Latency } from './measure';
import type { Report } from './run';

const ms = (l: Latency | undefined) => (l ? `${l.p50} / ${l.p95} / ${l.p99}` : '–');

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The human-readable side of report.json: one table per area. */
export function renderReport(r: Report): string {
  const out: string[] = [];
  out.push(`# ChainAtlas benchmark report${r.quick ? ' (quick)' : ''}`);
  out.push('');
  out.push(`${r.date} · commit ${r.commit} · ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB · Node ${r.machine.node} · ${r.machine.platform}`);
  out.push('');
  out.push('Latencies are p50 / p95 / p99 in milliseconds.');
  if (r.extraction) {
    const e = r.extraction as {
      corpus: string;
      pipelineMBps: number;
      onePageOf1MBMBps: number;
      baselineMBps: number;
      quality: string | { pipeline: { entityF1: number | null; relationF1: number | null }; baseline: { entityF1: number | null; relationF1: number | null } };
    };
    const f = (x: number | null) => (x == null ? 'n/a' : x.toFixed(3));
    out.push('', '## Extraction (one core)', '', `Corpus: ${e.corpus}.`, '');
    const q = typeof e.quality === 'string' ? null : e.quality;
    out.push(
      table(
        ['', 'MB/s', 'entity F1 (five gold pages)', 'relation F1'],
        [
          ['ChainAtlas pipeline', `${e.pipelineMBps} (one 1 MB page: ${e.onePageOf1MBMBps})`, q ? f(q.pipeline.entityF1) : '–', q ? f(q.pipeline.relationF1) : '–'],
          ['baseline: jieba POS nt/ns', e.baselineMBps, q ? f(q.baseline.entityF1) : '–', q ? f(q.baseline.relationF1) : '–'],
        ],
      ),
    );
    if (!q) out.push('', `Quality: ${String(e.quality)}.`);
  }
  if (r.store?.length) {
    out.push('', '## Embedded SQLite store (synthetic graphs)', '');
    out.push(
      table(
        ['relations asked', 'entities', 'relations', 'evidence', 'load (relations/s)', 'file MiB'],
        r.store.map((s) => [s.size, s.load.entities, s.load.relations, s.load.evidence, `${s.load.relationsPerSecond}${s.load.cached ? ' (cached build)' : ''}`, s.load.fileMiB]),
      ),
    );
    out.push('');
    out.push(
      table(
        ['operation', ...r.store.map((s) => `${s.size} relations`)],
        (
          [
            ['search, 1 character', 'search1'],
            ['search, 2 characters', 'search2'],
            ['search, 4 characters', 'search4'],
            ['search, pinyin initials', 'searchPinyin'],
            ['getEntity', 'getEntity'],
            ['neighbourhood depth 1', 'neighbourhood1'],
            ['neighbourhood depth 2', 'neighbourhood2'],
            ['paths k=5, maxLength 4', 'paths'],
            ['paths, shortcuts through a district/cluster allowed', 'pathsShortcuts'],
            ['paths under filters (no 位于, 2022–2024)', 'pathsFiltered'],
            ['paths from the biggest hub, 6 hops, filtered', 'pathsHub'],
            ['chain depth 2 both ways (target p95 ≤ 50 ms at 1M)', 'chain2'],
            ['chain depth 2, three layers', 'chain2Layers'],
            ['chain depth 4 both ways', 'chain4'],
            ['districtProfile', 'districtProfile'],
            ['clusterProfile', 'clusterProfile'],
            ['details panel of a hub (500–2,000 relations): figures + 100 relations (target p95 ≤ 20 ms at 1M)', 'hubDetails'],
            ['the same under a date filter', 'hubDetailsFiltered'],
            ['a page of 100 of a hub\'s neighbours (显示更多)', 'hubNeighbours'],
            ['details panel of the ten biggest hubs (see below)', 'hubDetailsBiggest'],
            ['details panel of a hub, CPU time (not waiting for a core)', 'hubDetailsCpu'],
            ['a page of 100 neighbours, CPU time', 'hubNeighboursCpu'],
          ] as const
        )
          .filter(([, key]) => r.store!.some((s) => s[key]))
          .map(([label, key]) => [label, ...r.store!.map((s) => ms(s[key]))]),
      ),
    );
    const withHubs = r.store.filter((s) => s.hubs);
    if (withHubs.length) {
      out.push('', 'The busiest enterprise of each graph: its figures over all relations, and what the old panel derived from the first 100:', '');
      const yi = (n: number) => `${(n / 1e8).toFixed(1)}亿元`;
      out.push(
        table(
          ['relations', 'hubs measured (relations)', 'biggest hub', 'busiest enterprise', 'relations of it', '投资总额 (all / first 100)', '来源文章 (all / first 100)'],
          withHubs.map((s) => {
            const h = s.hubs!;
            const e = h.enterprise;
            return [s.size, `${h.hubsMeasured} (${h.minDegree}–${h.maxDegree})`, h.biggestDegree, e.id.replace(/^enterprise:/u, ''), e.degree, `${yi(e.investmentCny)} / ${yi(e.first100InvestmentCny)}`, `${e.articles} / ${e.first100Articles}`];
          }),
        ),
      );
    }
    if (r.store.length > 1) {
      out.push('');
      out.push('Growth of p95 from the smallest to each larger graph:');
      out.push('');
      const base = r.store[0];
      out.push(
        table(
          ['operation', ...r.store.slice(1).map((s) => `${base.size} → ${s.size}`)],
          (['search1', 'search2', 'search4', 'searchPinyin', 'getEntity', 'neighbourhood1', 'neighbourhood2', 'paths', 'chain2', 'chain4', 'districtProfile'] as const)
            .filter((k) => base[k] && r.store!.every((s) => s[k]))
            .map((k) => [k, ...r.store!.slice(1).map((s) => `×${(s[k]!.p95 / Math.max(base[k]!.p95, 0.001)).toFixed(1)}`)]),
        ),
      );
    }
  }
  if (r.http) {
    type Lat = { p50: number; p95: number; max: number; errors: number };
    type Area = { latency?: Record<string, Lat>; load?: { connections: number; seconds: number; requests: number; requestsPerSecond: number; latencyMs: { p50: number; p97_5: number; p99: number }; errors: number; peakRssMiB: number }[]; idleRssMiB?: number };
    const http = r.http as Record<string, Area | Record<string, Lat>>;
    out.push('', '## GraphQL over HTTP (the server in its own process, loopback)', '');
    const latencyOf = (a: Area | Record<string, Lat>) => ('latency' in a ? (a as Area).latency! : (a as Record<string, Lat>));
    const keys = Object.keys(http);
    out.push(
      table(
        ['query (p50 / p95 ms)', ...keys],
        ['search', 'entity', 'neighbourhood', 'paths'].map((q) => [q, ...keys.map((k) => {
          const l = latencyOf(http[k])[q];
          return l ? `${l.p50} / ${l.p95}` : '–';
        })]),
      ),
    );
    for (const k of keys) {
      const area = http[k] as Area;
      if (!area.load) continue;
      out.push('', `Mixed explorer load on ${k} (35% search, 25% entity, 30% neighbourhood, 10% paths); idle RSS ${area.idleRssMiB} MiB:`, '');
      out.push(
        table(
          ['clients', 'seconds', 'requests', 'req/s', 'p50 / p97.5 / p99 ms', 'errors', 'peak RSS MiB'],
          area.load.map((l) => [l.connections, l.seconds, l.requests, l.requestsPerSecond, `${l.latencyMs.p50} / ${l.latencyMs.p97_5} / ${l.latencyMs.p99}`, l.errors, l.peakRssMiB]),
        ),
      );
    }
  }
  if (r.client) {
    const c = r.client as { browser: string; rows: { elements: number; nodes?: number; firstGraphMs: number; scriptStartMs: number; layoutMs: number; panFps: number }[] };
    out.push('', `## Client canvas (headless Chromium ${c.browser}, canvas renderer)`, '');
    out.push(
      table(
        ['elements', 'first graph ms', 'script start ms', 'layout ms', 'fps while panning'],
        c.rows.map((x) => [x.nodes ? `${x.elements} (${x.nodes} nodes, ${x.elements - x.nodes} edges)` : x.elements, x.firstGraphMs, x.scriptStartMs, x.layoutMs, x.panFps]),
      ),
    );
  }
  if (r.notes.length) out.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}
