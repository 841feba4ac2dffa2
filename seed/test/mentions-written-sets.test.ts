import { describe, expect, it } from 'vitest';
import { findMentions } from '../src/mentions';
import { normalise } from '../src/normalise';
import { resolveEntities } from '../src/resolve';

const find = (text: string) => findMentions(normalise(text).text).map((m) => `${m.type}:${m.name}`);
const names = (text: string) => {
  const t = normalise(text).text;
  return resolveEntities(t, findMentions(t)).entities.map((e) => [e.name, ...e.aliases]);
};

// Hand-made sentences for the rules added after heldout2/heldout3 (placeholder names).
describe('mentions: rules from the untuned sets', () => {
  it('drops an adverb or conjunction glued to a party (甲乙并与…)', () => {
    const m = find('鑫瑞达并与重庆市政府签署协议。');
    expect(m).toContain('Enterprise:鑫瑞达');
    expect(m.some((x) => x.endsWith('鑫瑞达并'))).toBe(false);
  });

  it('rejects a district + build verb as a project name (兴建)', () => {
    const m = find('拟投资10亿元在璧山区兴建甲乙零部件厂项目。');
    expect(m).toContain('Project:甲乙零部件厂项目');
    expect(m).not.toContain('Project:璧山区兴建甲乙零部件厂项目');
  });

  it('reads the customers of 为A、B组装 / 向A供货 as companies, a list even without 等', () => {
    expect(find('该公司主要为甲想、丙丁组装笔记本电脑。')).toEqual(expect.arrayContaining(['Enterprise:甲想', 'Enterprise:丙丁']));
    expect(find('芯片已向京东方供货。')).toContain('Enterprise:京东方');
    expect(find('长安汽车还将为欧洲客户提供服务。').some((m) => m.includes('欧洲客户'))).toBe(false);
    expect(find('产品将主要配套赛力斯、阿维塔等整车企业。')).toContain('Enterprise:赛力斯');
  });

  it('reads Y in X是Y的二级供应商 as a company', () => {
    expect(find('甲乙新能源是宁德时代的二级供应商。')).toContain('Enterprise:宁德时代');
  });

  it('keeps a branch with its parent legal name', () => {
    expect(find('公司与中国甲塔股份有限公司重庆市分公司签署协议。')).toContain('Enterprise:中国甲塔股份有限公司重庆市分公司');
  });

  it('starts a stock-coded name after a trade noun (面板厂X)', () => {
    const m = find('面板厂友甲光电（2409）昨日宣布。');
    expect(m).toContain('Enterprise:友甲光电');
    expect(m).not.toContain('Enterprise:光电');
  });

  it('keeps a capacity figure and a spaced Latin word inside a project name', () => {
    expect(find('甲乙将在长寿经开区投资18亿元，建设年产10GWh动力电池电芯项目。')).toContain('Project:年产10GWh动力电池电芯项目');
    expect(find('重庆甲乙光电科技有限公司年产800万片Mini LED背光模组项目在铜梁高新区投产。')).toContain('Project:年产800万片Mini LED背光模组项目');
    expect(find('总投资超100亿元的75个重点项目完成投资。').some((m) => m.startsWith('Project'))).toBe(false);
  });

  it('finds each X投资约N元的P in a list and a jointly built project before 总投资', () => {
    expect(find('甲公司投资20亿元的电驱总成项目、重庆乙丙光电有限公司投资约8.5亿元的车载显示模组项目将落户璧山高新区。')).toContain('Project:车载显示模组项目');
    expect(find('双方将合资建设西部冷链物流分拨中心项目，总投资约6亿元。')).toContain('Project:西部冷链物流分拨中心项目');
  });

  it('finds parks, maker spaces and what a party builds in sector words, not counts or company names', () => {
    expect(find('记者从重庆国际物流枢纽园区获悉。')).toContain('Platform:重庆国际物流枢纽园区');
    expect(find('位于南岸区的茶园众创空间吸引了团队。')).toContain('Platform:茶园众创空间');
    expect(find('双方将共建西部人工智能算力中心。')).toContain('Platform:西部人工智能算力中心');
    expect(find('重庆市南岸区正加快建设数字经济产业园。')).toContain('Platform:数字经济产业园');
    expect(find('甲乙牵头组建的长江智能制造创新联合体汇聚了20家单位。')).toContain('Platform:长江智能制造创新联合体');
    expect(find('计划建设市级制造业创新中心1家。').some((m) => m.startsWith('Platform'))).toBe(false);
    expect(find('与香港科技园公司签署合作备忘录。')).not.toContain('Platform:香港科技园');
  });
});

describe('mentions: unscored people and places', () => {
  it('types reporters and managers as Person and places outside Chongqing as Place, not inside names', () => {
    const m = find('〔記者 陳某／台北報導〕北京银行与公司合作。总经理王某介绍，产品销往欧洲。');
    expect(m).toEqual(expect.arrayContaining(['Person:陈某', 'Place:台北', 'Person:王某', 'Place:欧洲']));
    expect(m).not.toContain('Place:北京');
  });
});

describe('resolve: short forms from the untuned sets', () => {
  it('takes X股份 as the short form of the X…股份有限公司 on the page', () => {
    const e = names('证券简称:甲丰股份\n重庆甲丰电线电缆股份有限公司关于签署协议的公告');
    expect(e.find((n) => n.includes('重庆甲丰电线电缆股份有限公司'))).toContain('甲丰股份');
  });

  it('takes the name without its province and legal form as a short form (广东甲图科技 → 甲图科技)', () => {
    const e = names('永川区与广东甲图科技股份有限公司签订投资协议。甲图科技将在永川高新区投资8亿元。');
    expect(e.find((n) => n.includes('广东甲图科技股份有限公司'))).toContain('甲图科技');
  });
});
