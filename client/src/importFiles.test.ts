import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, draftsFromFiles, firstLineTitle, mentionPieces, pastedDraft } from './importFiles';

const utf8 = (s: string) => new TextEncoder().encode(s);
// 重庆日报 in GBK.
const GBK_TITLE = new Uint8Array([0xd6, 0xd8, 0xc7, 0xec, 0xc8, 0xd5, 0xb1, 0xa8]);

describe('reading dropped article files', () => {
  it('reads UTF-8 (BOM or not) and GBK, and refuses bytes that are neither', () => {
    expect(decodeArticleBytes(utf8('两江新区'))).toEqual({ text: '两江新区', encoding: 'utf-8' });
    expect(decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('两江')]))).toEqual({ text: '两江', encoding: 'utf-8' });
    expect(decodeArticleBytes(GBK_TITLE)).toEqual({ text: '重庆日报', encoding: 'gb18030' });
    expect(decodeArticleBytes(new Uint8Array([0xff, 0xff, 0x80, 0x81, 0xfe]))).toBeNull();
  });

  it('takes metadata from articles.json, then <name>.txt.json or <name>.json, else the first line as title', () => {
    const drafts = draftsFromFiles([
      { name: 'b.txt', bytes: utf8('\n# 第二篇标题\n正文') },
      { name: 'a.txt', bytes: utf8('第一篇') },
      { name: 'a.json', bytes: utf8(JSON.stringify({ title: '甲', date: '2025-03-06', source: '重庆日报', url: 'https://cq.example/a' })) },
      { name: 'c.txt', bytes: GBK_TITLE },
      { name: 'articles.json', bytes: utf8(JSON.stringify([{ file: 'c.txt', title: '丙', source: '华龙网' }])) },
      { name: 'd.txt', bytes: new Uint8Array([0xff, 0xfe, 0xfd, 0x80]) },
      { name: 'notes.md', bytes: utf8('不是文章') },
    ]);
    expect(drafts.map((d) => [d.file, d.title, d.date, d.source, d.url, d.encoding, d.error])).toEqual([
      ['a.txt', '甲', '2025-03-06', '重庆日报', 'https://cq.example/a', 'utf-8', null],
      ['b.txt', '第二篇标题', '', '', '', 'utf-8', null],
      ['c.txt', '丙', '', '华龙网', '', 'gb18030', null],
      ['d.txt', '', '', '', '', null, 'UNKNOWN_ENCODING'],
    ]);
    expect(drafts[2].text).toBe('重庆日报');
  });

  it('titles pasted text by its first line unless a title is typed', () => {
    expect(firstLineTitle('\ufeff  \n  渝北区签约  \n正文')).toBe('渝北区签约');
    expect(pastedDraft('标题\n正文').title).toBe('标题');
    expect(pastedDraft('标题\n正文', { title: '别的' }).title).toBe('别的');
    expect(pastedDraft('   ').error).toBe('EMPTY');
  });
});

describe('mentionPieces', () => {
  it('splits the text at every mention, the longer name winning, and loses no character', () => {
    const text = '臻宝科技投资的项目落户沙坪坝区，臻宝科技表示';
    const pieces = mentionPieces(text, [
      { key: 'e1', names: ['臻宝科技'] },
      { key: 'd1', names: ['沙坪坝区', '沙坪坝'] },
      { key: 'x', names: ['科技'] },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.key).map((p) => [p.text, p.key])).toEqual([
      ['臻宝科技', 'e1'],
      ['沙坪坝区', 'd1'],
      ['臻宝科技', 'e1'],
    ]);
  });
});
