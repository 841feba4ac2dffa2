import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ArticleMeta } from '@chain-atlas/graph';
import { ExtractionError } from './errors';

export interface ArticleFile {
  path: string;
  /** The file name: what the SPEC output calls the article. */
  file: string;
  bytes: Uint8Array;
  meta: ArticleMeta & { file: string };
}

export interface ArticleFileFailure {
  path: string;
  error: ExtractionError;
}

interface SidecarEntry {
  file: string;
  source?: string;
  date?: string;
  title?: string;
  url?: string;
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function readJson(p: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(p, 'utf8'));
  } catch {
    return null;
  }
}

const folderMeta = new Map<string, Promise<Map<string, SidecarEntry>>>();
function articlesJson(dir: string): Promise<Map<string, SidecarEntry>> {
  let p = folderMeta.get(dir);
  if (!p) {
    p = readJson(join(dir, 'articles.json')).then((j) => {
      const m = new Map<string, SidecarEntry>();
      if (Array.isArray(j)) for (const e of j) if (e && typeof e.file === 'string') m.set(e.file, e as SidecarEntry);
      return m;
    });
    folderMeta.set(dir, p);
  }
  return p;
}

function pick(e: Partial<SidecarEntry> | null | undefined): ArticleMeta {
  if (!e) return {};
  const out: ArticleMeta = {};
  if (typeof e.title === 'string') out.title = e.title;
  if (typeof e.date === 'string') out.date = e.date;
  if (typeof e.source === 'string') out.source = e.source;
  if (typeof e.url === 'string') out.url = e.url;
  return out;
}

/** The first non-empty line, when nothing better names the article. */
function firstLine(bytes: Uint8Array): string | null {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const line = head.split(/\r?\n/).map((l) => l.replace(/^[#\s\ufeff]+/, '').trim()).find((l) => l.length > 0);
  return line ? line.slice(0, 200) : null;
}

/**
 * Expands files and folders of .txt files (sorted) and reads their metadata: `articles.json`
 * beside them, else `<name>.txt.json` / `<name>.json`, else the first non-empty line as title.
 */
export async function readArticleFiles(paths: string[], cwd = process.cwd()): Promise<{ files: ArticleFile[]; failures: ArticleFileFailure[] }> {
  const files: ArticleFile[] = [];
  const failures: ArticleFileFailure[] = [];
  const list: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (await isDir(abs)) {
      const names = (await readdir(abs)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
      for (const n of names) list.push(join(abs, n));
    } else list.push(abs);
  }
  for (const path of list) {
    const file = basename(path);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (err) {
      failures.push({ path, error: new ExtractionError('READ_FAILED', `cannot read ${path}: ${(err as Error).message}`) });
      continue;
    }
    const dir = dirname(path);
    let meta = pick((await articlesJson(dir)).get(file));
    if (!Object.keys(meta).length) {
      const stem = file.slice(0, file.length - extname(file).length);
      meta = pick(((await readJson(`${path}.json`)) ?? (await readJson(join(dir, `${stem}.json`)))) as SidecarEntry | null);
    }
    if (!meta.title) {
      const t = firstLine(bytes);
      if (t) meta.title = t;
    }
    files.push({ path, file, bytes, meta: { ...meta, file } });
  }
  return { files, failures };
}
