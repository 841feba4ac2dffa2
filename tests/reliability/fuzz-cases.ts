import { performance } from 'node:perf_hooks';
import { articleId, type GraphStore } from '@chain-atlas/graph';
import { ExtractionError, extractArticle } from '@chain-atlas/seed';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { KNOWN_CLUSTERS, KNOWN_DISTRICTS, KNOWN_ENTERPRISES } from './news';

// Generators of bad articles and the pipeline they go through (extract, then load into a
// real store), shared by fuzz.test.ts and fuzz-bugs.test.ts.

export const CODES = new Set(['EMPTY', 'BINARY', 'UNKNOWN_ENCODING', 'TOO_LARGE', 'READ_FAILED']);
export const MiB = 1024 * 1024;

export type Expect = 'loaded' | 'EMPTY' | 'BINARY' | 'any';
export interface Case {
  category: string;
  input: string | Uint8Array;
  expect: Expect;
  /** For text handed over as bytes in a known encoding: what the stored article text must be. */
  original?: string;
}
export type Outcome = { kind: 'loaded'; ms: number; relations: number } | { kind: 'refused'; ms: number; code: string };

// --- Generators -------------------------------------------------------------------------

export const utf8 = (s: string) => new TextEncoder().encode(s);

const FRAGMENTS = [
  '投资', '亿元', '万元', '落户', '签约', '项目', '科技', '集团', '与', '合作', '签署', '战略合作协议', '为', '提供', '配套',
  '供应', '龙头', '产业集群', '平台', '运营', '搭建', '位于', '加入', '本报讯', '记者', '据悉', '重庆', '今年以来', '产业链',
  '，', '。', '、', '；', '：', '！', '？', ' ', '\n', '\n\n', '5', '12.5', '3000',
];
const SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司', '（重庆）有限公司', '公司', '厂', '研究院', '产业园', '基地'];
const BRACKETS = ['（', '）', '(', ')', '“', '”', '"', '「', '」', '《', '》', '【', '】', '‘', '’', "'", '[', ']', '{', '}'];
const SCRIPTS = ['Hello world', 'Chongqing Ltd.', 'Привет, мир', 'ООО «Ромашка»', 'مرحبا بالعالم', 'شركة', '😀', '👍🏽', '🇨🇳', '👨‍👩‍👧', '𠀀', '𠀁', '𪚥', '𫠝', 'ア', 'ㄅ', '한국', 'é', 'e\u0301', '\u202e', '\u200d'];
const CJK = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';
const cjkChars = fc.array(fc.constantFrom(...CJK.split('')), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const named = fc.constantFrom<string>(...KNOWN_ENTERPRISES, ...KNOWN_DISTRICTS, ...KNOWN_CLUSTERS);

/** Chinese news-like text: fragments, names and company suffixes in any order (often odd ones). */
const newsLike = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 3, arbitrary: named }, { weight: 2, arbitrary: fc.constantFrom(...SUFFIXES) }, { weight: 3, arbitrary: cjkChars }), {
    minLength: 1,
    maxLength: 120,
  })
  .map((parts) => parts.join(''));

/** Real-looking sentences with suffixes spliced in at random places. */
const sentenceWithOddSuffix = fc
  .tuple(fc.constantFrom(...KNOWN_ENTERPRISES), fc.constantFrom(...KNOWN_DISTRICTS), fc.integer({ min: 1, max: 999 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SUFFIXES)), { maxLength: 4 }))
  .map(([e, d, n, inserts]) => {
    let s = `${e}投资${n}亿元的新能源项目落户${d}，并与重庆${e}科技有限公司签署战略合作协议。`;
    for (const [at, suffix] of inserts) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + suffix + s.slice(i);
    }
    return s;
  });

/** Text handed over as a string or as its UTF-8 bytes (the file path and the API path). */
function asEither(category: string, text: fc.Arbitrary<string>, expect: Expect = 'any'): fc.Arbitrary<Case> {
  return fc.tuple(text, fc.boolean()).map(([s, bytes]) => ({ category: `${category}${bytes ? '/bytes' : '/string'}`, input: bytes ? utf8(s) : s, expect }));
}

