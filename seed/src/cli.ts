import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { ExtractionError } from './errors';
import { explainArticle, listRules } from './explain';
import { extractArticle } from './extract';
import type { SpecExtraction } from './extract';
import { listArticlePaths, readArticleFile, readArticleFiles } from './files';
import { loadArticles } from './load';

const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(SEED_DIR, '..');
const DEFAULT_ARTICLES = join(REPO, 'data', 'articles');
// pnpm --filter runs us inside seed/; paths the user typed are relative to where they typed them.
const USER_CWD = process.env.INIT_CWD ?? process.cwd();

async function extractAll(paths: string[], explain = false): Promise<{ docs: SpecExtraction[]; failed: { path: string; reason: string }[] }> {
  const { files, failures } = await readArticleFiles(paths, USER_CWD);
  const docs: SpecExtraction[] = [];
  const failed = failures.map((f) => ({ path: f.path, reason: `${f.error.code}: ${f.error.message}` }));
  for (const f of files) {
    try {
      const result = extractArticle(f.bytes, f.meta);
      docs.push(result.spec);
      if (explain) process.stdout.write(explainArticle(result) + '\n');
    } catch (err) {
      failed.push({ path: f.path, reason: err instanceof ExtractionError ? `${err.code}: ${err.message}` : String(err) });
    }
  }
  return { docs, failed };
}

const program = new Command();
program.name('seed').description('ChainAtlas extraction: articles → entities, relations, evidence');

program
  .command('extract')
  .description('extract files or folders of .txt into the SPEC JSON array (writes nothing to the graph)')
  .option('-o, --out <file>', 'write the JSON here instead of stdout')
  .option('--explain', 'print every mention and relation with the rule that produced it and its evidence (the JSON then goes only to --out)')
  .argument('[paths...]', 'files or folders', [])
  .action(async (paths: string[], opts: { out?: string; explain?: boolean }) => {
    const { docs, failed } = await extractAll(paths.length ? paths : [DEFAULT_ARTICLES], opts.explain);
    const json = JSON.stringify(docs, null, 2);
    if (opts.explain && !opts.out) {
      // The explanation is the output.
    } else if (opts.out) {
      const out = resolve(USER_CWD, opts.out);
      await writeFile(out, json + '\n');
      console.error(`${docs.length} article(s) → ${out}`);
    } else process.stdout.write(json + '\n');
    for (const f of failed) console.error(`failed: ${f.path}: ${f.reason}`);
    if (failed.length) process.exitCode = 1;
  });

program
  .command('load')
  .description('extract and load into the configured graph store (SQLite unless NEO4J_URI is set)')
  .argument('[paths...]', 'files or folders (default: data/articles)', [])
  .action(async (paths: string[]) => {
    const { openGraphStore } = await import('@chain-atlas/graph');
    // Listing stats every path and reads nothing; files are then read one at a time.
    const listed = await listArticlePaths(paths.length ? paths : [DEFAULT_ARTICLES], USER_CWD);
    const store = await openGraphStore();
    const tty = process.stdout.isTTY;
    const bar = tty ? new cliProgress.SingleBar({ format: 'loading {bar} {value}/{total} {file}' }, cliProgress.Presets.shades_classic) : null;
    bar?.start(listed.paths.length + listed.failures.length, 0, { file: '' });
    // Ctrl-C lets the article being loaded finish (each is atomic anyway), then reports.
    const stop = new AbortController();
    const onInterrupt = () => {
      if (stop.signal.aborted) process.exit(130);
      stop.abort();
      console.error('\ninterrupted: finishing the current article (Ctrl-C again to quit at once)');
    };
    process.on('SIGINT', onInterrupt);
    async function* oneAtATime() {
      for (const path of listed.paths) yield await readArticleFile(path);
    }
    try {
      const report = await loadArticles(store, oneAtATime(), {
        failures: listed.failures,
        total: listed.paths.length + listed.failures.length,
        signal: stop.signal,
        onProgress: (p) => {
          if (bar) bar.update(p.done, { file: p.file });
          else console.log(`${p.done}/${p.total} ${p.outcome} ${p.file}${p.reason ? `: ${p.reason}` : ''}`);
        },
      });
      bar?.stop();
      const table = new Table({ style: tty ? {} : { head: [], border: [] }, head: ['articles loaded', 'unchanged', 'failed', 'entities added', 'relations added', 'evidence added'] });
      table.push([report.loaded.length, report.unchanged.length, report.failed.length, report.entitiesAdded, report.relationsAdded, report.evidenceAdded]);
      console.log(table.toString());
      for (const f of report.failed) console.error(`failed: ${f.file}: ${f.code ? `${f.code}: ` : ''}${f.reason}`);
      if (report.interrupted) {
        const left = listed.paths.length + listed.failures.length - report.loaded.length - report.unchanged.length - report.failed.length;
        console.error(`interrupted: ${left} file(s) not read`);
        process.exitCode = 130;
      } else if (report.failed.length) process.exitCode = 1;
    } finally {
      process.off('SIGINT', onInterrupt);
      bar?.stop();
      await store.close();
    }
  });

