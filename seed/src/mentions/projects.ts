import { districtAt, districtPrefix } from '../gazetteer';
import { BUILD, INVEST, GENERIC_WORDS, nameLike, tags, trimLeft } from '../lexicon';
import type { Mention } from './scan';
import { scanLeft, push, ACTION_WORDS, COUNTED } from './scan';

/** Words too vague to name a project on their own (重点项目, 招商项目, 技改项目). */
const VAGUE_PROJECT = /^(?:重点|重大|招商|产业|技改|改造|这些|一批|多个|该|本|此|其|相关|各类|签约|在建|续建|新建|储备|优质|新项目|暨)/;

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
  const buildIn = BUILD_END.exec(item);
  if (buildIn && INVEST_WORD.test(item.slice(0, buildIn.index)) && !/项目/.test(item.replace(/[0-9一二三四五六七八九十]+个项目/g, ''))) return true;
  if (/(?:位于|落户|落地|选址)[^，。；]{1,16}的“?$/.test(lead)) return true;
  if (/^在[^，。；]{2,12}(?:投产|开工|竣工|落地|签约)/.test(text.slice(end, end + 16))) return true;
  if (/^”?[，,]?由[^，。；]{2,30}?(?:投资|建设|投建|出资)/.test(text.slice(end, end + 40))) return true;
  return /^”?[，,]?(?:项目)?(?:正式|成功|顺利)?(?:总投资|计划总投资|预计总投资|计划投资|拟投资|协议投资|投资额|已开工|正式开工|开工|已投产|投产|竣工|已签约|签约落户|签约落地|落户|将落户|正式落户|达产)/.test(after);
}

/** Verbs inside a would-be project name make it a clause. */
function phraseLikeProject(s: string): boolean {
  return ACTION_WORDS.test(s) || /^[上下在于把被将已试向从对让给用要可与和]/.test(s);
}

/** Frames that govern a whole project name, conjunctions inside it included. */
const PROJECT_FRAME = new RegExp(`^(?:${BUILD}|签约|引进|落地|开工|投产|的|有|是|为|包括|其中)$`);
const BUILD_END = new RegExp(`(?:${BUILD})“?$`);
const INVEST_WORD = new RegExp(`${INVEST}|资金`);

/** X的P项目 / X公司P项目: a project that a company named right before it owns is a named project. */
function ownedProject(text: string, start: number, core: string, companyEnds: Set<number>): boolean {
  if (core.length < 4 || VAGUE_PROJECT.test(core) || phraseLikeProject(core)) return false;
  const at = text[start - 1] === '的' ? start - 1 : start;
  if (companyEnds.has(at)) return true;
  return /(?:公司|集团)$/.test(text.slice(Math.max(0, at - 2), at)) && at < start;
}

