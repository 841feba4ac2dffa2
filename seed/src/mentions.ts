import { districtAt, districtPrefix } from './gazetteer';
import type { MentionType } from './lexicon';
import { BUSINESS_WORDS, GENERIC_WORDS, LEGAL_SUFFIXES, ORG_HEADS, nameLike, oov, phraseLike, properStart, tags, trimLeft } from './lexicon';

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

const NAME_CHAR = /[\u4e00-\u9fffA-Za-z0-9·&]/;
const CJK = /[\u4e00-\u9fff]/;

/**
 * Scans left from `end` over name characters; a parenthesised place (（重庆）) and, when
 * `quotes` is set, a quoted part (“33618”) are part of a name.
 */
function scanLeft(text: string, end: number, max: number, quotes = false): number {
  let i = end;
  while (i > 0 && end - i < max) {
    const ch = text[i - 1];
    if (NAME_CHAR.test(ch) || (ch === '.' && /[0-9]/.test(text[i - 2] ?? '') && /[0-9]/.test(text[i] ?? ''))) {
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
function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open && at - open < 60;
}

/** Legal names mostly begin with a place: among cut points, prefer one that starts the name there (位于南岸区的重庆美的通用…). */
const PLACE_START = /^(?:重庆|中国|北京|上海|天津|四川|成都|陕西|西安|广东|深圳|广州|浙江|杭州|江苏|南京|湖北|武汉|湖南|长沙|福建|厦门|山东|河南|河北|贵州|云南|广西|安徽|江西|台湾|香港)/;

function push(out: Mention[], m: Mention) {
  if (m.end > m.start && m.name.length >= 2) out.push(m);
}

function findDistricts(text: string, out: Mention[]) {
  const hasFull = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (!CJK.test(text[i])) continue;
    const hit = districtAt(text, i, ['name', 'alias']);
    if (hit) hasFull.add(hit.district);
  }
  for (let i = 0; i < text.length; i++) {
    if (!CJK.test(text[i])) continue;
    const hit = districtAt(text, i, ['name', 'alias', 'contextual']);
    if (!hit) continue;
    if (hit.kind === 'contextual' && !hasFull.has(hit.district)) continue;
    // A short form glued to a longer place word (万州经开区 is found whole; 江津 in 江津区 likewise).
    push(out, { type: 'District', name: hit.form, start: i, end: i + hit.form.length, rule: 'gazetteer', district: hit.district });
    i += hit.form.length - 1;
  }
}

function findLegalNames(text: string, out: Mention[]) {
  const re = new RegExp(LEGAL_SUFFIXES.join('|'), 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const sufStart = m.index;
    const end = m.index + m[0].length;
    let from = scanLeft(text, sufStart, 40);
    let cand = text.slice(from, sufStart);
    // A name never runs across another company's legal form.
    const prevSuffix = Math.max(...LEGAL_SUFFIXES.map((x) => {
      const at = cand.lastIndexOf(x);
      return at < 0 ? -1 : at + x.length;
    }));
    if (prevSuffix > 0) {
      from += prevSuffix;
      cand = cand.slice(prevSuffix);
    }
    let { text: core, cut } = trimLeft(cand, cand.length, 2);
    if (!PLACE_START.test(core)) {
      // Prefer the rightmost cut after which the name starts with a place (…正在为重庆X…, 位于D的重庆美的…).
      const re2 = /的|是|和|与|在|为/g;
      for (let d = re2.exec(cand); d; d = re2.exec(cand)) {
        const at = d.index + d[0].length;
        if (PLACE_START.test(cand.slice(at)) && cand.length - at >= 4) {
          core = cand.slice(at);
          cut = at;
        }
      }
    }
    if (core.length < 2) continue;
    const start = from + cut;
    const name = text.slice(start, end);
    const mention: Mention = { type: 'Enterprise', name, start, end, rule: 'legal-name' };
    const abbr = /^（(?:以下)?简称[“"]?([^）”"]{2,12})[”"]?）/.exec(text.slice(end, end + 20));
    if (abbr) mention.aliases = [abbr[1]];
    push(out, mention);
  }
}

/** Org-headed short names: 宗申集团, 长安股份, 厦门银行; and unknown-word + 科技 (再升科技). */
function findShortOrgNames(text: string, out: Mention[]) {
  const re = new RegExp(`(${ORG_HEADS.join('|')}|科技)(?![\\u4e00-\\u9fff]{0,2}(?:有限|公司))`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = scanLeft(text, m.index, 8);
    const cand = text.slice(from, m.index);
    const { text: core, cut } = trimLeft(cand, cand.length, 2);
    if (core.length < 2 || core.length > 6) continue;
    if (districtAt(core, 0)) continue;
    if (m[1] === '科技') {
      // Only an unknown word before 科技 makes a company name; 信息科技 is a phrase.
      const t = tags(core);
      if (core.length > 3 || !(t.every((w) => w.word.length === 1) || (t.length === 1 && oov(t[0])))) continue;
    } else if (!nameLike(core) || GENERIC_WORDS.has(core)) continue;
    push(out, { type: 'Enterprise', name: core + m[1], start: from + cut, end: m.index + m[1].length, rule: 'org-head' });
  }
}

const ROLE_WORDS = '有关负责人|相关负责人|负责人|总经理|董事长|CEO|总裁|副总裁|创始人|首席执行官|党委副书记|党委书记';
const GOV_START = /^(?:市|区|县|省|国务院|国家|中央|镇|街道|乡)/;
const PLATFORM_HEAD = /(?:平台|中心|基地|园|网|大脑|孵化器|联合体)$/;

/** Whoever has a manager is an organisation: 赛力斯负责人说, X总经理表示. */
function findByRole(text: string, out: Mention[]) {
  const re = new RegExp(`(${ROLE_WORDS})`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = scanLeft(text, m.index, 12);
    const cand = text.slice(from, m.index);
    const { text: core, cut } = trimLeft(cand, cand.length, 2);
    if (core.length < 2 || GOV_START.test(core) || districtAt(core, 0) || core.startsWith('重庆市')) continue;
    if (!nameLike(core)) continue;
    const t = tags(core);
    const last = t[t.length - 1];
    if (last.word.length >= 2 && /^(n|vn|v)$/.test(last.tag) && !ORG_HEADS.includes(last.word) && !/网$/.test(core)) continue;
    if (/[委局办厅部处]$/.test(core)) continue;
    const type = /网$/.test(core) ? 'Platform' : PLATFORM_HEAD.test(core) ? null : 'Enterprise';
    if (!type) continue;
    push(out, { type, name: core, start: from + cut, end: m.index, rule: 'role' });
  }
}

/** A plant or workshop belongs to a company: 赛力斯汽车超级工厂, X发动机生产车间, X变速箱一厂. */
function findByPlant(text: string, out: Mention[]) {
  const re = /(超级工厂|智能工厂|生产车间|[一二三四五六七八九]厂)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = scanLeft(text, m.index, 14);
    let cand = text.slice(from, m.index);
    const trimmed = trimLeft(cand, cand.length, 2);
    let start = from + trimmed.cut;
    cand = trimmed.text;
    if (/[0-9]/.test(cand)) continue;
    // A district in front places the plant; it is not part of the company's name.
    const d = districtAt(cand, 0);
    if (d && cand.length - d.form.length >= 2) {
      start += d.form.length;
      cand = cand.slice(d.form.length);
    }
    // Drop the product made there (发动机, 变速箱), keep the company.
    const t = tags(cand);
    while (t.length > 1) {
      const last = t[t.length - 1];
      if (last.word.length >= 2 && /^n/.test(last.tag) && !ORG_HEADS.includes(last.word) && !['汽车', '工业', '动力', '科技'].includes(last.word)) t.pop();
      else break;
    }
    const core = t.map((w) => w.word).join('');
    if (core.length < 2 || !nameLike(core) || GENERIC_WORDS.has(core)) continue;
    push(out, { type: 'Enterprise', name: core, start, end: start + core.length, rule: 'plant' });
  }
}

