import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeArticle } from '../src/decode';
import { ExtractionError } from '../src/errors';
import { extractArticle } from '../src/extract';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof ExtractionError ? err.code : 'OTHER';
  }
  return undefined;
}

describe('decode', () => {
  it('reads a GBK-encoded file as GB18030', () => {
    const d = decodeArticle(fixture('gbk.txt'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain('重庆示例电子有限公司');
  });

  it('reads UTF-8 with and without a BOM, keeping the BOM so offsets match the file as Node reads it', () => {
    const body = new TextEncoder().encode('重庆日报讯');
    expect(decodeArticle(body).text).toBe('重庆日报讯');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const d = decodeArticle(withBom);
    expect(d.hadBom).toBe(true);
    expect(d.text).toBe('\ufeff重庆日报讯');
  });

  it('extracts from a traditional-character file with offsets into the original', () => {
    const bytes = fixture('traditional.txt');
    const r = extractArticle(bytes, { file: 'traditional.txt' });
    const names = r.spec.entities.map((e) => e.name);
    expect(names).toContain('重庆示例机械股份有限公司');
    expect(names).toContain('江津区');
    const invest = r.spec.relations.find((x) => x.type === 'INVESTS_IN');
    expect(invest?.properties.amountCny).toBe(150_000_000);
    for (const rel of r.spec.relations) expect(r.text.slice(rel.evidence.start, rel.evidence.end)).toBe(rel.evidence.text);
    expect(invest?.evidence.text).toContain('億元');
  });

  it('rejects an empty file', () => {
    expect(codeOf(() => decodeArticle(fixture('empty.txt')))).toBe('EMPTY');
    expect(codeOf(() => extractArticle('   \n '))).toBe('EMPTY');
  });

  it('rejects a binary file', () => {
    expect(codeOf(() => decodeArticle(fixture('binary.bin')))).toBe('BINARY');
  });

  it('rejects bytes that are no known text encoding', () => {
    const junk = new Uint8Array(64).fill(0xff);
    expect(codeOf(() => decodeArticle(junk))).toBe('UNKNOWN_ENCODING');
  });

  it('rejects input over the size limit', () => {
    expect(codeOf(() => decodeArticle(new Uint8Array(21 * 1024 * 1024)))).toBe('TOO_LARGE');
  });
});
