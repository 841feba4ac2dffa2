// Generic linguistic knowledge for Chinese business news: suffixes, trigger words, generic
// heads. Nothing here names a particular company or platform.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

export const SCORED_TYPES = ['District', 'Cluster', 'Enterprise', 'Platform', 'Project'] as const;
export type ScoredType = (typeof SCORED_TYPES)[number];
export const UNSCORED_TYPES = ['GovernmentBody', 'Person', 'Place', 'University', 'ResearchInstitute', 'Association', 'Event'] as const;
export type MentionType = ScoredType | (typeof UNSCORED_TYPES)[number];

export function isScored(t: MentionType): t is ScoredType {
  return (SCORED_TYPES as readonly string[]).includes(t);
}

/**
 * Provinces and large cities of mainland China outside Chongqing: the places a company name may
 * start with (广东鸿图…), and places that stand alone in a story (赴上海、江苏考察).
 */
export const MAINLAND_PLACES = '北京|上海|天津|四川|成都|陕西|西安|广东|深圳|广州|浙江|杭州|宁波|江苏|南京|苏州|无锡|湖北|武汉|湖南|长沙|福建|厦门|山东|青岛|河南|河北|山西|贵州|云南|广西|安徽|江西|辽宁|吉林|黑龙江|甘肃|青海|宁夏|新疆|内蒙古|海南';
/** Hong Kong, Macao, Taiwan and abroad, as they stand in business news. */
export const PLACES_ABROAD = '台湾|台北|台中|高雄|香港|澳门|新加坡|东盟|欧洲|德国|日本|韩国|美国|意大利';

/**
 * Verbs by meaning, as regular-expression alternations: what every rule means by building, investing,
 * settling, supplying and running something. A rule adds the words its construction needs beside them.
 */
export const BUILD = '建设|兴建|新建|扩建|投建|打造|实施';
export const INVEST = '投资|投建|出资|合资|共同投资|斥资|注资';
export const SETTLE = '签约落户|签约落地|签约入驻|签约回归|正式落户|成功落户|落户|入驻|进驻|设厂|建厂|扎根|安家|入园';
export const SUPPLY = '提供|供应|供货|配套|组装|代工|加工';
export const OPERATE = '建设运营|投资运营|运营|管理|运维';

/** Registered company forms, longest first. */
export const LEGAL_SUFFIXES = ['集团股份有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '有限公司'];
/** Heads that make a short organisation name (宗申集团, 厦门银行). */
export const ORG_HEADS = ['集团', '股份', '银行', '证券', '控股'];
/** Trailing words of company names that are the line of business, not the name (for short forms). */
export const BUSINESS_WORDS = [
  '信息科技', '网络科技', '智能科技', '数字科技', '科技', '信息技术', '技术', '电子', '新材料', '材料', '房地产',
  '文化旅游', '旅游', '发展', '开发', '实业', '投资', '贸易', '制造', '生物', '制品', '零部件', '部件', '设备', '光电', '机械',
  '游轮', '工业', '汽车', '能源', '医药', '制药', '药业', '化工', '电器', '电脑', '通信', '半导体', '物流', '装备', '食品', '环保',
];

/** Words that end a name on its left: what comes before them is not part of the name. */
export const LEFT_MARKERS = [
  '分别是', '分别为', '其中', '包括', '随着', '对于', '关于', '根据', '按照', '比如', '例如', '旗下', '以及', '作为', '据悉', '目前', '近日', '近年来', '今年', '去年', '同时', '此外', '另外',
  '链主企业', '龙头企业', '全资子公司', '控股子公司', '子公司', '带动', '聚集', '集聚', '汇聚', '汇集', '吸引', '成为', '并', '而', '所持', '持有', '品牌',
  '已为', '将为', '正在为', '正为', '并为', '还为', '专为', '主要为', '可为', '共建', '选址', '设在', '位于', '落户', '引进', '签约', '来自', '联合', '携手', '通过', '依托', '牵头', '推动', '支持', '助力', '帮助', '鼓励',
  '这家', '一家', '首个', '首家', '一批', '一个', '多家', '走进', '围绕', '聚焦', '加快', '推进', '建设', '建立', '打造', '建成',
  '搭建', '组建', '兴建', '扩建', '投建', '成立', '创建', '设立', '布局', '构建', '探索', '率先', '现有', '做优', '提质', '培育', '引育', '发展', '实施',
  '落地', '开工', '投产', '启动', '入驻', '加速(?!器)', '已于', '已经', '正在', '已', '将', '为例', '机构', '单位', '渝企', '龙头',
  '的', '是', '和', '与', '及', '或', '在', '从', '向', '对', '把', '被', '给', '让', '由', '等', '了', '该', '其', '以', '即', '有', '称',
];
const MARKER_RE = new RegExp(`(?:${[...LEFT_MARKERS].sort((a, b) => b.length - a.length).join('|')}|[0-9０-９.]+[年月日号个家多余]*)`, 'g');

/**
 * Cuts a left-scanned name candidate after its last boundary word, keeping at least
 * `minKeep` characters before `protectFrom` (the suffix or head, which is never cut).
 */
export function trimLeft(candidate: string, protectFrom: number, minKeep = 2): { text: string; cut: number; marker: string } {
  let cut = 0;
  let marker = '';
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(candidate); m; m = MARKER_RE.exec(candidate)) {
    const end = m.index + m[0].length;
    if (end > protectFrom - minKeep) break;
    cut = end;
    marker = m[0];
    if (m[0].length === 0) MARKER_RE.lastIndex++;
  }
  return { text: candidate.slice(cut), cut, marker };
}

let jieba: Jieba | null = null;
const tagCache = new Map<string, { word: string; tag: string }[]>();

