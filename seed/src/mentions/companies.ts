import { districtAt } from '../gazetteer';
import { BUSINESS_WORDS, GENERIC_WORDS, LEGAL_SUFFIXES, MAINLAND_PLACES, ORG_HEADS, PLACES_ABROAD, nameLike, oov, phraseLike, tags, trimLeft } from '../lexicon';
import type { Mention } from './scan';
import { nounBrand, scanLeft, insideBookTitle, PLACE_START, leftmostPlaceStart, sentenceAround, push, isProper, PRONOUN, businessTailed, VERBAL_START, ROLE_WORDS, GOV_START, PLATFORM_HEAD } from './scan';

export function findLegalNames(text: string, out: Mention[]) {
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
    // An item of a list (…、数字重庆大数据应用发展有限公司) starts right after the 、: no place inside it is its start.
    const listItem = cut === 0 && text[from - 1] === '、';
    const placeAt = listItem ? -1 : leftmostPlaceStart(cand);
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
export function findShortOrgNames(text: string, out: Mention[]) {
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

/**
 * A word the dictionary knows as an organisation (jieba's nt) that ends in a line of business
 * (长安汽车, 中信证券): a company wherever it stands, as a reader who knows the word reads it.
 */
export function findDictionaryOrgs(text: string, out: Mention[]) {
  const re = new RegExp(`(?:${[...BUSINESS_WORDS, '证券', '银行', '保险'].sort((a, b) => b.length - a.length).join('|')})`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    for (let k = 4; k >= 2; k--) {
      const start = m.index - k;
      if (start < 0) continue;
      const cand = text.slice(start, end);
      if (!/^[\u4e00-\u9fff]+$/.test(cand) || /[\u4e00-\u9fff]/.test(text[end] ?? '') && !/[正已将也还在与和及的是为向等、]/.test(text[end])) continue;
      if (/[\u4e00-\u9fff]/.test(text[start - 1] ?? '') && !/[，。；、：的与和及是由被向为在了将对从]/.test(text[start - 1])) continue;
      const t = tags(cand);
      if (t.length === 1 && t[0].tag === 'nt' && !GENERIC_WORDS.has(cand) && !GOV_START.test(cand)) {
        push(out, { type: 'Enterprise', name: cand, start, end, rule: 'dictionary-org' });
        break;
      }
    }
  }
}

/** A listed company's stock code after its name: 宗申动力(001696), 英业达（2356）, X（证券代码：688443）. */
export function findStockCoded(text: string, out: Mention[]) {
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

/** X公司 where X is a name (惠普公司, 中国电信重庆公司); not 子公司, 该公司, 上市公司, 科技公司. */
export function findCompanyWord(text: string, out: Mention[]) {
  const re = /公司/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const prev = text.slice(Math.max(0, m.index - 2), m.index);
    if (/有限$|责任$|股份$|[子分母该本新此其各家]$|上市$|集团$/.test(prev)) continue;
    const from = scanLeft(text, m.index, 10);
    const { text: core, cut } = trimLeft(text.slice(from, m.index), m.index - from, 2);
    // 四川天兆畜牧科技公司: an informal name led by a province may run longer.
    if (core.length < 2 || core.length > (PLACE_START.test(core) ? 10 : 6) || GENERIC_WORDS.has(core) || GOV_START.test(core)) continue;
    // 为公司提供 (公司 a pronoun), 证券时报e公司讯 (a byline).
    if (/[为将与和在对向给从把被的是了]$/.test(core) || /[A-Za-z]/.test(core) || text[m.index + 2] === '讯') continue;
    if (districtAt(core, 0)?.form === core || PLACE_START.test(core) && PLACE_START.exec(core)![0] === core) continue;
    if ((!nameLike(core) && !businessTailed(core.replace(PLACE_START, '')) && !nounBrand(core + '公司')) || BUSINESS_WORDS.includes(core)) continue;
    push(out, { type: 'Enterprise', name: core + '公司', start: from + cut, end: m.index + 2, rule: 'company-word' });
  }
}

/** A word that reads as an organisation's name where the pattern expects a party (2 to 8 characters). */
function acceptParty(s: string): boolean {
  if (s.length < 2 || s.length > 8 || PRONOUN.test(s) || GENERIC_WORDS.has(s) || GOV_START.test(s)) return false;
  if (districtAt(s, 0) || /[委局办厅院校]$|政府|实验室|大学|协会|商会/.test(s) || PLATFORM_HEAD.test(s)) return false;
  // 重庆企业, 中国公司: a place and a class word are no name.
  const rest = s.replace(PLACE_START, '');
  if (rest !== s && (rest.length < 2 || GENERIC_WORDS.has(rest) || /^(?:企业|公司|方面|部门|客商|台商|港商|外商|车企|厂商)$/.test(rest))) return false;
  if (/^[0-9]|[0-9]/.test(s) || /[的了在将已把被]/.test(s)) return false;
  return nameLike(s) || businessTailed(s) || nounBrand(s);
}

/** A与B签署/开展/共同出资…: both parties of an agreement are organisations, legal suffix or not. */
export function findAgreementParties(text: string, out: Mention[]) {
  const agree = /(?:与|同|和)([^，。；、与和同]{2,12}?)(?:在[^，。；]{1,12}?)?(?:签署|签订|达成|开展|深化|加强|建立|展开|共同出资|合资)/g;
  for (let m = agree.exec(text); m; m = agree.exec(text)) {
    const tail = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
    if (!/^[^，。；]{0,10}(?:协议|合作|备忘录|设立|成立)/.test(tail) && !/共同出资|合资/.test(m[0])) continue;
    const bStart = m.index + 1;
    const b = m[1];
    if (acceptParty(b)) push(out, { type: 'Enterprise', name: b, start: bStart, end: bStart + b.length, rule: 'party-agreement' });
    const from = scanLeft(text, m.index, 10);
    const left = trimLeft(text.slice(from, m.index), m.index - from, 2);
    // 鸿海并与…, X也与…: an adverb or conjunction before 与 is not part of the name.
    const a = left.text.replace(/(?:并|也|还|则|亦|均|又|再|已|将|拟|正|曾|就)$/, '');
    if (acceptParty(a)) push(out, { type: 'Enterprise', name: a, start: from + left.cut, end: from + left.cut + a.length, rule: 'party-agreement' });
  }
}

/** 为A、B组装/提供…, 向A供货, 配套A、B: the customers of a supply verb are companies. */
export function findCustomers(text: string, out: Mention[]) {
  // A list even without 等.
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
      if ((acceptParty(item) || sibling) && (proper || items.length > 1) && !/^(?:其|公司|客户|当地|企业|用户|下游)|(?:客户|用户|车型|产品|市场|行业|领域)$/.test(item)) push(out, { type: 'Enterprise', name: item, start: off, end: off + item.length, rule: 'party-customer' });
      off += item.length + 1;
    }
  }
}

