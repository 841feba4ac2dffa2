import { MAINLAND_PLACES, PLACES_ABROAD } from '../lexicon';
import type { MentionType } from '../lexicon';
import { trimLeft } from '../lexicon';
import type { Mention } from './scan';
import { NAME_CHAR, scanLeft, push } from './scan';

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

export function findUnscored(text: string, out: Mention[]) {
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
const OUTSIDE_PLACES = new RegExp(`(?:${MAINLAND_PLACES}|${PLACES_ABROAD})(?:省|市)?`, 'g');

/** People: a reporter's or a manager's name (记者 王某, 总经理李某, 董事长张三) — unscored, typed Person. */
export function findPeople(text: string, out: Mention[]) {
  const person = /(?:记者|通讯员|总经理|董事长|负责人|总裁|主任|书记|区长|县长|市长|首席执行官|CEO)\s?([\u4e00-\u9fff]某|[\u4e00-\u9fff]{2,3}(?=[\s）)／/]))/g;
  for (let m = person.exec(text); m; m = person.exec(text)) {
    const start = m.index + m[0].length - m[1].length;
    push(out, { type: 'Person', name: m[1], start, end: start + m[1].length, rule: 'person' });
  }
}

/** Places outside Chongqing standing alone (台北, 新加坡, 陕西), typed Place so that no rule takes them for companies. */
export function findOutsidePlaces(text: string, out: Mention[]) {
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