const PLATFORM_HEADS = [
  '产业大脑', '科创基地', '示范基地', '产业基地', '科创园', '产业园', '软件园', '孵化器', '加速器', '联合体',
  '计算中心', '数据中心', '创新中心', '研发中心', '服务中心', '交付中心', '中心', '服务平台', '平台', '基地',
];

function specificPlatform(name: string, head: string, text: string, start: number, end: number, quoted: boolean): boolean {
  const modifier = name.slice(0, name.length - head.length);
  if (modifier.length < 2) return false;
  if (quoted) return !/^[上下在于把被将已试向从对让给用要可]/.test(modifier);
  if (/（[\u4e00-\u9fff]{2,4}）/.test(name)) return true;
  if (/^（(?:以下)?简称/.test(text.slice(end, end + 6))) return true;
  const d = districtPrefix(name);
  if (d && name.length - d.form.length >= 3) return true;
  if (/^(?:重庆|川渝|成渝)/.test(name) && modifier.length >= 4) return true;
  if (phraseLike(modifier)) return false;
  // An industry brain is named by its sector: 汽摩产业大脑, 医药产业大脑.
  if (head === '产业大脑') {
    const t = tags(modifier);
    if (t.length === 1 && /^n/.test(t[0].tag) && !GENERIC_WORDS.has(modifier) && modifier.length <= 4) return true;
  }
  // One of a list closed by 等 and a class noun: 建设A、B等科技服务业集聚区.
  if (/^等[^，。；]{0,12}(?:区|平台|资源|载体|基地|园区|中心)/.test(text.slice(end, end + 16)) && !GENERIC_WORDS.has(tags(modifier)[0]?.word ?? '')) return true;
  return properStart(modifier);
}

