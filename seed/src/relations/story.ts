import type { StoryTopic } from '../discourse';
import { SETTLE } from '../lexicon';
import type { ResolvedEntity } from '../resolve';
import type { Sentence } from '../split';
import type { Ctx, M } from './context';
import { add } from './context';
import type { RelationRule } from './rule';

/** Verbs by which a company or project settles in a place. */
const SETTLING = new RegExp(`(?:${SETTLE})`, 'g');
/** Verbs of a signing, groundbreaking or opening that lists what the district gains. */
const LISTING = /签约|开工|落户|落地|投产|竣工|挂牌|开园|揭牌|集中|引进/;

function districtsElsewhere(s: Sentence, inS: M[], topic: StoryTopic, entities: ResolvedEntity[]): boolean {
  const topicName = entities[topic.district].name;
  return inS.some((x) => {
    if (x.type === 'Place') return true;
    if (x.type !== 'District' || x.nested || x.entity === topic.district) return false;
    const e = entities[x.entity];
    return e.within !== topicName && entities[topic.district].within !== e.name;
  });
}

/**
 * Relations that come from what the story is about rather than from one sentence: a signing or
 * groundbreaking story of one district places the projects it lists there, and the companies it
 * says settle there (落户/入驻/设厂), even when the sentence itself names the district only as
 * 我区, by a one-character short form, or not at all.
 */
export function relateStories(ctx: Ctx, sentences: Sentence[], typed: M[], topics: Map<number, StoryTopic>) {
  const { text, entities } = ctx;
  const located = new Set(ctx.out.filter((r) => r.type === 'LOCATED_IN').map((r) => r.from));
  const byStart = [...typed].sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const s of sentences) {
    while (cursor < byStart.length && byStart[cursor].start < s.start) cursor++;
    const topic = topics.get(s.story);
    if (!topic || s.kind === 'caption') continue;
    const inS: M[] = [];
    for (let k = cursor; k < byStart.length && byStart[k].start < s.end; k++) if (byStart[k].end <= s.end) inS.push(byStart[k]);
    const top = inS.filter((m) => !m.nested);
    const ev = { start: s.start, end: s.end };
    const elsewhere = districtsElsewhere(s, inS, topic, entities);

    // --- story-project: a named project of the district's story is in that district, or in the one
    // district its own sentence names (此次两江新区有…P).
    const own = [...new Set(top.filter((x) => x.type === 'District').map((x) => x.entity))];
    const here = own.length === 1 && !inS.some((x) => x.type === 'Place') ? own[0] : elsewhere ? null : topic.district;
    if (here != null) {
      for (const p of top) {
        if (p.type !== 'Project' || located.has(p.entity)) continue;
        add(ctx, { type: 'LOCATED_IN', from: p.entity, to: here, ...ev, rule: storyProject.id });
        located.add(p.entity);
      }
      // --- story-platform: a base or park listed among what the district signed or started, or in one
      // list with its projects (A项目、B基地、C项目等).
      const listed = LISTING.test(s.text) && /项目/.test(s.text);
      for (const p of top) {
        if (p.type !== 'Platform' || located.has(p.entity)) continue;
        const k = top.indexOf(p);
        const besideProject = [top[k - 1], top[k + 1]].some((q) => q && q.type === 'Project' && (text.slice(q.end, p.start) === '、' || text.slice(p.end, q.start) === '、'));
        if (listed || besideProject) {
          add(ctx, { type: 'LOCATED_IN', from: p.entity, to: topic.district, ...ev, rule: storyPlatform.id });
          located.add(p.entity);
        }
      }
      // --- story-labelled: 集中开工志特新材料等36个项目 — the company whose projects the district starts.
      for (const x of top) {
        if (x.type === 'Enterprise' && /^等[0-9一二三四五六七八九十]+个项目/.test(text.slice(x.end, x.end + 8))) {
          add(ctx, { type: 'LOCATED_IN', from: x.entity, to: topic.district, ...ev, rule: storyLabelled.id });
        }
      }
      // --- story-signer: 签约的5个项目，分别是A投资1.5亿元兴建P1、B投资1亿元建P2 — who signs to build there sets up there.
      if (/签约/.test(s.text)) {
        for (const x of top) {
          if (x.type !== 'Enterprise' || located.has(x.entity) || !/^(?:计划|拟|将)?投资/.test(text.slice(x.end, x.end + 4))) continue;
          const builds = top.some((p) => p.type === 'Project' && p.start > x.end && ctx.seen.has(`INVESTS_IN|${x.entity}|${p.entity}`) && ctx.seen.get(`LOCATED_IN|${p.entity}|${here}`));
          if (!builds) continue;
          add(ctx, { type: 'LOCATED_IN', from: x.entity, to: here, ...ev, rule: storySigner.id });
          located.add(x.entity);
        }
      }
    }

    // --- story-settled: A、B等落户/入驻(D), 现入驻有A、B等企业, X已在D设厂.
    SETTLING.lastIndex = 0;
    for (let g = SETTLING.exec(s.text); g; g = SETTLING.exec(s.text)) {
      const at = s.start + g.index;
      const end = at + g[0].length;
      let cs = at;
      while (cs > s.start && !/[，：；。]/.test(text[cs - 1])) cs--;
      let ce = end;
      while (ce < s.end && !/[，：；。]/.test(text[ce])) ce++;
      // The place the verb names (落户荣昌, 在璧山设厂), else the story's district.
      const after = inS.find((x) => x.type === 'District' && x.start >= end && x.start - end <= 1);
      const zai = inS.find((x) => x.type === 'District' && x.end <= at && /^在?$/.test(text.slice(x.end, at).replace(/^(?:已|正)?/, '')) && text[x.start - 1] === '在');
      const oneChar = /^(?:在)([\u4e00-\u9fff])$/.exec(text.slice(Math.max(cs, at - 2), at));
      const place = after ?? zai ?? null;
      if (!place && inS.some((x) => x.type === 'Place' && x.start >= end && x.start - end <= 1)) continue;
      if (!place && oneChar && !topic.forms.some((f) => f.startsWith(oneChar[1]))) continue;
      const to = place ? place.entity : topic.district;
      if (!place && inS.some((x) => x.type === 'District' && !x.nested && x.start >= cs && x.end <= ce && x.entity !== topic.district)) continue;
      const settlers: M[] = [];
      // Companies before the verb in its clause, a list included; not X的项目落户 (the project settles).
      for (const x of top) {
        if (x.start < cs || x.end > at || (x.type !== 'Enterprise' && x.type !== 'Project')) continue;
        // X投资N元的P项目落户D: the project settles, its investor need not.
        if (/^的/.test(text.slice(x.end, x.end + 1)) || top.some((y) => y.type === 'Project' && y.start >= x.end && y.end <= at)) continue;
        settlers.push(x);
      }
      // A、B等5家企业与D集中签约，入驻P: a verb that opens its clause takes the sentence's subjects.
      if (!settlers.length && /^(?:并|也|均|已|将|正式|同时|随后|后)?$/.test(text.slice(cs, at))) {
        const first = top.filter((x) => x.type === 'Enterprise' && x.end <= cs);
        if (first.length && /^(?:[^，]{0,20}，)?$/.test(text.slice(s.start, first[0].start))) settlers.push(...first);
      }
      // 现入驻有A、B、C等企业: the companies the verb lists after it.
      if (/^(?:有|了|的有|企业有|企业包括)/.test(text.slice(end, end + 4))) {
        const stop = text.indexOf('等', end);
        const until = stop >= 0 && stop < ce ? stop : ce;
        for (const x of top) if (x.type === 'Enterprise' && x.start >= end && x.end <= until) settlers.push(x);
      }
      for (const x of settlers) {
        add(ctx, { type: 'LOCATED_IN', from: x.entity, to, ...ev, rule: storySettled.id });
        located.add(x.entity);
      }
    }
  }
}


