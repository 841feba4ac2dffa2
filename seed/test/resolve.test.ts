import { describe, expect, it } from 'vitest';
import { findMentions } from '../src/mentions';
import { normalise } from '../src/normalise';
import { resolveEntities } from '../src/resolve';

function resolveText(text: string, known?: Parameters<typeof resolveEntities>[2]) {
  const n = normalise(text).text;
  return resolveEntities(n, findMentions(n), known);
}

describe('resolve', () => {
  it('makes 以下简称 and later short mentions aliases of one company', () => {
    const r = resolveText('重庆示范精工股份有限公司（以下简称示范精工）今年扩产。示范精工负责人说，订单充足。');
    const companies = r.entities.filter((e) => e.type === 'Enterprise');
    expect(companies).toHaveLength(1);
    expect(companies[0].aliases).toContain('示范精工');
    expect(r.mentions.filter((m) => m.entity === companies[0].index).length).toBeGreaterThanOrEqual(2);
  });

  it('learns a short form used later without 简称', () => {
    const r = resolveText('重庆蓝湾精密铸造有限公司的生产线满负荷运转。蓝湾精密投资2亿元建设的新厂开工。');
    const c = r.entities.find((e) => e.type === 'Enterprise');
    expect(c?.aliases).toContain('蓝湾精密');
  });

  it('gives a district its short forms and merges 西部（重庆）科学城 with 重庆高新区', () => {
    const r = resolveText('大足和重庆高新区、西部（重庆）科学城联动发展。');
    const names = r.entities.filter((e) => e.type === 'District').map((e) => e.name);
    expect(names.sort()).toEqual(['大足区', '重庆高新区']);
  });

  it('names a prefixed cluster without the prefix and keeps the full form as alias', () => {
    const r = resolveText('荣昌区生猪精深加工产业集群入选名单。');
    const c = r.entities.find((e) => e.type === 'Cluster');
    expect(c?.name).toBe('生猪精深加工产业集群');
    expect(c?.aliases).toContain('荣昌区生猪精深加工产业集群');
    expect(c?.district).toBe('荣昌区');
  });

  it('asks the graph hook for names it already knows', () => {
    const r = resolveText('重庆示范精工股份有限公司今年扩产。', (type, names) => (type === 'Enterprise' && names.includes('重庆示范精工股份有限公司') ? '示范精工' : null));
    const c = r.entities.find((e) => e.type === 'Enterprise');
    expect(c?.name).toBe('示范精工');
    expect(c?.aliases).toContain('重庆示范精工股份有限公司');
  });
});

describe('resolve on long lists', () => {
  it('groups a page listing thousands of companies in time linear in the page (60k characters: was 32 s)', () => {
    const chars = '安邦宝博昌晨诚达大德鼎东丰福富港冠广国海航昊禾恒弘宏华辉汇佳嘉建金锦晶聚凯康科蓝立利联龙隆鲁茂美明南宁鹏平庆瑞润森盛胜实世泰天通万伟文祥新鑫星兴旭亚扬耀一益亿银永宇源远长正之智中众卓';
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return chars[seed % chars.length];
    };
    let text = '以下企业入驻：';
    const names = new Set<string>();
    while (text.length < 60_000) {
      const name = `重庆${pick()}${pick()}${pick()}科技有限公司`;
      names.add(name);
      text += `${name}、`;
    }
    text += '等企业。';
    const t0 = performance.now();
    const r = resolveText(text);
    const seconds = (performance.now() - t0) / 1000;
    const found = new Set(r.entities.filter((e) => e.type === 'Enterprise').map((e) => e.name));
    expect([...names].filter((n) => !found.has(n))).toEqual([]);
    // A bound far above the linear figure (about 1 s here) and far below the quadratic one.
    expect(seconds).toBeLessThan(12);
  });
});
