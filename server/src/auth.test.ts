import { describe, expect, it } from 'vitest';
import { identify, isAuthorized, parseNamedTokens } from './auth';

describe('isAuthorized', () => {
  it('accepts exactly the configured bearer token', () => {
    expect(isAuthorized('Bearer s3cret', 's3cret')).toBe(true);
    expect(isAuthorized('bearer   s3cret ', 's3cret')).toBe(true);
  });

  it('refuses a wrong, longer, shorter or missing token and another scheme', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Bearer s3cre', 'Bearer s3cretX', 'Basic s3cret', 's3cret']) {
      expect(isAuthorized(header, 's3cret'), String(header)).toBe(false);
    }
  });

  it('refuses everything when no token is configured', () => {
    expect(isAuthorized('Bearer ', undefined)).toBe(false);
    expect(isAuthorized('Bearer anything', '')).toBe(false);
  });
});

describe('named tokens (CHAIN_ATLAS_TOKENS)', () => {
  it('parses name:token pairs and says who a header names', () => {
    const tokens = parseNamedTokens(' wang:tok-w , li:tok-l');
    expect(tokens).toEqual([
      { actor: 'wang', token: 'tok-w' },
      { actor: 'li', token: 'tok-l' },
    ]);
    const all = [...tokens, { actor: null, token: 'anon' }];
    expect(identify('Bearer tok-l', all)).toEqual({ authorized: true, actor: 'li' });
    expect(identify('Bearer anon', all)).toEqual({ authorized: true, actor: null });
    expect(identify('Bearer tok-', all)).toEqual({ authorized: false, actor: null });
    expect(identify(undefined, [])).toEqual({ authorized: false, actor: null });
  });

  it('refuses a malformed list at start', () => {
    expect(parseNamedTokens(undefined)).toEqual([]);
    for (const bad of ['wang', 'wang:', ':tok', 'wang:a b', 'wang:a,wang:b', 'wang:a,li:a']) {
      expect(() => parseNamedTokens(bad), bad).toThrow(/CHAIN_ATLAS_TOKENS/);
    }
  });
});