function findPlatforms(text: string, out: Mention[]) {
  const re = new RegExp(PLATFORM_HEADS.join('|'), 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const head = m[0];
    const end = m.index + head.length;
    // 产业大脑 written 汽摩“产业大脑”: the quoted head belongs to the name.
    let headStart = m.index;
    let closeQuote = 0;
    if (text[headStart - 1] === '“' && text[end] === '”') {
      headStart--;
      closeQuote = 1;
    }
    if (insideBookTitle(text, m.index)) continue;
    let from = scanLeft(text, headStart, 24, true);
    const lastQuote = text.lastIndexOf('”', headStart - 1);
    if (lastQuote >= from && lastQuote < headStart - 2 && text[from] !== '“') from = lastQuote + 1;
    const cand = text.slice(from, headStart);
    const { text: core, cut } = trimLeft(cand, cand.length, 2);
    const start = from + cut;
    let nameEnd = end + closeQuote;
    if (/^[0-9.]+版?/.test(text.slice(nameEnd)) && head === '产业大脑') {
      // 产业大脑1.0版本: the version is a form of the same platform.
    }
    if (core.length < 1) continue;
    let name = text.slice(start, nameEnd);
    const quoted = /^“[^”]+”$/.test(text.slice(start - 1, nameEnd + 1)) && text[start - 1] === '“';
    if (quoted) name = text.slice(start, nameEnd);
    const plain = name.replace(/[“”]/g, '');
    if (!specificPlatform(plain, head, text, start, nameEnd, quoted)) continue;
    const aliases = plain !== name ? [plain] : undefined;
    push(out, { type: 'Platform', name, start, end: nameEnd, rule: 'platform-head', aliases });
    void nameEnd;
    nameEnd = 0;
  }
  // X网 where X is an unknown word: a website-named platform (忽米网), not 互联网/车联网.
  const web = /网(?![络站页点格民友联])/g;
  for (let m = web.exec(text); m; m = web.exec(text)) {
    const from = scanLeft(text, m.index, 6);
    const cand = text.slice(from, m.index);
    const { text: core, cut } = trimLeft(cand, cand.length, 2);
    if (core.length < 2 || core.length > 4) continue;
    const t = tags(core + '网');
    const unknownWord = t.length === 1 && oov(t[0]);
    if (!unknownWord) {
      if (t[t.length - 1].word !== '网') continue;
      if (!nameLike(core) && !t.slice(0, -1).every((w) => w.word.length === 1)) continue;
    }
    if (/^[一二三四五六七八九十两0-9]/.test(core)) continue;
    push(out, { type: 'Platform', name: core + '网', start: from + cut, end: m.index + 1, rule: 'web-name' });
  }
}

