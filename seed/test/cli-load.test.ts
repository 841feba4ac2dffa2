import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteGraphStore } from '@chain-atlas/graph';
import { afterAll, describe, expect, it } from 'vitest';

// `pnpm seed load …` as a user types it: run inside seed/, told where it was typed (INIT_CWD).
const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(SEED_DIR, 'src', 'cli.ts');
const ARTICLES = join(SEED_DIR, '..', 'data', 'articles');
const tmp = mkdtempSync(join(tmpdir(), 'seed-cli-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `seed load`; `whenOutput` sees stdout as it comes and may signal the child. */
function seedLoad(args: string[], db: string, whenOutput?: (stdout: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'load', ...args], {
      cwd: SEED_DIR,
      env: { ...process.env, INIT_CWD: tmp, CHAIN_ATLAS_DB: db, NEO4J_URI: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      whenOutput?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function articlesIn(db: string): Promise<{ count: number; urls: (string | null | undefined)[] }> {
  const store = SqliteGraphStore.open(join(tmp, db), { readonly: true });
  const { total, items } = await store.listArticles({ limit: 1000 });
  await store.close();
  return { count: total, urls: items.map((a) => a.url) };
}

const firstArticle = readdirSync(ARTICLES).filter((n) => n.endsWith('.txt')).sort()[0];

describe('pnpm seed load', () => {
  it('reads only regular files: a symlink to /dev/zero, a FIFO and a 1.5 GB file fail by name, the rest loads', async () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir);
    copyFileSync(join(ARTICLES, firstArticle), join(dir, 'good.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    execFileSync('mkfifo', [join(dir, 'x.txt')]);
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), 1.5 * 1024 ** 3); // sparse: takes no disk
    const started = performance.now();
    const run = await seedLoad(['mixed'], 'mixed.sqlite');
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/zero\.txt is a device, not a regular file/);
    expect(run.stderr).toMatch(/x\.txt is a FIFO, not a regular file/);
    expect(run.stderr).toMatch(/huge\.txt: TOO_LARGE: .*1610612736 bytes/);
    expect((await articlesIn('mixed.sqlite')).count).toBe(1);
  }, 90_000);

  it('holds sidecar metadata to the API rules: no javascript: url, no impossible date', async () => {
    const dir = join(tmp, 'meta');
    mkdirSync(dir);
    const text = readFileSync(join(ARTICLES, firstArticle), 'utf8');
    writeFileSync(join(dir, 'a.txt'), `${text}\n甲`);
    writeFileSync(join(dir, 'a.txt.json'), JSON.stringify({ title: 't', url: 'javascript:alert(1)' }));
    writeFileSync(join(dir, 'b.txt'), `${text}\n乙`);
    writeFileSync(join(dir, 'b.txt.json'), JSON.stringify({ title: 't', date: '2025-02-30' }));
    writeFileSync(join(dir, 'c.txt'), `${text}\n丙`);
    writeFileSync(join(dir, 'c.txt.json'), JSON.stringify({ title: 't', date: '2025-02-28', url: 'https://www.cqrb.cn/a' }));
    const run = await seedLoad(['meta'], 'meta.sqlite');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/a\.txt: BAD_METADATA: .*url/);
    expect(run.stderr).toMatch(/b\.txt: BAD_METADATA: .*date/);
    expect(await articlesIn('meta.sqlite')).toEqual({ count: 1, urls: ['https://www.cqrb.cn/a'] });
  }, 90_000);

  it('on SIGINT finishes the current article, prints the summary and exits 130', async () => {
    const dir = join(tmp, 'many');
    mkdirSync(dir);
    const text = readFileSync(join(ARTICLES, firstArticle), 'utf8');
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), `${text}\n（第${i}稿）`);
    let sent = false;
    const run = await seedLoad(['many'], 'many.sqlite', (stdout, child) => {
      if (!sent && /^3\/300 /mu.test(stdout)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stdout).toMatch(/articles loaded/);
    expect(run.stderr).toMatch(/interrupted: \d+ file\(s\) not read/);
    // The summary's first figure (articles loaded) is what the graph holds: each article whole.
    const loaded = Number(/│\s*(\d+)\s*│\s*0\s*│\s*0\s*│/u.exec(run.stdout.split('articles loaded')[1] ?? '')?.[1]);
    const { count } = await articlesIn('many.sqlite');
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThan(300);
    expect(count).toBe(loaded);
  }, 120_000);
});
