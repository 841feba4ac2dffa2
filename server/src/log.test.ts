import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logFormat } from './log';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join('') };
}

describe('server logs', () => {
  it('on a terminal: one readable line per event, no JSON', () => {
    const out = sink(true);
    createLogger(out.stream, {}).info({ url: 'http://localhost:4000' }, 'ChainAtlas listening');
    const text = out.text();
    expect(text).toContain('ChainAtlas listening');
    expect(text).toContain('http://localhost:4000');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('into a pipe or a file: JSON lines, as log collectors read them', () => {
    const out = sink(false);
    createLogger(out.stream, {}).info({ url: 'http://localhost:4000' }, 'ChainAtlas listening');
    expect(JSON.parse(out.text())).toMatchObject({ msg: 'ChainAtlas listening', url: 'http://localhost:4000', level: 30 });
  });

  it('CHAIN_ATLAS_LOG_FORMAT overrides the guess, and a wrong value is an error', () => {
    expect(logFormat({ isTTY: true }, { CHAIN_ATLAS_LOG_FORMAT: 'json' })).toBe('json');
    expect(logFormat({ isTTY: false }, { CHAIN_ATLAS_LOG_FORMAT: 'pretty' })).toBe('pretty');
    expect(() => logFormat({}, { CHAIN_ATLAS_LOG_FORMAT: 'xml' })).toThrow(/json or pretty/);
  });
});
