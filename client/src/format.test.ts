import { describe, expect, it } from 'vitest';
import { formatAmount, formatConfidence, formatDate } from './format';
import { parseDateInput } from './dates';

describe('formatAmount', () => {
  it('uses 亿元 and 万元 in Chinese', () => {
    expect(formatAmount(6_500_000_000, 'zh-CN')).toBe('65亿元');
    expect(formatAmount(50_000_000, 'zh-CN')).toBe('5000万元');
    expect(formatAmount(10_870_000_000, 'zh-CN')).toBe('108.7亿元');
    expect(formatAmount(100_000_000, 'zh-CN')).toBe('1亿元');
    expect(formatAmount(800, 'zh-CN')).toBe('800元');
  });
  it('uses bn and m in English', () => {
    expect(formatAmount(6_500_000_000, 'en')).toBe('CNY 6.5 bn');
    expect(formatAmount(50_000_000, 'en')).toBe('CNY 50 m');
    expect(formatAmount(800, 'en')).toBe('CNY 800');
  });
  it('is empty without an amount', () => {
    expect(formatAmount(null, 'zh-CN')).toBe('');
    expect(formatAmount(undefined, 'en')).toBe('');
  });
});

describe('formatDate', () => {
  it('formats ISO dates per locale', () => {
    expect(formatDate('2024-09-05', 'zh-CN')).toBe('2024年9月5日');
    // ICU versions differ on Sep / Sept.
    expect(formatDate('2024-09-05', 'en')).toMatch(/^5 Sept? 2024$/);
    expect(formatDate('around 2024', 'en')).toBe('around 2024');
  });
});

describe('parseDateInput', () => {
  it('reads the page format and its Chinese and slashed spellings', () => {
    expect(parseDateInput('2024-01-09', 'from')).toBe('2024-01-09');
    expect(parseDateInput('2024/1/9', 'from')).toBe('2024-01-09');
    expect(parseDateInput('2024年1月9日', 'to')).toBe('2024-01-09');
    expect(parseDateInput(' ', 'to')).toBeNull();
  });
  it('widens a year or a month to its first or last day', () => {
    expect(parseDateInput('2024', 'from')).toBe('2024-01-01');
    expect(parseDateInput('2024', 'to')).toBe('2024-12-31');
    expect(parseDateInput('2024-02', 'to')).toBe('2024-02-29');
    expect(parseDateInput('2023年2月', 'to')).toBe('2023-02-28');
  });
  it('rejects what is not a date', () => {
    for (const bad of ['01/09/2024', '2024-13', '2024-02-30', 'abc', '24-1-9']) expect(parseDateInput(bad, 'from')).toBeUndefined();
  });
});

describe('formatConfidence', () => {
  it('reads a confidence as a percentage, and says when it is unknown', () => {
    expect(formatConfidence(0.7, 'zh-CN')).toBe('70%');
    expect(formatConfidence(0.9991, 'en')).toBe('100%');
    expect(formatConfidence(null, 'zh-CN')).toBe('未知');
    expect(formatConfidence(undefined, 'en')).toBe('unknown');
  });
});