/** jieba POS tags, cached: the same short strings are asked about many times. */
export function tags(s: string): { word: string; tag: string }[] {
  let t = tagCache.get(s);
  if (!t) {
    jieba ??= Jieba.withDict(dict);
    t = jieba.tag(s, true);
    if (tagCache.size > 50_000) tagCache.clear();
    tagCache.set(s, t);
  }
  return t;
}

const PROPER_TAGS = new Set(['nr', 'ns', 'nz', 'nt', 'nrt', 'nrfg', 'j', 'eng']);
/** jieba's HMM tags an out-of-vocabulary word `x`: for Chinese characters that is an unknown name. */
export const oov = (w: { word: string; tag: string }) => w.tag === 'x' && /[\u4e00-\u9fff]/.test(w.word);
const FUNCTION_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'm', 'r', 'w']);

/**
 * Does the string read as a proper name rather than a common phrase? Proper-noun tags, or
 * jieba falling apart into single characters (an out-of-vocabulary name), say yes.
 */
export function nameLike(s: string): boolean {
  if (s.length < 2 || /^[0-9]/.test(s) || /[的了]$/.test(s)) return false;
  const t = tags(s);
  // A figure or a count in front (三家, 一批, 十大) is no name; a place that starts with a numeral (四川, 三峡) is.
  if (/^[一二三四五六七八九十百千万亿两几多]/.test(s) && !/^(?:ns|nr|nt|nz|j)$/.test(t[0].tag)) return false;
  if (/[A-Za-z]/.test(s) && /[\u4e00-\u9fff]/.test(s)) return true;
  if (t.length === 1) return (PROPER_TAGS.has(t[0].tag) || oov(t[0])) && !GENERIC_WORDS.has(s);
  let singles = 0;
  for (const w of t) {
    if ((PROPER_TAGS.has(w.tag) || oov(w)) && !GENERIC_WORDS.has(w.word)) return true;
    if (w.word.length === 1 && !FUNCTION_TAGS.has(w.tag)) singles++;
  }
  return singles >= 2;
}

const PLACE_OR_NAME_TAGS = new Set(['ns', 'nz', 'nt', 'j', 'eng']);
const VERBAL_TAGS = /^(?:v|vd|p|c|d|u[a-z]?|r|m|q|f|a|ad)$/;
/** Starts like a verb or preposition would: 上云上…, 试水…, 在… */
const VERBAL_START = /^[上下在于把被将已试向从对让给用要可]/;

/** A modifier with verbs or function words in it is a phrase, not a name (同行搭建平台). */
export function phraseLike(s: string): boolean {
  if (VERBAL_START.test(s) || !/^[\u4e00-\u9fff“]/.test(s)) return true;
  // Sector words that tag as verbs (制造, 创新) are nouns inside a name: 长江智能制造创新联合体.
  return tags(s.replace(/[“”]/g, '')).some((w) => VERBAL_TAGS.test(w.tag) && !/^(?:nr|ns)$/.test(w.tag) && !(w.tag.startsWith('v') && GENERIC_WORDS.has(w.word)));
}

/** The first jieba words of a modifier are a proper name: 明月湖…, 汽摩…; not 行业…, 全…. */
export function properStart(s: string): boolean {
  const t = tags(s);
  if (!t.length) return false;
  const first = t[0];
  if (GENERIC_WORDS.has(first.word) || VERBAL_START.test(s)) return false;
  if (PLACE_OR_NAME_TAGS.has(first.tag) || (oov(first) && first.word.length >= 2)) return true;
  const second = t[1];
  // 富士康重庆园区: a company's name, then the place of its site.
  if (second && first.tag === 'nr' && first.word.length >= 3 && second.tag === 'ns') return true;
  if (second && first.tag !== 'nr' && !VERBAL_TAGS.test(first.tag) && (PLACE_OR_NAME_TAGS.has(second.tag) || oov(second))) return true;
  // Two or more single characters in a row: an unknown name (忽米, 金鸡 is known as a word, so no).
  let singles = 0;
  for (const w of t) {
    if (w.word.length === 1 && !FUNCTION_TAGS.has(w.tag)) singles++;
    else break;
  }
  return singles >= 2;
}

/** Modifier words too general to make a platform, cluster or project name specific. */
export const GENERIC_WORDS = new Set([
  '中国', '国家', '全国', '全球', '国际', '世界', '西部', '西南', '东部', '地区', '区域', '区域性', '全市', '市级', '省级', '国家级',
  '产业', '行业', '工业', '企业', '中小企业', '创新', '科技', '技术', '服务', '公共', '运营', '孵化', '合作', '交流', '生态', '推广',
  '资源', '共享', '数字化', '数字', '智能', '智慧', '能力', '赋能', '线上', '线下', '研发', '设计', '综合', '现有', '算力', '知名',
  '两岸', '青年', '创业', '就业', '重点', '重要', '先进', '现代', '新型', '特色', '示范', '应用', '数据', '信息', '网络', '平台',
  '互联网', '工业互联网', '大数据', '人工智能', '新能源', '汽车', '制造', '制造业', '未来', '全产业链', '产业链', '供应链', '城市',
  '治理', '运行', '一体化', '高质量', '发展', '主导', '支柱', '优势', '新兴', '战略性', '该', '本', '首个', '一批', '各类', '多个',
  '大型', '小型', '中型', '高端', '核心', '关键', '基础', '专业', '市场', '政府', '社会', '文化', '教育', '医疗', '健康',
  '镇街', '科创', '区级', '县级', '两地', '购物', '高科技', '高新技术', '科研院所', '高校', '院校', '园区', '终端',
]);
