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
function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open && at - open < 60;
}

/** Legal names mostly begin with a place: among cut points, prefer one that starts the name there (位于南岸区的重庆美的通用…). */
const PLACE_START = /^(?:重庆|中国|北京|上海|天津|四川|成都|陕西|西安|广东|深圳|广州|浙江|杭州|宁波|江苏|南京|苏州|无锡|湖北|武汉|湖南|长沙|福建|厦门|山东|青岛|河南|河北|山西|贵州|云南|广西|安徽|江西|辽宁|吉林|黑龙江|甘肃|青海|宁夏|新疆|内蒙古|海南|台湾|香港|澳门)/;

/** The leftmost place a legal name can start at, with no clause word (是在与和及为, 的 before a place) after it. */
function leftmostPlaceStart(cand: string): number {
  for (let p = 0; p + 4 <= cand.length; p++) {
    if (cand[p - 1] === '（' || !PLACE_START.test(cand.slice(p))) continue;
    const rest = cand.slice(p);
    if (/[是在与和及为已将]/.test(rest) || /的(?:重庆|中国)/.test(rest) || districtAt(cand, p)) continue;
    return p;
  }
  return -1;
}

/** The sentence (up to 。！？ or a line break) around `at`. */
function sentenceAround(text: string, at: number): string {
  let a = at;
  while (a > 0 && !/[。！？\n]/.test(text[a - 1])) a--;
  let b = at;
  while (b < text.length && !/[。！？\n]/.test(text[b])) b++;
  return text.slice(a, b);
}

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
    // A legal name mostly begins with a place: 链主企业重庆X…, 全资子公司重庆X… start at the place; a
    // boundary word found inside such a name (重庆联合微电子…) is part of it.
    const placeAt = leftmostPlaceStart(cand);
    if (placeAt >= 0 && ((placeAt > cut && !PLACE_START.test(core)) || (placeAt < cut && !PLACE_START.test(core) && !/[委局办厅]|政府/.test(cand.slice(placeAt, cut))))) {
      core = cand.slice(placeAt);
      cut = placeAt;
    } else if (!PLACE_START.test(core)) {
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
    // A branch is named after its parent: X股份有限公司重庆(市)分公司.
    const branch = /^[\u4e00-\u9fff]{2,3}市?分公司/.exec(text.slice(end, end + 8));
    const fullEnd = branch && !/^(?:有限|股份)/.test(branch[0]) ? end + branch[0].length : end;
    const mention: Mention = { type: 'Enterprise', name: text.slice(start, fullEnd), start, end: fullEnd, rule: 'legal-name' };
    const abbr = /^（(?:以下)?简称[“"]?([^）”"]{2,12})[”"]?）/.exec(text.slice(fullEnd, fullEnd + 20));
    if (abbr) mention.aliases = [abbr[1]];
    push(out, mention);
  }
}

/** Org-headed short names: 宗申集团, 长安股份, 厦门银行; and unknown-word + 科技 (再升科技). */
function findShortOrgNames(text: string, out: Mention[]) {
  // 中新科技城, X科技园: the head begins a platform's name, not a company's.
  const re = new RegExp(`(${ORG_HEADS.join('|')}|科技)(?![\\u4e00-\\u9fff]{0,2}(?:有限|公司))(?![城园谷港])`, 'g');
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

/** A listed company's stock code after its name: 宗申动力(001696), 英业达（2356）, X（证券代码：688443）. */
function findStockCoded(text: string, out: Mention[]) {
  const re = /（(证券代码|股票代码|股票简称|代码)?[：:]?\s*([0-9]{4,6})(?:\.[A-Z]{2})?）/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const code = Number(m[2]);
    // （2023） is a year, not a code.
    if (!m[1] && m[2].length === 4 && code >= 1900 && code <= 2100) continue;
    if (insideBookTitle(text, m.index)) continue;
    const from = scanLeft(text, m.index, 12);
    const trimmed = trimLeft(text.slice(from, m.index), m.index - from, 2);
    let core = trimmed.text;
    let cut = trimmed.cut;
    // 面板厂友达光电（2409）: a trade noun ending in 厂/商/企 introduces the name.
    const trade = /^.*(?:厂|商|企)(?=[\u4e00-\u9fff]{2})/.exec(core);
    if (trade && core.length - trade[0].length >= 2) {
      core = core.slice(trade[0].length);
      cut += trade[0].length;
    }
    if (core.length > 4) {
      // 代工大厂仁宝电脑（2324）: the name is the final run of proper words, with any trailing business noun.
      const t = tags(core);
      let k = t.length;
      while (k > 0 && !isProper(t[k - 1])) k--;
      while (k > 0 && isProper(t[k - 1])) k--;
      const lead = t.slice(0, k).map((w) => w.word).join('').length;
      if (lead > 0 && core.length - lead >= 2) {
        core = core.slice(lead);
        cut += lead;
      }
    }
    if (core.length < 2 || districtAt(core, 0)?.form === core || GOV_START.test(core)) continue;
    push(out, { type: 'Enterprise', name: core, start: from + cut, end: m.index, rule: 'stock-code' });
  }
}

