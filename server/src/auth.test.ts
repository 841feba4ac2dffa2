import { describe, expect, it } from 'vitest';
import { isAuthorized } from './auth';

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