function findProjects(text: string, out: Mention[]) {
  const re = /项目/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + 2;
    const from = scanLeft(text, m.index, 40, true);
    const cand = text.slice(from, m.index);
    // 投资65亿元(建设)的P: everything after that 的 is the name, conjunctions and numbers included.
    const inv = /投资[0-9.]*[万亿]*(?:元|美元)?(?:人民币)?(?:建设|兴建|打造|新建)?的/g;
    let invCut = -1;
    for (let d = inv.exec(cand); d; d = inv.exec(cand)) invCut = d.index + d[0].length;
    let { text: core, cut, marker } = trimLeft(cand, cand.length, 2);
    if (invCut >= 0 && cand.length - invCut >= 2) {
      core = cand.slice(invCut);
      cut = invCut;
      marker = '的';
    } else if (/^(?:及|和|与)/.test(marker) || /^[0-9.]+/.test(marker)) {
      continue;
    }
    if (core.length < 2) continue;
    const start = from + cut;
    const name = text.slice(start, end);
    const before = text.slice(Math.max(0, start - 24), start);
    const invested = invCut >= 0 && cut === invCut;
    const signed = /(?:签约|签订|落地|引进|开工|投产)$/.test(before) || /(?:签约|落地|引进)$/.test(marker);
    const d = districtPrefix(name);
    const specific =
      invested ||
      (d && name.length - d.form.length >= 4) ||
      /^“/.test(name) ||
      /年产[0-9.]+万?[吨台套件辆只]/.test(name) ||
      (signed && nameLike(core.replace(/[“”]/g, '')) && !GENERIC_WORDS.has(tags(core)[0]?.word ?? ''));
    if (!specific) continue;
    if (/(?:[0-9]+|多|几)个$/.test(text.slice(Math.max(0, start - 4), start))) continue;
    push(out, { type: 'Project', name, start, end, rule: invested ? 'invested-project' : 'project' });
  }
}

function findClusters(text: string, out: Mention[]) {
  const re = /(产业集群|集群体系|制造业集群)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const from = scanLeft(text, m.index, 30, true);
    let cand = text.slice(from, m.index);
    let start = from;
    let q = -1;
    for (const c of cand.matchAll(/“[0-9A-Za-z+]+”/g)) q = c.index ?? -1;
    if (q >= 0) {
      start = from + q;
      cand = cand.slice(q);
    } else {
      const t = trimLeft(cand, cand.length, 2);
      start += t.cut;
      cand = t.text;
    }
    let name = text.slice(start, end);
    if (name.length <= m[0].length) continue;
    const d = districtPrefix(name);
    const aliases: string[] = [];
    let district: string | undefined;
    let weak = true;
    if (/^“[0-9A-Za-z+]+”/.test(name)) {
      weak = false;
      const plain = name.replace(/^“[0-9A-Za-z+]+”/, '');
      if (m[0] === '集群体系') aliases.push(name.replace(/体系$/, ''));
      else if (plain.length > 4) aliases.push(plain);
    } else if (d && d.kind !== 'contextual' && name.length - d.form.length >= 4) {
      weak = false;
      district = d.district;
      aliases.push(name);
      name = name.slice(d.form.length);
      start += d.form.length;
    } else if (/^重庆市?/.test(name)) {
      const rest = name.replace(/^重庆市?/, '');
      start += name.length - rest.length;
      name = rest;
    }
    if (name.replace(/[“”]/g, '').length <= m[0].length + 1) continue;
    if (/[是的了在]|[0-9]+类/.test(name.replace(/^“[0-9A-Za-z+]+”/, ''))) continue;
    push(out, { type: 'Cluster', name, start, end, rule: 'cluster', aliases, district, weak });
  }
}

