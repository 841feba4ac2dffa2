import { districtAt } from '../gazetteer';
import type { MentionType } from '../lexicon';
import { BUSINESS_WORDS, GENERIC_WORDS, MAINLAND_PLACES, oov, tags } from '../lexicon';

export interface Mention {
  type: MentionType;
  /** The text form, as it stands in the normalised text. */
  name: string;
  /** Offsets into the normalised text. */
  start: number;
  end: number;
  /** The rule that found it: for debugging and for ranking overlapping finds. */
  rule: string;
  /** For Districts: the canonical district; for prefixed clusters: the district prefix. */
  district?: string;
  /** Extra names this mention brings (a cluster's form without its district, a (简称X)). */
  aliases?: string[];
  /** A cluster/platform accepted only when a specific form of it is on the page. */
  weak?: boolean;
}

export const NAME_CHAR = /[\u4e00-\u9fffA-Za-z0-9·&]/;

export const CJK = /[\u4e00-\u9fff]/;

/**
 * Scans left from `end` over name characters; a parenthesised place (（重庆）) and, when
 * `quotes` is set, a quoted part (“33618”) are part of a name.
 */
export function scanLeft(text: string, end: number, max: number, quotes = false): number {
  let i = end;
  while (i > 0 && end - i < max) {
    const ch = text[i - 1];
    if (NAME_CHAR.test(ch) || (ch === '.' && /[0-9]/.test(text[i - 2] ?? '') && /[0-9]/.test(text[i] ?? '')) || (ch === ' ' && /[A-Za-z0-9]/.test(text[i - 2] ?? '') && /[A-Za-z]/.test(text[i] ?? ''))) {
      i--;
      continue;
    }
    if (ch === '）') {
      const open = text.lastIndexOf('（', i - 1);
      const inner = open >= 0 ? text.slice(open + 1, i - 1) : '';
      if (open >= 0 && i - 1 - open <= 6 && /^[\u4e00-\u9fff]{2,4}$/.test(inner) && !/简称/.test(inner) && open > 0 && NAME_CHAR.test(text[open - 1])) {
        i = open;
        continue;
      }
      break;
    }
    if (quotes && ch === '”') {
      const open = text.lastIndexOf('“', i - 1);
      if (open >= 0 && i - open <= 16 && !/[，。；]/.test(text.slice(open, i))) {
        i = open;
        continue;
      }
      break;
    }
    break;
  }
  return i;
}

/** Inside 《…》: a document's title names no entity. */
export function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open && at - open < 60;
}

/** Legal names mostly begin with a place: among cut points, prefer one that starts the name there (位于南岸区的重庆美的通用…). */
export const PLACE_START = new RegExp(`^(?:重庆|中国|${MAINLAND_PLACES}|台湾|香港|澳门)`);

/** The leftmost place a legal name can start at, with no clause word (是在与和及为, 的 before a place) after it. */
export function leftmostPlaceStart(cand: string): number {
  for (let p = 0; p + 4 <= cand.length; p++) {
    if (cand[p - 1] === '（' || !PLACE_START.test(cand.slice(p))) continue;
    const rest = cand.slice(p);
    if (/[是在与和及为已将]/.test(rest) || /的(?:重庆|中国)/.test(rest) || districtAt(cand, p)) continue;
    return p;
  }
  return -1;
}

/** The sentence (up to 。！？ or a line break) around `at`. */
export function sentenceAround(text: string, at: number): string {
  let a = at;
  while (a > 0 && !/[。！？\n]/.test(text[a - 1])) a--;
  let b = at;
  while (b < text.length && !/[。！？\n]/.test(text[b])) b++;
  return text.slice(a, b);
}

export function push(out: Mention[], m: Mention) {
  if (m.end > m.start && m.name.length >= 2) out.push(m);
}

export const isProper = (w: { word: string; tag: string }) => /^(?:nr|ns|nz|nt|nrt|nrfg|j|eng)$/.test(w.tag) || oov(w);

/** Words that stand for a party already named: 公司, 双方, 我们… */
export const PRONOUN = /^(?:公司|该公司|本公司|双方|两家|三方|各方|我们|我市|我区|其|企业|该企业|政府|新公司|子公司)$/;

/** A name-like part followed by a line of business: 理想汽车, 仁宝电脑. */
export function businessTailed(s: string): boolean {
  const w = BUSINESS_WORDS.find((x) => s.endsWith(x) && s.length - x.length >= 2);
  if (!w) return false;
  const rest = s.slice(0, -w.length);
  if (GENERIC_WORDS.has(rest) || VERBAL_START.test(rest)) return false;
  const t = tags(rest);
  return t.length === 1 && /^(?:n|nz|nr|ns|nt|j|x)$/.test(t[0].tag) && !BUSINESS_WORDS.includes(rest);
}

export const VERBAL_START = /^[上下在于把被将已试向从对让给用要可为与和]/;

/**
 * A brand made of ordinary words before an organisation head (绿野资本集团, 智慧互通科技公司,
 * 白盒子科技公司): two to five characters of nouns or adjectives, none of them generic, then the head.
 * jieba knows such brands only as common words, so only a head (集团/公司, 科技公司) vouches for them.
 */
export function nounBrand(s: string): boolean {
  const head = /(?:集团|科技公司|公司|资本|控股)$/.exec(s);
  if (!head) return false;
  let rest = s.slice(0, -head[0].length);
  const trade = BUSINESS_WORDS.find((w) => rest.endsWith(w) && rest.length - w.length >= 2);
  if (trade) rest = rest.slice(0, -trade.length);
  if (rest.length < 2 || rest.length > 5 || GENERIC_WORDS.has(rest) || VERBAL_START.test(rest) || BUSINESS_WORDS.includes(rest)) return false;
  const t = tags(rest);
  // One ordinary word before the head is a class (新锐公司, 创新公司), two make a brand.
  return t.length >= 2 && t.every((w) => /^(?:n|nz|nr|ns|nt|j|x|a|ng)$/.test(w.tag) && !GENERIC_WORDS.has(w.word)) && t.some((w) => w.word.length >= 2);
}

export const ROLE_WORDS = '有关负责人|相关负责人|负责人|总经理|董事长|CEO|总裁|副总裁|创始人|首席执行官|党委副书记|党委书记';

export const GOV_START = /^(?:市|区|县|省|国务院|国家|中央|镇|街道|乡)/;

export const PLATFORM_HEAD = /(?:平台|中心|基地|园|网|大脑|孵化器|联合体)$/;

/** Verbs of an event or action: after a district they make a clause (江津区举行重大项目…), not a name. */
export const ACTION_WORDS = /举行|举办|召开|落户|入驻|收揽|投资|建设|兴建|扩建|投建|新上|签约|签订|开展|推进|实施|打造|建成|引进|新建|启动|印发|发布|出台|共有|已有|累计|正在|加快|成立|设立|发挥|围绕|依托/;

/** A count inside a would-be name (十二大创新项目, 两个央企项目) makes it a tally of projects, not one. */
export const COUNTED = /[0-9一二三四五六七八九十两百千几多]+(?:大|个|项|批)/;

