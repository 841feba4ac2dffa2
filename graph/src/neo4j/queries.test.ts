import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parametersOf, query, queryNames } from '@chain-atlas/cypher';
import { NEO4J_QUERIES } from './queries';
import { luceneQuery } from './store';

// No server needed: these tie the adapter to the .cypher files so a renamed file, a typo in a
// query name or a parameter the adapter forgets to pass fails here, not in production.

const declared = Object.entries(NEO4J_QUERIES) as [string, readonly string[]][];
// The chain view and dashboards live beside the core adapter, in views.ts.
const adapterSource = ['./store.ts', './views.ts'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('\n');

describe('the adapter and cypher/queries agree', () => {
  it('every query the adapter declares is a file', () => {
    const files = new Set(queryNames());
    expect(declared.map(([name]) => name).filter((name) => !files.has(name))).toEqual([]);
  });

  it.each(declared)('%s: the file uses exactly the parameters the adapter passes', (name, params) => {
    expect([...parametersOf(query(name))].sort()).toEqual([...params].sort());
  });

  it('every query name in the adapter source is declared, and every declared query is used', () => {
    // Backup pages and import batches name their query in a literal handed to a helper.
    const used = new Set([
      ...[...adapterSource.matchAll(/\brun(?:AutoCommit)?\((?:tx|session), '([a-z_]+)'/gu)].map((m) => m[1]),
      ...[...adapterSource.matchAll(/(?:pages\(this,|add\()\s*'([a-z_]+)'/gu)].map((m) => m[1]),
    ]);
    expect([...used].filter((name) => !(name in NEO4J_QUERIES))).toEqual([]);
    expect(declared.map(([name]) => name).filter((name) => !used.has(name))).toEqual([]);
  });

  it('every file in cypher/queries is run by the adapter (no dead queries)', () => {
    expect(queryNames().filter((name) => !(name in NEO4J_QUERIES))).toEqual([]);
  });

  it('an unknown query name throws', () => {
    expect(() => query('entitiez_get')).toThrow(/Unknown Cypher query/);
  });
});

describe('luceneQuery', () => {
  it('quotes Han runs as phrases (bigrams in sequence: a substring)', () => {
    expect(luceneQuery('华峰新材')).toBe('"华峰新材"');
  });

  it('leaves a single Han character to the CONTAINS fallback', () => {
    expect(luceneQuery('鲸')).toBeNull();
  });

  it('makes Latin runs prefixes, lower case, and joins parts with AND', () => {
    expect(luceneQuery('XHDL')).toBe('xhdl*');
    expect(luceneQuery('BOE 京东方')).toBe('boe* AND "京东方"');
  });

  it('lets no Lucene syntax through', () => {
    expect(luceneQuery('星河 OR *:* "x" (a) \\')).toBe('"星河" AND or* AND x* AND a*');
    expect(luceneQuery('   ')).toBeNull();
  });
});
