import { districtAt, districtPrefix } from '../gazetteer';
import type { Sentence } from '../split';
import type { Ctx, M } from './context';
import { add } from './context';
import { namedAfter, namedOperator } from './operates';
import type { RelationRule } from './rule';

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
