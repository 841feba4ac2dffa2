import { districtAt, districtPrefix } from '../gazetteer';
import { GENERIC_WORDS, nameLike, oov, phraseLike, properStart, tags, trimLeft } from '../lexicon';
import type { Mention } from './scan';
import { scanLeft, insideBookTitle, push, VERBAL_START, ACTION_WORDS, COUNTED } from './scan';

const PLATFORM_HEADS = [
  '产业大脑', '科创基地', '示范基地', '产业基地', '生产基地', '制造基地', '研发基地', '科创园', '产业园区', '工业园区', '产业园',
  '工业园', '物流园', '科技园', '软件园', '创业园', '孵化器', '加速器', '联合体', '计算中心', '数据中心', '创新中心', '研发中心',
  '服务中心', '交付中心', '中心', '服务平台', '平台', '基地',
  // Industrial towns and valleys: the head itself says what the place is for (数据谷, 生物城, 智造小镇).
  '数据谷', '软件谷', '智造谷', '科技谷', '创新谷', '数字谷', '生物谷', '医药谷', '芯谷', '光谷',
  '科技城', '生物城', '工业城', '产业城', '汽车城', '智造城', '软件城', '医药城', '物流城', '电子城', '信息城', '数字城',
  // A consortium or alliance is a platform (SPEC): 鲁渝产业协作·工业互联网矩阵, 汽车制造联盟.
  '矩阵', '产业联盟', '联盟',
  // Parks named by their trade (西永微电园, 重庆智创园) and workshops (创新工坊).
  '微电园', '智创园', '电子园', '创新园', '创意园', '文创园', '双创园', '科学园', '创新工坊',
  '众创空间', '创客空间', '枢纽园区', '园区', '产业小镇', '智造小镇', '科技小镇', '数字小镇', '创新小镇', '物流港', '航空港', '信息港', '数字港', '无水港',
].sort((a, b) => b.length - a.length);

const TOWN_HEAD = /(?:谷|城)$/;

