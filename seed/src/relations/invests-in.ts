import { parseAmount } from '../amount';
import type { FoundRelation, M } from './context';
import { BUILD, INVEST } from '../lexicon';
import { add } from './context';
import type { RelationRule } from './rule';
import type { SentenceScope } from './scope';

const T = 'INVESTS_IN' as const;
/** A、B投资N元(建设)的P, 签约的P: the investment verb before the project, its amount in the group. */
const INVESTED_IN = new RegExp(`(?:${INVEST}|签约)([^，；。的]{0,16})(?:建设|兴建|打造|新建)?的?$`);
/** 公司拟以自有资金约3.5亿元在D建设P: money put into building is an investment. */
const OWN_FUNDS = new RegExp(`(?:以|用)(?:自有|自筹|募集)?资金([^，；。的]{0,16}?)(?:在[^，；。]{1,12})?(?:${BUILD})“?$`);
/** (在D)(与Y合作)建设P: a clause that only builds, its investment stated in the clause before. */
const BUILD_CLAUSE = new RegExp(`^(?:(?:在|于)[^，。；]{1,24})?(?:与[^，。；]{2,30}?(?:合作|共同|联合))?(?:用于|主要)?(?:${BUILD})“?$`);

export const invests: RelationRule = {
  id: 'invests',
  type: T,
  confidence: 0.9,
  description: 'A、B投资N元(建设)的P / X拟投资N元，在D建设P / 以自有资金…建设P / 双方合资建设P: the investors before the verb, the amount where the text gives one.',
  examples: [
    { text: '具体项目为：大足区1个，智通润达（北京）科技有限公司投资65亿元的全固态复合材料电池制造及成套产业链项目；', relation: 'INVESTS_IN 智通润达（北京）科技有限公司 -> 全固态复合材料电池制造及成套产业链项目' },
  ],
  negatives: ['全固态复合材料电池制造及成套产业链项目由市里统筹推进。'],
  on: 'Project',
  each(sc, m) {
    const { text, s, top, d } = sc;
    // 总投资20亿元的P / P总投资约25亿元 / P，该项目总投资465亿元: the project's own amount.
    const own = /总投资[^，。；的]{0,10}的“?$/.exec(text.slice(Math.max(s.start, m.start - 16), m.start));
    const ownAmount = own ? sc.amountNear(m.start - own[0].length, m.start) : sc.amountAfter(m);
    if (ownAmount != null && !d.projectAmount.has(m.entity)) d.projectAmount.set(m.entity, ownAmount);
    const cs = sc.clauseStart(m.start);
    const lead = text.slice(cs, m.start);
    let inv =
      INVESTED_IN.exec(lead) ??
      /(?:投资|投建)(?:建设)?$/.exec(lead) ??
      // 公司拟以自有资金约3.5亿元在D建设P: money put into building is an investment.
      OWN_FUNDS.exec(lead);
    let invFrom = cs;
    // X拟投资5亿美元，在D建设P / X将在D投资8亿元，建设P: the investment is stated in the clause before.
    // X在D投资N元，与Y合作建设P: the partner named in the clause does not change who invests.
    if (!inv && BUILD_CLAUSE.test(lead) && cs - 1 > s.start) {
      const cs2 = sc.clauseStart(cs - 1);
      const prev = /(?:投资|出资)([^，；。的]{0,16})$/.exec(text.slice(cs2, cs - 1));
      if (prev) {
        inv = prev;
        invFrom = cs2;
      }
    }
    if (!inv) return;
    sc.invested.add(m);
    const verbAt = invFrom + inv.index;
    const amount = parseAmount(inv[1] ?? '');
    // In a list of projects, a project's investors follow the previous project.
    const prevProject = top.filter((x) => x.type === 'Project' && x.end <= verbAt && x.start >= invFrom).pop();
    const from = prevProject ? prevProject.end : invFrom;
    let investors = top.filter((x) => x.type === 'Enterprise' && x.start >= from && x.end <= verbAt);
    if (!investors.length && /^(?:双方|两家|三方)/.test(text.slice(cs, cs + 2))) investors = sc.pairBefore(cs) ?? d.lastPair ?? [];
    if (!investors.length) {
      // 该公司拟投资…建设P, 公司拟以自有资金投资建设P, 新公司将在D投资建设P.
      const subj = (invFrom !== cs ? sc.clauseSubject(invFrom) : null) ?? sc.clauseSubject(cs) ?? sc.referent(Math.max(cs, verbAt - 4));
      if (subj) investors = [subj];
    }
    // 拟以自有资金约20亿元投资建设P: an amount between the investor and the verb.
    const lastInv = investors.length ? Math.max(cs, investors[investors.length - 1].end) : cs;
    let cny = amount?.currency === 'CNY' ? amount.value : amount ? undefined : sc.amountNear(lastInv, verbAt);
    cny ??= d.projectAmount.get(m.entity) ?? sc.amountAfter(m);
    for (const e of investors) {
      const r: FoundRelation = { type: T, from: e.entity, to: m.entity, ...sc.ev, rule: this.id };
      if (cny != null) r.amountCny = cny;
      else if (amount && amount.currency !== 'CNY') r.amount = { value: amount.value, currency: amount.currency };
      add(sc.ctx, r);
    }
  },
};

