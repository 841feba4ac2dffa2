import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from './settings';

describe('settings', () => {
  beforeEach(() => localStorage.clear());

  it('are the defaults in a browser that kept nothing', () => {
    expect(readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('are read from the keys an older explorer wrote, so analysts keep theirs', () => {
    localStorage.setItem('chainAtlas.token', 'tok');
    localStorage.setItem('chainAtlas.lang', 'en');
    localStorage.setItem('chainAtlas.expandLimit', '120');
    localStorage.setItem('chainAtlas.viewKeys', JSON.stringify({ abcdef12: 'k' }));
    expect(readSettings()).toEqual({ ...DEFAULT_SETTINGS, token: 'tok', lang: 'en', expandLimit: 120, viewKeys: { abcdef12: 'k' } });
  });

  it('fall back to the default, one by one, when what is stored is not valid', () => {
    localStorage.setItem('chainAtlas.token', 'tok');
    localStorage.setItem('chainAtlas.expandLimit', '9999');
    localStorage.setItem('chainAtlas.viewKeys', '[1,2');
    localStorage.setItem('chainAtlas.nodeSize', 'colour');
    localStorage.setItem('chainAtlas.bundleLeaves', 'yes');
    expect(readSettings()).toEqual({ ...DEFAULT_SETTINGS, token: 'tok' });
  });

  it('are written in part, leaving the others; an empty token is removed', () => {
    writeSettings({ token: 'tok', expandLimit: 60 });
    expect(writeSettings({ lang: 'en' })).toEqual({ ...DEFAULT_SETTINGS, token: 'tok', lang: 'en', expandLimit: 60, viewKeys: {} });
    expect(localStorage.getItem('chainAtlas.expandLimit')).toBe('60');
    writeSettings({ token: '' });
    expect(localStorage.getItem('chainAtlas.token')).toBeNull();
    expect(readSettings().token).toBe('');
  });

  it('keep a review threshold from 0 to 1, and store none for the default', () => {
    expect(writeSettings({ reviewThreshold: 0.9 }).reviewThreshold).toBe(0.9);
    expect(localStorage.getItem('chainAtlas.reviewThreshold')).toBe('0.9');
    writeSettings({ reviewThreshold: DEFAULT_SETTINGS.reviewThreshold });
    expect(localStorage.getItem('chainAtlas.reviewThreshold')).toBeNull();
    for (const bad of ['1.5', '-0.1', 'abc', '']) {
      localStorage.setItem('chainAtlas.reviewThreshold', bad);
      expect(readSettings().reviewThreshold).toBe(0.75);
    }
  });

  it('keep the canvas display choices', () => {
    writeSettings({ nodeSize: 'investment', bundleLeaves: false });
    expect(readSettings()).toMatchObject({ nodeSize: 'investment', bundleLeaves: false });
  });

  it('hand out copies: changing what was read stores nothing', () => {
    readSettings().viewKeys.x = 'y';
    expect(readSettings().viewKeys).toEqual({});
  });
});
