import { describe, expect, it } from 'vitest';
import { highlightMentions, mentionForms, namesBoth } from './highlight';

describe('highlightMentions', () => {
  it('marks both ends of the relation', () => {
    const segs = highlightMentions('目前,忽米网已与宗申集团合作,搭建起工业互联网平台', { name: '忽米网' }, { name: '宗申集团' });
    expect(segs.filter((s) => s.mark)).toEqual([
      { text: '忽米网', mark: 'from' },
      { text: '宗申集团', mark: 'to' },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe('目前,忽米网已与宗申集团合作,搭建起工业互联网平台');
    expect(namesBoth(segs)).toBe(true);
  });

  it('finds short forms and aliases of full company names', () => {
    const segs = highlightMentions(
      '中科摇船船产品交付中心负责人介绍，目前企业正在为赛力斯提供软硬件系统架构',
      { name: '重庆中科摇船船信息科技有限公司', aliases: ['中科摇船船'] },
      { name: '赛力斯集团股份有限公司', aliases: ['赛力斯'] },
    );
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['中科摇船船', '赛力斯']);
  });

  it('prefers the longer mention where forms overlap', () => {
    expect(mentionForms({ name: '重庆忽米网络科技有限公司' })[0]).toBe('重庆忽米网络科技有限公司');
    const segs = highlightMentions('重庆忽米网络科技有限公司CEO巩书凯解释', { name: '重庆忽米网络科技有限公司' }, { name: '产业大脑' });
    expect(segs[0]).toEqual({ text: '重庆忽米网络科技有限公司', mark: 'from' });
    expect(namesBoth(segs)).toBe(false);
  });

  it('returns the sentence unmarked when neither is named', () => {
    expect(highlightMentions('没有提到任何人。', { name: '甲公司' }, { name: '乙公司' })).toEqual([{ text: '没有提到任何人。', mark: null }]);
  });
});
