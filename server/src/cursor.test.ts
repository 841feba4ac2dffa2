import { describe, expect, it } from 'vitest';
import { decodeCursor, decodeOffsetCursor, encodeCursor } from './cursor';

describe('cursors', () => {
  it('round-trip and do not show what they hold', () => {
    const c = encodeCursor('relation', 'rel:0123abcd');
    expect(c).not.toContain('rel:');
    expect(decodeCursor('relation', c)).toBe('rel:0123abcd');
    expect(decodeOffsetCursor(encodeCursor('article', 40))).toBe(40);
  });

  it('refuse cursors of another kind or not made here, as BAD_USER_INPUT', () => {
    for (const bad of ['', '!!!', 'bm90LWEtY3Vyc29y', encodeCursor('article', 3)]) {
      expect(() => decodeCursor('relation', bad)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
    expect(() => decodeOffsetCursor(encodeCursor('article', 'abc'))).toThrow(/cursor/);
    expect(() => decodeOffsetCursor(encodeCursor('relation', 3))).toThrow(/cursor/);
  });
});