const isProper = (w: { word: string; tag: string }) => /^(?:nr|ns|nz|nt|nrt|nrfg|j|eng)$/.test(w.tag) || oov(w);

/** X公司 where X is a name (惠普公司, 中国电信重庆公司); not 子公司, 该公司, 上市公司, 科技公司. */
function findCompanyWord(text: string, out: Mention[]) {
  const re = /公司/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const prev = text.slice(Math.max(0, m.index - 2), m.index);
    if (/有限$|责任$|股份$|[子分母该本新此其各家]$|上市$|集团$/.test(prev)) continue;
    const from = scanLeft(text, m.index, 8);
    const { text: core, cut } = trimLeft(text.slice(from, m.index), m.index - from, 2);
    // 四川天兆畜牧科技公司: an informal name led by a province may run longer.
    if (core.length < 2 || core.length > (PLACE_START.test(core) ? 10 : 6) || GENERIC_WORDS.has(core) || GOV_START.test(core)) continue;
    // 为公司提供 (公司 a pronoun), 证券时报e公司讯 (a byline).
    if (/[为将与和在对向给从把被的是了]$/.test(core) || /[A-Za-z]/.test(core) || text[m.index + 2] === '讯') continue;
    if (districtAt(core, 0)?.form === core || PLACE_START.test(core) && PLACE_START.exec(core)![0] === core) continue;
    if ((!nameLike(core) && !businessTailed(core.replace(PLACE_START, ''))) || BUSINESS_WORDS.includes(core)) continue;
    push(out, { type: 'Enterprise', name: core + '公司', start: from + cut, end: m.index + 2, rule: 'org-head' });
  }
}

/** Words that stand for a party already named: 公司, 双方, 我们… */
const PRONOUN = /^(?:公司|该公司|本公司|双方|两家|三方|各方|我们|我市|我区|其|企业|该企业|政府|新公司|子公司)$/;

/**
 * The parties of an agreement or a cooperation are organisations even without a suffix:
 * A与B签署…协议, A与B在…领域开展合作, 由X投资建设/运营. A short name is accepted when it reads
 * as a name, or ends in a line of business after a name-like part (长安汽车, 理想汽车).
 */
