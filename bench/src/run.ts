import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Command } from 'commander';
import { measureStore, STORE_OPS, syntheticStore, type StoreFigures, type StoreOp } from './store';
import { renderReport } from './report';

const program = new Command()
  .name('pnpm bench')
  .description('ChainAtlas benchmark suite: writes bench/report.json and bench/REPORT.md')
  .option('--quick', 'small sizes and short runs (under 2 minutes)')
  .option('--fresh', 'rebuild cached synthetic graphs')
  .option('--only <areas>', 'comma-separated areas: extraction,store,http,client')
  .option('--store-ops <ops>', `comma-separated store operations: ${STORE_OPS.join(',')} (default: all)`)
  .option('--sizes <sizes>', 'comma-separated graph sizes in relations (default: 10000,100000,1000000; --quick: 10000)')
  .option('--out <dir>', 'where to write report.json and REPORT.md', new URL('..', import.meta.url).pathname)
  .option('--update-baseline', 'with --quick: also write bench/baseline.json, the figures the regression guard compares with')
  .parse();

const opts = program.opts<{ quick?: boolean; fresh?: boolean; only?: string; storeOps?: string; sizes?: string; out: string; updateBaseline?: boolean }>();
const storeOps = (opts.storeOps ?? STORE_OPS.join(',')).split(',') as StoreOp[];
for (const op of storeOps) if (!(STORE_OPS as readonly string[]).includes(op)) program.error(`unknown store operation ${op} (${STORE_OPS.join(', ')})`);
const areas = new Set((opts.only ?? 'extraction,store,http,client').split(','));
const log = (s: string) => console.log(s);

function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export interface Report {
  date: string;
  commit: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  extraction?: unknown;
  store?: StoreFigures[];
  http?: unknown;
  client?: unknown;
  notes: string[];
}

const report: Report = {
  date: new Date().toISOString(),
  commit: commit(),
  quick: Boolean(opts.quick),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  notes: [],
};

const sizes = opts.sizes ? opts.sizes.split(',').map(Number) : opts.quick ? [10_000] : [10_000, 100_000, 1_000_000];
const iterations = opts.quick ? 60 : 300;

if (areas.has('extraction')) {
  try {
    const { benchExtraction } = await import('./extraction');
    log('extraction…');
    report.extraction = await benchExtraction({ quick: Boolean(opts.quick) });
  } catch (err) {
    report.notes.push(`extraction: not measured (${(err as Error).message})`);
  }
}

if (areas.has('store')) {
  report.store = [];
  for (const size of sizes) {
    log(`store: synthetic graph of ${size} relations…`);
    const { store, graph, load } = await syntheticStore(size, { fresh: opts.fresh || size <= 10_000, log });
    log(`  ${load.entities} entities, ${load.relations} relations, ${load.relationsPerSecond} relations/s${load.cached ? ' (cached build)' : ''}`);
    const figures = await measureStore(store, graph, iterations, storeOps);
    report.store.push({ size, load, ...figures });
    await store.close();
  }
}

if (areas.has('http')) {
  try {
    const { benchHttp } = await import('./http');
    log('http…');
    report.http = await benchHttp({ quick: Boolean(opts.quick), log });
  } catch (err) {
    report.notes.push(`http: not measured (${(err as Error).message})`);
  }
}

if (areas.has('client')) {
  try {
    const { benchClient } = await import('./client');
    log('client…');
    report.client = await benchClient({ quick: Boolean(opts.quick), log });
  } catch (err) {
    report.notes.push(`client: not measured (${(err as Error).message})`);
  }
}

mkdirSync(opts.out, { recursive: true });
const name = opts.quick ? 'report-quick' : 'report';
writeFileSync(`${opts.out}/${name}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${opts.out}/${opts.quick ? 'REPORT-quick' : 'REPORT'}.md`, renderReport(report));
if (opts.updateBaseline && opts.quick && !opts.only && !opts.storeOps && !opts.sizes) {
  writeFileSync(new URL('../baseline.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
}
log(renderReport(report));
