import { describe, expect, it } from 'vitest';
import { normalise } from '../src/normalise';
import { clauses, splitSentences } from '../src/split';

describe('split', () => {
  it('splits sentences at 。！？； and keeps offsets', () => {
    const n = normalise('甲公司开工了新厂，产能翻番。乙公司呢？丙公司投产；丁公司签约');
    const s = splitSentences(n);
    expect(s.map((x) => x.text)).toEqual(['甲公司开工了新厂，产能翻番。', '乙公司呢？', '丙公司投产；', '丁公司签约']);
    for (const x of s) expect(n.text.slice(x.start, x.end)).toBe(x.text);
  });

  it('marks a repeated sentence so its relations are not counted twice', () => {
    const n = normalise('示例集团在大足区建设了一座新的智能工厂。\n\n示例集团在大足区建设了一座新的智能工厂。');
    const s = splitSentences(n);
    expect(s.map((x) => x.repeated)).toEqual([false, true]);
  });

  it('opens a new story at a heading after body text', () => {
    const n = normalise('第一条新闻的标题\n这是第一条新闻的正文，内容写得足够长，足以被当作正文段落来处理。\n第二条新闻的标题\n这是第二条新闻的正文，内容写得足够长，足以被当作正文段落来处理。');
    const stories = new Set(splitSentences(n).map((x) => x.story));
    expect(stories.size).toBe(2);
  });

  it('cuts clauses at commas', () => {
    expect(clauses('甲，乙：丙')).toEqual([{ start: 0, end: 1 }, { start: 2, end: 3 }, { start: 4, end: 5 }]);
  });
});
