import { BUILD } from '../lexicon';
import { add } from './context';
import type { RelationRule } from './rule';

const T = 'LOCATED_IN' as const;
const BUILT_THERE = new RegExp(`(?:${BUILD}|共建|建成|布局)“?$`);

export const districtGroup: RelationRule = {
  id: 'district-group',
  type: T,
  confidence: 0.85,
  description: 'D1个，P / D2个，分别是P1、P2: a district heading its group of signed projects.',
  examples: [
    { text: '具体项目为：大足区1个，智通润达（北京）科技有限公司投资65亿元的全固态复合材料电池制造及成套产业链项目；', relation: 'LOCATED_IN 全固态复合材料电池制造及成套产业链项目 -> 大足区' },
  ],
  negatives: ['大足区1个重点项目完成投资，全固态复合材料电池制造项目进展顺利。'],
  apply(sc) {
    const { ctx, s, top, ev } = sc;
    const head = /^(?:[^：，]{0,12}：)?/.exec(s.text)![0].length;
    const firstD = top.find((m) => m.type === 'District');
    if (firstD && firstD.start === s.start + head && /^[0-9一二三四五六七八九十]+个(?:项目)?，/.test(sc.after(firstD))) {
      for (const p of top) if (p.type === 'Project') add(ctx, { type: T, from: p.entity, to: firstD.entity, ...ev, rule: this.id });
    }
  },
};