function findParties(text: string, out: Mention[]) {
  const accept = (s: string) => {
    if (s.length < 2 || s.length > 8 || PRONOUN.test(s) || GENERIC_WORDS.has(s) || GOV_START.test(s)) return false;
    if (districtAt(s, 0) || /[委局办厅院校]$|政府|实验室|大学|协会|商会/.test(s) || PLATFORM_HEAD.test(s)) return false;
    // 重庆企业, 中国公司: a place and a class word are no name.
    const rest = s.replace(PLACE_START, '');
    if (rest !== s && (rest.length < 2 || GENERIC_WORDS.has(rest) || /^(?:企业|公司|方面|部门|客商|台商|港商|外商|车企|厂商)$/.test(rest))) return false;
    if (/^[0-9]|[0-9]/.test(s) || /[的了在将已把被]/.test(s)) return false;
    return nameLike(s) || businessTailed(s);
  };
  const agree = /(?:与|同|和)([^，。；、与和同]{2,12}?)(?:在[^，。；]{1,12}?)?(?:签署|签订|达成|开展|深化|加强|建立|展开|共同出资|合资)/g;
  for (let m = agree.exec(text); m; m = agree.exec(text)) {
    const tail = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
    if (!/^[^，。；]{0,10}(?:协议|合作|备忘录|设立|成立)/.test(tail) && !/共同出资|合资/.test(m[0])) continue;
    const bStart = m.index + 1;
    const b = m[1];
    if (accept(b)) push(out, { type: 'Enterprise', name: b, start: bStart, end: bStart + b.length, rule: 'party' });
    const from = scanLeft(text, m.index, 10);
    const left = trimLeft(text.slice(from, m.index), m.index - from, 2);
    // 鸿海并与…, X也与…: an adverb or conjunction before 与 is not part of the name.
    const a = left.text.replace(/(?:并|也|还|则|亦|均|又|再|已|将|拟|正|曾|就)$/, '');
    if (accept(a)) push(out, { type: 'Enterprise', name: a, start: from + left.cut, end: from + left.cut + a.length, rule: 'party' });
  }
  // 为A、B组装/提供…, 向A供货, 配套A、B: the customers of a supply verb, a list even without 等.
  const customers = /(?:为|向)((?:[^，。；、为向]{2,8}、){0,4}[^，。；、为向]{2,8}?)(?:提供|供应|供货|配套|组装|代工|生产|加工)|(?:配套|供货给|供应给)((?:[^，。；、]{2,8}、){1,4}[^，。；、]{2,8}?)(?=等|，|。|；)/g;
  for (let m = customers.exec(text); m; m = customers.exec(text)) {
    const list = m[1] ?? m[2];
    const at = m.index + m[0].indexOf(list);
    let off = at;
    const items = list.split('、');
    const properOf = (item: string) => tags(item).every((w) => isProper(w)) || businessTailed(item);
    const anyProper = items.some(properOf);
    for (const item of items) {
      // One customer alone must read as a proper name (not 欧洲客户, 教育普惠); a list of two carries a looser one,
      // and a short word beside a proper sibling is a name too (为惠普、宏碁组装: 宏碁 tags as a verb).
      const proper = properOf(item);
      const sibling = items.length > 1 && anyProper && /^[\u4e00-\u9fff]{2,4}$/.test(item) && !GENERIC_WORDS.has(item) && !PRONOUN.test(item) && !GOV_START.test(item) && !districtAt(item, 0);
      if ((accept(item) || sibling) && (proper || items.length > 1) && !/^(?:其|公司|客户|当地|企业|用户|下游)|(?:客户|用户|车型|产品|市场|行业|领域)$/.test(item)) push(out, { type: 'Enterprise', name: item, start: off, end: off + item.length, rule: 'party' });
      off += item.length + 1;
    }
  }
  // X是/成为Y的(一级)供应商: Y is a company.
  const supplierOf = /(?:是|成为|系|作为)([^，。；是的]{2,8})的[^，。；的]{0,4}(?:供应商|配套商|供货商|客户)/g;
  for (let m = supplierOf.exec(text); m; m = supplierOf.exec(text)) {
    const y = m[1];
    if (accept(y)) push(out, { type: 'Enterprise', name: y, start: m.index + m[0].indexOf(y), end: m.index + m[0].indexOf(y) + y.length, rule: 'party' });
  }
  // X等23个项目: projects labelled by the company that brings them; X计划投资N元: whoever invests is an organisation.
  const labels = /(?:^|[，。；：、]|签约|开工|竣工|投产|是|有)([^，。；：、]{2,10}?)(?:等[0-9一二三四五六七八九十]+个项目|(?:计划|拟|将|已)?投资(?:约|逾|近|超过?)?[0-9.]+[万亿]+元)/g;
  for (let m = labels.exec(text); m; m = labels.exec(text)) {
    const left = trimLeft(m[1], m[1].length, 2);
    const x = left.text.replace(/^(?:集中|其中|一是|二是|三是|此外|另外|同时)/, '');
    const at = m.index + m[0].indexOf(m[1]) + (m[1].length - x.length);
    if (/[\s有总批]|^(?:开工|竣工|投产|签约|由)/.test(x) || districtAt(x, 0) || text[at - 1] === '的') continue;
    if (accept(x) && !PLATFORM_HEAD.test(x) && !/项目$/.test(x)) push(out, { type: 'Enterprise', name: x, start: at, end: at + x.length, rule: 'party' });
  }
  const by = /由([^，。；由为向]{2,14}?)(?:负责)?(?:投资建设|投资|出资|运营|建设运营|投资运营|供应|提供|供货)/g;
  for (let m = by.exec(text); m; m = by.exec(text)) {
    // 由知名的X公司投资: what stands before 的 describes the party.
    const de = m[1].lastIndexOf('的') + 1;
    const x = m[1].slice(de);
    if (accept(x)) push(out, { type: 'Enterprise', name: x, start: m.index + 1 + de, end: m.index + 1 + de + x.length, rule: 'party' });
  }
}

/** A name-like part followed by a line of business: 理想汽车, 仁宝电脑. */
function businessTailed(s: string): boolean {
  const w = BUSINESS_WORDS.find((x) => s.endsWith(x) && s.length - x.length >= 2);
  if (!w) return false;
  const rest = s.slice(0, -w.length);
  if (GENERIC_WORDS.has(rest) || VERBAL_START.test(rest)) return false;
  const t = tags(rest);
  return t.length === 1 && /^(?:n|nz|nr|ns|nt|j|x)$/.test(t[0].tag) && !BUSINESS_WORDS.includes(rest);
}
const VERBAL_START = /^[上下在于把被将已试向从对让给用要可为与和]/;

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

/** X旗下(的): whoever holds a brand, a platform or a subsidiary is a company (龙头企业智睿生物旗下的…). */
function findByHolding(text: string, out: Mention[]) {
  const re = /旗下/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = scanLeft(text, m.index, 12);
    const { text: raw, cut } = trimLeft(text.slice(from, m.index), m.index - from, 2);
    // 华为将旗下…: an adverb between the holder and 旗下 is not part of its name.
    const core = raw.replace(/(?:将|已|把|也|还|则|更|均)$/, '');
    if (core.length < 2 || core.length > 8 || GOV_START.test(core) || districtAt(core, 0)?.form === core || GENERIC_WORDS.has(core)) continue;
    if (!nameLike(core) && !businessTailed(core)) continue;
    push(out, { type: 'Enterprise', name: core, start: from + cut, end: from + cut + core.length, rule: 'holder' });
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
  '产业大脑', '科创基地', '示范基地', '产业基地', '生产基地', '制造基地', '研发基地', '科创园', '产业园区', '工业园区', '产业园',
  '工业园', '物流园', '科技园', '软件园', '创业园', '孵化器', '加速器', '联合体', '计算中心', '数据中心', '创新中心', '研发中心',
  '服务中心', '交付中心', '中心', '服务平台', '平台', '基地',
  // Industrial towns and valleys: the head itself says what the place is for (数据谷, 生物城, 智造小镇).
  '数据谷', '软件谷', '智造谷', '科技谷', '创新谷', '数字谷', '生物谷', '医药谷', '芯谷', '光谷',
  '科技城', '生物城', '工业城', '产业城', '汽车城', '智造城', '软件城', '医药城', '物流城', '电子城', '信息城', '数字城',
  // A consortium or alliance is a platform (SPEC): 鲁渝产业协作·工业互联网矩阵, 汽车制造联盟.
  '矩阵', '产业联盟', '联盟',
  '众创空间', '创客空间', '枢纽园区', '园区', '产业小镇', '智造小镇', '科技小镇', '数字小镇', '创新小镇', '物流港', '航空港', '信息港', '数字港', '无水港',
].sort((a, b) => b.length - a.length);