function specificPlatform(name: string, head: string, text: string, start: number, end: number, quoted: boolean): boolean {
  const modifier = name.slice(0, name.length - head.length);
  if (modifier.length < 2) return false;
  if (quoted) return !/^[上下在于把被将已试向从对让给用要可]/.test(modifier);
  if (/（[\u4e00-\u9fff]{2,4}）/.test(name)) return true;
  if (/^（(?:以下)?简称/.test(text.slice(end, end + 6))) return true;
  // …基地之一 describes a place, it does not name one (重庆是全球最大的笔电生产基地之一).
  if (/^之一/.test(text.slice(end, end + 2))) return false;
  // A brand joined to a place by · (京东·梁平数字产业园), or two titles joined by 暨, is how proper names are written.
  if (/[\u4e00-\u9fffA-Za-z]{2}·[\u4e00-\u9fff]/.test(modifier) && !/^[上下在于把被将已试向从对让给用要可]/.test(modifier)) return true;
  if (/[\u4e00-\u9fff]{2}暨[\u4e00-\u9fff]{2}/.test(modifier) && !ACTION_START.test(modifier) && !/^[上下在于把被将已试向从对让给用要可]/.test(modifier) && !tags(modifier.split('暨')[0]).some((w) => w.tag === 'v' || (w.word.length === 1 && w.tag.startsWith('v')))) return true;
  // 汽车制造联盟已有70多家企业成员: an alliance that has members is one by name, even named by its sector.
  if (/联盟$/.test(head) && modifier.length >= 2 && modifier.length <= 6 && !VERBAL_START.test(modifier) && !/^(?:各|该|这|此|本|一|多|两|八|十)/.test(modifier) && /^[^。；]{0,8}(?:企业成员|成员单位|会员|入盟|成员)/.test(text.slice(end, end + 16))) return true;
  // A valley or a city of a trade is named by one word (仙桃数据谷, 明月湖科技城): the head says what it is for.
  if (TOWN_HEAD.test(head) && modifier.length >= 2 && modifier.length <= 3 && tags(modifier).length === 1 && /^(?:n|nz|ns|nr|x)$/.test(tags(modifier)[0].tag) && !GENERIC_WORDS.has(modifier)) return true;
  const d = districtPrefix(name);
  // 两江新区的生产基地: a district's possession, not a name.
  if (d && name.length - d.form.length >= 3) return !ACTION_WORDS.test(name.slice(d.form.length)) && name[d.form.length] !== '的';
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
  // An item of a list of counted projects (开工A、B、C等69个项目): each item is a project or a park by name.
  if (listOfProjects(text, end) && modifier.length >= 3 && !VERBAL_START.test(modifier) && !GENERIC_WORDS.has(tags(modifier)[0]?.word ?? '') && !/^(?:v|p|d|c|r|m)/.test(tags(modifier)[0]?.tag ?? 'v') && !/^(?:市级|省级|国家级|区级|县级|一批|多个|各类|相关)/.test(modifier)) return true;
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

/** What follows an item up to its list's close: (、B、C)等N个(重点)项目. */
function listOfProjects(text: string, end: number): boolean {
  const rest = text.slice(end, end + 120);
  // The last item stands right before 等 (…，X等12个项目); an earlier one has 、 on its side.
  if (/^等[0-9一二三四五六七八九十百几多]+[个项批](?:重点|重大|产业|招商)?项目/.test(rest)) return true;
  return /^(?:、[^，。；、：]{2,30}){0,8}等[0-9一二三四五六七八九十百几多]*[个项批]?(?:重点|重大|产业|招商)?项目/.test(rest) && /、/.test(text.slice(Math.max(0, end - 40), end + 2));
}

/** A verb that opens a would-be name makes it a slogan or a clause. */
const ACTION_START = new RegExp(`^(?:${ACTION_WORDS.source}|推动|实现|构建|培育|发展|提升|争创|创建)`);

export function findPlatforms(text: string, out: Mention[]) {
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
    // 微电园拓展区, 科技城西区: the name goes on past the head; a part of a park is not the park.
    if (/^(?:拓展区|片区|分园|组团|[东南西北]区)/.test(text.slice(end, end + 3))) continue;
    // A district's media or service centre (南川区融媒体中心) is an office, not a platform.
    if (head === '中心' && /(?:融媒体|新闻|政务服务|便民服务|传媒)$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    // 香港科技园公司, X产业园有限公司: the head is inside a company's name.
    if (/^(?:公司|有限|股份|集团|管委会|管理委员会)/.test(text.slice(end, end + 4))) continue;
    let from = scanLeft(text, headStart, 24, true);
    const lastQuote = text.lastIndexOf('”', headStart - 1);
    // 年产10万吨“极合”火锅底料生产基地: a quoted brand after a capacity figure is inside the name.
    const openQuote = lastQuote >= 0 ? text.lastIndexOf('“', lastQuote) : -1;
    const capBeforeBrand = openQuote > from ? /(?:年产|年处理|年加工)[0-9.]+[万亿千百]*[\u4e00-\u9fffA-Za-z]{1,2}$/.exec(text.slice(from, openQuote)) : null;
    if (capBeforeBrand) from += capBeforeBrand.index;
    else if (lastQuote >= from && lastQuote < headStart - 2 && text[from] !== '“') from = lastQuote + 1;
    const cand = text.slice(from, headStart);
    const trimmed = trimLeft(cand, cand.length, 2);
    let { text: core, cut } = trimmed;
    // 年产10万吨“极合”火锅底料生产基地: the capacity figure is part of the name.
    const cap = /(?:年产|年处理|年加工)[0-9.]/.exec(cand.slice(0, cut + 1));
    if (cap && cap.index < cut && /^[0-9.]+/.test(trimmed.marker) && !/[，。；、]/.test(cand.slice(cap.index, cut))) {
      core = cand.slice(cap.index);
      cut = cap.index;
    }
    // “…动力总成系统及零部件研发制造基地”: a quoted name is whole, conjunctions and all.
    const open = text.lastIndexOf('“', headStart - 1);
    // A quoted slogan (“打造国家重要先进制造业中心”) starts with a verb and names nothing.
    const quotedWhole = open >= 0 && text.slice(open + 1, headStart);
    if (text[end] === '”' && quotedWhole && open >= headStart - 40 && !/[，。；：”]/.test(quotedWhole) && open + 1 >= from - 16 && !ACTION_START.test(quotedWhole)) {
      cut = open + 1 - from;
      core = text.slice(open + 1, headStart);
      if (cut < 0) {
        from = open + 1;
        cut = 0;
      }
    }
    // 綦江食品园区天海星大健康产业园, 科学城璧山片区中新科技城: a place named first, then the platform inside it.
    const area = /^.*(?:片区|园区|开发区|新区|新城)(?=[\u4e00-\u9fff“])/.exec(core);
    let insideArea = false;
    if (area && core.length - area[0].length + head.length >= 4 && core.length - area[0].length >= 2 && districtPrefix(area[0])?.form !== area[0]) {
      core = core.slice(area[0].length);
      cut += area[0].length;
      insideArea = true;
    }
    const start = from + cut;
    const nameEnd = end + closeQuote;
    if (core.length < 1) continue;
    const name = text.slice(start, nameEnd);
    const quoted = /^“[^”]+”$/.test(text.slice(start - 1, nameEnd + 1)) && text[start - 1] === '“';
    const plain = name.replace(/[“”]/g, '');
    // A park named inside a named zone (綦江食品园区天海星大健康产业园) is specific unless its own words are generic.
    const namedInArea = insideArea && !VERBAL_START.test(core) && !tags(core).some((w) => /^v/.test(w.tag)) && !GENERIC_WORDS.has(tags(core)[0]?.word ?? '');
    // 年产10万吨“极合”火锅底料生产基地: a capacity and a product make a plant's name.
    const capacity = /^年产[0-9.]+(?:万|亿)?[\u4e00-\u9fffA-Za-z]/.test(plain);
    if ((!namedInArea && !capacity && !specificPlatform(plain, head, text, start, nameEnd, quoted)) || (!capacity && COUNTED.test(plain.slice(0, -head.length)))) continue;
    // 巴南区重庆国际生物城: the district places a platform that has its own place-led name.
    const dp = districtPrefix(name);
    if (dp && dp.kind !== 'prefix' && /^(?:重庆|中国)/.test(name.slice(dp.form.length)) && name.length - dp.form.length >= 5) {
      push(out, { type: 'Platform', name: name.slice(dp.form.length), start: start + dp.form.length, end: nameEnd, rule: 'platform-head' });
      continue;
    }
    const aliases = plain !== name ? [plain] : undefined;
    push(out, { type: 'Platform', name, start, end: nameEnd, rule: 'platform-head', aliases });
  }
}

/** X港 run as a port (吞吐, 集装箱, 码头…): an inland port is a logistics platform (珞璜港); 香港 and 港务 are not. */
export function findPorts(text: string, out: Mention[]) {
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
    push(out, { type: 'Platform', name: core + '港', start: from + cut, end: m.index + 1, rule: 'port', aliases: bare !== core ? [bare + '港'] : undefined });
  }
}

/** X网 where X is an unknown word: a website-named platform (忽米网), not 互联网/车联网. */
export function findWebNames(text: string, out: Mention[]) {
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
