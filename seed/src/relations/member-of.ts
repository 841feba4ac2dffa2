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
  description: '(C…)以A、B等为龙头/链主: each company of the list leads the cluster.',
  examples: [],
  negatives: [],
  apply(sc) {
    listed(sc, /以([^，。；为]{2,60}?)等?为(?:龙头|链主)/g, 'leader', this.id);
  },
};

export const leaderOf: RelationRule = {
  id: 'leader-of',
  type: T,
  description: 'X是/作为C的链主(企业)/龙头: the subject before the cluster leads it.',
  examples: [],
  negatives: [],
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
  description: '(C…)龙头企业X / 链主X: the company a sentence about a cluster calls its 龙头 or 链主.',
  examples: [],
  negatives: [],
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
  description: '(C…)A、B等32家企业配套协作/参与/加入: the companies that take part in the cluster.',
  examples: [],
  negatives: [],
  apply(sc) {
    listed(sc, /(?:^|[，；])([^，。；]{2,80}?)等[0-9]*(?:多|余)?家(?:企业|单位)?(?:配套|协作|参与|加入|入驻|协同|集聚)/g, 'member', this.id);
  },
};

export const memberGathered: RelationRule = {
  id: 'member-gathered',
  type: T,
  description: '(C…)引育/集聚了A、B等(一批)企业: the companies the cluster gathers.',
  examples: [],
  negatives: [],
  apply(sc) {
    listed(sc, /(?:引育|引进|培育|集聚|聚集|汇聚|吸引|汇集)了?([^，。；]{2,80}?)等/g, 'member', this.id);
  },
};
