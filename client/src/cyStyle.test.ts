import { describe, expect, it } from 'vitest';
import { cyStylesheet, wrapLabel } from './cyStyle';

describe('wrapLabel', () => {
  it('leaves short labels alone', () => {
    expect(wrapLabel('忽米网')).toBe('忽米网');
    expect(wrapLabel('汽摩产业大脑')).toBe('汽摩产业大脑');
  });
  it('puts a company suffix on its own line', () => {
    expect(wrapLabel('重庆忽米网络科技有限公司')).toBe('重庆忽米网络科技\n有限公司');
    expect(wrapLabel('重庆中科摇船船信息科技有限公司').split('\n').at(-1)).toBe('有限公司');
  });
  it('balances the lines instead of leaving an orphan', () => {
    expect(wrapLabel('两江水土云计算中心')).toBe('两江水土云\n计算中心');
  });
  it('breaks long names into lines of about eight characters, never inside a Latin word', () => {
    for (const line of wrapLabel('两江新区智能网联新能源汽车产业集群示范区').split('\n')) expect([...line].length).toBeLessThanOrEqual(8);
    expect(wrapLabel('京东方BOE重庆第6代AMOLED生产线项目').split('\n').some((l) => l.includes('AMOLED'))).toBe(true);
  });
});

describe('cyStylesheet', () => {
  it('is lean for thousands of elements: straight haystack lines, no arrows', () => {
    const small = JSON.stringify(cyStylesheet(100));
    const large = JSON.stringify(cyStylesheet(5000));
    expect(small).toContain('target-arrow-shape');
    expect(large).not.toContain('target-arrow-shape');
    expect(large).toContain('haystack');
    expect(large.length).toBeLessThan(small.length);
  });
});

describe('labels by zoom', () => {
  it('a quiet edge loses its label although the edge rule sets one (the quiet rule comes after it)', () => {
    for (const size of [0, 5000]) {
      const rules = cyStylesheet(size) as unknown as { selector: string; style: Record<string, unknown> }[];
      const edge = rules.findIndex((r) => r.selector === 'edge');
      const quiet = rules.findIndex((r) => r.selector === 'edge.quiet');
      expect(quiet).toBeGreaterThan(edge);
      expect(rules[quiet]!.style.label).toBe('');
    }
  });
});
