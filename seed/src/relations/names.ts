import { districtAt, districtPrefix } from '../gazetteer';
import { tags } from '../lexicon';
import type { Sentence } from '../split';
import type { Ctx, M } from './context';
import { add } from './context';
import { namedAfter, namedOperator } from './operates';
import type { RelationRule } from './rule';

export const namedInvestor: RelationRule = {
  id: 'named-investor',
  type: 'INVESTS_IN',
  confidence: 0.75,
  description: 'A project named after a company of the page (X新能源汽车总成项目 beside 中山X股份有限公司, short or place-less forms too), and no other investor stated, is that company\'s investment.',
  runs: 'names',
  examples: [
    { text: '重庆临空开发投资有限公司与江门星河电机股份有限公司签署投资协议，星河电机新能源汽车总成项目正式签约落户渝北。', relation: 'INVESTS_IN 江门星河电机股份有限公司 -> 星河电机新能源汽车总成项目' },
  ],
  negatives: ['重庆星河电机股份有限公司总经理表示，重庆新能源汽车总成项目由宏图集团投资建设。'],
};

export const namePrefix: RelationRule = {
  id: 'name-prefix',
  type: 'LOCATED_IN',
  confidence: 0.7,
  description: 'A platform, project or cluster whose own name begins with a district (两江水土云计算中心, 渝北区北斗应用产业集群) is in it.',
  runs: 'names',
  examples: [
    { text: '其中，“2346”布局里，“2”是夯实算力与大模型两项基础，在提升人工智能基础算力方面，重庆将加快两江水土云计算中心、西部科学城先进数据中心等现有算力资源整合，为人工智能及服务机器人企业来渝发展提供基础算力资源；', relation: 'LOCATED_IN 两江水土云计算中心 -> 两江新区' },
  ],
  negatives: ['重庆高新区与合川区共建的新材料产业园正式开园。'],
};

/** Relations that a name states by itself, wherever it stands: evidence is the sentence of its first mention. */
export function relateNames(ctx: Ctx, sentences: Sentence[], typed: M[]) {
  const { text, entities } = ctx;
  const districtOf = new Map<string, number>();
  for (const e of entities) if (e.type === 'District') districtOf.set(e.name, e.index);
  // The sentence of a mention by binary search, and each entity's first mention once: pages with
  // thousands of names and sentences stay linear.
  const sentenceOf = (m: M | undefined) => {
    if (!m) return undefined;
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end < m.end) lo = mid + 1;
      else if (sentences[mid].start > m.start) hi = mid - 1;
      else return sentences[mid].start <= m.start && m.end <= sentences[mid].end ? sentences[mid] : undefined;
    }
    return undefined;
  };
  const firstMention = new Map<number, M>();
  for (const m of typed) if (!firstMention.has(m.entity)) firstMention.set(m.entity, m);

  for (const e of entities) {
    if (e.type !== 'Platform' && e.type !== 'Project' && e.type !== 'Cluster') continue;
    let district: number | undefined;
    let form = e.name;
    if (e.type === 'Cluster') {
      if (!e.district) continue;
      district = districtOf.get(e.district);
      form = e.aliases.find((a) => a.endsWith(e.name) && a !== e.name) ?? e.name;
    } else {
      // 协同创新区创新工坊: a zone's short form names it when the zone is on the page.
      const d = districtPrefix(e.name) ?? districtAt(e.name, 0, ['contextual']);
      if (!d || e.name.length - d.form.length < 3) continue;
      district = districtOf.get(d.district);
    }
    if (district == null) continue;
    const s = sentenceOf((form !== e.name ? typed.find((x) => x.entity === e.index && text.startsWith(form, x.start)) : undefined) ?? firstMention.get(e.index));
    if (s) add(ctx, { type: 'LOCATED_IN', from: e.index, to: district, start: s.start, end: s.end, rule: namePrefix.id });
  }

  // A project named after a company of the page is its investment, unless the page names another investor.
  const invested = new Set(ctx.out.filter((r) => r.type === 'INVESTS_IN').map((r) => r.to));
  const companies = entities.filter((e) => e.type === 'Enterprise').map((e) => ({ e, forms: companyForms(e.name, e.aliases) }));
  for (const p of entities) {
    if (p.type !== 'Project' || invested.has(p.index)) continue;
    const owner = companies.find(({ forms }) => forms.some((f) => p.name.startsWith(f) && p.name.length - f.length >= 4));
    if (!owner) continue;
    const first = firstMention.get(p.index);
    // The sentence naming both, if there is one; else where the project is first named.
    const both = typed.find((m) => m.entity === p.index && typed.some((o) => o.entity === owner.e.index && sentenceOf(o) === sentenceOf(m)));
    const s = sentenceOf(both ?? first);
    if (s) add(ctx, { type: 'INVESTS_IN', from: owner.e.index, to: p.index, start: s.start, end: s.end, rule: namedInvestor.id });
  }

  for (const p of entities) {
    if (p.type !== 'Platform') continue;
    const core = /网$/.test(p.name) ? p.name.slice(0, -1) : null;
    const forms = [p.name, ...p.aliases].filter((n) => n.length >= 3).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const operator = forms.length ? new RegExp(`^(?:重庆市?)?(?:${forms.join('|')})(?:开发|建设|投资|运营|管理|发展)`) : null;
    for (const e of entities) {
      if (e.type !== 'Enterprise') continue;
      // 重庆X网络科技有限公司 runs X网; 重庆国际生物城开发投资有限公司 runs 重庆国际生物城.
      const rule = core && e.name.includes(`${core}网络`) ? namedAfter.id : operator?.test(e.name) ? namedOperator.id : null;
      if (!rule) continue;
      const s = sentenceOf(firstMention.get(e.index));
      if (s) add(ctx, { type: 'OPERATES', from: e.index, to: p.index, start: s.start, end: s.end, rule });
    }
  }
}

/** A company's names a project may begin with: its name, its aliases, and each without a leading place (中山大洋电机 → 大洋电机). */
function companyForms(name: string, aliases: string[]): string[] {
  const out = new Set<string>();
  for (const n of [name, ...aliases]) {
    if (/(?:有限公司|有限责任公司|股份公司)$/.test(n)) continue;
    out.add(n);
    const lead = tags(n)[0];
    if (lead && lead.tag === 'ns' && n.length - lead.word.length >= 3) out.add(n.slice(lead.word.length));
  }
  return [...out].filter((f) => f.length >= 3 && !districtAt(f, 0));
}
