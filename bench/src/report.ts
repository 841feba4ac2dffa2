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
    out.push('', '## Extraction', '', '```json', JSON.stringify(r.extraction, null, 2), '```');
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
          ] as const
        ).map(([label, key]) => [label, ...r.store!.map((s) => ms(s[key]))]),
      ),
    );
    if (r.store.length > 1) {
      out.push('');
      out.push('Growth of p95 from the smallest to each larger graph:');
      out.push('');
      const base = r.store[0];
      out.push(
        table(
          ['operation', ...r.store.slice(1).map((s) => `${base.size} → ${s.size}`)],
          (['search1', 'search2', 'search4', 'searchPinyin', 'getEntity', 'neighbourhood1', 'neighbourhood2', 'paths'] as const).map((k) => [
            k,
            ...r.store!.slice(1).map((s) => `×${(s[k].p95 / Math.max(base[k].p95, 0.001)).toFixed(1)}`),
          ]),
        ),
      );
    }
  }
  if (r.http) out.push('', '## GraphQL over HTTP', '', '```json', JSON.stringify(r.http, null, 2), '```');
  if (r.client) out.push('', '## Client canvas (headless Chromium, canvas renderer)', '', '```json', JSON.stringify(r.client, null, 2), '```');
  if (r.notes.length) out.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}
