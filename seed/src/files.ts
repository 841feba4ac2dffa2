import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ArticleMeta } from '@chain-atlas/graph';
import { MAX_ARTICLE_BYTES } from './decode';
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

const folderMeta = new Map<string, Promise<Map<string, SidecarEntry>>>();
function articlesJson(dir: string): Promise<Map<string, SidecarEntry>> {
  let p = folderMeta.get(dir);
  if (!p) {
    p = readSidecar(join(dir, 'articles.json')).then((j) => {
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

/** Sidecar JSON (articles.json, <name>.json) larger than this is not metadata. */
const MAX_SIDECAR_BYTES = 4 * 1024 * 1024;

/** What a stat says a path is, for a message. */
function kindOf(s: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  if (s.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * Expands files and folders (sorted .txt files of a folder) into paths to read, without
 * reading any: each is `stat`ed (through symlinks) and only regular files are kept. A FIFO
 * would hang the reader, /dev/zero would never end; both are failures here.
 */
export async function listArticlePaths(paths: string[], cwd = process.cwd()): Promise<{ paths: string[]; failures: ArticleFileFailure[] }> {
  const out: string[] = [];
  const failures: ArticleFileFailure[] = [];
  const consider = async (path: string) => {
    let s;
    try {
      s = await stat(path);
    } catch (err) {
      failures.push({ path, error: new ExtractionError('READ_FAILED', `cannot read ${path}: ${(err as Error).message}`) });
      return;
    }
    if (s.isFile()) out.push(path);
    else failures.push({ path, error: new ExtractionError('READ_FAILED', `${path} is ${kindOf(s)}, not a regular file: skipped`) });
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (await isDir(abs)) {
      const names = (await readdir(abs)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
      for (const n of names) await consider(join(abs, n));
    } else await consider(abs);
  }
  return { paths: out, failures };
}

/**
 * Reads one article file: opened without blocking (a FIFO swapped in after the listing
 * cannot hang it), checked again on the open handle to be a regular file of at most
 * MAX_ARTICLE_BYTES, and read no further than that.
 */
async function readBounded(path: string, max: number): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new ExtractionError('READ_FAILED', `${path} is ${kindOf(s)}, not a regular file: skipped`);
    if (s.size > max) throw new ExtractionError('TOO_LARGE', `${path} is ${s.size} bytes; the limit is ${max}`);
    // The size can grow between stat and read: read one byte past the limit to notice.
    const buffer = new Uint8Array(Math.min(s.size, max) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) break;
    }
    if (filled > max) throw new ExtractionError('TOO_LARGE', `${path} grew past ${max} bytes while it was read`);
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

async function readSidecar(p: string): Promise<unknown> {
  try {
    return JSON.parse(new TextDecoder().decode(await readBounded(p, MAX_SIDECAR_BYTES)));
  } catch {
    return null;
  }
}

/** One article file with its metadata, or why it cannot be read. */
export async function readArticleFile(path: string): Promise<ArticleFile | ArticleFileFailure> {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(path, MAX_ARTICLE_BYTES);
  } catch (err) {
    if (err instanceof ExtractionError) return { path, error: err };
    return { path, error: new ExtractionError('READ_FAILED', `cannot read ${path}: ${(err as Error).message}`) };
  }
  const dir = dirname(path);
  let meta = pick((await articlesJson(dir)).get(file));
  if (!Object.keys(meta).length) {
    const stem = file.slice(0, file.length - extname(file).length);
    meta = pick(((await readSidecar(`${path}.json`)) ?? (await readSidecar(join(dir, `${stem}.json`)))) as SidecarEntry | null);
  }
  if (!meta.title) {
    const t = firstLine(bytes);
    if (t) meta.title = t;
  }
  return { path, file, bytes, meta: { ...meta, file } };
}

export const isFailure = (x: ArticleFile | ArticleFileFailure): x is ArticleFileFailure => 'error' in x;

/**
 * Expands files and folders of .txt files (sorted) and reads their metadata: `articles.json`
 * beside them, else `<name>.txt.json` / `<name>.json`, else the first non-empty line as title.
 * Everything is read before this returns; `seed load` reads one file at a time instead.
 */
export async function readArticleFiles(paths: string[], cwd = process.cwd()): Promise<{ files: ArticleFile[]; failures: ArticleFileFailure[] }> {
  const listed = await listArticlePaths(paths, cwd);
  const files: ArticleFile[] = [];
  const failures = [...listed.failures];
  for (const path of listed.paths) {
    const read = await readArticleFile(path);
    if (isFailure(read)) failures.push(read);
    else files.push(read);
  }
  return { files, failures };
}
