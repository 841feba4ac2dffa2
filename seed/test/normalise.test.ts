import { describe, expect, it } from 'vitest';
import { normalise, originalSpan, simplify } from '../src/normalise';

describe('normalise', () => {
  it('converts traditional characters one for one', () => {
    const r = simplify('重慶長安汽車與華為簽約');
    expect(r.converted).toBe(true);
    expect(r.text).toBe('重庆长安汽车与华为签约');
  });

  it('drops the pinyin a converter inserted after characters and keeps offsets into the original', () => {
    const original = '永川區(qū)舉行招商引資項(xiàng)目集中簽約活動，騰雲·永川數(shù)字產(chǎn)業(yè)園開(kāi)工。';
    const n = normalise(original);
    expect(n.text).toBe('永川区举行招商引资项目集中签约活动，腾云·永川数字产业园开工。');
    expect(n.script).toBe('永川區舉行招商引資項目集中簽約活動，騰雲·永川數字產業園開工。');
    const at = n.text.indexOf('腾云');
    const span = originalSpan(n, at, at + '腾云·永川数字产业园'.length);
    expect(original.slice(span.start, span.end)).toBe('騰雲·永川數(shù)字產(chǎn)業(yè)園');
  });

  it('keeps parentheses that are not pinyin, and repairs a converter\'s wrong variants', () => {
    expect(normalise('中航（重庆）微电子有限公司(MOSFET)').text).toBe('中航（重庆）微电子有限公司（MOSFET）');
    expect(normalise('這幾傢企業瞭解到，瞭望塔建成。').text).toBe('这几家企业了解到，瞭望塔建成。');
  });

  it('names of a traditional page are also given as the page writes them', async () => {
    const { extractArticle } = await import('../src/extract');
    const r = extractArticle('北碚區(qū)數(shù)字科技園同步開(kāi)園，深圳華領(lǐng)科技有限公司投資建設(shè)的華領(lǐng)西南研發(fā)中心項(xiàng)目開(kāi)工。');
    const park = r.spec.entities.find((e) => e.type === 'Platform');
    expect(park?.name).toBe('北碚区数字科技园');
    expect(park?.aliases).toContain('北碚區數字科技園');
    expect(r.spec.entities.find((e) => e.type === 'Enterprise')?.aliases).toContain('深圳華領科技有限公司');
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