/**
 * 收购/并购(了)A、B和C及D: what a company buys is a company (or its shares: 收购A的股权). Each item of the
 * object list, joined by 、/和/及/与, counts when it reads as a name, a name with a line of business, or a
 * place-led name (美国佩特来, 芜湖杰诺瑞).
 */
export function findAcquired(text: string, out: Mention[]) {
  const re = /(?:收购|并购|兼并|控股|参股|入股)(?:了)?((?:[^，。；、和及与的]{2,12}(?:、|和|及|与)){0,6}[^，。；、和及与的]{2,12}?)(?=的|[，。；]|$|(?:[0-9.]+%|全部|部分|多数)?(?:股权|股份))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const list = m[1];
    let off = m.index + m[0].indexOf(list);
    for (const item of list.split(/(?<=[^、和及与])(?:、|和|及|与)/)) {
      const placeLed = PLACE_START.test(item) && item.replace(PLACE_START, '').length >= 2 && nameLike(item.replace(PLACE_START, ''));
      if ((acceptParty(item) || placeLed) && !/^(?:其|公司|企业|股权|资产|业务|项目)|(?:股权|资产|业务|项目|工厂|产线|生产线)$/.test(item) && item.length <= 12) {
        push(out, { type: 'Enterprise', name: item, start: off, end: off + item.length, rule: 'party-acquired' });
      }
      off += item.length + 1;
    }
  }
}

/** 成立/组建/设立/整合为/更名为X集团/公司: what is founded under a company head is a company (大洋电机车辆事业集团). */
export function findFounded(text: string, out: Mention[]) {
  const re = /(?:成立|组建|设立|注册|整合为|更名为|改组为|重组为)(?:了)?([^，。；、的了]{2,16}?(?:集团|公司))(?![\u4e00-\u9fff]{0,2}(?:有限|股份))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const x = m[1];
    // The head vouches for ordinary words only when a name leads: 大洋电机车辆事业集团, not 新的合资公司.
    if (!headedAgent(x) || !nameLike(x.slice(0, Math.min(4, x.length - 2)))) continue;
    const at = m.index + m[0].indexOf(x);
    push(out, { type: 'Enterprise', name: x, start: at, end: at + x.length, rule: 'party-founded' });
  }
}