/** Verbs of an event or action: after a district they make a clause (江津区举行重大项目…), not a name. */
const ACTION_WORDS = /举行|举办|召开|落户|入驻|收揽|投资|建设|兴建|扩建|投建|新上|签约|签订|开展|推进|实施|打造|建成|引进|新建|启动|印发|发布|出台|共有|已有|累计|正在|加快|成立|设立|发挥|围绕|依托/;

function specificPlatform(name: string, head: string, text: string, start: number, end: number, quoted: boolean): boolean {
  const modifier = name.slice(0, name.length - head.length);
  if (modifier.length < 2) return false;
  if (quoted) return !/^[上下在于把被将已试向从对让给用要可]/.test(modifier);
  if (/（[\u4e00-\u9fff]{2,4}）/.test(name)) return true;
  if (/^（(?:以下)?简称/.test(text.slice(end, end + 6))) return true;
  // …基地之一 describes a place, it does not name one (重庆是全球最大的笔电生产基地之一).
  if (/^之一/.test(text.slice(end, end + 2))) return false;
  const d = districtPrefix(name);
  if (d && name.length - d.form.length >= 3) return !ACTION_WORDS.test(name.slice(d.form.length));
  if (/^(?:重庆|川渝|成渝)/.test(name) && modifier.length >= 4) return !ACTION_WORDS.test(modifier);
  // What a named party builds is named even in sector words: (双方将)共建西部人工智能算力中心, 正加快建设数字经济产业园.
  const built = /(?:共建|共同建设|加快建设|正在建设|建设|打造|搭建|组建)$/.exec(text.slice(Math.max(0, start - 6), start));
  if (
    built &&
    modifier.length >= 4 &&
    (head.length >= 2 ? !/^(?:平台|基地)$/.test(head) : /^共/.test(built[0])) &&
    !/^(?:市级|省级|国家级|区级|县级|一批|多个|各类)/.test(modifier) &&
    !VERBAL_START.test(modifier) &&
    !/^[*0-9一二三四五六七八九十]/.test(text.slice(end, end + 1)) &&
    tags(modifier).every((w, k) => /^(?:n|nz|ns|f|x|vn)$/.test(w.tag) && !(k === 0 && w.tag === 'vn')) &&
    /[\u4e00-\u9fff]$/.test(text[start - built[0].length - 1] ?? '')
  ) return true;
  if (phraseLike(modifier)) return false;
  // A maker space or incubator is named by its place or sponsor: 茶园众创空间.
  if (/^(?:众创空间|创客空间|孵化器|加速器)$/.test(head) && modifier.length <= 4 && tags(modifier).every((w) => /^n/.test(w.tag) && !GENERIC_WORDS.has(w.word))) return true;
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
    // 香港科技园公司, X产业园有限公司: the head is inside a company's name.
    if (/^(?:公司|有限|股份|集团|管委会|管理委员会)/.test(text.slice(end, end + 4))) continue;
    let from = scanLeft(text, headStart, 24, true);
    const lastQuote = text.lastIndexOf('”', headStart - 1);
    if (lastQuote >= from && lastQuote < headStart - 2 && text[from] !== '“') from = lastQuote + 1;
    const cand = text.slice(from, headStart);
    let { text: core, cut } = trimLeft(cand, cand.length, 2);
    // 綦江食品园区天海星大健康产业园, 科学城璧山片区中新科技城: a place named first, then the platform inside it.
    const area = /^.*(?:片区|园区|开发区|新区|新城)(?=[\u4e00-\u9fff“])/.exec(core);
    if (area && core.length - area[0].length + head.length >= 4 && core.length - area[0].length >= 2 && districtPrefix(area[0])?.form !== area[0]) {
      core = core.slice(area[0].length);
      cut += area[0].length;
    }
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
    if (!specificPlatform(plain, head, text, start, nameEnd, quoted) || COUNTED.test(plain.slice(0, -head.length))) continue;
    // 巴南区重庆国际生物城: the district places a platform that has its own place-led name.
    const dp = districtPrefix(name);
    if (dp && dp.kind !== 'prefix' && /^(?:重庆|中国)/.test(name.slice(dp.form.length)) && name.length - dp.form.length >= 5) {
      push(out, { type: 'Platform', name: name.slice(dp.form.length), start: start + dp.form.length, end: nameEnd, rule: 'platform-head' });
      continue;
    }
    const aliases = plain !== name ? [plain] : undefined;
    push(out, { type: 'Platform', name, start, end: nameEnd, rule: 'platform-head', aliases });
    void nameEnd;
    nameEnd = 0;
  }
  // X港 run as a port (吞吐, 集装箱, 码头…): an inland port is a logistics platform (珞璜港); 香港 and 港务 are not.
  const port = /港(?![口务区澳台股币资])/g;
  for (let m = port.exec(text); m; m = port.exec(text)) {
    if (m.index > 0 && text[m.index - 1] === '香') continue;
    const from = scanLeft(text, m.index, 6);
    const { text: core, cut } = trimLeft(text.slice(from, m.index), m.index - from, 2);
    const bare = core.replace(/^重庆/, '');
    if (bare.length < 2 || bare.length > 3 || districtAt(bare, 0)?.form === bare || !nameLike(bare) || GENERIC_WORDS.has(bare)) continue;
    const near = text.slice(Math.max(0, m.index - 60), m.index + 80);
    if (!/吞吐|集装箱|码头|泊位|铁水联运|航运|港口|货运/.test(near)) continue;
    if (out.some((o) => o.start <= from + cut && m.index < o.end)) continue;
    push(out, { type: 'Platform', name: core + '港', start: from + cut, end: m.index + 1, rule: 'platform-head', aliases: bare !== core ? [bare + '港'] : undefined });
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

/** Words too vague to name a project on their own (重点项目, 招商项目, 技改项目). */
const VAGUE_PROJECT = /^(?:重点|重大|招商|产业|技改|改造|这些|一批|多个|该|本|此|其|相关|各类|签约|在建|续建|新建|储备|优质|新项目|暨)/;
/** A count inside a would-be name (十二大创新项目, 两个央企项目) makes it a tally of projects, not one. */
const COUNTED = /[0-9一二三四五六七八九十两百千几多]+(?:大|个|项|批)/;
/** 集中签约/开工(活动): the projects of an event, not a project's name. */
const EVENT_AFTER = /^(?:集中|签约活动|开工活动|推介)/;

/**
 * A project named as what an investment builds or what starts: (拟)投资N元(在D)建设P, P总投资…, P已开工,
 * 位于D的P. The name must carry a non-generic word of its own.
 */
function builtProject(text: string, start: number, end: number, core: string): boolean {
  const bare = core.replace(/[“”]/g, '');
  if (bare.length < 4 || VAGUE_PROJECT.test(bare) || phraseLikeProject(bare)) return false;
  if (!tags(bare).some((w) => !GENERIC_WORDS.has(w.word) && w.word.length >= 2 && !/^(?:v|p|c|u[a-z]?|r|m|q|d)$/.test(w.tag))) return false;
  const sentFrom = Math.max(text.lastIndexOf('。', start - 1), text.lastIndexOf('；', start - 1), text.lastIndexOf('\n', start - 1), start - 48);
  const lead = text.slice(sentFrom + 1, start);
  const after = text.slice(end, end + 8);
  // (拟)投资N元(，)(在D)建设P: the build verb right before the name, an investment earlier in the sentence.
  // Within the item of a list (…分别是A投资N元兴建P1、B投资…建P2), only the item's own words count.
  const item = lead.slice(Math.max(lead.lastIndexOf('、'), lead.lastIndexOf('：')) + 1);
  const buildIn = /(?:建设|兴建|新建|扩建|投建|打造|实施)“?$/.exec(item);
  if (buildIn && /(?:投资|出资|投建|资金|合资)/.test(item.slice(0, buildIn.index)) && !/项目/.test(item.replace(/[0-9一二三四五六七八九十]+个项目/g, ''))) return true;
  if (/(?:位于|落户|落地|选址)[^，。；]{1,16}的“?$/.test(lead)) return true;
  if (/^在[^，。；]{2,12}(?:投产|开工|竣工|落地|签约)/.test(text.slice(end, end + 16))) return true;
  if (/^”?由[^，。；]{2,30}?(?:投资|建设|投建|出资)/.test(text.slice(end, end + 40))) return true;
  return /^”?[，,]?(?:项目)?(?:总投资|计划总投资|预计总投资|计划投资|拟投资|协议投资|投资额|已开工|正式开工|开工|已投产|投产|竣工|已签约|签约落户|签约落地|落户|将落户|正式落户|达产)/.test(after);
}

/** Verbs inside a would-be project name make it a clause. */
function phraseLikeProject(s: string): boolean {
  return ACTION_WORDS.test(s) || /^[上下在于把被将已试向从对让给用要可与和]/.test(s);
}

/** Frames that govern a whole project name, conjunctions inside it included. */
const PROJECT_FRAME = /^(?:建设|兴建|新建|扩建|投建|打造|实施|签约|引进|落地|开工|投产|的|有|是|为|包括|其中)$/;

/** X的P项目 / X公司P项目: a project that a company named right before it owns is a named project. */
function ownedProject(text: string, start: number, core: string, found: Mention[]): boolean {
  if (core.length < 4 || VAGUE_PROJECT.test(core) || phraseLikeProject(core)) return false;
  const at = text[start - 1] === '的' ? start - 1 : start;
  if (found.some((f) => f.type === 'Enterprise' && f.end === at)) return true;
  return /(?:公司|集团)$/.test(text.slice(Math.max(0, at - 2), at)) && at < start;
}

function findProjects(text: string, out: Mention[]) {
  const re = /项目/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + 2;
    const from = scanLeft(text, m.index, 40, true);
    const cand = text.slice(from, m.index);
    // 投资65亿元(建设)的P: everything after that 的 is the name, conjunctions and numbers included.
    // 投资1亿元建P: a build verb right after the amount heads the name as 的 does.
    const inv = /投资(?:约|逾|近|超|超过|达)?[0-9.]*[万亿]*(?:元|美元)?(?:人民币)?(?:建设|兴建|打造|新建)?的|投资(?:约|逾|近|超|超过|达)?[0-9.]+[万亿]*元(?:人民币)?(?:兴建|新建|扩建|建设|建)(?!的|设)/g;
    let invCut = -1;
    for (let d = inv.exec(cand); d; d = inv.exec(cand)) invCut = d.index + d[0].length;
    let { text: core, cut, marker } = trimLeft(cand, cand.length, 2);
    // 年产10GWh…, 年产800万片…: the capacity figure is part of the name.
    const cap = /(?:年产|年处理|年加工|年产能)[0-9.]/.exec(cand.slice(0, cut + 1));
    if (cap && cap.index < cut && /^[0-9.]+/.test(marker) && !/[，。；]/.test(cand.slice(cap.index, cut))) {
      core = cand.slice(cap.index);
      cut = cap.index;
      marker = '年产';
    }
    // X及Y项目, X和Y加工项目: a conjunction inside the name, when a build, sign or possessive frame governs
    // the whole (建设光刻胶及配套材料项目, 签约的A及B项目); otherwise the conjunction joins two names.
    let conjoined = false;
    if (invCut < 0 && /^(?:及|和|与)$/.test(marker) && core.length >= 2) {
      const left = trimLeft(cand.slice(0, cut - marker.length), cut - marker.length, 2);
      if (PROJECT_FRAME.test(left.marker) && left.text.length >= 2 && !/[的是]/.test(left.text)) {
        core = left.text + marker + core;
        cut = left.cut;
        marker = left.marker;
        conjoined = true;
      }
    }
    // 建设的风电、光伏项目: a short coordinated part before 、 under the same frame.
    if (invCut < 0 && cut === 0 && text[from - 1] === '、') {
      const lf = scanLeft(text, from - 1, 8);
      const left = trimLeft(text.slice(lf, from - 1), from - 1 - lf, 2);
      const governed = left.marker === '的' && /(?:投资|建设|兴建|投建)[^，。；]{0,12}的$/.test(text.slice(Math.max(0, lf + left.cut - 16), lf + left.cut));
      if (governed && left.text.length >= 2 && left.text.length <= 4 && !GENERIC_WORDS.has(left.text)) {
        const whole = text.slice(lf + left.cut, m.index);
        push(out, { type: 'Project', name: whole + '项目', start: lf + left.cut, end, rule: 'conjoined-project' });
        continue;
      }
    }
    if (invCut >= 0 && cand.length - invCut >= 2) {
      core = cand.slice(invCut);
      cut = invCut;
      marker = '的';
    } else if (!conjoined && (/^(?:及|和|与)/.test(marker) || /^[0-9.]+/.test(marker))) {
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
      (d && name.length - d.form.length >= 4 && !ACTION_WORDS.test(name.slice(d.form.length))) ||
      builtProject(text, start, end, core) ||
      /^“/.test(name) ||
      (text[start - 1] === '“' && text[end] === '”' && !VAGUE_PROJECT.test(core)) ||
      /年产[0-9.]+(?:万|亿)?[\u4e00-\u9fffA-Za-z]/.test(name) ||
      (signed && nameLike(core.replace(/[“”]/g, '')) && !GENERIC_WORDS.has(tags(core)[0]?.word ?? '')) ||
      ownedProject(text, start, core, out) ||
      (conjoined && core.length >= 6);
    if (!specific) continue;
    if (COUNTED.test(core) || EVENT_AFTER.test(text.slice(end, end + 4))) continue;
    if (/(?:[0-9]+|多|几)个$/.test(text.slice(Math.max(0, start - 4), start))) continue;
    // 总投资超100亿元的75个重点项目: a count of projects, not a name.
    if (/^(?:[0-9]+|多|几|[一二三四五六七八九十]+)个/.test(core) || VAGUE_PROJECT.test(core.replace(/^[0-9]+个/, ''))) continue;
    push(out, { type: 'Project', name, start, end, rule: invested ? 'invested-project' : 'project' });
  }
}

function findClusters(text: string, out: Mention[]) {
  const re = /(产业集群|集群体系|制造业集群|产业链)/g;
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
    // A named industry chain is a cluster only when it has a 链主 (SPEC); a cluster without a district
    // prefix is a specific one when its sentence names its 链主 or 龙头.
    const leader = /链主|龙头/.test(sentenceAround(text, m.index));
    if (m[0] === '产业链') {
      if (!leader || !/^(?:的|，|,)?[^。；]{0,12}(?:链主|龙头)/.test(text.slice(end, end + 16)) && !/链主|龙头/.test(text.slice(Math.max(0, start - 16), start))) continue;
      weak = false;
    } else if (leader && weak && !/^“/.test(name)) weak = false;
    if (name.replace(/[“”]/g, '').length <= m[0].length + 1) continue;
    if (/[是的了在]|[0-9]+类/.test(name.replace(/^“[0-9A-Za-z+]+”/, ''))) continue;
    push(out, { type: 'Cluster', name, start, end, rule: 'cluster', aliases, district, weak });
  }
}

