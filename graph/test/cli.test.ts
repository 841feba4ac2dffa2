import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_1, ARTICLE_2, ARTICLE_3 } from '../src/contract';
import { entityId } from '../src/ids';
import { SqliteGraphStore } from '../src/sqlite/store';

// `pnpm graph …` as a user types it: pnpm runs the CLI inside graph/ and says where the
// command was typed in INIT_CWD.
const GRAPH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(GRAPH_DIR, 'src', 'cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-graph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function graphCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { cwd: GRAPH_DIR, env: { ...process.env, INIT_CWD: dir, NEO4J_URI: '', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let lines: string[];

beforeAll(async () => {
  const source = SqliteGraphStore.open(join(dir, 'source.sqlite'));
  for (const a of [ARTICLE_1, ARTICLE_2, ARTICLE_3]) await source.upsertArticle(a);
  await source.addAlias(entityId('Enterprise', '云帆智造'), '云帆');
  await source.mergeEntities(entityId('Enterprise', '重庆星河动力科技有限公司'), entityId('Enterprise', '云帆智造'));
  await source.close();
  const run = await graphCli(['export', 'backup.jsonl'], { CHAIN_ATLAS_DB: 'source.sqlite' });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  lines = readFileSync(join(dir, 'backup.jsonl'), 'utf8').trim().split('\n');
}, 120_000);

async function articlesIn(db: string): Promise<number> {
  const store = SqliteGraphStore.open(join(dir, db), { readonly: true });
  const n = (await store.stats()).articles;
  await store.close();
  return n;
}

let restores = 0;
/** Imports these lines into a new database; the run and what the database holds after. */
async function restore(content: string[]): Promise<Run & { articles: number }> {
  const name = `restore-${++restores}`;
  writeFileSync(join(dir, `${name}.jsonl`), `${content.join('\n')}\n`);
  const run = await graphCli(['import', `${name}.jsonl`], { CHAIN_ATLAS_DB: `${name}.sqlite` });
  return { ...run, articles: existsSync(join(dir, `${name}.sqlite`)) ? await articlesIn(`${name}.sqlite`) : 0 };
}

const indexOfKind = (kind: string) => lines.findIndex((l) => JSON.parse(l).kind === kind);
function edited<T>(kind: string, change: (record: T) => unknown): string[] {
  const i = indexOfKind(kind);
  const copy = [...lines];
  const record = JSON.parse(copy[i]) as T;
  change(record);
  copy[i] = JSON.stringify(record);
  return copy;
}

describe('pnpm graph export / import', () => {
  it('resolves CHAIN_ATLAS_DB and file arguments from where the command was typed, and restores a whole export', async () => {
    expect(existsSync(join(dir, 'backup.jsonl'))).toBe(true);
    expect(existsSync(join(GRAPH_DIR, 'backup.jsonl'))).toBe(false);
    const run = await restore(lines);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(join(dir, `restore-${restores}.sqlite`));
    expect(run.articles).toBe(3);
  });

  it('refuses to export a database that is not there instead of creating an empty one', async () => {
    const run = await graphCli(['export', 'wrong.jsonl'], { CHAIN_ATLAS_DB: 'no-such.sqlite' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no graph at .*no-such\.sqlite/);
    expect(existsSync(join(dir, 'no-such.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'wrong.jsonl'))).toBe(false);
  });

  it('refuses an export cut at a line boundary: the header counts are compared, nothing is written', async () => {
    const cut = lines.slice(0, indexOfKind('evidence'));
    const run = await restore(cut);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/header counts \d+ evidence but the file holds 0/);
    expect(run.articles).toBe(0);
  });

  const crafted: [string, () => string[], RegExp][] = [
    ['evidence offsets 5..1', () => edited('evidence', (r: { evidence: { start: number; end: number } }) => Object.assign(r.evidence, { start: 5, end: 1 })), /offsets 5\.\.1/],
    [
      'a relation whose endpoint types are wrong',
      () => edited('relation', (r: { relation: { type: string } }) => (r.relation.type = r.relation.type === 'INVESTS_IN' ? 'MEMBER_OF' : 'INVESTS_IN')),
      /cannot go from/,
    ],
    [
      'a redirect cycle',
      () => {
        const copy = [...lines];
        const a = 'enterprise:甲';
        const b = 'enterprise:乙';
        copy.splice(indexOfKind('redirect'), 0, JSON.stringify({ kind: 'redirect', fromId: a, toId: b }), JSON.stringify({ kind: 'redirect', fromId: b, toId: a }));
        return copy;
      },
      /go round in a circle/,
    ],
    ['curation kind evil', () => edited('curation', (r: { curation: { kind: string } }) => (r.curation.kind = 'evil')), /unknown curation kind "evil"/],
    ['a 5,000-character id', () => edited('entity', (r: { entity: { id: string } }) => (r.entity.id = `enterprise:${'长'.repeat(5000)}`)), /entity id/],
    ['an evidence line after the curations', () => [...lines, lines[indexOfKind('evidence')]], /out of order/],
  ];
  for (const [what, make, message] of crafted) {
    it(`refuses ${what}, naming the line, and writes nothing`, async () => {
      const content = make();
      const run = await restore(content);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      const line = Number(/restore-\d+\.jsonl:(\d+):/u.exec(run.stderr)?.[1]);
      expect(line).toBeGreaterThan(1);
      expect(content[line - 1]).toBeDefined();
      expect(run.articles).toBe(0);
    });
  }
});

describe('pnpm graph synth', () => {
  it('fills an empty graph with a generated one, with hubs, and names the hubs to search for', async () => {
    const run = await graphCli(['synth', '--relations', '2000', '--seed', '3'], { CHAIN_ATLAS_DB: 'synth.sqlite' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const store = SqliteGraphStore.open(join(dir, 'synth.sqlite'), { readonly: true });
    const stats = await store.stats();
    const top = store.db.prepare(`SELECT name, degree FROM entities WHERE type = 'Enterprise' ORDER BY degree DESC LIMIT 1`).get() as { name: string; degree: number };
    await store.close();
    expect(stats.relations).toBeGreaterThan(1500);
    expect(stats.entitiesByType.District).toBeGreaterThan(30);
    expect(run.stdout).toContain(`${stats.relations} relations`);
    expect(run.stdout).toContain(`${top.name} (${top.degree} relations)`);
  }, 60_000);

  it('refuses a graph that holds articles (generated facts would pass for news) and a bad count', async () => {
    const full = await graphCli(['synth', '--relations', '200'], { CHAIN_ATLAS_DB: 'source.sqlite' });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/already holds 3 articles; point CHAIN_ATLAS_DB at a new file/);
    expect(await articlesIn('source.sqlite')).toBe(3);
    const bad = await graphCli(['synth', '--relations', 'many'], { CHAIN_ATLAS_DB: 'other.sqlite' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/a whole number from 100 to 5000000/);
    expect(existsSync(join(dir, 'other.sqlite'))).toBe(false);
  });
});