export const ownProject: RelationRule = {
  id: 'own-project',
  type: T,
  confidence: 0.75,
  description: 'X年产…项目 / X的P项目: a company written right before a project (and no investment verb) is its investor.',
  examples: [
    { text: '重庆长安汽车股份有限公司年产50万台新能源汽车电驱项目在两江新区开工。', relation: 'INVESTS_IN 重庆长安汽车股份有限公司 -> 年产50万台新能源汽车电驱项目' },
  ],
  negatives: ['重庆长安汽车股份有限公司投资建设年产50万台新能源汽车电驱项目。'],
  on: 'Project',
  each(sc, m) {
    const owner = sc.top.filter((x) => x.type === 'Enterprise' && x.end <= m.start).pop();
    if (sc.invested.has(m) || !owner || !/^的?“?$/.test(sc.text.slice(owner.end, m.start))) return;
    const r: FoundRelation = { type: T, from: owner.entity, to: m.entity, ...sc.ev, rule: this.id };
    const cny = sc.d.projectAmount.get(m.entity) ?? sc.amountAfter(m) ?? sc.projectTotalLater(m);
    if (cny != null) r.amountCny = cny;
    add(sc.ctx, r);
  },
};

/**
 * X invests in the project named before `at` in the sentence, or in 该项目 (the last one talked about)
 * when `lead` ends with it; the amount is the project's own, or one stated later in the sentence
 * (P由X投资，…，项目总投资约N元).
 */
function investsInProjectBefore(sc: SentenceScope, x: M, at: number, lead: string, rule: string) {
  const p = sc.top.filter((y) => y.type === 'Project' && y.end <= at).pop() ?? (/(?:该|此)?项目$/.test(lead) ? sc.d.lastProject : null);
  if (!p) return;
  const r: FoundRelation = { type: T, from: x.entity, to: p.entity, ...sc.ev, rule };
  const cny = sc.d.projectAmount.get(p.entity) ?? (sc.top.includes(p) ? sc.projectTotalLater(p) : undefined);
  if (cny != null) r.amountCny = cny;
  add(sc.ctx, r);
}

export const implementedBy: RelationRule = {
  id: 'implemented-by',
  type: T,
  confidence: 0.85,
  description: '(该)项目以X为(实施)主体: the company that carries out the project invests in it.',
  examples: [{ text: '总投资3亿元的高端铝材精深加工一期项目建设完毕。该项目以鑫泰铝业为主体打造生产和研发中心。', relation: 'INVESTS_IN 鑫泰铝业 -> 高端铝材精深加工一期项目' }],
  negatives: ['高端铝材精深加工一期项目建设完毕，全市以企业为主体推进创新。'],
  apply(sc) {
    const { text, s, top } = sc;
    const re = /以([^，。；以为]{2,12}?)为(?:实施|建设|投资|运营|项目)?主体/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const x = top.find((y) => y.type === 'Enterprise' && y.start === at + 1);
      if (!x) continue;
      investsInProjectBefore(sc, x, at, text.slice(sc.clauseStart(at), at), this.id);
    }
  },
};

export const investedBy: RelationRule = {
  id: 'invested-by',
  type: T,
  confidence: 0.85,
  description: '(该)项目由X投资(建设): the project of the clause or sentence before, invested by X.',
  examples: [
    { text: '报告期内,位于两江新区的超级工厂二期项目已开工,该项目由赛力斯投资建设;', relation: 'INVESTS_IN 赛力斯 -> 超级工厂二期项目' },
  ],
  negatives: ['超级工厂二期项目由两江新区统一规划。'],
  apply(sc) {
    const { text, s, top } = sc;
    const re = /由([^，。；由]{2,30}?)(?:负责)?(?:投资建设|投资|出资建设|投建)(?!的)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      // 由(知名的)X投资: the last company inside the 由…投资 span.
      const x = top.filter((y) => y.type === 'Enterprise' && y.start > at && y.end <= at + g[0].length).pop();
      if (!x) continue;
      investsInProjectBefore(sc, x, at, text.slice(Math.max(s.start, at - 4), at), this.id);
    }
  },
};