const emptyCase = fc.constantFrom<Case>({ category: 'empty/string', input: '', expect: 'EMPTY' }, { category: 'empty/bytes', input: new Uint8Array(0), expect: 'EMPTY' });
const whitespace = fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', '\f', '\u3000', '\u00a0', '\u2003', '\u2028', '\ufeff'), { minLength: 1, maxLength: 300 }).map((a) => a.join(''));
const punctuation = fc.array(fc.constantFrom(...'，。、；：！？…—·.,;:!?-_*&^%$#@~`|/\\<>'.split(''), ...BRACKETS), { minLength: 1, maxLength: 400 }).map((a) => a.join(''));
const binaryWithNul = fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((b) => {
  const out = new Uint8Array(b);
  out[b.length >> 1] = 0;
  return out;
});
const binaryNoNul = fc.uint8Array({ min: 1, max: 255, minLength: 1, maxLength: 4096 });
const brokenUtf8 = fc
  .tuple(newsLike, fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xe4, 0xe9, 0xed, 0xf0, 0xf5, 0xfe, 0xff)), { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([s, corruptions, truncate]) => {
    const bytes = Array.from(utf8(s));
    for (const [at, b] of corruptions) bytes.splice(at % (bytes.length + 1), 0, b);
    if (truncate && bytes.length > 2) bytes.length -= 1;
    return new Uint8Array(bytes);
  });
