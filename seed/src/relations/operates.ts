import type { RelationRule } from './rule';
import { add, ORG } from './context';

/** X旗下的P: the holder runs the platform (or, for a project, invests in it). */
export const heldBy: RelationRule = {
  id: 'held-by',
  type: 'OPERATES',
  description: 'X旗下的P: a platform under a company is run by it; a project under it is its investment.',
  examples: [
    { text: '随着生物医药龙头企业智睿生物旗下的重庆智睿生物医药产业园开工建设，园区迎来转型。', relation: 'OPERATES 智睿生物 -> 重庆智睿生物医药产业园' },
  ],
  negatives: [
    { text: '智睿生物旗下拥有多个品牌，重庆智睿生物医药产业园已开工建设。', relation: 'OPERATES 智睿生物 -> 重庆智睿生物医药产业园' },
  ],
  apply({ ctx, text, top, ev }) {
    for (const x of top) {
      if (x.type !== 'Enterprise') continue;
      const gap = /^旗下的?“?/.exec(text.slice(x.end, x.end + 4));
      if (!gap) continue;
      const p = top.find((y) => y.start === x.end + gap[0].length && (y.type === 'Platform' || y.type === 'Project'));
      if (!p) continue;
      add(ctx, { type: p.type === 'Platform' ? 'OPERATES' : 'INVESTS_IN', from: x.entity, to: p.entity, ...ev, rule: this.id });
    }
  },
};

/** P由A与B合作建设: the builders run it; a government among them is unscored, so the company is its operator. */
export const builtTogether: RelationRule = {
  id: 'built-together',
  type: 'OPERATES',
  description: 'P由A与B合作建设/共同建设/联合打造: each organisation named as a builder of the platform runs it.',
  examples: [
    { text: '其中，京东·梁平数字产业园由梁平区人民政府与京东城市（北京）数字科技有限公司合作建设，将立足区域经济发展。', relation: 'OPERATES 京东城市（北京）数字科技有限公司 -> 京东·梁平数字产业园' },
  ],
  negatives: [
    { text: '京东·梁平数字产业园与京东城市（北京）数字科技有限公司签署合作协议。', relation: 'OPERATES 京东城市（北京）数字科技有限公司 -> 京东·梁平数字产业园' },
  ],
  apply({ ctx, text, s, top, ev }) {
    const re = /由([^，。；由]{2,60}?)(?:合作建设|共同建设|合作共建|联合打造|共同打造|联合建设|合作打造)/g;
    for (let g = re.exec(s.text); g; g = re.exec(s.text)) {
      const at = s.start + g.index;
      const p = top.filter((y) => y.type === 'Platform' && y.end <= at).pop();
      if (!p || /[，。；]/.test(text.slice(p.end, at))) continue;
      for (const x of top) {
        if (ORG.has(x.type) && x.start > at && x.end <= at + g[0].length && x.entity !== p.entity) add(ctx, { type: 'OPERATES', from: x.entity, to: p.entity, ...ev, rule: this.id });
      }
    }
  },
};

/** A development company named after a park (重庆国际生物城开发投资有限公司) runs that park. */
export const namedOperator: RelationRule = {
  id: 'named-operator',
  type: 'OPERATES',
  description: "A company whose name is a platform's name followed by 开发/建设/投资/运营/管理 runs that platform.",
  runs: 'names',
  examples: [
    { text: '重庆国际生物城就坐落于此。重庆国际生物城开发投资有限公司党委副书记介绍了园区的历史。', relation: 'OPERATES 重庆国际生物城开发投资有限公司 -> 重庆国际生物城' },
  ],
  negatives: [
    { text: '重庆国际生物城就坐落于此。重庆国际生物医药有限公司负责人介绍了园区的历史。', relation: 'OPERATES 重庆国际生物医药有限公司 -> 重庆国际生物城' },
  ],
};
