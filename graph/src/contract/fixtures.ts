import type { ArticleExtraction, EntityType, ExtractedRelation, MemberRole, RelationType } from '../model';

interface FixtureEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases?: string[];
}

interface FixtureRelation {
  type: RelationType;
  from: string;
  to: string;
  /** The sentence of the article that states it; must occur in the text. */
  evidence: string;
  amountCny?: number;
  role?: MemberRole;
}

/** Builds an extraction the way the seed pipeline would, with evidence offsets computed from the text. */
export function article(
  meta: { title: string; date: string; text: string },
  entities: FixtureEntity[],
  relations: FixtureRelation[],
): ArticleExtraction {
  return {
    article: { title: meta.title, date: meta.date, source: '测试日报', url: null, text: meta.text },
    entities: entities.map((e) => ({ key: e.key, type: e.type, name: e.name, aliases: e.aliases ?? [] })),
    relations: relations.map((r): ExtractedRelation => {
      const start = meta.text.indexOf(r.evidence);
      if (start < 0) throw new Error(`fixture evidence not in text: ${r.evidence}`);
      return {
        type: r.type,
        from: r.from,
        to: r.to,
        amountCny: r.amountCny ?? null,
        role: r.role ?? null,
        evidence: { text: r.evidence, start, end: start + r.evidence.length },
      };
    }),
  };
}

// Hand-made articles in the style of the region's business news (invented companies).

const T1 =
  '山城日报讯 江北区签约一批重大项目。其中，重庆星河动力科技有限公司（以下简称星河动力）投资12亿元的新能源电驱系统项目落户江北区。' +
  '星河动力与云帆智造合作搭建了云帆工业互联网平台。以星河动力为龙头，江北区智能网联汽车产业集群加快成长。';

export const ARTICLE_1 = article(
  { title: '江北区签约一批重大项目', date: '2025-01-10', text: T1 },
  [
    { key: 'd1', type: 'District', name: '江北区', aliases: ['江北'] },
    { key: 'e1', type: 'Enterprise', name: '重庆星河动力科技有限公司', aliases: ['星河动力'] },
    { key: 'e2', type: 'Enterprise', name: '云帆智造' },
    { key: 'p1', type: 'Project', name: '新能源电驱系统项目' },
    { key: 'pl1', type: 'Platform', name: '云帆工业互联网平台' },
    { key: 'c1', type: 'Cluster', name: '智能网联汽车产业集群', aliases: ['江北区智能网联汽车产业集群'] },
  ],
  [
    {
      type: 'INVESTS_IN',
      from: 'e1',
      to: 'p1',
      amountCny: 1_200_000_000,
      evidence: '重庆星河动力科技有限公司（以下简称星河动力）投资12亿元的新能源电驱系统项目落户江北区',
    },
    { type: 'LOCATED_IN', from: 'p1', to: 'd1', evidence: '投资12亿元的新能源电驱系统项目落户江北区' },
    { type: 'COOPERATES_WITH', from: 'e2', to: 'e1', evidence: '星河动力与云帆智造合作搭建了云帆工业互联网平台' },
    { type: 'OPERATES', from: 'e2', to: 'pl1', evidence: '星河动力与云帆智造合作搭建了云帆工业互联网平台' },
    { type: 'MEMBER_OF', from: 'e1', to: 'c1', role: 'leader', evidence: '以星河动力为龙头，江北区智能网联汽车产业集群加快成长' },
    { type: 'LOCATED_IN', from: 'c1', to: 'd1', evidence: '江北区智能网联汽车产业集群加快成长' },
  ],
);

const T2 =
  '山城日报讯 位于巴南区的蓝鲸电池有限公司正在为星河动力提供动力电池。蓝鲸电池与星河动力携手，共同推进电池回收。';

