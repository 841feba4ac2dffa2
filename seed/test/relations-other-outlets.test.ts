import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract';

function relations(text: string) {
  const r = extractArticle(text, { file: 't.txt' });
  const name = (id: string) => r.spec.entities.find((e) => e.id === id)!.name;
  for (const rel of r.spec.relations) expect(text.slice(rel.evidence.start, rel.evidence.end)).toBe(rel.evidence.text);
  return r.spec.relations.map((x) => `${x.type} ${name(x.from)} -> ${name(x.to)}${x.properties.amountCny ? ` ${x.properties.amountCny}` : ''}${x.properties.role ? ` ${x.properties.role}` : ''}`);
}

describe('relate: constructions of other outlets', () => {
  it('reads 该公司拟投资N元在D建设P (pronoun investor, locative)', () => {
    const rels = relations('重庆甲乙科技有限公司与綦江区签约，该公司拟投资15亿元在綦江区建设电驱系统生产基地项目。');
    expect(rels).toEqual(expect.arrayContaining(['INVESTS_IN 重庆甲乙科技有限公司 -> 电驱系统生产基地项目 1500000000', 'LOCATED_IN 电驱系统生产基地项目 -> 綦江区']));
  });

  it('takes the amount after the project and across sentences (总投资N元的P。该项目由X投资建设)', () => {
    expect(relations('由重庆丙丁材料有限公司投资建设的年产5万吨铜箔项目总投资约25亿元，将落户万州经开区。')).toEqual(
      expect.arrayContaining(['INVESTS_IN 重庆丙丁材料有限公司 -> 年产5万吨铜箔项目 2500000000', 'LOCATED_IN 年产5万吨铜箔项目 -> 万州经开区']),
    );
    expect(relations('总投资20亿元的热管理系统生产项目正式开工。该项目由重庆戊己机械有限公司投资建设。')).toContain('INVESTS_IN 重庆戊己机械有限公司 -> 热管理系统生产项目 2000000000');
    expect(relations('重庆庚辛科技有限公司拟以自有资金约20亿元投资建设智慧工厂项目。')).toContain('INVESTS_IN 重庆庚辛科技有限公司 -> 智慧工厂项目 2000000000');
  });

  it('keeps a foreign-currency amount out of amountCny', () => {
    const r = extractArticle('香港甲乙能源集团有限公司拟投资5亿美元，在两江新区建设「氢能装备产业园项目」。', { file: 't.txt' });
    const inv = r.spec.relations.find((x) => x.type === 'INVESTS_IN')!;
    expect(inv.properties.amountCny).toBeUndefined();
    expect(inv.properties.amount).toEqual({ value: 5e8, currency: 'USD' });
  });

  it('reads 公司 in an announcement as the announcing company', () => {
    const rels = relations('重庆壬癸生物制药股份有限公司（证券代码：688000）公告。\n\n公司拟以自有资金投资建设抗体药物产业化基地项目，项目总投资约12亿元，选址巴南区。公司同时与重庆子丑医药股份有限公司签署战略合作协议，重庆子丑医药股份有限公司将为公司产品提供分销服务。');
    expect(rels).toEqual(expect.arrayContaining([
      'INVESTS_IN 重庆壬癸生物制药股份有限公司 -> 抗体药物产业化基地项目 1200000000',
      'LOCATED_IN 抗体药物产业化基地项目 -> 巴南区',
      'COOPERATES_WITH 重庆壬癸生物制药股份有限公司 -> 重庆子丑医药股份有限公司',
      'SUPPLIES 重庆子丑医药股份有限公司 -> 重庆壬癸生物制药股份有限公司',
    ]));
  });

  it('reads 由X运营, 入驻D, 成为Y的供应商, X是C的链主企业', () => {
    expect(relations('位于江津区的重庆甲丙港正加快扩能，甲丙港由重庆乙物流集团有限公司运营，完成集装箱吞吐量3万标箱。')).toEqual(
      expect.arrayContaining(['LOCATED_IN 重庆甲丙港 -> 江津区', 'OPERATES 重庆乙物流集团有限公司 -> 重庆甲丙港']),
    );
    expect(relations('此外，重庆丙丁科技发展集团股份有限公司入驻铜梁高新区。')).toContain('LOCATED_IN 重庆丙丁科技发展集团股份有限公司 -> 铜梁高新区');
    expect(relations('重庆戊汽车部件有限公司成为重庆己工业有限责任公司的一级供应商。')).toContain('SUPPLIES 重庆戊汽车部件有限公司 -> 重庆己工业有限责任公司');
    expect(relations('重庆庚化工有限公司是涪陵区化工新材料产业链的链主企业。')).toContain('MEMBER_OF 重庆庚化工有限公司 -> 化工新材料产业链 leader');
  });

  it('reads a joint venture, the founder of a consortium and supplier lists', () => {
    const rels = relations('甲乙动力(001696)晚间公告，公司拟与重庆丙丁实业有限公司共同出资设立重庆戊己科技有限公司。甲乙动力表示，公司将联合庚辛通用动力股份有限公司等企业共同组建川渝氢能产业创新联合体。');
    expect(rels).toEqual(expect.arrayContaining([
      'COOPERATES_WITH 甲乙动力 -> 重庆丙丁实业有限公司',
      'OPERATES 甲乙动力 -> 川渝氢能产业创新联合体',
      'COOPERATES_WITH 庚辛通用动力股份有限公司 -> 川渝氢能产业创新联合体',
    ]));
    expect(rels).not.toContain('OPERATES 庚辛通用动力股份有限公司 -> 川渝氢能产业创新联合体');
    expect(relations('甲乙汽车(601000.SH)发布年报。公司主要供应商包括宁德时代新能源科技股份有限公司等。')).toContain('SUPPLIES 宁德时代新能源科技股份有限公司 -> 甲乙汽车');
  });

  it('lets a platform supply the companies it serves and its developer operate it', () => {
    const rels = relations('重庆甲乙科技有限公司总经理介绍，公司自主研发的云丙工业互联网平台已为长安汽车、重庆丁戊机车有限公司等200余家企业提供设备管理服务。');
    expect(rels).toEqual(expect.arrayContaining([
      'OPERATES 重庆甲乙科技有限公司 -> 云丙工业互联网平台',
      'SUPPLIES 云丙工业互联网平台 -> 长安汽车',
      'SUPPLIES 云丙工业互联网平台 -> 重庆丁戊机车有限公司',
    ]));
  });
});
