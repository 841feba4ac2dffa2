// Articles dropped on 导入文章: .txt files in UTF-8 or GBK, several at once, with their metadata
// found the way `pnpm seed load` finds it — an articles.json among them, else <name>.txt.json or
// <name>.json, else the first non-empty line as the title. Pure (bytes in, drafts out), so it is
// tested without a browser.

export interface ArticleDraft {
  /** The file it came from, or null for pasted text. */
  file: string | null;
  text: string;
  title: string;
  date: string;
  source: string;
  url: string;
  /** The encoding the file was read in. */
  encoding: 'utf-8' | 'gb18030' | null;
  /** Why the file cannot be an article (then text is empty). */
  error: string | null;
}

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

/** Larger than this is not an article (the server's limit is in characters; this is a first guard). */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

/** Bytes → text: UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK); null when neither reads cleanly. */
export function decodeArticleBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } | null {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return text.includes('\ufffd') ? null : { text, encoding: 'gb18030' };
  } catch {
    return null;
  }
}

/** The first non-empty line (without a leading # or BOM), as `seed load` titles an article with no metadata. */
export function firstLineTitle(text: string): string {
  const line = text
    .slice(0, 4096)
    .split(/\r?\n/)
    .map((l) => l.replace(/^[#\s\ufeff]+/, '').trim())
    .find((l) => l.length > 0);
  return line ? line.slice(0, 200) : '';
}

interface Sidecar {
  file?: unknown;
  title?: unknown;
  date?: unknown;
  source?: unknown;
  url?: unknown;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    return null;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Drafts for every .txt among the files, each with the metadata its sidecar JSON gives. */
export function draftsFromFiles(files: DroppedFile[]): ArticleDraft[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  const folder = new Map<string, Sidecar>();
  const list = byName.get('articles.json');
  if (list) {
    const j = parseJson(list.bytes);
    if (Array.isArray(j)) for (const e of j as Sidecar[]) if (e && typeof e.file === 'string') folder.set(e.file, e);
  }
  return files
    .filter((f) => f.name.toLowerCase().endsWith('.txt'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((f): ArticleDraft => {
      const stem = f.name.slice(0, -4);
      const side = byName.get(`${f.name}.json`) ?? byName.get(`${stem}.json`);
      const meta = (folder.get(f.name) ?? (side ? parseJson(side.bytes) : null) ?? {}) as Sidecar;
      const base = { file: f.name, title: str(meta.title), date: str(meta.date), source: str(meta.source), url: str(meta.url) };
      if (f.bytes.length > MAX_ARTICLE_BYTES) return { ...base, text: '', encoding: null, error: 'TOO_LARGE' };
      const decoded = decodeArticleBytes(f.bytes);
      if (!decoded) return { ...base, text: '', encoding: null, error: 'UNKNOWN_ENCODING' };
      return { ...base, text: decoded.text, title: base.title || firstLineTitle(decoded.text), encoding: decoded.encoding, error: decoded.text.trim() ? null : 'EMPTY' };
    });
}

/** A pasted article: its first line is the title unless one is typed. */
export function pastedDraft(text: string, meta: Partial<Pick<ArticleDraft, 'title' | 'date' | 'source' | 'url'>> = {}): ArticleDraft {
  return {
    file: null,
    text,
    title: meta.title || firstLineTitle(text),
    date: meta.date ?? '',
    source: meta.source ?? '',
    url: meta.url ?? '',
    encoding: null,
    error: text.trim() ? null : 'EMPTY',
  };
}

/**
 * The text split at the mentions of the extracted entities, for highlighting: each piece is
 * plain or names the entity (by preview key) it mentions. Longer names win where two overlap.
 */
export function mentionPieces(text: string, names: { key: string; names: string[] }[]): { text: string; key: string | null }[] {
  const marks: { start: number; end: number; key: string }[] = [];
  const all = names.flatMap((n) => n.names.filter((s) => s.length >= 2).map((s) => ({ key: n.key, s }))).sort((a, b) => b.s.length - a.s.length);
  const taken = new Uint8Array(text.length);
  for (const { key, s } of all) {
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) {
      let free = true;
      for (let j = i; j < i + s.length && free; j++) free = taken[j] === 0;
      if (!free) continue;
      taken.fill(1, i, i + s.length);
      marks.push({ start: i, end: i + s.length, key });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const out: { text: string; key: string | null }[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), key: null });
    out.push({ text: text.slice(m.start, m.end), key: m.key });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), key: null });
  return out;
}
