import type { NormalisedText, ParagraphKind } from './normalise';

export interface Sentence {
  /** Offsets into the normalised text. */
  start: number;
  end: number;
  text: string;
  story: number;
  kind: ParagraphKind;
  /** Seen verbatim earlier on the page (pages repeat paragraphs): its relations are already counted. */
  repeated: boolean;
}

/** A sentence ends at 。！？； (and a closing quote right after), or at the end of a paragraph. */
const SENTENCE_END = /[。！？；]+[”」』]?/g;

/**
 * Stories within a page (a heading after body text opens a new story) and sentences within
 * them, with offsets into the normalised text. Pure.
 */
export function splitSentences(n: NormalisedText): Sentence[] {
  const out: Sentence[] = [];
  const seen = new Set<string>();
  let story = 0;
  let lastKind: ParagraphKind | null = null;
  for (const p of n.paragraphs) {
    if (p.kind === 'heading' && lastKind !== null && lastKind !== 'heading') story++;
    if (p.kind !== 'caption') lastKind = p.kind;
    const para = n.text.slice(p.start, p.end);
    let from = 0;
    const emit = (s: number, e: number) => {
      while (s < e && /\s/.test(para[s])) s++;
      while (e > s && /\s/.test(para[e - 1])) e--;
      if (e <= s) return;
      // No sentence of real news runs for pages: text without a full stop (a scraper's run-on
      // line) is cut into pieces at commas or, failing that, at a fixed length, so that
      // relating mentions within a sentence stays linear in the length of the page.
      if (e - s > MAX_SENTENCE) {
        const cut = cutPoint(para, s, s + MAX_SENTENCE);
        emit(s, cut);
        emit(cut, e);
        return;
      }
      const text = para.slice(s, e);
      const key = text.replace(/\s+/g, '');
      const repeated = key.length >= 12 && seen.has(key);
      if (key.length >= 12) seen.add(key);
      out.push({ start: p.start + s, end: p.start + e, text, story, kind: p.kind, repeated });
    };
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(para); m; m = SENTENCE_END.exec(para)) {
      emit(from, m.index + m[0].length);
      from = m.index + m[0].length;
    }
    emit(from, para.length);
  }
  return out;
}

/** The longest stretch treated as one sentence (real ones rarely pass 300 characters). */
export const MAX_SENTENCE = 1000;

/** Where to cut an over-long sentence before `limit`: after the last comma or semicolon, else at the limit. */
function cutPoint(text: string, from: number, limit: number): number {
  for (let i = limit - 1; i > from + MAX_SENTENCE / 2; i--) {
    if ('，,；;'.includes(text[i])) return i + 1;
  }
  return limit;
}

/** Clauses of a sentence (split at ，：、 are kept inside), as [start, end) into the sentence text. */
export function clauses(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '，' || text[i] === '：') {
      if (i > from) out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  if (text.length > from) out.push({ start: from, end: text.length });
  return out;
}