const LIST_TRIGGERS = /(?:引育|引进了?|培育了?|集聚了?|聚集了?|汇集了?|汇聚了?|吸引了?|包括|拥有|以|联合|携手|供应给|提供给|供货给|销往|如|有|是|与|和|了|为|向|给)/g;
const LIST_TAIL = /^等(?:[0-9]+家|多家|一批|一系列)?(?:[\u4e00-\u9fff]{0,10}?)(企业|龙头|公司|单位|车企|厂商|为龙头)/;

/** Names listed before 等…企业 / 等为龙头: each item is an organisation even without a suffix. */
function findListedOrgs(text: string, out: Mention[]) {
  const re = /等/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tail = LIST_TAIL.exec(text.slice(m.index, m.index + 20));
    if (!tail) continue;
    let from = m.index;
    while (from > 0 && !/[，。；：！？\n（）“”]/.test(text[from - 1]) && m.index - from < 80) from--;
    const seg = text.slice(from, m.index);
    const parts = seg.split('、');
    let offset = from;
    parts.forEach((part, k) => {
      let s = 0;
      if (k === 0) {
        LIST_TRIGGERS.lastIndex = 0;
        let last = -1;
        // The last trigger that leaves a name behind it (为 inside 华为 leaves nothing).
        for (let t = LIST_TRIGGERS.exec(part); t; t = LIST_TRIGGERS.exec(part)) if (part.length - (t.index + t[0].length) >= 2) last = t.index + t[0].length;
        if (last < 0) {
          offset += part.length + 1;
          return;
        }
        s = last;
      }
      const item = part.slice(s);
      const st = offset + s;
      offset += part.length + 1;
      if (item.length < 2 || item.length > 12) return;
      if (districtAt(item, 0)?.form === item) return;
      if (!nameLike(item)) return;
      const t = tags(item);
      if (t.length === 1 && !/^(nt|nz|nr|nrt)$/.test(t[0].tag) && !oov(t[0])) return;
      if (GENERIC_WORDS.has(item)) return;
      const type = /网$/.test(item) && tail[1] !== '单位' && tail[1] !== '企业' ? 'Platform' : PLATFORM_HEAD.test(item) && !/网$/.test(item) ? 'Platform' : 'Enterprise';
      push(out, { type, name: item, start: st, end: st + item.length, rule: 'listed-org' });
    });
  }
}

/** A、B where B is a company: A, a name standing in the same list, is one too (长安福特、长安股份). */
function findCoordinated(text: string, found: Mention[]) {
  for (const b of [...found]) {
    if (b.type !== 'Enterprise' || text[b.start - 1] !== '、') continue;
    const end = b.start - 1;
    const from = scanLeft(text, end, 10);
    const { text: core, cut } = trimLeft(text.slice(from, end), end - from, 2);
    if (core.length < 2 || core.length > 8 || districtAt(core, 0) || !nameLike(core) || GENERIC_WORDS.has(core)) continue;
    if (found.some((f) => f.start < end && from + cut < f.end)) continue;
    push(found, { type: 'Enterprise', name: core, start: from + cut, end, rule: 'coordinated' });
  }
}

