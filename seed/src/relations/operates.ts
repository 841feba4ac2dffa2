import { OPERATE } from '../lexicon';
import { add, ORG } from './context';
import type { RelationRule } from './rule';

const T = 'OPERATES' as const;
const RUN_BY = new RegExp(`(?:将|现|已|主要)?由([^，。；由]{2,30}?)(?:负责)?(?:${OPERATE})`, 'g');

export const coBuilt: RelationRule = {
  id: 'co-built',
  type: T,
  confidence: 0.85,
  description: '(A与B签约，)双方将共建P: both parties of the agreement build and run the platform.',
  examples: [
    { text: '经济日报讯（记者冯某）重庆两江新区的重庆智算云科技有限公司近日与华为技术有限公司签署战略合作协议，双方将共建西部人工智能算力中心。', relation: 'OPERATES 重庆智算云科技有限公司 -> 西部人工智能算力中心' },
  ],
  negatives: ['重庆智算云科技有限公司与华为技术有限公司签署协议，西部人工智能算力中心由市里建设。'],
  on: 'Platform',
  each(sc, m) {
    const lead = sc.text.slice(Math.max(sc.s.start, m.start - 8), m.start);
    if (!/(?:双方|两家|三方)(?:将|拟|计划|还将)?(?:共建|共同建设|合作建设|共同打造)“?$/.test(lead)) return;
    const pair = sc.pairBefore(m.start) ?? sc.d.lastPair;
    if (!pair) return;
    for (const x of pair) add(sc.ctx, { type: T, from: x.entity, to: m.entity, ...sc.ev, rule: this.id });
    return true;
  },
};

