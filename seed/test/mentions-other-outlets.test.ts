import { describe, expect, it } from 'vitest';
import { findMentions } from '../src/mentions';
import { normalise } from '../src/normalise';

const find = (text: string) => findMentions(normalise(text).text).map((m) => `${m.type}:${m.name}`);

describe('mentions: constructions of other outlets', () => {
  it('starts a legal name at its place after a role word (链主企业, 全资子公司, 聚集)', () => {
    expect(find('由链主企业重庆甲乙工业有限责任公司牵引。')).toContain('Enterprise:重庆甲乙工业有限责任公司');
    expect(find('公司全资子公司重庆丙丁智创科技有限公司拟投资。')).toContain('Enterprise:重庆丙丁智创科技有限公司');
    expect(find('已引进重庆联合戊己中心有限责任公司等企业。')).toContain('Enterprise:重庆联合戊己中心有限责任公司');
    expect(find('重庆高新区已引进庚辛微电子（重庆）有限公司。')).toContain('Enterprise:庚辛微电子（重庆）有限公司');
  });

  it('reads a stock code as a listed company, keeping only the name run', () => {
    expect(find('宗甲动力(001696)4月10日晚间公告。')).toContain('Enterprise:宗甲动力');
    expect(find('另一家代工大厂仁宝电脑（2324）表示。')).toContain('Enterprise:仁宝电脑');
    expect(find('行动方案（2023）发布。').some((m) => m.startsWith('Enterprise'))).toBe(false);
  });

  it('reads X公司 as a company, not 子公司/为公司/bylines', () => {
    expect(find('惠普公司在渝设立基地。')).toContain('Enterprise:惠普公司');
    expect(find('乙方将为公司产品提供服务。').some((m) => m.endsWith('为公司'))).toBe(false);
    expect(find('证券时报e公司讯，今日公告。').some((m) => m.includes('e公司'))).toBe(false);
  });

  it('takes the parties of an agreement as organisations', () => {
    expect(find('京东方与长安汽车签署战略合作协议。')).toEqual(expect.arrayContaining(['Enterprise:京东方', 'Enterprise:长安汽车']));
    expect(find('公司与华为在智能汽车领域开展深度合作。')).toContain('Enterprise:华为');
    expect(find('相继有2家重庆企业与保荐机构签订协议。').some((m) => m.includes('重庆企业'))).toBe(false);
  });

  it('takes business-tailed names in a list beside a name', () => {
    expect(find('为理想汽车、比亚迪等整车企业配套。')).toEqual(expect.arrayContaining(['Enterprise:理想汽车', 'Enterprise:比亚迪']));
  });

  it('finds projects that an investment builds or that start, not events', () => {
    expect(find('该公司拟投资15亿元在綦江工业园区建设新能源汽车电驱系统生产基地项目。')).toContain('Project:新能源汽车电驱系统生产基地项目');
    expect(find('位于两江新区的超级工厂二期项目已开工。')).toContain('Project:超级工厂二期项目');
    expect(find('公司拟以自有资金投资建设抗体药物产业化基地项目。')).toContain('Project:抗体药物产业化基地项目');
    expect(find('在两江新区建设「嘉德瑞氫能裝備產業園項目」。')).toContain('Project:嘉德瑞氢能装备产业园项目');
    expect(find('3月20日，江津区举行重大项目集中签约活动。').some((m) => m.startsWith('Project'))).toBe(false);
  });

  it('finds parks, industrial towns and ports, not descriptions', () => {
    expect(find('在位于渝北区的重庆仙桃国际数据谷，企业集聚。')).toContain('Platform:重庆仙桃国际数据谷');
    expect(find('走进位于涪陵区的重庆白涛新材料科技城。')).toContain('Platform:重庆白涛新材料科技城');
    expect(find('项目选址巴南区重庆国际生物城。')).toContain('Platform:重庆国际生物城');
    expect(find('位于江津区的重庆珞璜港正加快扩能，完成集装箱吞吐量3.2万标箱。')).toContain('Platform:重庆珞璜港');
    expect(find('项目选址江津区德感工业园。')).toContain('Platform:江津区德感工业园');
    expect(find('重庆是全球最大的笔电生产基地之一。').some((m) => m.startsWith('Platform'))).toBe(false);
    expect(find('在铜梁区投资建设研发中心。').some((m) => m.startsWith('Platform'))).toBe(false);
  });

  it('reads district development zones and chains that have a 链主', () => {
    expect(find('企业入驻铜梁高新区。')).toContain('District:铜梁高新区');
    expect(find('华峰化工是涪陵区化工新材料产业链的链主企业。')).toContain('Cluster:化工新材料产业链');
    expect(find('其中新材料产业集群聚集规上企业60余家，链主企业重庆甲化工有限公司带动配套。')).toContain('Cluster:新材料产业集群');
    expect(find('推动全产业链发展。').some((m) => m.startsWith('Cluster'))).toBe(false);
  });

  it('reads half-width full stops and HK/TW quotes', () => {
    const t = normalise('协议引资额182.6亿元.其中,赛力斯(601127.SH)公告.「甲」').text;
    expect(t).toBe('协议引资额182.6亿元。其中，赛力斯（601127.SH）公告。“甲”');
  });
});
