import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract';

function relations(text: string) {
  const r = extractArticle(text, { file: 't.txt' });
  const name = (id: string) => r.spec.entities.find((e) => e.id === id)!.name;
  for (const rel of r.spec.relations) expect(text.slice(rel.evidence.start, rel.evidence.end)).toBe(rel.evidence.text);
  return r.spec.relations.map((x) => `${x.type} ${name(x.from)} -> ${name(x.to)}${x.properties.amountCny ? ` ${x.properties.amountCny}` : ''}${x.properties.role ? ` ${x.properties.role}` : ''}`);
}

describe('relate', () => {
  it('reads a district list of signed projects with investors and amounts', () => {
    const rels = relations('具体项目为：荣昌区2个，分别是重庆甲乙丙科技有限公司投资3亿元的智能装备项目、丁戊己材料有限公司投资5000万元的新材料研发项目。');
    expect(rels).toEqual(expect.arrayContaining([
      'LOCATED_IN 智能装备项目 -> 荣昌区',
      'LOCATED_IN 新材料研发项目 -> 荣昌区',
      'INVESTS_IN 重庆甲乙丙科技有限公司 -> 智能装备项目 300000000',
      'INVESTS_IN 丁戊己材料有限公司 -> 新材料研发项目 50000000',
    ]));
    expect(rels).not.toContain('INVESTS_IN 重庆甲乙丙科技有限公司 -> 新材料研发项目');
  });

  it('places a company 位于D的X and X为D企业', () => {
    expect(relations('位于江津区的重庆示范农机有限公司正在扩产。')).toContain('LOCATED_IN 重庆示范农机有限公司 -> 江津区');
    expect(relations('重庆示范农机有限公司成立于2010年，为江津区企业。')).toContain('LOCATED_IN 重庆示范农机有限公司 -> 江津区');
  });

  it('reads cluster leaders and members', () => {
    const rels = relations('荣昌区生猪精深加工产业集群以驰骋科电、蓝鲸智航等为龙头，并引育云杉智农、白鹭智能等一批知名企业。');
    expect(rels).toEqual(expect.arrayContaining([
      'LOCATED_IN 生猪精深加工产业集群 -> 荣昌区',
      'MEMBER_OF 驰骋科电 -> 生猪精深加工产业集群 leader',
      'MEMBER_OF 蓝鲸智航 -> 生猪精深加工产业集群 leader',
      'MEMBER_OF 云杉智农 -> 生猪精深加工产业集群 member',
    ]));
  });

  it('reads who built a platform, who cooperates and who supplies whom', () => {
    const rels = relations('目前，云栖米网已与重庆示范精工股份有限公司合作。以云栖米网打造的汽配产业大脑为例，效率提升。重庆蓝湾精密铸造有限公司正在为重庆示范精工股份有限公司提供铸件。');
    expect(rels).toEqual(expect.arrayContaining([
      'COOPERATES_WITH 云栖米网 -> 重庆示范精工股份有限公司',
      'OPERATES 云栖米网 -> 汽配产业大脑',
      'SUPPLIES 重庆蓝湾精密铸造有限公司 -> 重庆示范精工股份有限公司',
    ]));
  });

  it('places a platform whose name begins with a district', () => {
    expect(relations('重庆将加快璧山智算中心、铜梁数据中心等算力资源整合。')).toEqual(expect.arrayContaining([
      'LOCATED_IN 璧山智算中心 -> 璧山区',
      'LOCATED_IN 铜梁数据中心 -> 铜梁区',
    ]));
  });

  it('reads a consortium: the founder operates it, the members cooperate', () => {
    const rels = relations('重庆示范精工股份有限公司联合驰骋科电、蓝鲸智航等5家单位，组建“智能铸造创新联合体”。');
    expect(rels).toEqual(expect.arrayContaining([
      'OPERATES 重庆示范精工股份有限公司 -> 智能铸造创新联合体',
      'COOPERATES_WITH 重庆示范精工股份有限公司 -> 驰骋科电',
      'COOPERATES_WITH 驰骋科电 -> 智能铸造创新联合体',
    ]));
  });

  it('reads a locative opener and 销往 customers in half-width punctuation', () => {
    const rels = relations('潼南区高新区内,重庆润川新材料科技有限公司正加紧生产.公司负责人介绍,产品主要销往蓝鲸智航、驰骋科电等电池企业。');
    expect(rels).toEqual(expect.arrayContaining([
      'LOCATED_IN 重庆润川新材料科技有限公司 -> 潼南区',
      'SUPPLIES 重庆润川新材料科技有限公司 -> 蓝鲸智航',
      'SUPPLIES 重庆润川新材料科技有限公司 -> 驰骋科电',
    ]));
  });
});