export const builtBy: RelationRule = {
  id: 'built-by',
  type: T,
  confidence: 0.85,
  description: 'X打造/建成/搭建/运营的P (X牵头组建的P, 公司自主研发的P): the builder runs the platform.',
  examples: [
    { text: '以忽米网建成的汽摩“产业大脑”为例，目前该“大脑”已链接300多家上下游关联企业，实现政府端、企业端、行业端互通，让整个产业链效率提升近20%，供应链能耗降低14%，配套企业生产率提高20%。', relation: 'OPERATES 忽米网 -> 汽摩产业大脑' },
  ],
  negatives: ['忽米网介绍了汽摩“产业大脑”的运行情况。'],
  on: 'Platform',
  each(sc, m) {
    const { text, s } = sc;
    const lead = text.slice(Math.max(s.start, m.start - 8), m.start);
    const built = /(?:打造|建成|搭建|建设|运营|开发|推出|上线|设立|建立|研发|创办|承建|组建|共建|运维)的$/.exec(lead);
    if (!built) return;
    const verbAt = m.start - built[0].length;
    const x = sc.orgBefore(verbAt);
    const pron = /(?:公司|该公司|其)(?:自主|独立|联合)?$/.exec(text.slice(Math.max(s.start, verbAt - 5), verbAt));
    // X牵头组建的P: a leading verb between the builder and 组建.
    const gapOk = x && (verbAt - x.end <= 2 || /^(?:牵头|联合|负责|独家|主导)$/.test(text.slice(x.end, verbAt)));
    if (x && gapOk) add(sc.ctx, { type: T, from: x.entity, to: m.entity, ...sc.ev, rule: this.id });
    else if (pron) {
      const r = sc.referent(verbAt - pron[0].length);
      if (r) add(sc.ctx, { type: T, from: r.entity, to: m.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const runs: RelationRule = {
  id: 'runs',
  type: T,
  confidence: 0.8,
  description: 'X将…运营/管理/做优P: the organisation at the head of the sentence runs the platform.',
  examples: [
    { text: '忽米网将运营“汽摩产业大脑”。', relation: 'OPERATES 忽米网 -> 汽摩产业大脑' },
  ],
  negatives: ['忽米网表示，汽摩产业大脑已链接300多家企业。'],
  on: 'Platform',
  each(sc, m) {
    const { text, s, top } = sc;
    const lead = text.slice(Math.max(s.start, m.start - 8), m.start);
    const subject = top[0];
    if (/(?:运营|管理|做优|做强|提升)“?$/.test(lead) && subject && subject !== m && ORG.has(subject.type) && subject.start - s.start <= 12 && /^(?:[^，。]{0,8}(?:表示|介绍|说)，)?$/.test(text.slice(s.start, subject.start))) {
      add(sc.ctx, { type: T, from: subject.entity, to: m.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const formed: RelationRule = {
  id: 'formed',
  type: T,
  confidence: 0.85,
  description: 'X(联合A、B…)组建/成立P: the founder runs the platform; the partners it joins with cooperate with it (consortium).',
  examples: [
    { text: '同日，在西部科学城重庆高新区，重庆金凤实验室与重庆微芯半导体有限公司签约共建集成电路设计公共服务平台。', relation: 'OPERATES 重庆微芯半导体有限公司 -> 集成电路设计公共服务平台' },
  ],
  negatives: ['重庆微芯半导体有限公司参观了集成电路设计公共服务平台。'],
  on: 'Platform',
  each(sc, m) {
    const { text, s, top } = sc;
    const lead = text.slice(Math.max(s.start, m.start - 8), m.start);
    if (!/(?:组建|成立|牵头成立|发起成立|共建)了?“?$/.test(lead)) return;
    const cs = Math.max(s.start, sc.clauseStart(m.start));
    let lead2 = top.filter((x) => ORG.has(x.type) && x.start >= cs && x.end <= m.start);
    // 长安汽车联合A、B等…，组建P: the subject of the sentence forms it, the partners join.
    if (!lead2.length) lead2 = top.filter((x) => ORG.has(x.type) && x.end <= m.start);
    lead2 = lead2.filter((x, i) => lead2.findIndex((y) => y.entity === x.entity) === i && x.entity !== m.entity);
    // X(…)将联合A、B等企业共同组建P: X forms it, A and B join.
    const inClause = text.slice(cs, m.start).search(/联合|携手/);
    const jointAt = inClause >= 0 ? inClause : Math.max(text.lastIndexOf('联合', m.start), text.lastIndexOf('携手', m.start)) - cs;
    let partnersOnly = false;
    if (cs + jointAt >= s.start && jointAt > -cs && lead2.length && lead2[0].start > cs + jointAt) {
      const founder = top.filter((x) => ORG.has(x.type) && x.end <= cs + jointAt && x.entity !== m.entity).pop() ?? sc.clauseSubject(cs) ?? sc.referent(cs + jointAt - 2);
      if (founder && !lead2.some((x) => x.entity === founder.entity)) lead2.unshift(founder);
      // 由(an institute or an association)牵头，联合A、B等…成立了P: the founder is no company; A and B are members.
      partnersOnly = !founder;
    }
    if (partnersOnly) {
      for (const partner of lead2) add(sc.ctx, { type: 'COOPERATES_WITH', from: partner.entity, to: m.entity, ...sc.ev, rule: consortium.id });
    } else if (lead2.length) {
      add(sc.ctx, { type: T, from: lead2[0].entity, to: m.entity, ...sc.ev, rule: this.id });
      for (const partner of lead2.slice(1)) add(sc.ctx, { type: 'COOPERATES_WITH', from: partner.entity, to: m.entity, ...sc.ev, rule: consortium.id });
    }
  },
};

export const consortium: RelationRule = {
  id: 'consortium',
  type: 'COOPERATES_WITH',
  confidence: 0.8,
  description: 'X联合A、B…组建/成立P: the partners who form a consortium or alliance with its founder are its members.',
  emittedBy: 'formed',
  examples: [
    { text: '谭本宏介绍,长安汽车联合中汽研、中国星网等8家行业优质产学研单位,组建“智能汽车安全技术创新联合体”,突破AI、高阶智驾、三电、具身智能等关键技术2200余项。', relation: 'COOPERATES_WITH 中汽研 -> 智能汽车安全技术创新联合体' },
  ],
  negatives: ['长安汽车发布了智能汽车安全技术创新联合体的研究成果。'],
};

export const runBy: RelationRule = {
  id: 'run-by',
  type: T,
  confidence: 0.9,
  description: 'P(将)由X运营/管理, 该平台由X运营: the operator of the platform just named.',
  examples: [
    { text: '与此同时，位于江津区的重庆珞璜港正加快扩能，珞璜港由重庆港务物流集团有限公司运营，是西部陆海新通道重要的铁水联运枢纽。', relation: 'OPERATES 重庆港务物流集团有限公司 -> 重庆珞璜港' },
  ],
  negatives: ['重庆珞璜港的货物由重庆港务物流集团有限公司承运。'],
  apply(sc) {
    const { text, s, top } = sc;
    const re = RUN_BY;
    re.lastIndex = 0;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const x = top.find((y) => ORG.has(y.type) && y.start >= at + 1 && y.end <= at + g[0].length);
      if (!x) continue;
      const p =
        top.filter((y) => y.type === 'Platform' && y.end <= at && at - y.end <= 2).pop() ??
        (/(?:该|^|[，。；])(?:平台|基地|园区|园|港|中心|孵化器|产业大脑|大脑)$/.test(text.slice(Math.max(s.start - 1, at - 4), at)) ? sc.d.lastPlatform ?? top.filter((y) => y.type === 'Platform' && y.end <= at).pop() ?? null : null);
      if (p && p.entity !== x.entity) add(sc.ctx, { type: T, from: x.entity, to: p.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const heldBy: RelationRule = {
  id: 'held-by',
  type: T,
  confidence: 0.75,
  description: 'X旗下的P: a platform under a company is run by it; a project under it is its investment.',
  examples: [
    { text: '康宁生物旗下的重庆康宁生物医药产业园开工建设。', relation: 'OPERATES 康宁生物 -> 重庆康宁生物医药产业园' },
  ],
  negatives: ['康宁生物旗下拥有多个品牌，重庆康宁生物医药产业园已开工建设。'],
  apply({ ctx, text, top, ev }) {
    for (const x of top) {
      if (x.type !== 'Enterprise') continue;
      const gap = /^旗下的?“?/.exec(text.slice(x.end, x.end + 4));
      if (!gap) continue;
      const p = top.find((y) => y.start === x.end + gap[0].length && (y.type === 'Platform' || y.type === 'Project'));
      if (!p) continue;
      add(ctx, { type: p.type === 'Platform' ? T : 'INVESTS_IN', from: x.entity, to: p.entity, ...ev, rule: this.id });
    }
  },
};

export const builtTogether: RelationRule = {
  id: 'built-together',
  type: T,
  confidence: 0.85,
  description: 'P由A与B合作建设/共同建设/联合打造: each organisation named as a builder runs the platform (a government among them is unscored).',
  examples: [
    { text: '重庆西部跨境电商产业园由九龙坡区政府与香港利丰集团合作建设。', relation: 'OPERATES 香港利丰集团 -> 重庆西部跨境电商产业园' },
  ],
  negatives: ['重庆西部跨境电商产业园与香港利丰集团签署协议。'],
  apply({ ctx, text, s, top, ev }) {
    const re = /由([^，。；由]{2,60}?)(?:合作建设|共同建设|合作共建|联合打造|共同打造|联合建设|合作打造)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const p = top.filter((y) => y.type === 'Platform' && y.end <= at).pop();
      if (!p || /[，。；]/.test(text.slice(p.end, at))) continue;
      for (const x of top) {
        if (ORG.has(x.type) && x.start > at && x.end <= at + g[0].length && x.entity !== p.entity) add(ctx, { type: T, from: x.entity, to: p.entity, ...ev, rule: this.id });
      }
    }
  },
};

export const namedAfter: RelationRule = {
  id: 'named-after',
  type: T,
  confidence: 0.7,
  description: 'A company named after its website platform runs it: 重庆X网络科技有限公司 → X网.',
  runs: 'names',
  examples: [
    { text: '忽米网由重庆忽米网络科技有限公司建设，已服务上千家企业。', relation: 'OPERATES 重庆忽米网络科技有限公司 -> 忽米网' },
  ],
  negatives: ['重庆忽米网络科技有限公司介绍了行业情况。'],
};

export const namedOperator: RelationRule = {
  id: 'named-operator',
  type: T,
  confidence: 0.75,
  description: "A company whose name is a platform's name followed by 开发/建设/投资/运营/管理 runs that platform.",
  runs: 'names',
  examples: [
    { text: '重庆临港产业城开发建设有限公司介绍，重庆临港产业城已引进企业60家。', relation: 'OPERATES 重庆临港产业城开发建设有限公司 -> 重庆临港产业城' },
  ],
  negatives: ['重庆临港物流有限公司负责人介绍，重庆临港产业城已引进企业60家。'],
};
