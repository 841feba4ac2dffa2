import type { M } from './context';
import { SUPPLY } from '../lexicon';
import { companyList } from '../discourse';
import { add, ORG } from './context';
import { partner } from './cooperates-with';
import type { RelationRule } from './rule';

const T = 'SUPPLIES' as const;
const SUPPLIES_TO = new RegExp(`(?:为|向)([^，。；]{1,40}?)(?:${SUPPLY})|(?:供应给|提供给|供货给|配套给|销往|卖给|(?<=主要|将|已|可|均|对应)配套)`, 'g');

export const supplierOf: RelationRule = {
  id: 'supplier-of',
  type: T,
  confidence: 0.9,
  description: 'X成为/是Y的(一级)供应商/配套商 (or 合作伙伴, then a cooperation): X supplies Y.',
  examples: [
    { text: '重庆瑞阳汽车部件有限公司成为青山工业的一级供应商。', relation: 'SUPPLIES 重庆瑞阳汽车部件有限公司 -> 青山工业' },
  ],
  negatives: ['重庆瑞阳汽车部件有限公司是青山工业的股东。'],
  apply(sc) {
    const { s, top } = sc;
    const re = /(?:成为|是|系)([^，。；]{2,30}?)的[^，。；]{0,6}(?:供应商|配套商|供货商|合作伙伴)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const y = top.find((z) => z.type === 'Enterprise' && z.start === at + g[0].length - g[0].slice(g[0].indexOf(g[1])).length);
      const x = sc.orgBefore(at) ?? sc.clauseSubject(sc.clauseStart(at));
      if (x && y && /合作伙伴$/.test(g[0])) add(sc.ctx, { type: 'COOPERATES_WITH', from: x.entity, to: y.entity, ...sc.ev, rule: partner.id });
      else if (x && y) add(sc.ctx, { type: T, from: x.entity, to: y.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const supplierOfThese: RelationRule = {
  id: 'supplier-of-these',
  type: T,
  confidence: 0.75,
  description: '(作为)这几家/这些企业的(主)供应商，X…: X supplies each company of the list the demonstrative points back to.',
  examples: [
    { text: '全球订单被精达电子、群星电脑、远方科技三家企业包揽，作为这几家企业的按键主供应商，重庆宏讯橡胶有限公司必须紧跟这些厂家的动向。', relation: 'SUPPLIES 重庆宏讯橡胶有限公司 -> 群星电脑' },
  ],
  negatives: ['宏讯是这几家企业的股东之一。'],
  apply(sc) {
    const { s, top, text } = sc;
    const re = /(作为|是|成为)(?:这|该|上述|以上|前述)(?:[几两三四五六七八九十]|些)?家?(?:企业|公司|厂商|厂家|车企|客户)的[^，。；]{0,8}(?:供应商|配套商|供货商)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const end = at + g[0].length;
      const customers = companyList(text, top, at) ?? sc.d.lastList;
      if (!customers) continue;
      // 作为…供应商，X…: the fronted phrase describes the subject after the comma; X是…供应商: the one before.
      const x = g[1] === '作为' && at === sc.clauseStart(at) ? sc.firstAfter(end + 1, ['Enterprise'], 0) : sc.orgBefore(at) ?? sc.clauseSubject(sc.clauseStart(at));
      if (!x) continue;
      for (const y of customers) if (y.entity !== x.entity) add(sc.ctx, { type: T, from: x.entity, to: y.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const suppliedBy: RelationRule = {
  id: 'supplied-by',
  type: T,
  confidence: 0.85,
  description: '(X)所需Y由Z供应/提供: Z supplies the company the sentence is about.',
  examples: [
    { text: '重庆长安汽车股份有限公司扩大产能，所需座椅由重庆延锋安道拓汽车部件系统有限公司供应。', relation: 'SUPPLIES 重庆延锋安道拓汽车部件系统有限公司 -> 重庆长安汽车股份有限公司' },
    { text: '重庆赛力斯汽车有限公司负责人介绍，零部件由重庆博俊工业科技有限公司等30多家本地企业配套供应。', relation: 'SUPPLIES 重庆博俊工业科技有限公司 -> 重庆赛力斯汽车有限公司' },
  ],
  negatives: ['重庆长安汽车股份有限公司的座椅由工人手工安装。'],
  apply(sc) {
    const { text, s, top } = sc;
    const re = /由([^，。；由]{2,40}?)(?:配套供应|供应|提供|供货|配套)(?=[，。；]|$)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const span = at + 1 + g[1].length;
      // 由Z供应, 由Z、W等30多家本地企业配套供应: the companies of the agent phrase.
      const ys = top.filter((z) => z.type === 'Enterprise' && z.start > at && z.end <= span);
      if (!ys.length || ys[0].start !== at + 1 || (ys.length === 1 && ys[0].end !== span && !/^等/.test(text.slice(ys[0].end, span)))) continue;
      // What is supplied stands before 由: 所需X, 其X, or a short noun of its own (零部件由…).
      const lead = text.slice(sc.clauseStart(at), at);
      if (!/^(?:所需|所用|其|配套的|需要的)/.test(lead) && !(lead.length <= 6 && /^[\u4e00-\u9fff]+$/.test(lead) && !top.some((z) => z.start >= at - lead.length && z.end <= at))) continue;
      const customer = sc.referent(s.start) ?? sc.sentenceSubject() ?? sc.d.lastOrg;
      for (const y of ys) if (customer && customer.entity !== y.entity) add(sc.ctx, { type: T, from: y.entity, to: customer.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const suppliersInclude: RelationRule = {
  id: 'suppliers-include',
  type: T,
  confidence: 0.9,
  description: 'X的(主要)供应商包括/有A、B: each listed company supplies X.',
  examples: [
    { text: '重庆长安汽车股份有限公司的主要供应商包括重庆延锋安道拓汽车部件系统有限公司。', relation: 'SUPPLIES 重庆延锋安道拓汽车部件系统有限公司 -> 重庆长安汽车股份有限公司' },
  ],
  negatives: ['重庆长安汽车股份有限公司的主要客户包括重庆延锋安道拓汽车部件系统有限公司。'],
  apply(sc) {
    const { s, top } = sc;
    const re = /(?:主要|核心)?供应商(?:包括|有|为)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const customer = sc.orgBefore(at) ?? sc.clauseSubject(sc.clauseStart(at));
      if (!customer) continue;
      const xs = top.filter((z) => z.type === 'Enterprise' && z.start >= at + g[0].length && z.start <= sc.clauseEnd(at));
      for (const x of xs) add(sc.ctx, { type: T, from: x.entity, to: customer.entity, ...sc.ev, rule: this.id });
    }
  },
};

export const supplies: RelationRule = {
  id: 'supplies',
  type: T,
  confidence: 0.85,
  description: '(A)为B提供/供应/配套/组装, A向B供货, 供应给/销往B, 将(对应)配套A、B: the clause\'s organisation supplies each customer.',
  examples: [
    { text: '另一家代工大廠仁寶電腦（2324）則表示，已與重慶京東方光電科技有限公司簽署長期採購協議，由京東方為仁寶供應筆電面板。', relation: 'SUPPLIES 重庆京东方光电科技有限公司 -> 仁宝' },
  ],
  negatives: ['重庆京东方光电科技有限公司和仁宝电脑都在重庆设有工厂。'],
  apply(sc) {
    const { text, s, top, d } = sc;
    const re = SUPPLIES_TO;
    re.lastIndex = 0;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const objAt = g[1] != null ? at + 1 : at + g[0].length;
      let b = sc.firstAfter(objAt, ['Enterprise'], 0);
      let pronounSupplier: M | null = null;
      // 重庆医药将为公司产品提供服务 / X成为Y的供应商，为其供应: the supplier is the clause's subject, the
      // pronoun the other company.
      if (!b && g[1] != null) {
        // 公司将为其供应: 公司 the issuer supplies, 其 the partner just named.
        const cs0 = sc.clauseStart(at);
        const own = /^(?:公司|本公司|该公司)/.test(text.slice(cs0, at)) ? sc.referent(cs0) : null;
        pronounSupplier = own ?? top.find((x) => ORG.has(x.type) && x.end <= at) ?? null;
        b = (/^其/.test(text.slice(objAt)) && own ? top.filter((x) => x.type === 'Enterprise' && x.end <= at && x.entity !== own.entity).pop() : null) ?? sc.referent(objAt, pronounSupplier) ?? null;
      }
      if (!b) continue;
      const customer = b;
      // The supplier: an organisation in the same clause, a pronoun or 该中心 at the clause's head, the sentence's subject.
      const cs = sc.clauseStart(at);
      const inClause = top.filter((x) => ORG.has(x.type) && x.start >= cs && x.end <= at && x.entity !== customer.entity).pop();
      const anaphor = /^(?:据[^，]{0,4}，)?(?:该|此|这一?)(?:平台|中心|基地|园区|孵化器|产业大脑|大脑|联合体)/.test(text.slice(cs, at)) ? d.lastPlatform ?? top.filter((x) => x.type === 'Platform' && x.end <= at).pop() ?? null : null;
      let a = pronounSupplier ?? inClause ?? anaphor ?? sc.referent(cs, b) ?? sc.clauseSubject(cs, b) ?? sc.orgBefore(at, b) ?? d.lastOrg;
      // X产品交付中心负责人: a unit of company X speaks for X.
      if (a && a.type === 'Platform') {
        const unitName = sc.entities[a.entity].name;
        const unitOf = sc.entities.find((e) => e.type === 'Enterprise' && [e.name, ...e.aliases].some((n) => n.length >= 2 && unitName.startsWith(n)));
        if (unitOf) a = { ...a, entity: unitOf.index, type: 'Enterprise' };
      }
      // 供应给A、B等: every company in the list is a customer.
      const customers = [b];
      for (let k = top.indexOf(b) + 1; k > 0 && k < top.length && text[top[k - 1].end] === '、' && top[k].start === top[k - 1].end + 1; k++) customers.push(top[k]);
      // A park or platform does not assemble or make goods for a customer; its companies do.
      if (a && a.type === 'Platform' && /组装|代工|加工/.test(g[0])) continue;
      for (const c of customers) {
        if (a && a.entity !== c.entity && c.type === 'Enterprise') add(sc.ctx, { type: T, from: a.entity, to: c.entity, ...sc.ev, rule: this.id });
      }
    }
  },
};

/** X收获了A、B等…的订单: whoever wins a customer's orders supplies that customer. */
export const ordersFrom: RelationRule = {
  id: 'orders-from',
  type: T,
  confidence: 0.8,
  description: 'X收获/获得/拿到/斩获了A、B等(车企)…的订单: the company that wins the orders supplies each customer named.',
  examples: [{ text: '重庆宏钢汽车板材有限公司收获了长城汽车、沃尔沃等车企在西安工厂的钢材订单。', relation: 'SUPPLIES 重庆宏钢汽车板材有限公司 -> 沃尔沃' }],
  negatives: ['长城汽车、沃尔沃等车企的订单持续增长，重庆宏钢汽车板材有限公司产能饱满。'],
  apply(sc) {
    const { s, top } = sc;
    const re = /(?:收获|获得|拿到|斩获|赢得|接到|承接)了?([^，。；]{2,60}?)的[^，。；]{0,12}?订单/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const end = at + g[0].length;
      const customers = top.filter((x) => x.type === 'Enterprise' && x.start > at && x.end <= end);
      const supplier = top.filter((x) => ORG.has(x.type) && x.start >= sc.clauseStart(at) && x.end <= at).pop() ?? sc.clauseSubject(sc.clauseStart(at));
      if (!supplier) continue;
      for (const c of customers) if (c.entity !== supplier.entity) add(sc.ctx, { type: T, from: supplier.entity, to: c.entity, ...sc.ev, rule: this.id });
    }
  },
};

/** X是A、B等…企业指定的…制造商: X supplies every company of the list. */
export const designatedSupplier: RelationRule = {
  id: 'designated-supplier',
  type: T,
  confidence: 0.9,
  description: 'X是/作为A、B(等…)指定的…制造商/供应商/配套商: the supplier before the copula, each listed customer after it.',
  examples: [
    { text: '恒达机电公司是广达、仁宝等代工企业指定的测试设备制造商。', relation: 'SUPPLIES 恒达机电公司 -> 仁宝' },
  ],
  negatives: ['重庆华仕达机械制造有限公司是全市指定的疫情防控物资供应商。'],
  apply({ ctx, text, s, top, ev }) {
    const re = /(?:是|系|作为|成为)([^，。；]{2,60}?)指定的[^，。；]{0,16}?(?:制造商|供应商|配套商|供货商|服务商)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const end = at + g[0].length;
      const customers = top.filter((x) => x.type === 'Enterprise' && x.start > at && x.end <= end);
      let cs = at;
      while (cs > s.start && !/[，：；。]/.test(text[cs - 1])) cs--;
      const supplier = top.filter((x) => ORG.has(x.type) && x.start >= cs && x.end <= at).pop();
      if (!supplier) continue;
      for (const c of customers) add(ctx, { type: T, from: supplier.entity, to: c.entity, ...ev, rule: this.id });
    }
  },
};
