import { add, clauseStart, ORG } from './context';
import type { RelationRule } from './rule';

/** X是A、B等…企业指定的…制造商/供应商: X supplies every company of the list. */
export const designatedSupplier: RelationRule = {
  id: 'designated-supplier',
  type: 'SUPPLIES',
  description: 'X是/作为A、B(等…)指定的…制造商/供应商/配套商: the supplier before the copula, each listed customer after it.',
  examples: [
    { text: '飞达机电公司是富士康、英业达等多家笔记本电脑代工企业指定的流水线生产设备制造商。', relation: 'SUPPLIES 飞达机电公司 -> 英业达' },
    { text: '重庆华仕达机械制造有限公司是长安汽车指定的变速器壳体供应商。', relation: 'SUPPLIES 重庆华仕达机械制造有限公司 -> 长安汽车' },
  ],
  negatives: [
    { text: '重庆华仕达机械制造有限公司是全市指定的疫情防控物资供应商。', relation: 'SUPPLIES 重庆华仕达机械制造有限公司 -> 全市' },
  ],
  apply({ ctx, text, s, top, ev }) {
    const re = /(?:是|系|作为|成为)([^，。；]{2,60}?)指定的[^，。；]{0,16}?(?:制造商|供应商|配套商|供货商|服务商)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const end = at + g[0].length;
      const customers = top.filter((x) => x.type === 'Enterprise' && x.start > at && x.end <= end);
      const cs = clauseStart(text, s, at);
      const supplier = top.filter((x) => ORG.has(x.type) && x.start >= cs && x.end <= at).pop();
      if (!supplier) continue;
      for (const c of customers) add(ctx, { type: 'SUPPLIES', from: supplier.entity, to: c.entity, ...ev, rule: this.id });
    }
  },
};
