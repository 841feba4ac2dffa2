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
import { extractArticle } from './extract';
import type { SpecExtraction } from './extract';
import { readArticleFiles } from './files';
import { loadArticles } from './load';

const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(SEED_DIR, '..');
const DEFAULT_ARTICLES = join(REPO, 'data', 'articles');
// pnpm --filter runs us inside seed/; paths the user typed are relative to where they typed them.
const USER_CWD = process.env.INIT_CWD ?? process.cwd();

async function extractAll(paths: string[]): Promise<{ docs: SpecExtraction[]; failed: { path: string; reason: string }[] }> {
  const { files, failures } = await readArticleFiles(paths, USER_CWD);
  const docs: SpecExtraction[] = [];
  const failed = failures.map((f) => ({ path: f.path, reason: `${f.error.code}: ${f.error.message}` }));
  for (const f of files) {
    try {
      docs.push(extractArticle(f.bytes, f.meta).spec);
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
  .argument('[paths...]', 'files or folders', [])
  .action(async (paths: string[], opts: { out?: string }) => {
    const { docs, failed } = await extractAll(paths.length ? paths : [DEFAULT_ARTICLES]);
    const json = JSON.stringify(docs, null, 2);
    if (opts.out) {
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
    const { files, failures } = await readArticleFiles(paths.length ? paths : [DEFAULT_ARTICLES], USER_CWD);
    const store = await openGraphStore();
    const tty = process.stdout.isTTY;
    const bar = tty ? new cliProgress.SingleBar({ format: 'loading {bar} {value}/{total} {file}' }, cliProgress.Presets.shades_classic) : null;
    bar?.start(files.length + failures.length, 0, { file: '' });
    try {
      const report = await loadArticles(store, files, {
        failures,
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
      if (report.failed.length) process.exitCode = 1;
    } finally {
      bar?.stop();
      await store.close();
    }
  });

program
  .command('score')
  .description('extract the bundled data/articles and score them with ../shared/eval if it is there')
  .option('--verbose', 'list every miss')
  .action(async (opts: { verbose?: boolean }) => {
    const { docs, failed } = await extractAll([DEFAULT_ARTICLES]);
    for (const f of failed) console.error(`failed: ${f.path}: ${f.reason}`);
    const out = join(mkdtempSync(join(tmpdir(), 'seed-score-')), 'extraction.json');
    await writeFile(out, JSON.stringify(docs));
    const evalDir = resolve(REPO, '..', 'shared', 'eval');
    if (!existsSync(join(evalDir, 'score.mjs'))) {
      console.log(`extracted ${docs.length} article(s) to ${out}; no scorer at ${evalDir}`);
      return;
    }
    const args = [join(evalDir, 'score.mjs'), '--gold', join(evalDir, 'gold'), '--pred', out, '--articles', DEFAULT_ARTICLES];
    if (opts.verbose) args.push('--verbose');
    const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
  });

program.parseAsync(process.argv).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