export const landsIn: RelationRule = {
  id: 'lands-in',
  type: T,
  confidence: 0.85,
  description: '…落地P: the project lands in the district the sentence names.',
  examples: [
    { text: '本月，璧山区成功落地年产20万套汽车座椅项目。', relation: 'LOCATED_IN 年产20万套汽车座椅项目 -> 璧山区' },
  ],
  negatives: ['璧山区年产20万套汽车座椅项目正在建设。'],
  on: 'Project',
  each(sc, m) {
    if (/落地“?$/.test(sc.text.slice(Math.max(sc.s.start, m.start - 3), m.start))) {
      const d = sc.inS.find((x) => x.type === 'District');
      if (d) add(sc.ctx, { type: T, from: m.entity, to: d.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const subplace: RelationRule = {
  id: 'subplace',
  type: T,
  confidence: 0.7,
  description: '在<sub-place>，…P: a project sits in the district whose sub-place (园区, 片区…) an earlier sentence named.',
  examples: [
    { text: '璧山区青杠街道，重庆青山工业有限责任公司正在扩产。在青杠街道，年产5万台电机项目已开工。', relation: 'LOCATED_IN 年产5万台电机项目 -> 璧山区' },
  ],
  negatives: ['在青杠园区，年产5万台电机项目已开工。'],
  on: 'Project',
  each(sc, m) {
    for (const [place, d] of sc.d.subplaces) {
      if (sc.s.text.startsWith(`在${place}`)) add(sc.ctx, { type: T, from: m.entity, to: d, ...sc.ev, rule: this.id });
    }
  },
};

export const locatedAt: RelationRule = {
  id: 'located-at',
  type: T,
  confidence: 0.9,
  description: '位于D(…)的X: what follows 位于D的 is there.',
  examples: [
    { text: '2月21日,位于两江新区龙盛新城的赛力斯汽车超级工厂,工作人员在下线质量门处对问界M9进行外观、内饰等检查。', relation: 'LOCATED_IN 赛力斯汽车 -> 两江新区' },
    { text: '位于江津、作为全市重要的智能装备集聚地的金桂数据谷，目前已集聚了300余家企业。', relation: 'LOCATED_IN 金桂数据谷 -> 江津区' },
  ],
  negatives: ['两江新区的赛力斯汽车超级工厂正在生产问界M9。'],
  on: 'District',
  each(sc, m) {
    if (!/位于$/.test(sc.before(m))) return;
    // 位于渝北、作为全市重要的数字经济集聚地的X: a second attribute joined by 、 describes the same X.
    const de = /^、(?:作为|是)[^，。；、]{0,30}的/.exec(sc.after(m)) ?? /^[^，。；的]{0,10}的/.exec(sc.after(m));
    if (!de) return;
    const x = sc.firstAfter(m.end + de[0].length, ['Enterprise', 'Platform', 'Project'], 0);
    if (x) add(sc.ctx, { type: T, from: x.entity, to: m.entity, ...sc.ev, rule: this.id });
    // 公司位于D的生产基地/工厂: the company's plant is there.
    else if (/^[^，。；]{0,12}(?:基地|工厂|厂区|生产线|产线|车间|总部|厂房)/.test(sc.text.slice(m.end + de[0].length))) {
      const vAt = m.start - 2;
      const owner = sc.top.filter((y) => y.type === 'Enterprise' && y.end <= vAt && vAt - y.end <= 1).pop() ?? sc.referent(Math.max(sc.s.start, vAt - 3)) ?? sc.referent(Math.max(sc.s.start, vAt - 2));
      if (owner) add(sc.ctx, { type: T, from: owner.entity, to: m.entity, ...sc.ev, rule: plantAt.id });
    }
  },
};

export const plantAt: RelationRule = {
  id: 'plant-at',
  type: T,
  confidence: 0.85,
  description: 'X(公司)位于D的生产基地/工厂/总部: the company whose plant is there.',
  emittedBy: 'located-at',
  examples: [
    { text: '重庆长安汽车股份有限公司位于两江新区的生产基地正在扩建。', relation: 'LOCATED_IN 重庆长安汽车股份有限公司 -> 两江新区' },
  ],
  negatives: ['重庆长安汽车股份有限公司计划在两江新区扩建生产基地。'],
};

export const districtOf: RelationRule = {
  id: 'district-of',
  type: T,
  confidence: 0.9,
  description: '(重庆)D的X公司: a company of the district, named in full.',
  examples: [
    { text: '经济日报讯（记者冯某）重庆两江新区的重庆智算云科技有限公司近日与华为技术有限公司签署战略合作协议，双方将共建西部人工智能算力中心。', relation: 'LOCATED_IN 重庆智算云科技有限公司 -> 两江新区' },
  ],
  negatives: ['重庆智算云科技有限公司与两江新区的多家企业签署合作协议。'],
  on: 'District',
  each(sc, m) {
    if (!/^的/.test(sc.after(m)) || !/(?:^|[，。）)：:]|重庆|在|位于)$/.test(sc.text.slice(sc.clauseStart(m.start), m.start))) return;
    const x = sc.firstAfter(m.end + 1, ['Enterprise'], 0);
    const name = x ? sc.entities[x.entity].name : '';
    if (x && name.length >= 6 && /(?:公司|集团)$/.test(name)) add(sc.ctx, { type: T, from: x.entity, to: m.entity, ...sc.ev, rule: this.id });
  },
};

export const districtGlued: RelationRule = {
  id: 'district-glued',
  type: T,
  confidence: 0.75,
  description: 'D重庆X工业…: a company or platform written right after a district is in it.',
  examples: [
    { text: '▲璧山区重庆青山工业变速箱一厂内，工人在新能源二电驱生产线上与工业机器人协同工作。', relation: 'LOCATED_IN 重庆青山工业 -> 璧山区' },
  ],
  negatives: ['璧山区，重庆青山工业有限责任公司变速箱产量增长。'],
  on: 'District',
  each(sc, m) {
    const glued = sc.firstAfter(m.end, ['Enterprise', 'Platform'], 0);
    if (glued && !/^[，、]/.test(sc.after(m))) add(sc.ctx, { type: T, from: glued.entity, to: m.entity, ...sc.ev, rule: this.id });
  },
};

export const districtSubplace: RelationRule = {
  id: 'district-subplace',
  type: T,
  confidence: 0.8,
  description: 'D<sub-place>(内)，X…: a locative opener places the company or project that follows (and remembers the sub-place).',
  examples: [
    { text: '2月18日，万州经开区高峰园，重庆平湖金龙精密铜管有限公司的全自动化生产线上，一片繁忙景象。', relation: 'LOCATED_IN 重庆平湖金龙精密铜管有限公司 -> 万州经开区' },
  ],
  negatives: ['万州经开区管委会表示，重庆平湖金龙精密铜管有限公司产量增长。'],
  on: 'District',
  each(sc, m) {
    const sp = /^([\u4e00-\u9fff]{0,5}(?:园|新城|片区|园区|镇|街道|高新区|开发区|工业园))?[内里]?，/.exec(sc.after(m));
    if (!sp || !(sp[1] || m.start === sc.s.start)) return;
    if (sp[1]) sc.d.subplaces.set(sp[1], m.entity);
    const x = sc.firstAfter(m.end + sp[0].length, ['Enterprise', 'Project'], 0);
    if (x && m.start - sc.s.start <= 8) add(sc.ctx, { type: T, from: x.entity, to: m.entity, ...sc.ev, rule: this.id });
  },
};

export const districtCompany: RelationRule = {
  id: 'district-company',
  type: T,
  confidence: 0.85,
  description: '(X成立于…，)为D企业: the company the sentence is about is a company of D.',
  examples: [
    { text: '重庆华宇机械有限公司成立于2005年，为璧山区企业。', relation: 'LOCATED_IN 重庆华宇机械有限公司 -> 璧山区' },
  ],
  negatives: ['重庆华宇机械有限公司成立于2005年，业务覆盖璧山区。'],
  on: 'District',
  each(sc, m) {
    if (!/为$/.test(sc.before(m)) || !/^的?(?:企业|公司)/.test(sc.after(m))) return;
    const subj = sc.top.find((x) => x.type === 'Enterprise' && x.end <= m.start) ?? (/(?:该|这家|其)(?:公司|企业)|^公司/.test(sc.s.text) ? sc.d.lastOrg : null);
    if (subj) add(sc.ctx, { type: T, from: subj.entity, to: m.entity, ...sc.ev, rule: this.id });
  },
};

export const districtGathers: RelationRule = {
  id: 'district-gathers',
  type: T,
  confidence: 0.8,
  description: 'D汇集了/共有/拥有A、B等…企业: the companies a district gathers are in it.',
  examples: [
    { text: '同时,两江新区汇集了希迪智驾、梧桐车联等一批智能网联汽车配套企业,覆盖了芯片模组、终端设备、自动驾驶算法等智能网联产业链,智能网联汽车产业集群化发展初现。', relation: 'LOCATED_IN 希迪智驾 -> 两江新区' },
  ],
  negatives: ['两江新区的希迪智驾、梧桐车联等企业参加了展会。'],
  on: 'District',
  each(sc, m) {
    if (!/^(?:[^，。；]{0,4})(?:汇集|集聚|聚集|汇聚|引进|吸引|拥有|共有|已有|现有)了?/.test(sc.after(m))) return;
    const seg = sc.text.slice(m.end, sc.clauseEnd(m.end));
    if (!/等[^，。；]{0,16}(?:企业|公司|车企)/.test(seg)) return;
    const tail = seg.indexOf('等');
    for (const x of sc.top) if (x.type === 'Enterprise' && x.start >= m.end && x.end <= m.end + tail) add(sc.ctx, { type: T, from: x.entity, to: m.entity, ...sc.ev, rule: this.id });
  },
};

export const builtIn: RelationRule = {
  id: 'built-in',
  type: T,
  confidence: 0.9,
  description: '在D(…)建设/打造/共建P: a project or platform is built where the locative says.',
  examples: [
    { text: '华龙网-新重庆客户端3月12日讯12日，重庆鑫驰新能源科技有限公司与綦江区签约，该公司拟投资15亿元在綦江工业园区建设新能源汽车电驱系统生产基地项目，项目达产后预计年产值30亿元。', relation: 'LOCATED_IN 新能源汽车电驱系统生产基地项目 -> 綦江区' },
  ],
  negatives: ['新能源汽车电驱系统生产基地项目的产品销往綦江区。'],
  apply(sc) {
    const { text, s, inS, top } = sc;
    for (const m of top) {
      if (m.type !== 'Project' && m.type !== 'Platform') continue;
      const zai = text.lastIndexOf('在', m.start - 1);
      if (zai < s.start || m.start - zai > 48) continue;
      const d = inS.find((x) => x.type === 'District' && x.start === zai + 1) ?? inS.find((x) => x.type === 'District' && x.nested && x.start === zai + 1);
      if (!d) continue;
      const between = text.slice(d.end, m.start);
      if (inS.some((x) => x.start >= d.end && x.end <= m.start && (x.type === 'Project' || (x.type === 'District' && x.entity !== d.entity)))) continue;
      if (!BUILT_THERE.test(between) && !/(?:签约|合作)?共建/.test(between)) continue;
      add(sc.ctx, { type: T, from: m.entity, to: d.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const placeVerb: RelationRule = {
  id: 'place-verb',
  type: T,
  confidence: 0.9,
  description: 'P/X…将落户/选址/位于/入驻D: the place verb takes its clause\'s project or company.',
  examples: [
    { text: '其中,重庆万州经开区与浙江华昌新材料股份有限公司签订合作协议,由浙江华昌新材料股份有限公司投资建设的年产5万吨锂电池铜箔项目总投资约25亿元,将落户万州经开区;', relation: 'LOCATED_IN 年产5万吨锂电池铜箔项目 -> 万州经开区' },
  ],
  negatives: ['年产5万吨锂电池铜箔项目的负责人来自万州经开区。'],
  apply(sc) {
    const { text, s, inS, top } = sc;
    const re = /(?:将|已|正式|拟)?(?:落户|选址|落地|位于|坐落于|建在|设在|布局在|入驻|进驻|扎根)(?:于|在)?/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const end = at + g[0].length;
      // 落户(重庆)渝北: the city before the district is no gap.
      const gap = /^重庆市?/.exec(text.slice(end, end + 3))?.[0].length ?? 0;
      const d = inS.find((x) => x.type === 'District' && x.start === end + gap);
      if (!d || (/^(?:位于|坐落于)/.test(g[0]) && /的/.test(text.slice(d.end, d.end + 8).split(/[，。]/)[0]))) continue;
      const cs = sc.clauseStart(at);
      const subj =
        top.filter((x) => ['Project', 'Enterprise', 'Platform'].includes(x.type) && x.end <= at && x.start >= cs).pop() ??
        (/^(?:项目|该项目)/.test(text.slice(cs, at)) || at === cs || /^(?:将|已|并|拟)/.test(text.slice(cs, at))
          ? top.filter((x) => x.type === 'Project' && x.end <= at).pop() ?? (/项目/.test(text.slice(cs, at)) ? sc.d.lastProject : null)
          : null);
      if (subj) add(sc.ctx, { type: T, from: subj.entity, to: d.entity, ...sc.ev, rule: this.id });
      // P1、X的P2、X的P3将落户D: every project of the list.
      if (subj?.type !== 'Project') continue;
      for (const p of top) {
        if (p.type !== 'Project' || p === subj || p.start < cs || p.end > at) continue;
        const rest = text.slice(p.end, at);
        if (/^、/.test(rest) || top.some((x) => x.type === 'Project' && x.start > p.end && x.end <= at && /^、/.test(text.slice(p.end, p.end + 1)))) {
          add(sc.ctx, { type: T, from: p.entity, to: d.entity, ...sc.ev, rule: placeVerbList.id });
        }
      }
    }
  },
};

export const placeVerbList: RelationRule = {
  id: 'place-verb-list',
  type: T,
  confidence: 0.85,
  description: 'P1、X的P2、P3将落户D: every project of the list before the place verb.',
  emittedBy: 'place-verb',
  examples: [
    { text: '其中,重庆驰拓电驱科技有限公司投资20亿元的新能源汽车电驱总成项目、重庆晶源光电有限公司投资约8.5亿元的车载显示模组项目、重庆锐能精密机械有限公司投资6000万元的精密齿轮加工项目将落户璧山高新区.', relation: 'LOCATED_IN 新能源汽车电驱总成项目 -> 璧山高新区' },
  ],
  negatives: ['新能源汽车电驱总成项目、车载显示模组项目进展顺利。'],
};

export const startsIn: RelationRule = {
  id: 'starts-in',
  type: T,
  confidence: 0.9,
  description: 'P在D投产/开工/落地/竣工: where the project starts.',
  examples: [
    { text: '年产10万吨铝合金压铸件项目在永川区投产。', relation: 'LOCATED_IN 年产10万吨铝合金压铸件项目 -> 永川区' },
  ],
  negatives: ['年产10万吨铝合金压铸件项目的产品在永川区销售。'],
  apply(sc) {
    const { text, top } = sc;
    for (const p of top) {
      if (p.type !== 'Project') continue;
      const d = top.find((x) => x.type === 'District' && x.start === p.end + 1 && text[p.end] === '在');
      if (d && /^(?:正式|顺利|建成)?(?:投产|开工|落地|竣工|签约落户|开建)/.test(text.slice(d.end, d.end + 6))) add(sc.ctx, { type: T, from: p.entity, to: d.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const districtTopic: RelationRule = {
  id: 'district-topic',
  type: T,
  confidence: 0.7,
  description: '(据了解，)D已形成…，其中C…: the clusters of the district a sentence opens with.',
  examples: [
    { text: '据了解,万州经开区已形成以新材料、食品加工、装备制造为主导的产业体系,其中新材料产业集群聚集规上企业60余家,链主企业重庆锦盛化工有限公司带动上下游配套企业20余家落地.', relation: 'LOCATED_IN 新材料产业集群 -> 万州经开区' },
  ],
  negatives: ['据了解，全市已形成新材料产业集群。'],
  apply(sc) {
    const { text, s, top } = sc;
    const topicD = top[0]?.type === 'District' && /^(?:[^，]{0,6}，)?$/.test(text.slice(s.start, top[0].start)) ? top[0] : null;
    if (!topicD || !/^(?:已|正|现|目前|先后|共)/.test(sc.after(topicD))) return;
    for (const c of top) {
      if (c.type === 'Cluster' && !sc.entities[c.entity].district) add(sc.ctx, { type: T, from: c.entity, to: topicD.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const locatedHere: RelationRule = {
  id: 'located-here',
  type: T,
  confidence: 0.8,
  description: 'D…，X(就)坐落于此/位于此/落户于此: 此 stands for the district the sentence opens with.',
  examples: [
    { text: '江津区珞璜镇地处长江之滨，重庆临港产业城就坐落于此。', relation: 'LOCATED_IN 重庆临港产业城 -> 江津区' },
  ],
  negatives: ['重庆临港产业城就坐落于长江边，距江津区城区不远。'],
  apply({ ctx, s, top, ev }) {
    const g = /(?:坐落|位于|落户|落地|扎根)(?:于|在)此/.exec(s.text);
    if (!g) return;
    const at = s.start + g.index;
    const d = top.find((x) => x.type === 'District');
    const x = top.filter((y) => y.type !== 'District' && y.end <= at && at - y.end <= 2 && (y.type === 'Platform' || y.type === 'Enterprise' || y.type === 'Project')).pop();
    if (d && x && d.start === s.start + (/^[^，]{0,6}，/.exec(s.text)?.[0].length ?? 0) && d.end <= x.start) add(ctx, { type: T, from: x.entity, to: d.entity, ...ev, rule: this.id });
  },
};

export const foundedIn: RelationRule = {
  id: 'founded-in',
  type: T,
  confidence: 0.9,
  description: 'X在D设立/成立/注册/组建Y: the company or centre set up there is in D.',
  examples: [
    { text: '长安汽车在两江新区设立重庆长安科技有限公司，负责智能驾驶研发。', relation: 'LOCATED_IN 重庆长安科技有限公司 -> 两江新区' },
    { text: '宗申集团在巴南区组建了汽摩“产业大脑”。', relation: 'LOCATED_IN 汽摩产业大脑 -> 巴南区' },
  ],
  negatives: ['长安汽车设立重庆长安科技有限公司，两江新区表示欢迎。'],
  apply(sc) {
    const { s, inS, top } = sc;
    const re = /在([^，。；在]{2,16}?)(?:注册)?(?:设立|成立|注册成立|组建|设立了|成立了)(?:了)?(?:全资子公司|子公司|分公司)?/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const end = at + g[0].length;
      const d = inS.find((x) => x.type === 'District' && x.start === at + 1);
      if (!d || top.some((x) => x.start > d.end && x.end <= end && x.type !== 'District')) continue;
      const y = top.find((x) => x.start >= end && x.start - end <= 1 && (x.type === 'Enterprise' || x.type === 'Platform'));
      if (y) add(sc.ctx, { type: T, from: y.entity, to: d.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const parkGathers: RelationRule = {
  id: 'park-gathers',
  type: T,
  confidence: 0.75,
  description: 'D…园区已聚集/入驻了A、B等…企业: the companies a park named after its district gathers are in that district.',
  examples: [{ text: '目前，南川工业园区已聚集了隆鑫通用、宗申动力等120余家企业。', relation: 'LOCATED_IN 宗申动力 -> 南川区' }],
  negatives: ['目前，明月湖科创基地已聚集了隆鑫通用、宗申动力等120余家企业。'],
  apply(sc) {
    const { text, top, inS } = sc;
    for (const p of top) {
      if (p.type !== 'Platform') continue;
      // The park's district: the district its own name begins with, written inside it.
      const d = inS.find((x) => x.type === 'District' && x.nested && x.start === p.start);
      if (!d || !/^(?:[^，。；]{0,4})(?:汇集|集聚|聚集|汇聚|引进|吸引|拥有|共有|已有|现有|入驻)了?/.test(sc.after(p))) continue;
      const seg = text.slice(p.end, sc.clauseEnd(p.end));
      if (!/等[^，。；]{0,16}(?:企业|公司|车企)/.test(seg)) continue;
      const tail = seg.indexOf('等');
      for (const x of top) if (x.type === 'Enterprise' && x.start >= p.end && x.end <= p.end + tail) add(sc.ctx, { type: T, from: x.entity, to: d.entity, ...sc.ev, rule: this.id });
    }
  },
};
