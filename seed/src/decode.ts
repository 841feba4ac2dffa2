import iconv from 'iconv-lite';
import { ExtractionError } from './errors';

/** Articles are news pages: anything this big is not one, and would stall the pipeline. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: SourceEncoding;
  hadBom: boolean;
}

// ignoreBOM keeps a leading U+FEFF in the text: Node's readFileSync(…, 'utf8') keeps it too, and
// evidence offsets must agree with the file as others read it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Control bytes other than tab/newline/CR/formfeed/ESC never occur in a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** Share of code points that are CJK ideographs, CJK punctuation or printable ASCII: real text scores high. */
function plausibility(text: string): number {
  if (!text.length) return 0;
  let good = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a || c === 0x0d || c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x206f)
    ) good++;
  }
  return good / total;
}

/** Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030/GBK; typed errors otherwise. */
export function decodeArticle(input: Uint8Array): DecodedText {
  if (input.length > MAX_ARTICLE_BYTES) {
    throw new ExtractionError('TOO_LARGE', `article is ${input.length} bytes; the limit is ${MAX_ARTICLE_BYTES}`);
  }
  let decoded: DecodedText | null = null;
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    try {
      decoded = { text: utf8.decode(input), encoding: 'utf-8', hadBom: true };
    } catch {
      throw new ExtractionError('UNKNOWN_ENCODING', 'UTF-8 byte-order mark, but the bytes are not UTF-8');
    }
  } else if (input[0] === 0xff && input[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(input.subarray(2)), encoding: 'utf-16le', hadBom: true };
  } else if (input[0] === 0xfe && input[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(input.subarray(2)), encoding: 'utf-16be', hadBom: true };
  }
  if (!decoded) {
    if (input.length === 0) throw new ExtractionError('EMPTY', 'the article is empty');
    if (looksBinary(input)) throw new ExtractionError('BINARY', 'the input looks like a binary file, not text');
    try {
      decoded = { text: utf8.decode(input), encoding: 'utf-8', hadBom: false };
    } catch {
      const text = iconv.decode(Buffer.from(input.buffer, input.byteOffset, input.length), 'gb18030');
      if (text.includes('\ufffd') || plausibility(text) < 0.9) {
        throw new ExtractionError('UNKNOWN_ENCODING', 'the bytes are neither UTF-8 nor GB18030/GBK text');
      }
      decoded = { text, encoding: 'gb18030', hadBom: false };
    }
  }
  if (!decoded.text.trim()) throw new ExtractionError('EMPTY', 'the article has no text');
  return decoded;
}

/** Strings are taken as already decoded; only emptiness is checked. A leading BOM is kept so offsets stay true to the file. */
export function decodeInput(input: string | Uint8Array): DecodedText {
  if (typeof input === 'string') {
    if (!input.trim()) throw new ExtractionError('EMPTY', 'the article has no text');
    if (input.length > MAX_ARTICLE_BYTES) throw new ExtractionError('TOO_LARGE', `article is ${input.length} characters`);
    // A lone surrogate (text cut in the middle of a character by some scraper) becomes U+FFFD:
    // the same length, so every offset still points where it did, and storable as UTF-8.
    return { text: input.isWellFormed() ? input : input.toWellFormed(), encoding: 'utf-8', hadBom: false };
  }
  return decodeArticle(input);
}