const gbkText = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS.filter((f) => f.trim())), named, cjkChars), { minLength: 3, maxLength: 80 }).map((a) => a.join(''));
const mixedScripts = fc.array(fc.oneof(fc.constantFrom(...SCRIPTS), newsLike, fc.string({ unit: 'binary', maxLength: 20 })), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
const longRun = fc.tuple(fc.constantFrom(...CJK.split('')), fc.integer({ min: 1000, max: 20_000 })).map(([ch, n]) => ch.repeat(n));
const repeated = fc.tuple(fc.oneof(newsLike, sentenceWithOddSuffix, fc.constantFrom(...SUFFIXES), fc.constantFrom('（', '“', '投资', '与')), fc.integer({ min: 10, max: 5000 })).map(([p, n]) => p.repeat(Math.max(1, Math.min(n, Math.floor(12_000 / Math.max(1, p.length))))));
const unbalanced = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...BRACKETS) }, { weight: 2, arbitrary: newsLike }, { weight: 1, arbitrary: sentenceWithOddSuffix }), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
export const loneSurrogates = fc
  .tuple(newsLike, fc.array(fc.tuple(fc.nat(), fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ud83d')), { minLength: 1, maxLength: 5 }))
  .map(([s, inserts]) => {
    for (const [at, u] of inserts) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + u + s.slice(i);
    }
    return s;
  });
const withNul = fc.tuple(newsLike, fc.nat()).map(([s, at]) => {
  const i = at % (s.length + 1);
  return `${s.slice(0, i)}\u0000${s.slice(i)}`;
});

/**
 * Every kind of bad article. Lone surrogates go in as bytes only (TextEncoder makes them U+FFFD):
 * as strings they are a known bug (fuzz-bugs.test.ts).
 */
export const cases: fc.Arbitrary<Case> = fc.oneof(
  { weight: 1, arbitrary: emptyCase },
  { weight: 2, arbitrary: asEither('whitespace', whitespace, 'EMPTY') },
  { weight: 2, arbitrary: asEither('punctuation', punctuation, 'loaded') },
  { weight: 2, arbitrary: binaryWithNul.map<Case>((input) => ({ category: 'binary/nul', input, expect: 'BINARY' })) },
  { weight: 2, arbitrary: binaryNoNul.map<Case>((input) => ({ category: 'binary/random', input, expect: 'any' })) },
  { weight: 3, arbitrary: brokenUtf8.map<Case>((input) => ({ category: 'broken-utf8', input, expect: 'any' })) },
  { weight: 3, arbitrary: gbkText.map<Case>((s) => ({ category: 'gbk', input: new Uint8Array(iconv.encode(s, 'gbk')), expect: 'loaded', original: s })) },
  { weight: 3, arbitrary: asEither('mixed-scripts', mixedScripts) },
  { weight: 1, arbitrary: asEither('long-run', longRun, 'loaded') },
  { weight: 2, arbitrary: asEither('repeated', repeated, 'loaded') },
  { weight: 5, arbitrary: asEither('news-like', fc.oneof(newsLike, sentenceWithOddSuffix), 'loaded') },
  { weight: 3, arbitrary: asEither('unbalanced', unbalanced, 'loaded') },
  { weight: 2, arbitrary: loneSurrogates.map<Case>((s) => ({ category: 'lone-surrogate/bytes', input: utf8(s), expect: 'loaded' })) },
  { weight: 2, arbitrary: withNul.map<Case>((input) => ({ category: 'nul/string', input, expect: 'any' })) },
  { weight: 1, arbitrary: withNul.map<Case>((s) => ({ category: 'nul/bytes', input: utf8(s), expect: 'BINARY' })) },
);

// --- The pipeline under test -------------------------------------------------------------

export function preview(input: string | Uint8Array): string {
  if (typeof input === 'string') return `string(${input.length}) ${JSON.stringify(input.slice(0, 120))}`;
  return `bytes(${input.length}) ${Buffer.from(input.subarray(0, 60)).toString('hex')}`;
}

/**
 * What `seed load` and `ingestArticle` do with one article: extract, then load atomically.
 * Returns how it ended; throws (with what went wrong) on anything that is neither a loaded,
 * intact article nor a coded ExtractionError. `loaded` collects the text of each article loaded.
 */
export async function ingest(store: GraphStore, c: Case, n: number, loaded: Map<string, string>): Promise<Outcome> {
  const t0 = performance.now();
  let result: ReturnType<typeof extractArticle>;
  try {
    result = extractArticle(c.input, { title: `fuzz ${n}`, file: `fuzz-${n}.txt` });
  } catch (err) {
    if (err instanceof ExtractionError) {
      if (!CODES.has(err.code) || !err.message.trim()) throw new Error(`unclear ExtractionError ${err.code}: ${JSON.stringify(err.message)}`);
      return { kind: 'refused', ms: performance.now() - t0, code: err.code };
    }
    throw err;
  }
  const extraction = result.toArticleExtraction();
  for (const r of extraction.relations) {
    if (result.text.slice(r.evidence.start, r.evidence.end) !== r.evidence.text) {
      throw new Error(`extraction evidence ${r.type} ${r.from}→${r.to} at ${r.evidence.start}..${r.evidence.end} is not the text there`);
    }
  }
  const report = await store.upsertArticle(extraction);
  const ms = performance.now() - t0;
  if (report.articleId !== articleId(result.text)) throw new Error(`article id ${report.articleId} is not the id of its text`);
  const stored = await store.getArticle(report.articleId);
  if (!stored) throw new Error(`article ${report.articleId} reported loaded but not found`);
  if (stored.text !== result.text) {
    let at = 0;
    while (at < stored.text.length && stored.text[at] === result.text[at]) at++;
    throw new Error(`stored text differs from the extracted text (lengths ${stored.text.length} vs ${result.text.length}, first difference at UTF-16 offset ${at}: ${JSON.stringify(result.text.slice(at, at + 3))} stored as ${JSON.stringify(stored.text.slice(at, at + 3))})`);
  }
  if (c.original !== undefined && stored.text !== c.original) throw new Error(`decoded text differs from the original ${JSON.stringify(c.original.slice(0, 80))}`);
  loaded.set(report.articleId, result.text);
  return { kind: 'loaded', ms, relations: extraction.relations.length };
}

export const rss = () => process.memoryUsage().rss;

