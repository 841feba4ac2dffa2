import * as OpenCC from 'opencc-js';

/** A paragraph after OCR line breaks are joined: what a reader sees as one block. */
export type ParagraphKind = 'body' | 'heading' | 'caption';

export interface Paragraph {
  /** Offsets into the normalised text. */
  start: number;
  end: number;
  kind: ParagraphKind;
}

export interface NormalisedText {
  /** For matching only: simplified characters, Chinese punctuation, ASCII letters and digits. */
  text: string;
  /** normalised index → original index; one extra entry maps the end of the text. */
  toOriginal: Int32Array;
  paragraphs: Paragraph[];
  /** Whether traditional characters were converted. */
  converted: boolean;
  /**
   * The same text in the page's own script (traditional stays traditional), index for index with
   * `text`: names are reported as the page writes them, since that is how a reader will search.
   */
  script: string;
}

let toSimplified: ((s: string) => string) | null = null;
function simplifier(): (s: string) => string {
  // 'hk' covers both Hong Kong and Taiwan forms well enough for names; built once, it is costly.
  toSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return toSimplified;
}

/**
 * Traditional → simplified, keeping one UTF-16 unit per unit so offsets stay valid. Text that
 * is already simplified is left alone (a converter may still touch a few ambiguous characters).
 */
export function simplify(text: string): { text: string; converted: boolean } {
  const convert = simplifier();
  // A page is in one script: a sample decides, so simplified pages skip the costly full pass.
  if (text.length > 4000) {
    const sample = text.slice(0, 4000);
    if (!simplify(sample).converted) return { text, converted: false };
  }
  const whole = convert(text);
  if (whole === text) return { text, converted: false };
  let changed = 0;
  let cjk = 0;
  const n = Math.min(text.length, whole.length);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      if (whole.charCodeAt(i) !== c) changed++;
    }
  }
  // A handful of changes in a simplified page are the converter's ambiguities, not traditional text.
  if (changed < 3 || changed < cjk * 0.01) return { text, converted: false };
  if (whole.length === text.length) return { text: whole, converted: true };
  let out = '';
  for (const ch of text) {
    const c = ch.length === 1 ? convert(ch) : ch;
    out += c.length === ch.length ? c : ch;
  }
  return { text: out, converted: true };
}

const HALF_TO_FULL_PUNCT: Record<string, string> = {
  ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？',
};

/** Maps one character to its matching form: full-width alphanumerics → ASCII, ASCII punctuation → Chinese. */
function unifyWidth(ch: string, prev: string, next: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x3000) return ' ';
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  if (c === 0xff0e || c === 0xff05 || c === 0xff0b || c === 0xff0d) return String.fromCharCode(c - 0xfee0);
  // HK/TW quote marks read as the mainland ones: 「X」 names X as “X” does.
  if (ch === '「' || ch === '『') return '“';
  if (ch === '」' || ch === '』') return '”';
  // A half-width full stop ends a sentence unless it sits in a number or a code (1.5亿元, 601127.SH).
  if (ch === '.' && !/[0-9A-Za-z]/.test(next) && !/[A-Za-z]/.test(prev) && prev !== '') return '。';
  const full = HALF_TO_FULL_PUNCT[ch];
  if (full) {
    // 1,000 and 3:30 keep their ASCII form: they are numbers, not clause breaks.
    if ((ch === ',' || ch === ':') && /[0-9]/.test(prev) && /[0-9]/.test(next)) return ch;
    return full;
  }
  return ch;
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/**
 * Pinyin that a converter inserted after characters (梁平區(qū), 項(xiàng)目): a parenthesised
 * syllable with a tone mark right after a Chinese character. Marks every unit to drop.
 */
export function converterPinyin(text: string): Uint8Array | null {
  const re = new RegExp(`(?<=[\\u4e00-\\u9fff])[(（](?=[a-zü]*[${TONED}])[a-zü${TONED}]{1,7}[)）]`, 'g');
  let drop: Uint8Array | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    drop ??= new Uint8Array(text.length);
    drop.fill(1, m.index, m.index + m[0].length);
  }
  return drop;
}

/** Characters a machine converter gets wrong in simplified output (傢具 for 家具, 瞭解 for 了解). */
function repairVariant(ch: string, next: string): string {
  if (ch === '傢') return '家';
  if (ch === '瞭' && next !== '望') return '了';
  return ch;
}