program
  .command('watch')
  .description('load .txt files of a folder as they appear or change (one line per file), until Ctrl-C')
  .argument('<dir>', 'the folder to watch (and its sub-folders)')
  .option('--settle <ms>', 'how long a file must stay unchanged before it is read', '1000')
  .option('--no-initial', 'skip the files already in the folder')
  .option('--poll', 'poll instead of file-system events (network drives)')
  .action(async (dir: string, opts: { settle: string; initial: boolean; poll?: boolean }) => {
    const settleMs = Number(opts.settle);
    if (!Number.isInteger(settleMs) || settleMs < 50) throw new Error(`--settle must be a whole number of ms, at least 50, not ${opts.settle}`);
    const folder = resolve(USER_CWD, dir);
    if (!existsSync(folder)) throw new Error(`no folder ${folder}`);
    const { openGraphStore } = await import('@chain-atlas/graph');
    const { watchArticles } = await import('./watch');
    const store = await openGraphStore();
    const watcher = watchArticles(store, folder, { settleMs, initial: opts.initial, usePolling: opts.poll });
    await watcher.ready;
    console.log(`watching ${folder} (Ctrl-C to stop)`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    console.error('stopping: finishing the current article');
    await watcher.close();
    await store.close();
  });

program
  .command('rules')
  .description('list every extraction rule: stage, id, what it finds, how it runs, its examples and negatives')
  .option('--json', 'print the list as JSON')
  .action((opts: { json?: boolean }) => {
    const rows = listRules();
    if (opts.json) {
      process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      return;
    }
    const tty = process.stdout.isTTY;
    const table = new Table({ style: tty ? {} : { head: [], border: [] }, head: ['stage', 'rule', 'finds', 'runs', 'ex.', 'neg.', 'conf.', 'what'], colWidths: [11, 22, 24, 22, 5, 6, 7, 60], wordWrap: true });
    for (const r of rows) table.push([r.stage, r.id, r.finds, r.runs, r.examples, r.negatives, r.confidence ?? '', r.description]);
    console.log(table.toString());
    const by = (stage: string) => rows.filter((r) => r.stage === stage).length;
    console.log(`${rows.length} rules: ${by('mentions')} mention rules, ${by('relations')} relation rules`);
  });

program
  .command('score')
  .description('extract a yardstick set and score it with ../shared/eval/score.mjs: the five bundled pages, or the real dev set (--set dev)')
  .option('--verbose', 'list every miss')
  .option('--set <set>', 'five (data/articles against ../shared/eval/gold) or dev (../shared/eval/dev)', 'five')
  .action(async (opts: { verbose?: boolean; set: string }) => {
    const evalDir = resolve(REPO, '..', 'shared', 'eval');
    if (opts.set !== 'five' && opts.set !== 'dev') throw new Error(`--set is five or dev, not ${opts.set}`);
    const articles = opts.set === 'dev' ? join(evalDir, 'dev', 'articles') : DEFAULT_ARTICLES;
    const gold = opts.set === 'dev' ? join(evalDir, 'dev', 'gold') : join(evalDir, 'gold');
    const { docs, failed } = await extractAll([articles]);
    for (const f of failed) console.error(`failed: ${f.path}: ${f.reason}`);
    const out = join(mkdtempSync(join(tmpdir(), 'seed-score-')), 'extraction.json');
    await writeFile(out, JSON.stringify(docs));
    if (!existsSync(join(evalDir, 'score.mjs'))) {
      console.log(`extracted ${docs.length} article(s) to ${out}; no scorer at ${evalDir}`);
      return;
    }
    const args = [join(evalDir, 'score.mjs'), '--gold', gold, '--pred', out, '--articles', articles];
    if (opts.verbose) args.push('--verbose');
    const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
  });

program.parseAsync(process.argv).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