const LIST_TRIGGERS = /(?:主要配套|配套|带动|引育|引进了?|培育了?|集聚了?|聚集了?|汇集了?|汇聚了?|吸引了?|包括|拥有|以|联合|携手|供应给|提供给|供货给|销往|如|有|是|与|和|了|为|向|给)/g;
const LIST_TAIL = /^等(?:[0-9]+家|多家|一批|一系列)?(?:[\u4e00-\u9fff]{0,10}?)(企业|龙头|公司|单位|车企|厂商|为龙头)/;

/** Names listed before 等…企业 / 等为龙头: each item is an organisation even without a suffix. */
/** 精元、群光、达方三家企业: a list closed by a count of companies, without 等. */
const COUNTED_TAIL = /(?<=[\u4e00-\u9fff])[两三四五六七八九十0-9]+家(企业|公司|车企)/g;

function findListedOrgs(text: string, out: Mention[]) {
  const re = /等|(?<=[\u4e00-\u9fff])[两三四五六七八九十0-9]+家(?:企业|公司|车企)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let tail = LIST_TAIL.exec(text.slice(m.index, m.index + 20));
    // 在渝北投资的央企，已有A、B、C等近10家: a bare count, the class noun earlier in the sentence.
    if (!tail && m[0] === '等' && /^等(?:近|约|超过?)?[0-9一二三四五六七八九十]+家(?=[，。；）]|$)/.test(text.slice(m.index, m.index + 8)) && /央企|国企|企业|公司/.test(sentenceAround(text, m.index).split('等')[0])) {
      tail = Object.assign(['', '企业'], { index: 0, input: '' }) as RegExpExecArray;
    }
    if (m[0] !== '等') {
      COUNTED_TAIL.lastIndex = 0;
      tail = COUNTED_TAIL.exec(m[0]);
    }
    if (!tail) continue;
    let from = m.index;
    // A list runs back to a clause break; a parenthesised place inside an item (海尔数字科技（重庆）) is part of it.
    while (from > 0 && m.index - from < 80) {
      const ch = text[from - 1];
      if (ch === '）') {
        const open = text.lastIndexOf('（', from - 1);
        if (open >= 0 && from - 1 - open <= 5 && /^[\u4e00-\u9fff]{2,4}$/.test(text.slice(open + 1, from - 1))) {
          from = open;
          continue;
        }
      }
      if (/[，。；：！？\n（）“”]/.test(ch)) break;
      from--;
    }
    if (m[0] !== '等' && !text.slice(from, m.index).includes('、')) continue;
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
      // 整车生产龙头企业长安跨越: a class noun before the first item introduces it.
      if (k === 0) {
        const lead = /^.*(?:企业|公司|品牌|车企|厂商)(?=[\u4e00-\u9fff]{2})/.exec(part.slice(s));
        if (lead) s += lead[0].length;
      }
      const item = part.slice(s);
      const st = offset + s;
      offset += part.length + 1;
      if (item.length < 2 || item.length > 12) return;
      if (districtAt(item, 0)?.form === item) return;
      if (!nameLike(item)) {
        // 理想汽车、比亚迪等整车企业: a business-tailed item counts beside a name-like one; in a list of
        // three or more under a company head (A、B、C等企业) every plain noun item is a name (三雄极光).
        const plainNoun = parts.length >= 2 && item.length <= 6 && tags(item).length >= 2 && !PLATFORM_HEAD.test(item) && !phraseLike(item) && !VERBAL_START.test(item) && tags(item).every((w) => /^(?:n|nz|nr|ns|nt|x|j|a|m)/.test(w.tag) && !GENERIC_WORDS.has(w.word));
        if (!(businessTailed(item) && parts.length > 1) && !(plainNoun && /企业|公司/.test(tail[1]))) return;
      } else {
        const t = tags(item);
        if (t.length === 1 && !/^(nt|nz|nr|nrt)$/.test(t[0].tag) && !oov(t[0])) return;
      }
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
    // 矽胶按键项目、飞达机电公司: a project or a platform of the list before is no company.
    if (/(?:项目|工程)$/.test(text.slice(Math.max(0, b.start - 3), b.start - 1)) || PLATFORM_HEAD.test(text.slice(Math.max(0, b.start - 4), b.start - 1))) continue;
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

/** Places outside Chongqing that stand alone (台北, 新加坡, 陕西): typed Place so that no rule takes them for companies. */
const OUTSIDE_PLACES = /(?:北京|上海|天津|四川|成都|陕西|西安|广东|深圳|广州|浙江|杭州|宁波|江苏|南京|苏州|无锡|湖北|武汉|湖南|长沙|福建|厦门|山东|青岛|河南|河北|山西|贵州|云南|广西|安徽|江西|辽宁|吉林|黑龙江|甘肃|青海|宁夏|新疆|内蒙古|海南|台湾|台北|台中|高雄|香港|澳门|新加坡|东盟|欧洲|德国|日本|韩国|美国|意大利)(?:省|市)?/g;

/** People: a reporter's or a manager's name (记者 王某, 总经理李某, 董事长张三) — unscored, typed Person. */
function findPeopleAndPlaces(text: string, out: Mention[]) {
  const person = /(?:记者|通讯员|总经理|董事长|负责人|总裁|主任|书记|区长|县长|市长|首席执行官|CEO)\s?([\u4e00-\u9fff]某|[\u4e00-\u9fff]{2,3}(?=[\s）)／/]))/g;
  for (let m = person.exec(text); m; m = person.exec(text)) {
    const start = m.index + m[0].length - m[1].length;
    push(out, { type: 'Person', name: m[1], start, end: start + m[1].length, rule: 'person' });
  }
  OUTSIDE_PLACES.lastIndex = 0;
  for (let m = OUTSIDE_PLACES.exec(text); m; m = OUTSIDE_PLACES.exec(text)) {
    // Only a place standing on its own: not the front of a name (北京银行, 香港华润…有限公司).
    const next = text[m.index + m[0].length] ?? '';
    const prev = text[m.index - 1] ?? '';
    if (NAME_CHAR.test(prev) && !/[在从与和及、的赴往到至自]/.test(prev)) continue;
    if (NAME_CHAR.test(next) && !/^(?:报道|报导|等地|等|和|与|及|、|的|地区|市场|客户)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    push(out, { type: 'Place', name: m[0], start: m.index, end: m.index + m[0].length, rule: 'place' });
  }
}

const RULE_RANK: Record<string, number> = {
  'legal-name': 9, 'invested-project': 8, cluster: 7, project: 6, 'conjoined-project': 6, 'platform-head': 6, 'listed-org': 5, 'web-name': 5,
  'org-head': 4, role: 4, holder: 4, 'stock-code': 5, plant: 3, coordinated: 3, party: 3, unscored: 2, person: 1, place: 1,
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
  findShortOrgNames(text, found);
  findStockCoded(text, found);
  findCompanyWord(text, found);
  findClusters(text, found);
  findProjects(text, found);
  findPlatforms(text, found);
  findListedOrgs(text, found);
  findParties(text, found);
  findByRole(text, found);
  findByPlant(text, found);
  findByHolding(text, found);
  findUnscored(text, found);
  findCoordinated(text, found);
  findPeopleAndPlaces(text, found);
  found.sort((a, b) => (RULE_RANK[b.rule] ?? 0) - (RULE_RANK[a.rule] ?? 0) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Best first, each character claimed once: a mark per character keeps this linear in the
  // length of the page (a pairwise check was quadratic in the number of mentions).
  const kept: Mention[] = [];
  const taken = new Uint8Array(text.length);
  for (const m of found) {
    let free = true;
    for (let i = m.start; i < m.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  // A district that is the whole of another find is the district.
  const districtSpans = new Set(districts.map((d) => `${d.start}:${d.end}`));
  const all = [...districts, ...kept.filter((k) => !districtSpans.has(`${k.start}:${k.end}`))];
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The company's own name without place, parenthesised place, legal form and line of business: 重庆中科摇船船信息科技有限公司 → 中科摇船船. */
export function companyCore(name: string): string {
  let s = name;
  for (const suf of LEGAL_SUFFIXES) if (s.endsWith(suf)) { s = s.slice(0, -suf.length); break; }
  s = s.replace(/（[\u4e00-\u9fff]{2,4}）/g, '');
  s = s.replace(/^(?:重庆市|重庆|中国|北京|上海|陕西|四川|成都)/, '');
  // 广东鸿图科技股份有限公司 → 鸿图: a province or city before the name is not the name.
  if (s === name.replace(/（[\u4e00-\u9fff]{2,4}）/g, '').replace(/(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司)$/, '')) {
    const p = PLACE_START.exec(s);
    if (p && s.length - p[0].length >= 4) s = s.slice(p[0].length);
  }
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
