import type { M } from './context';
import { add } from './context';
import type { RelationRule } from './rule';
import type { SentenceScope } from './scope';

const T = 'MEMBER_OF' as const;

/** The cluster a sentence speaks of: one it names, or 该集群/这一集群 for the last one named. */
function clusterOf(sc: SentenceScope): M | null {
  return sc.top.find((m) => m.type === 'Cluster') ?? (/该(?:产业)?集群|^(?:[^，]{0,8}，)?(?:这一|这个)?(?:产业)?集群/.test(sc.s.text) ? sc.d.lastCluster : null);
}

/** Each company inside the matches of `re` in the sentence joins the cluster with `role`. */
function listed(sc: SentenceScope, re: RegExp, role: 'leader' | 'member', rule: string) {
  const cluster = clusterOf(sc);
  if (!cluster) return;
  re.lastIndex = 0;
  for (let g = re.exec(sc.s.text); g; g = re.exec(sc.s.text)) {
    const a = sc.s.start + g.index;
    const b = a + g[0].length;
    for (const x of sc.top) if (x.type === 'Enterprise' && x.start >= a && x.end <= b) add(sc.ctx, { type: T, from: x.entity, to: cluster.entity, role, ...sc.ev, rule });
  }
}

export const leaderList: RelationRule = {
  id: 'leader-list',
  type: T,
  confidence: 0.9,
  description: '(C…)以A、B等为龙头/链主: each company of the list leads the cluster.',
  examples: [
    { text: '再如,巴南区先进动力装备产业集群则以宗申动力、吉利芸峰等为龙头,集聚了原材料、零部件、终端、研发、销售等产业链上下游企业207家,形成“基础零部件、关键配套件、动力总成、整车、终端服务平台”链式发展结构。', relation: 'MEMBER_OF 宗申动力 -> 先进动力装备产业集群' },
  ],
  negatives: ['巴南区先进动力装备产业集群以宗申动力、吉利芸峰等为代表。'],
  apply(sc) {
    listed(sc, /以([^，。；为]{2,60}?)等?为(?:龙头|链主)/g, 'leader', this.id);
  },
};

export const leaderOf: RelationRule = {
  id: 'leader-of',
  type: T,
  confidence: 0.9,
  description: 'X是/作为C的链主(企业)/龙头: the subject before the cluster leads it.',
  examples: [
    { text: '重庆华峰化工有限公司是涪陵区聚氨酯新材料产业集群的链主企业。', relation: 'MEMBER_OF 重庆华峰化工有限公司 -> 聚氨酯新材料产业集群' },
  ],
  negatives: ['重庆华峰化工有限公司是涪陵区聚氨酯新材料产业集群的成员。'],
  apply(sc) {
    const { text, s, top } = sc;
    if (!clusterOf(sc)) return;
    for (const c of top) {
      if (c.type !== 'Cluster' || !/^的(?:链主|龙头)/.test(text.slice(c.end, c.end + 3))) continue;
      const verb = /(?:是|为|作为|成为)[^，。；]{0,6}$/.exec(text.slice(Math.max(s.start, c.start - 10), c.start));
      if (!verb) continue;
      const vAt = c.start - verb[0].length;
      const x = top.filter((y) => y.type === 'Enterprise' && y.end <= vAt && vAt - y.end <= 2).pop() ?? sc.referent(Math.max(s.start, vAt - 2)) ?? sc.referent(Math.max(s.start, vAt - 3));
      if (x) add(sc.ctx, { type: T, from: x.entity, to: c.entity, role: 'leader', ...sc.ev, rule: this.id });
    }
  },
};

export const leaderNamed: RelationRule = {
  id: 'leader-named',
  type: T,
  confidence: 0.8,
  description: '(C…)龙头企业X / 链主X: the company a sentence about a cluster calls its 龙头 or 链主.',
  examples: [
    { text: '上游新闻记者从璧山区获悉，由链主企业重庆青山工业有限责任公司牵引，璧山区新能源汽车零部件产业集群已聚集配套企业120余家。', relation: 'MEMBER_OF 重庆青山工业有限责任公司 -> 新能源汽车零部件产业集群' },
  ],
  negatives: ['璧山区新能源汽车零部件产业集群已聚集配套企业120余家，重庆青山工业有限责任公司产量增长。'],
  apply(sc) {
    const cluster = clusterOf(sc);
    if (!cluster) return;
    const re = /(?:龙头企业|链主企业|链主)/g;
    for (let g = re.exec(sc.s.text); g; g = re.exec(sc.s.text)) {
      const x = sc.firstAfter(sc.s.start + g.index + g[0].length, ['Enterprise'], 0);
      if (x) add(sc.ctx, { type: T, from: x.entity, to: cluster.entity, role: 'leader', ...sc.ev, rule: this.id });
    }
  },
};

export const memberPartakes: RelationRule = {
  id: 'member-partakes',
  type: T,
  confidence: 0.85,
  description: '(C…)A、B等32家企业配套协作/参与/加入: the companies that take part in the cluster.',
  examples: [
    { text: '巴南区汽摩产业集群快速发展，宗申动力、隆鑫通用等32家企业配套协作。', relation: 'MEMBER_OF 隆鑫通用 -> 汽摩产业集群' },
  ],
  negatives: ['巴南区汽摩产业集群快速发展，宗申动力、隆鑫通用等32家企业参加展会。'],
  apply(sc) {
    listed(sc, /(?:^|[，；])([^，。；]{2,80}?)等[0-9]*(?:多|余)?家(?:企业|单位)?(?:配套|协作|参与|加入|入驻|协同|集聚)/g, 'member', this.id);
  },
};

export const memberGathered: RelationRule = {
  id: 'member-gathered',
  type: T,
  confidence: 0.8,
  description: '(C…)引育/集聚了A、B等(一批)企业: the companies the cluster gathers.',
  examples: [
    { text: '第一财经记者从重庆两江新区获悉,两江新区卫星互联网产业集群已形成以重庆星联通信技术有限公司为链主的产业生态,先后引进了重庆天拓航天科技有限公司、重庆北辰星载电子有限公司等28家上下游企业.', relation: 'MEMBER_OF 重庆天拓航天科技有限公司 -> 卫星互联网产业集群' },
  ],
  negatives: ['两江新区卫星互联网产业集群发展迅速，重庆天拓航天科技有限公司参加了论坛。'],
  apply(sc) {
    listed(sc, /(?:引育|引进|培育|集聚|聚集|汇聚|吸引|汇集)了?([^，。；]{2,80}?)等/g, 'member', this.id);
  },
};
