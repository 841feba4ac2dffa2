import { describe, expect, it } from 'vitest';
import { companyCore, findMentions } from '../src/mentions';
import { normalise } from '../src/normalise';

const find = (text: string) => findMentions(normalise(text).text).map((m) => `${m.type}:${m.name}`);

describe('mentions', () => {
  it('finds legal names with a clean left boundary', () => {
    const m = find('记者走进位于荣昌区的重庆示范精工股份有限公司，以及与保荐机构甲乙证券股份有限公司签约的企业。');
    expect(m).toContain('Enterprise:重庆示范精工股份有限公司');
    expect(m).toContain('Enterprise:甲乙证券股份有限公司');
    expect(m).toContain('District:荣昌区');
  });

  it('keeps a parenthesised place inside a legal name', () => {
    expect(find('据悉，博远智造（成都）有限公司已落户。')).toContain('Enterprise:博远智造（成都）有限公司');
  });

  it('reads districts, their short forms and functional areas', () => {
    const m = find('綦江、南川两地和两江新区、西部（重庆）科学城共同推进。');
    expect(m).toEqual(expect.arrayContaining(['District:綦江', 'District:南川', 'District:两江新区', 'District:西部（重庆）科学城']));
  });

  it('finds a prefixed cluster without its district and a numbered cluster system', () => {
    const m = find('此次入选的是荣昌区生猪精深加工产业集群。全市加快建设“416”科技创新布局和“55”现代服务业集群体系。');
    expect(m).toContain('Cluster:生猪精深加工产业集群');
    expect(m).toContain('Cluster:“55”现代服务业集群体系');
  });

  it('finds an invested project after 投资…的', () => {
    expect(find('重庆示范精工股份有限公司投资3.5亿元建设的高端轴承及配套零件项目开工。')).toContain('Project:高端轴承及配套零件项目');
  });

  it('ignores generic project counts', () => {
    expect(find('全市开工了38个重点项目和200个技改项目。').filter((x) => x.startsWith('Project'))).toEqual([]);
  });

  it('finds listed short names of companies', () => {
    const m = find('该区汇集了驰骋科电、蓝鲸智航等一批配套企业。');
    expect(m).toEqual(expect.arrayContaining(['Enterprise:驰骋科电', 'Enterprise:蓝鲸智航']));
  });

  it('finds a website-named platform but not 互联网 or 车联网', () => {
    const m = find('以云栖米网打造的平台为例，工业互联网和车联网快速发展。');
    expect(m).toContain('Platform:云栖米网');
    expect(m.filter((x) => x.includes('互联网') || x.includes('车联网'))).toEqual([]);
  });

  it('does not take generic platforms or document titles for named ones', () => {
    const m = find('要建设产业大脑和未来工厂，搭建交流合作平台，发布《重庆市示范产业大脑建设指南》。');
    expect(m.filter((x) => x.startsWith('Platform'))).toEqual([]);
  });

  it('types government bodies and universities apart from enterprises', () => {
    const m = find('市经济信息委与重庆大学介绍了情况。');
    expect(m).toContain('GovernmentBody:市经济信息委');
    expect(m).toContain('University:重庆大学');
  });

  it('derives the core of a company name', () => {
    expect(companyCore('重庆示范精工信息科技有限公司')).toBe('示范精工');
    expect(companyCore('博远智造（成都）有限公司')).toBe('博远智造');
  });
});
