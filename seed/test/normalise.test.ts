import { describe, expect, it } from 'vitest';
import { normalise, originalSpan, simplify } from '../src/normalise';

describe('normalise', () => {
  it('converts traditional characters one for one', () => {
    const r = simplify('重慶長安汽車與華為簽約');
    expect(r.converted).toBe(true);
    expect(r.text).toBe('重庆长安汽车与华为签约');
  });

  it('leaves simplified text alone', () => {
    expect(simplify('重庆长安汽车与华为签约').converted).toBe(false);
  });

  it('unifies punctuation width for matching but keeps numbers', () => {
    const n = normalise('重庆示例公司(简称示例),投资1,000万元;项目开工。');
    expect(n.text).toBe('重庆示例公司（简称示例），投资1,000万元；项目开工。');
  });

  it('joins an OCR line break inside a sentence and maps offsets back', () => {
    const original = '这是一段很长的正文内容，用来说明报纸版面上的句子常常在中间被\n\n断开成两行，后面还有内容。';
    const n = normalise(original);
    expect(n.paragraphs).toHaveLength(1);
    const at = n.text.indexOf('被断开');
    expect(at).toBeGreaterThan(0);
    const span = originalSpan(n, at, at + 3);
    expect(original.slice(span.start, span.end)).toBe('被\n\n断开'.slice(0, span.end - span.start));
    expect(original[span.start]).toBe('被');
    expect(original[span.end - 1]).toBe('开');
  });

  it('keeps a short heading and a photo caption apart from the body', () => {
    const n = normalise('园区新项目开工\n\n▲工人在生产线上工作。记者 张三 摄/视觉重庆\n正文第一句话写得足够长，足以被当作正文段落来处理，而不是标题。');
    expect(n.paragraphs.map((p) => p.kind)).toEqual(['heading', 'caption', 'body']);
  });
});
