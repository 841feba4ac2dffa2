import { describe, expect, it } from 'vitest';
import { parseAmount } from '../src/amount';

describe('amounts', () => {
  it.each([
    ['投资65亿元', 6_500_000_000],
    ['5000万元', 50_000_000],
    ['1.2万亿元', 1_200_000_000_000],
    ['13.8亿元人民币', 1_380_000_000],
    ['三亿元', 300_000_000],
    ['1,500万元', 15_000_000],
  ])('%s', (text, value) => {
    expect(parseAmount(text)).toMatchObject({ value, currency: 'CNY' });
  });

  it('keeps foreign currency as stated', () => {
    expect(parseAmount('3000万美元')).toMatchObject({ value: 30_000_000, currency: 'USD' });
  });

  it('finds nothing without a currency', () => {
    expect(parseAmount('年产8万吨')).toBeNull();
  });
});