/** Unscored organisations and events, by their heads; typed so that no rule takes them for companies. */
const UNSCORED_HEADS: [RegExp, MentionType, number][] = [
  [/委员会|管委会|监委|纪委|台办|委|局|厅/g, 'GovernmentBody', 8],
  [/大学|学院|中学|小学/g, 'University', 10],
  [/研究院|研究所|科学院|研究中心/g, 'ResearchInstitute', 12],
  [/协会|商会|联合会|工商联|学会|台企联/g, 'Association', 12],
  [/大会|博览会|展览会|交易会|峰会|论坛|名品展/g, 'Event', 16],
];
const GOV_PREFIX = /^(?:国务院|中共中央|国家|省|市|区|县|镇)/;
const MINISTRIES = /工信部|科技部|商务部|财政部|教育部|人社部|发改委|证监会|国资委|海关总署/g;

function findUnscored(text: string, out: Mention[]) {
  for (const [re, type, max] of UNSCORED_HEADS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = scanLeft(text, m.index, max);
      const { text: core, cut } = trimLeft(text.slice(from, m.index), m.index - from, type === 'GovernmentBody' ? 1 : 2);
      const start = from + cut;
      if (core.length < (type === 'GovernmentBody' ? 1 : 2)) continue;
      if (type === 'GovernmentBody' && !GOV_PREFIX.test(core)) continue;
      push(out, { type, name: text.slice(start, m.index + m[0].length), start, end: m.index + m[0].length, rule: 'unscored' });
    }
  }
  MINISTRIES.lastIndex = 0;
  for (let m = MINISTRIES.exec(text); m; m = MINISTRIES.exec(text)) {
    push(out, { type: 'GovernmentBody', name: m[0], start: m.index, end: m.index + m[0].length, rule: 'unscored' });
  }
}

const RULE_RANK: Record<string, number> = {
  'legal-name': 9, 'invested-project': 8, cluster: 7, project: 6, 'platform-head': 6, 'listed-org': 5, 'web-name': 5,
  'org-head': 4, role: 4, plant: 3, coordinated: 3, unscored: 2,
};

/**
 * Entity mentions with their types and offsets into the normalised text. Districts are kept
 * even inside other names (every district on the page counts); other overlaps keep the
 * better-ranked, then longer, find. Pure.
 */
export function findMentions(text: string): Mention[] {
  const districts: Mention[] = [];
  findDistricts(text, districts);
  const found: Mention[] = [];
  findLegalNames(text, found);
  findClusters(text, found);
  findProjects(text, found);
  findPlatforms(text, found);
  findListedOrgs(text, found);
  findShortOrgNames(text, found);
  findByRole(text, found);
  findByPlant(text, found);
  findUnscored(text, found);
  findCoordinated(text, found);
  found.sort((a, b) => (RULE_RANK[b.rule] ?? 0) - (RULE_RANK[a.rule] ?? 0) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const m of found) {
    if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
    kept.push(m);
  }
  // A district that is the whole of another find is the district.
  const all = [...districts, ...kept.filter((k) => !districts.some((d) => d.start === k.start && d.end === k.end))];
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The company's own name without place, parenthesised place, legal form and line of business: 重庆中科摇船船信息科技有限公司 → 中科摇船船. */
export function companyCore(name: string): string {
  let s = name;
  for (const suf of LEGAL_SUFFIXES) if (s.endsWith(suf)) { s = s.slice(0, -suf.length); break; }
  s = s.replace(/（[\u4e00-\u9fff]{2,4}）/g, '');
  s = s.replace(/^(?:重庆市|重庆|中国|北京|上海|陕西|四川|成都)/, '');
  const d = districtAt(s, 0);
  if (d && s.length - d.form.length >= 2) s = s.slice(d.form.length);
  let changed = true;
  while (changed) {
    changed = false;
    for (const w of BUSINESS_WORDS) {
      if (s.endsWith(w) && s.length - w.length >= 2) {
        s = s.slice(0, -w.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}