/** X是/成为Y的(一级)供应商/客户: Y is a company. */
export function findSupplierOfParty(text: string, out: Mention[]) {
  const supplierOf = /(?:是|成为|系|作为)([^，。；是的]{2,8})的[^，。；的]{0,4}(?:供应商|配套商|供货商|客户)/g;
  for (let m = supplierOf.exec(text); m; m = supplierOf.exec(text)) {
    const y = m[1];
    if (acceptParty(y)) push(out, { type: 'Enterprise', name: y, start: m.index + m[0].indexOf(y), end: m.index + m[0].indexOf(y) + y.length, rule: 'party-supplier-of' });
  }
}

/** X等N个项目, X计划投资N元: the company that brings the projects, or invests, is an organisation. */
export function findLabelledParties(text: string, out: Mention[]) {
  const labels = /(?:^|[，。；：、]|签约|开工|竣工|投产|是|有)([^，。；：、]{2,10}?)(?:等[0-9一二三四五六七八九十]+个项目|(?:计划|拟|将|已)?(?:投资|斥资|出资)(?:约|逾|近|超过?)?[0-9.]+[万亿]+元)/g;
  for (let m = labels.exec(text); m; m = labels.exec(text)) {
    const left = trimLeft(m[1], m[1].length, 2);
    const x = left.text.replace(/^(?:集中|其中|一是|二是|三是|此外|另外|同时)/, '');
    const at = m.index + m[0].indexOf(m[1]) + (m[1].length - x.length);
    if (/[\s有总批]|^(?:开工|竣工|投产|签约|由)/.test(x) || districtAt(x, 0) || text[at - 1] === '的') continue;
    if (acceptParty(x) && !PLATFORM_HEAD.test(x) && !/项目$/.test(x)) push(out, { type: 'Enterprise', name: x, start: at, end: at + x.length, rule: 'party-labelled' });
  }
}

/** (该项目)以X为(实施)主体: the company a project is carried out by is an organisation. */
export function findImplementers(text: string, out: Mention[]) {
  const re = /以([^，。；以为]{2,12}?)为(?:实施|建设|投资|运营|项目)?主体/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const x = m[1];
    if (acceptParty(x)) push(out, { type: 'Enterprise', name: x, start: m.index + 1, end: m.index + 1 + x.length, rule: 'party-implementer' });
  }
}

/** 由X投资建设/运营/供应: the agent of 由 is an organisation. */
export function findAgents(text: string, out: Mention[]) {
  const by = /由([^，。；由为向]{2,14}?)(?:负责)?(?:投资建设|投资|出资|运营|建设运营|投资运营|供应|提供|供货)/g;
  for (let m = by.exec(text); m; m = by.exec(text)) {
    // 由知名的X公司投资: what stands before 的 describes the party.
    const de = m[1].lastIndexOf('的') + 1;
    const x = m[1].slice(de);
    if (acceptParty(x) || headedAgent(x)) push(out, { type: 'Enterprise', name: x, start: m.index + 1 + de, end: m.index + 1 + de + x.length, rule: 'party-by' });
  }
}

/**
 * The agent of 由…投资 that ends in 公司 or 集团 is a company even when its own words are ordinary
 * ones (智慧互通科技公司): the position and the head vouch for it, as no reading of 由X公司投资 makes X
 * anything else. Not a pronoun or a class (该公司, 子公司, 合资公司, 国有企业集团).
 */
function headedAgent(x: string): boolean {
  const head = /(?:公司|集团)$/.exec(x);
  if (!head || x.length > 16) return false;
  const rest = x.slice(0, -head[0].length);
  if (rest.length < 2 || PRONOUN.test(x) || GENERIC_WORDS.has(rest) || VERBAL_START.test(rest) || GOV_START.test(rest)) return false;
  if (/[的了在将已把被这那该本其各此0-9０-９]|^(?:合资|独资|国有|民营|外资|子|分|母|上市|新|平台|项目|投资|建设|运营)|[子分母]$/.test(rest)) return false;
  return !districtAt(rest, 0) || rest.length - districtAt(rest, 0)!.form.length >= 2;
}