const TERMINAL = /[。！？；!?;….]$/;
// Image placeholders a scraper leaves (image.png, …_fororder_图片1) are captions too: they must not open a story.
const CAPTION = /^[▲◀▶►▼●■◆]|摄\s*[/／]|本报资料图片|\s摄\s*$|^（?图[：:]|供图|\.(?:png|jpe?g|gif|webp)$|_fororder_|\s摄影\s|^图片\d*$/i;

function lineKind(line: string): ParagraphKind {
  const t = line.trim();
  if (CAPTION.test(t)) return 'caption';
  if (/^#/.test(t)) return 'heading';
  const closed = TERMINAL.test(t) || /[。！？][”」』]$/.test(t);
  if (!closed && t.length <= 40 && !/[，。,]/.test(t)) return 'heading';
  return 'body';
}

/** An OCR break: a long body line that stops mid-sentence continues on the next body line. */
function continues(prev: string, prevKind: ParagraphKind, next: string, nextKind: ParagraphKind): boolean {
  if (prevKind !== 'body' || nextKind === 'caption') return false;
  const p = prev.trimEnd();
  if (p.length < 28) return false;
  if (TERMINAL.test(p) || /[。！？][”」』]$/.test(p)) return false;
  if (/^#/.test(next.trim())) return false;
  return true;
}

/**
 * Builds the matching text: simplified, width-unified, OCR breaks joined, with a map back to
 * the original offsets. Pure.
 */
export function normalise(original: string): NormalisedText {
  const { text: simple, converted } = simplify(original);
  const drop = converterPinyin(original);
  // Lines with their original start offsets.
  const lines: { start: number; text: string; kind: ParagraphKind }[] = [];
  let at = 0;
  while (at <= simple.length) {
    let nl = simple.indexOf('\n', at);
    if (nl < 0) nl = simple.length;
    const raw = simple.slice(at, nl).replace(/\r$/, '');
    if (raw.replace(/[\s\ufeff]/g, '')) lines.push({ start: at, text: raw, kind: lineKind(raw.replace(/\ufeff/g, '')) });
    at = nl + 1;
  }
  // Group lines into paragraphs.
  const groups: { parts: { start: number; text: string }[]; kind: ParagraphKind }[] = [];
  for (const line of lines) {
    const last = groups[groups.length - 1];
    const lastPart = last?.parts[last.parts.length - 1];
    if (last && lastPart && continues(lastPart.text, last.kind, line.text, line.kind)) {
      last.parts.push({ start: line.start, text: line.text });
    } else {
      groups.push({ parts: [{ start: line.start, text: line.text }], kind: line.kind });
    }
  }
  const out: string[] = [];
  const script: string[] = [];
  const map: number[] = [];
  const paragraphs: Paragraph[] = [];
  for (const g of groups) {
    if (out.length) {
      out.push('\n');
      if (converted) script.push('\n');
      map.push(g.parts[0].start - 1 >= 0 ? g.parts[0].start - 1 : 0);
    }
    const pStart = out.length;
    g.parts.forEach((part, k) => {
      let s = 0;
      let e = part.text.length;
      // Leading/trailing blanks of a joined OCR line are layout, not content.
      while (s < e && /[\s\ufeff]/.test(part.text[s])) s++;
      while (e > s && /\s/.test(part.text[e - 1])) e--;
      if (k === 0) s = 0;
      for (let i = s; i < e; i++) {
        const ch = part.text[i];
        if (ch === '\ufeff' || drop?.[part.start + i]) continue;
        const prev = part.text[i - 1] ?? '';
        const next = part.text[i + 1] ?? '';
        out.push(repairVariant(unifyWidth(ch, prev, next), next));
        if (converted) script.push(unifyWidth(original[part.start + i], prev, next));
        map.push(part.start + i);
      }
    });
    // Trim trailing spaces inside the paragraph range.
    let pEnd = out.length;
    while (pEnd > pStart && /\s/.test(out[pEnd - 1])) pEnd--;
    paragraphs.push({ start: pStart, end: pEnd, kind: g.kind });
  }
  map.push(original.length);
  // Straight double quotes alternate open/close within the text.
  let open = true;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === '"') {
      out[i] = open ? '“' : '”';
      if (converted) script[i] = out[i];
      open = !open;
    } else if (out[i] === '\n') open = true;
  }
  return { text: out.join(''), toOriginal: Int32Array.from(map), paragraphs, converted, script: converted ? script.join('') : out.join('') };
}

/** The original span of a normalised span [start, end). */
export function originalSpan(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  const s = n.toOriginal[start];
  const e = end > start ? n.toOriginal[end - 1] + 1 : s;
  return { start: s, end: e };
}
