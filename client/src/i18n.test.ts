import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { pickLanguage } from './i18n-accessibility';

describe('the page language', () => {
  it('is the link’s, else the analyst’s choice, else the browser’s (English browsers get English, others Chinese)', () => {
    expect(pickLanguage(null, null, ['en-US', 'en'])).toBe('en');
    expect(pickLanguage(null, null, ['de-DE', 'en-GB'])).toBe('en');
    expect(pickLanguage(null, null, ['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(pickLanguage(null, null, ['fr-FR'])).toBe('zh-CN');
    expect(pickLanguage(null, 'zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLanguage('en', 'zh-CN', ['zh-CN'])).toBe('en');
  });
});

describe('English strings', () => {
  it('count in the singular and the plural; Chinese has one form', async () => {
    const en = i18n.getFixedT('en');
    expect(en('paths.path', { i: 1, n: 1, count: 1 })).toBe('Path 1 (1 hop)');
    expect(en('paths.path', { i: 2, n: 3, count: 3 })).toBe('Path 2 (3 hops)');
    expect(en('stats.articles', { n: '1', count: 1 })).toBe('1 article');
    expect(i18n.getFixedT('zh-CN')('paths.path', { i: 1, n: 1, count: 1 })).toBe('路径 1（1 步）');
  });

  it('hold no full-width colon, and every server error code has a message in both languages', () => {
    const en = JSON.stringify(i18n.getResourceBundle('en', 'translation'));
    expect(en).not.toMatch(/：/);
    const codes = Object.keys(i18n.getResourceBundle('zh-CN', 'translation').errorCode);
    expect(codes.length).toBeGreaterThan(10);
    expect(Object.keys(i18n.getResourceBundle('en', 'translation').errorCode).sort()).toEqual(codes.sort());
  });
});
