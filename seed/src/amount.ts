/** A money amount in a sentence, in yuan when it is in yuan. */
export interface Amount {
  value: number;
  currency: 'CNY' | 'USD' | 'EUR';
  text: string;
}

const UNIT: Record<string, number> = { 万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 亿: 1e8, 千万: 1e7, 百万: 1e6, 万: 1e4, 千: 1e3, '': 1 };
const CN_DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export const AMOUNT_RE = /([0-9]+(?:[.,][0-9]+)*|[一二两三四五六七八九十]+)(万亿|千亿|百亿|亿|千万|百万|万|千)?(?:余|多)?(元|美元|欧元)(?:人民币)?/;

/** 65亿元 → 6.5e9, 5000万元 → 5e7, 1.2万亿元 → 1.2e12, 3000万美元 → 3e7 USD. */
export function parseAmount(s: string): Amount | null {
  const m = AMOUNT_RE.exec(s);
  if (!m) return null;
  let n: number;
  if (/^[0-9]/.test(m[1])) n = Number(m[1].replace(/,/g, ''));
  else {
    const chars = [...m[1]];
    if (chars.length === 1) n = CN_DIGIT[chars[0]] ?? NaN;
    else if (chars.length === 2 && chars[0] === '十') n = 10 + (CN_DIGIT[chars[1]] ?? NaN);
    else if (chars.length === 2 && chars[1] === '十') n = (CN_DIGIT[chars[0]] ?? NaN) * 10;
    else if (chars.length === 3 && chars[1] === '十') n = (CN_DIGIT[chars[0]] ?? NaN) * 10 + (CN_DIGIT[chars[2]] ?? NaN);
    else n = NaN;
  }
  if (!Number.isFinite(n)) return null;
  const value = Math.round(n * UNIT[m[2] ?? ''] * 100) / 100;
  const currency = m[3] === '美元' ? 'USD' : m[3] === '欧元' ? 'EUR' : 'CNY';
  return { value, currency, text: m[0] };
}
