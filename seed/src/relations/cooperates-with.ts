import { add, ORG } from './context';
import type { RelationRule } from './rule';

const T = 'COOPERATES_WITH' as const;
/** 与/同/和 as a preposition (not 同时, 同期, 同比, 同样). */
const WITH = '(?:与|同(?![时期比样])|和)';
const COOPERATION = new RegExp(`${WITH}([^，。；]{0,20}?)(?:开展|深化|达成|签署|建立|进行|展开|战略)?[^，。；]{0,4}合作`, 'g');
const AGREEMENT = new RegExp(
  `${WITH}([^，。；]{2,30}?)(?:签署|签订|达成)[^，。；]{0,10}(?:协议|备忘录)|${WITH}([^，。；]{2,30}?)签约(?=[，。；]|$)|${WITH}([^，。；]{2,30}?)(?:共同出资|合资|共同投资)(?:设立|成立|组建)`,
  'g',
);

export const cooperates: RelationRule = {
  id: 'cooperates',
  type: T,
  confidence: 0.9,
  description: 'A(通过)与B(开展/深化/达成…)合作: A, or the clause\'s pronoun or left-out subject, cooperates with B.',
  examples: [
    { text: '目前，忽米网通过与宗申集团合作，以工业互联网平台为底座，汇聚多维度集成企业数据、上下游供应链数据和产业链数据，为产业升级提供决策支撑的汽摩“产业大脑”。', relation: 'COOPERATES_WITH 忽米网 -> 宗申集团' },
  ],
  negatives: ['忽米网与宗申集团的负责人出席了会议。'],
  apply(sc) {
    const { text, s, top } = sc;
    const re = COOPERATION;
    re.lastIndex = 0;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const b = sc.firstAfter(at + 1, ['Enterprise', 'Platform'], 0) ?? (/^(?:该|此|这一?)(?:联合体|平台|中心|基地|园区|联盟)/.test(text.slice(at + 1, at + 6)) ? sc.d.lastPlatform : null);
      const cs = sc.clauseStart(at);
      // P由A与B合作建设: A and B are P's builders (built-together), not partners of P.
      if (/由[^，。；由]{0,30}$/.test(text.slice(cs, at))) continue;
      // A与B合作: A in the same clause, else the clause's pronoun or left-out subject, else the nearest before.
      const a = top.filter((x) => ORG.has(x.type) && x.start >= cs && x.end <= at).pop() ?? sc.referent(Math.max(s.start, at - 3)) ?? sc.referent(Math.max(s.start, at - 2)) ?? sc.clauseSubject(cs, b) ?? sc.orgBefore(at);
      if (a && b && b.end <= at + g[0].length) {
        add(sc.ctx, { type: T, from: a.entity, to: b.entity, ...sc.ev, rule: this.id });
        sc.d.lastPair = [a, b];
      }
    }
  },
};

export const agreement: RelationRule = {
  id: 'agreement',
  type: T,
  confidence: 0.85,
  description: 'A与B签署…协议/备忘录, A与B签约, A与B共同出资设立C: cooperation without the word 合作 (and C is the new company).',
  examples: [
    { text: '另一家代工大廠仁寶電腦（2324）則表示，已與重慶京東方光電科技有限公司簽署長期採購協議，由京東方為仁寶供應筆電面板。', relation: 'COOPERATES_WITH 仁宝电脑 -> 重庆京东方光电科技有限公司' },
  ],
  negatives: ['仁宝电脑表示，重庆京东方光电科技有限公司的产能已经满载。'],
  apply(sc) {
    const { s, top } = sc;
    const re = AGREEMENT;
    re.lastIndex = 0;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const b = sc.firstAfter(at + 1, ['Enterprise', 'Platform'], 0);
      if (!b || b.end > at + g[0].length) continue;
      const cs = sc.clauseStart(at);
      const a = top.filter((x) => ORG.has(x.type) && x.end <= at && x.start >= cs).pop() ?? sc.clauseSubject(cs, b) ?? sc.orgBefore(at);
      if (a && a.entity !== b.entity) {
        add(sc.ctx, { type: T, from: a.entity, to: b.entity, ...sc.ev, rule: this.id });
        sc.d.lastPair = [a, b];
      }
      if (g[3] != null) {
        const founded = top.find((x) => x.type === 'Enterprise' && x.start >= at + g[0].length && x.start - (at + g[0].length) <= 2);
        if (founded) sc.d.lastFounded = founded;
      }
    }
  },
};

export const jointly: RelationRule = {
  id: 'jointly',
  type: T,
  confidence: 0.8,
  description: 'A联合/携手B、C…: A works together with each partner listed in the clause.',
  examples: [
    { text: '重庆长安汽车股份有限公司携手华为技术有限公司推进智能驾驶。', relation: 'COOPERATES_WITH 重庆长安汽车股份有限公司 -> 华为技术有限公司' },
  ],
  negatives: ['重庆高新区已集聚SK海力士、联合微电子中心、奥特斯等集成电路企业60余家。', '重庆长安汽车股份有限公司和华为技术有限公司分别发布了新车。'],
  apply(sc) {
    const { text, s, top } = sc;
    const re = /(?:联合|携手)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      let a = sc.orgBefore(at);
      if (!a || at - a.end > 4) a = sc.clauseSubject(sc.clauseStart(at));
      if (!a) continue;
      const ce = sc.clauseEnd(at);
      const partners = top.filter((x) => ORG.has(x.type) && x.start > at && x.end <= ce);
      // 联合 that begins a name (联合微电子中心) joins nobody: the partners follow the verb directly.
      if (partners.length && !/^(?:了|与|和)?$/.test(text.slice(at + g[0].length, partners[0].start))) continue;
      const lastPartner = partners.findIndex((x) => !/^[、和与及]/.test(text.slice(x.end, x.end + 1)));
      const list = lastPartner >= 0 ? partners.slice(0, lastPartner + 1) : partners;
      for (const p of list) {
        if (sc.entities[p.entity].type === 'Platform' && /组建|成立/.test(text.slice(at, p.start))) continue;
        add(sc.ctx, { type: T, from: a.entity, to: p.entity, ...sc.ev, rule: this.id });
      }
    }
  },
};

export const partner: RelationRule = {
  id: 'partner',
  type: T,
  confidence: 0.85,
  description: 'X成为/是Y的(战略)合作伙伴: X and Y cooperate.',
  emittedBy: 'supplier-of',
  examples: [
    { text: '重庆长安汽车股份有限公司是华为技术有限公司的战略合作伙伴。', relation: 'COOPERATES_WITH 重庆长安汽车股份有限公司 -> 华为技术有限公司' },
  ],
  negatives: ['重庆长安汽车股份有限公司是华为技术有限公司的竞争对手。'],
};