/** Whoever has a manager is an organisation: 赛力斯负责人说, X总经理表示. */
export function findByRole(text: string, out: Mention[]) {
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
export function findByHolding(text: string, out: Mention[]) {
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
export function findByPlant(text: string, out: Mention[]) {
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

const LIST_TRIGGERS = /(?:以及|主要配套|配套|带动|引育|引进了?|培育了?|集聚了?|聚集了?|汇集了?|汇聚了?|吸引了?|包括|拥有|以|联合|携手|供应给|提供给|供货给|销往|如|有|是|与|和|了|为|向|给|被)/g;

const LIST_TAIL = /^等(?:[0-9]+(?:余|多)?家|多家|一批|一系列)?(?:[\u4e00-\u9fff]{0,10}?)(企业|龙头|公司|单位|车企|厂商|厂家|为龙头)/;

/** Names listed before 等…企业 / 等为龙头: each item is an organisation even without a suffix. */
/** 精元、群光、达方三家企业: a list closed by a count of companies, without 等. */
const COUNTED_TAIL = /^[两三四五六七八九十0-9]+(?:家|个)(?:[\u4e00-\u9fff]{0,4}?)(企业|公司|车企|整车厂|主机厂|厂家)/;

export function findListedOrgs(text: string, out: Mention[]) {
  const re = /等|(?<=[\u4e00-\u9fff])[两三四五六七八九十0-9]+(?:家(?:[\u4e00-\u9fff]{0,4}?)(?:企业|公司|车企|整车厂|主机厂|厂家)|个(?:整车厂|主机厂|车企))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let tail = LIST_TAIL.exec(text.slice(m.index, m.index + 20));
    // 在渝北投资的央企，已有A、B、C等近10家: a bare count, the class noun earlier in the sentence.
    if (!tail && m[0] === '等' && /^等(?:近|约|超过?)?[0-9一二三四五六七八九十]+家(?=[，。；）]|$)/.test(text.slice(m.index, m.index + 8)) && /央企|国企|企业|公司/.test(sentenceAround(text, m.index).split('等')[0])) {
      tail = Object.assign(['', '企业'], { index: 0, input: '' }) as RegExpExecArray;
    }
    // A count right after 等 belongs to the 等 list (A、B等25家企业).
    if (m[0] !== '等') tail = text[m.index - 1] === '等' ? null : COUNTED_TAIL.exec(m[0]);
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
    // 机场、港口等交通枢纽以及A、B两个整车厂: an earlier list closed by 等 ends where the conjunction starts this one.
    const closed = /^.*等[\u4e00-\u9fff]{0,8}?(?:以及|及|和|与)/.exec(text.slice(from, m.index));
    if (closed) from += closed[0].length;
    if (m[0] !== '等' && !text.slice(from, m.index).includes('、')) continue;
    const seg = text.slice(from, m.index);
    const parts = seg.split('、');
    // A、B和C等企业: the last item may be joined by 和/及/与.
    const joined = parts.length > 1 ? /^([^和及与]{2,12})[和及与]([^和及与]{2,12})$/.exec(parts[parts.length - 1]) : null;
    if (joined) parts.splice(parts.length - 1, 1, joined[1], joined[2]);
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
        // 一汽大众、沃尔沃、吉利等车企: a brand that is also a place's name (吉利, 长城) is a company among
        // companies — when the list's other items are no places and it is no place we know.
        const brandAmongCompanies = t.length === 1 && t[0].tag === 'ns' && parts.length >= 3 && /企业|公司|车企|厂商/.test(tail[1]) && !KNOWN_PLACE.test(item) && !districtAt(item, 0) && parts.filter((p) => { const pt = tags(p); return !(pt.length === 1 && pt[0].tag === 'ns'); }).length >= 2;
        if (t.length === 1 && !/^(nt|nz|nr|nrt)$/.test(t[0].tag) && !oov(t[0]) && !brandAmongCompanies) return;
      }
      if (GENERIC_WORDS.has(item)) return;
      const type = /网$/.test(item) && tail[1] !== '单位' && tail[1] !== '企业' ? 'Platform' : PLATFORM_HEAD.test(item) && !/网$/.test(item) ? 'Platform' : 'Enterprise';
      push(out, { type, name: item, start: st, end: st + item.length, rule: 'listed-org' });
    });
  }
}

const KNOWN_PLACE = new RegExp(`^(?:${MAINLAND_PLACES}|${PLACES_ABROAD}|重庆|中国)(?:省|市)?$`);

/** A、B where B is a company: A, a name standing in the same list, is one too (长安福特、长安股份). */
export function findCoordinated(text: string, found: Mention[]) {
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


const LEGAL_FORM_END = new RegExp(`(?:${LEGAL_SUFFIXES.join('|')})$`);

/** The company's own name without place, parenthesised place, legal form and line of business: 重庆中科摇船船信息科技有限公司 → 中科摇船船. */
export function companyCore(name: string): string {
  let s = name;
  for (const suf of LEGAL_SUFFIXES) if (s.endsWith(suf)) { s = s.slice(0, -suf.length); break; }
  s = s.replace(/（[\u4e00-\u9fff]{2,4}）/g, '');
  s = s.replace(/^(?:重庆市|重庆|中国|北京|上海|陕西|四川|成都)/, '');
  // 广东鸿图科技股份有限公司 → 鸿图: a province or city before the name is not the name.
  if (s === name.replace(/（[\u4e00-\u9fff]{2,4}）/g, '').replace(LEGAL_FORM_END, '')) {
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