export const storyProject: RelationRule = {
  id: 'story-project',
  type: 'LOCATED_IN',
  confidence: 0.6,
  description: "A named project of a district's story (a signing, a groundbreaking) is in that district, or in the one district its own sentence names.",
  runs: 'story',
  examples: [
    { text: '新华社重庆4月2日电（记者张某）记者2日从重庆两江新区获悉，由京东方投资建设的第6代AMOLED（柔性）生产线项目近日实现满产，该项目总投资465亿元。', relation: 'LOCATED_IN 第6代AMOLED（柔性）生产线项目 -> 两江新区' },
  ],
  negatives: ['上海：集中签约8个项目\n4月1日，上海市举行重大项目集中签约活动，年产5万吨新材料项目签约。'],
};

export const storyPlatform: RelationRule = {
  id: 'story-platform',
  type: 'LOCATED_IN',
  confidence: 0.6,
  description: "A base or park listed among what the story's district signed or started, or beside its projects in a list, is in that district.",
  runs: 'story',
  examples: [
    { text: '璧山区集中签约8个项目\n4月1日，璧山区举行重大项目集中签约活动，签约项目包括年产5万吨新材料项目、“明月湖”科创基地等。', relation: 'LOCATED_IN 明月湖科创基地 -> 璧山区' },
  ],
  negatives: ['上海：集中签约8个项目\n4月1日，上海市举行重大项目集中签约活动，“明月湖”科创基地等签约。'],
};

export const storyLabelled: RelationRule = {
  id: 'story-labelled',
  type: 'LOCATED_IN',
  confidence: 0.6,
  description: "集中开工X等N个项目: the company whose projects the story's district starts or completes is there.",
  runs: 'story',
  examples: [
    { text: '潼南区举行集中开工活动\n3月9日，潼南区举行重点项目集中开工活动，集中开工恒力新材料等20个项目。', relation: 'LOCATED_IN 恒力新材料 -> 潼南区' },
  ],
  negatives: ['新材料行业观察\n业内人士认为，恒力新材料等20个项目带动了行业发展。'],
};

export const storySettled: RelationRule = {
  id: 'story-settled',
  type: 'LOCATED_IN',
  confidence: 0.65,
  description: "A、B等落户/入驻(D), 现入驻有A、B等企业, X已在D设厂: the companies that settle, in the place the verb names or the story's district.",
  runs: 'story',
  examples: [
    { text: '在九龙坡区，由重庆西部智谷创业服务有限公司运营的九龙坡智能制造孵化器已入驻科技型企业86家。', relation: 'LOCATED_IN 重庆西部智谷创业服务有限公司 -> 九龙坡区' },
  ],
  negatives: ['深圳：企业加快布局\n华为技术有限公司入驻深圳湾科技园。'],
};

export const storySigner: RelationRule = {
  id: 'story-signer',
  type: 'LOCATED_IN',
  confidence: 0.6,
  description: "签约的N个项目，分别是A投资…建P1、B投资…的P2: a company that signs with the story's district to build a project there sets up there.",
  runs: 'story',
  examples: [
    { text: '5家配套企业与铜梁区集中签约\n9日，5家配套企业与铜梁区集中签约。集中签约的5个项目，分别是宏达机电公司投资8000万元的自动化设备制造项目、云海铝业投资4000万元的铝材加工项目。', relation: 'LOCATED_IN 宏达机电公司 -> 铜梁区' },
  ],
  negatives: ['行业观察\n业内人士认为，宏达机电公司投资8000万元的自动化设备制造项目带动了行业发展。'],
};