export function findProjects(text: string, out: Mention[]) {
  // Where the companies found so far end, looked up per project instead of scanned (pages with thousands of projects).
  const companyEnds = new Set(out.filter((f) => f.type === 'Enterprise').map((f) => f.end));
  const legalEnds = out.filter((f) => f.type === 'Enterprise' && f.rule === 'legal-name').sort((a, b) => a.end - b.end);
  /** The last legal name that starts at or after `from` and ends inside (after, before). */
  const legalEndingIn = (from: number, after: number, before: number) => {
    let lo = 0;
    let hi = legalEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (legalEnds[mid].end < before) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && legalEnds[k].end > after; k--) if (legalEnds[k].start >= from) return legalEnds[k];
    return undefined;
  };
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
    // X生产基地建设项目: a build word right before 项目 is part of the head, not a boundary.
    const buildHead = /(?:建设|新建|扩建)$/.exec(cand)?.[0] ?? '';
    let { text: core, cut, marker } = trimLeft(cand.slice(0, cand.length - buildHead.length), cand.length - buildHead.length, 2);
    core += buildHead;
    // 浙江X有限公司重庆Y项目: a company written right before the project is not part of its name.
    const owner = legalEndingIn(from, from + cut, m.index - 2);
    if (owner) {
      core = text.slice(owner.end, m.index);
      cut = owner.end - from;
      marker = '';
    }
    // …项目，如P项目: 如 introduces the example.
    if (core.startsWith('如') && /[，,：]/.test(text[from + cut - 1] ?? '')) {
      core = core.slice(1);
      cut += 1;
    }
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
    // 协同创新区产业孵化加速器一期项目: a zone's short form leads the name as its full name would.
    const d = districtPrefix(name) ?? districtAt(name, 0, ['contextual']);
    // The build word of a 建设项目 head is no verb inside the name.
    const own = core.slice(0, core.length - buildHead.length);
    // …相关项目，如P项目、Q项目等 / 签约的项目有P、Q: an example or item of a list of projects.
    const listed = /项目[，,：]?(?:如|例如|比如|包括|分别是|分别为|有)$/.test(text.slice(Math.max(0, start - 10), start)) || /项目、$/.test(text.slice(Math.max(0, start - 3), start));
    const specific =
      invested ||
      (d && name.length - d.form.length >= 4 && !ACTION_WORDS.test(name.slice(d.form.length, name.length - buildHead.length - 2))) ||
      builtProject(text, start, end, own) ||
      (listed && own.length >= 4 && !phraseLikeProject(own) && !VAGUE_PROJECT.test(own)) ||
      /^“/.test(name) ||
      (text[start - 1] === '“' && text[end] === '”' && !VAGUE_PROJECT.test(core)) ||
      /年产[0-9.]+(?:万|亿)?[\u4e00-\u9fffA-Za-z]/.test(name) ||
      (signed && nameLike(core.replace(/[“”]/g, '')) && !GENERIC_WORDS.has(tags(core)[0]?.word ?? '')) ||
      ownedProject(text, start, own, companyEnds) ||
      (buildHead !== '' && own.length >= 6 && !phraseLikeProject(own) && !VAGUE_PROJECT.test(own) && nameLike(own.slice(0, 4))) ||
      (conjoined && core.length >= 6);
    if (!specific) continue;
    if (COUNTED.test(core) || EVENT_AFTER.test(text.slice(end, end + 4))) continue;
    if (/(?:[0-9]+|多|几)个$/.test(text.slice(Math.max(0, start - 4), start))) continue;
    // 总投资超100亿元的75个重点项目: a count of projects, not a name.
    if (/^(?:[0-9]+|多|几|[一二三四五六七八九十]+)个/.test(core) || VAGUE_PROJECT.test(core.replace(/^[0-9]+个/, ''))) continue;
    push(out, { type: 'Project', name, start, end, rule: invested ? 'invested-project' : 'project' });
  }
}


/**
 * 分别有A基地、“火锅英雄”中央厨房、B项目等: an item between two projects or bases of one list, named by
 * a quoted brand or a capacity, is one of them even without a head of its own.
 */
export function findListedProjects(text: string, out: Mention[]) {
  const items = out.filter((m) => m.type === 'Project' || m.type === 'Platform').sort((a, b) => a.start - b.start);
  const covered = new Uint8Array(text.length);
  for (const m of out) if (m.type !== 'District') covered.fill(1, m.start, m.end);
  for (let k = 0; k + 1 < items.length; k++) {
    const a = items[k];
    const b = items[k + 1];
    if (text[a.end] !== '、' || text[b.start - 1] !== '、') continue;
    const item = text.slice(a.end + 1, b.start - 1);
    if (item.length < 4 || item.length > 30 || /[、，。；：]/.test(item)) continue;
    if (!/^“[^”]{2,8}”[\u4e00-\u9fff]{2,}|^年产[0-9.]/.test(item) || covered.subarray(a.end + 1, b.start - 1).some((c) => c === 1)) continue;
    push(out, { type: 'Project', name: item, start: a.end + 1, end: b.start - 1, rule: 'listed-project' });
  }
}