/** Names 星河动力 by its short name only: it must land on the node of ARTICLE_1. */
export const ARTICLE_2 = article(
  { title: '巴南区电池企业配套整车', date: '2025-02-03', text: T2 },
  [
    { key: 'd1', type: 'District', name: '巴南区', aliases: ['巴南'] },
    { key: 'e1', type: 'Enterprise', name: '蓝鲸电池有限公司', aliases: ['蓝鲸电池'] },
    { key: 'e2', type: 'Enterprise', name: '星河动力' },
  ],
  [
    { type: 'LOCATED_IN', from: 'e1', to: 'd1', evidence: '位于巴南区的蓝鲸电池有限公司' },
    { type: 'SUPPLIES', from: 'e1', to: 'e2', evidence: '蓝鲸电池有限公司正在为星河动力提供动力电池' },
    { type: 'COOPERATES_WITH', from: 'e2', to: 'e1', evidence: '蓝鲸电池与星河动力携手，共同推进电池回收' },
  ],
);

const T3 = '山城日报讯 璧山区的青木材料股份有限公司为蓝鲸电池供应隔膜，并加入璧山区新材料产业集群。';

export const ARTICLE_3 = article(
  { title: '璧山区新材料企业', date: '2025-03-15', text: T3 },
  [
    { key: 'd1', type: 'District', name: '璧山区', aliases: ['璧山'] },
    { key: 'e1', type: 'Enterprise', name: '青木材料股份有限公司', aliases: ['青木材料'] },
    { key: 'e2', type: 'Enterprise', name: '蓝鲸电池' },
    { key: 'c1', type: 'Cluster', name: '新材料产业集群', aliases: ['璧山区新材料产业集群'] },
  ],
  [
    { type: 'LOCATED_IN', from: 'e1', to: 'd1', evidence: '璧山区的青木材料股份有限公司' },
    { type: 'SUPPLIES', from: 'e1', to: 'e2', evidence: '青木材料股份有限公司为蓝鲸电池供应隔膜' },
    { type: 'MEMBER_OF', from: 'e1', to: 'c1', role: 'member', evidence: '并加入璧山区新材料产业集群' },
    { type: 'LOCATED_IN', from: 'c1', to: 'd1', evidence: '璧山区新材料产业集群' },
  ],
);

const T4 =
  '山城日报讯 星河动力为青木材料供应电驱样机。星河动力为长风汽车有限公司提供电驱系统。位于江北区的长风汽车有限公司投资5亿元的整车基地项目落户江北区。';

/**
 * Closes a supply cycle (青木材料 → 蓝鲸电池 → 星河动力 → 青木材料), gives 星河动力 a customer
 * downstream, and a second, later project in 江北区 by an investor of no cluster.
 */
export const ARTICLE_4 = article(
  { title: '星河动力配套整车', date: '2026-02-01', text: T4 },
  [
    { key: 'e1', type: 'Enterprise', name: '星河动力' },
    { key: 'e2', type: 'Enterprise', name: '青木材料' },
    { key: 'e3', type: 'Enterprise', name: '长风汽车有限公司', aliases: ['长风汽车'] },
    { key: 'p1', type: 'Project', name: '整车基地项目' },
    { key: 'd1', type: 'District', name: '江北区' },
  ],
  [
    { type: 'SUPPLIES', from: 'e1', to: 'e2', evidence: '星河动力为青木材料供应电驱样机' },
    { type: 'SUPPLIES', from: 'e1', to: 'e3', evidence: '星河动力为长风汽车有限公司提供电驱系统' },
    { type: 'LOCATED_IN', from: 'e3', to: 'd1', evidence: '位于江北区的长风汽车有限公司' },
    { type: 'INVESTS_IN', from: 'e3', to: 'p1', amountCny: 500_000_000, evidence: '长风汽车有限公司投资5亿元的整车基地项目' },
    { type: 'LOCATED_IN', from: 'p1', to: 'd1', evidence: '整车基地项目落户江北区' },
  ],
);
