import { parseParameters, parseStatementsStrs } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { describeDiagnostics, lintCypher } from './lint';
import { parametersOf, query, queryFiles, queryNames, schemaFiles, schemaIndexNames, schemaStatements } from './index';

const everyFile = [...schemaFiles().map((f) => ({ ...f, kind: 'schema' })), ...queryFiles().map((f) => ({ ...f, kind: 'query' }))];

describe('every .cypher file lints clean against the declared schema', () => {
  it('finds the files', () => {
    expect(schemaFiles().length).toBeGreaterThan(5);
    expect(queryFiles().length).toBeGreaterThan(20);
  });

  it.each(everyFile.map((f) => [`${f.kind}/${f.name}`, f.text] as const))('%s', (_name, text) => {
    // Errors and warnings alike: an unknown label or property is only a warning to the lint.
    expect(describeDiagnostics(text, lintCypher(text))).toEqual([]);
  });
});

describe('the lint catches mistakes', () => {
  const messages = (text: string, params?: string[]) => describeDiagnostics(text, lintCypher(text, params));

  it('a misspelt label', () => {
    expect(messages('MATCH (e:Entty {id: $id}) RETURN e.name').join('\n')).toMatch(/warning: Label Entty is not present/);
  });

  it('a misspelt relationship type', () => {
    expect(messages('MATCH (:Entity)-[r:RELL]->(:Entity) RETURN r.id').join('\n')).toMatch(/RELL/);
  });

  it('a misspelt property key', () => {
    expect(messages('MATCH (e:Entity {id: $id}) RETURN e.nmae').join('\n')).toMatch(/warning: nmae is not present/);
  });

  it('an undefined variable', () => {
    expect(messages('MATCH (e:Entity {id: $id}) RETURN x.name').join('\n')).toMatch(/error: Variable `x` not defined/);
  });

  it('a parameter the caller does not pass', () => {
    expect(messages('MATCH (e:Entity {id: $id}) RETURN e.name', []).join('\n')).toMatch(/Parameter \$id is not defined/);
  });

  it('an unknown function', () => {
    expect(messages('MATCH (e:Entity) RETURN toUpperr(e.name) AS n').join('\n')).toMatch(/toUpperr/);
  });

  it('a syntax error', () => {
    expect(messages('MATCH (e:Entity RETURN e').some((m) => m.startsWith('error'))).toBe(true);
  });
});

describe('the query registry', () => {
  it('query() returns a file by name and throws on an unknown one', () => {
    expect(query('entities_get')).toContain('MATCH (e:Entity)');
    expect(() => query('entities_gett')).toThrow(/Unknown Cypher query "entities_gett"/);
  });

  it('holds one statement per file', () => {
    for (const f of everyFile) expect(parseStatementsStrs(f.text).filter((s) => s.trim()), f.name).toHaveLength(1);
  });

  it('parametersOf agrees with the Cypher parser on every file', () => {
    for (const f of everyFile) expect([...parametersOf(f.text)].sort(), f.name).toEqual([...new Set(parseParameters(f.text, false))].sort());
  });

  it('schema statements are idempotent: CREATE … IF NOT EXISTS, DROP … IF EXISTS', () => {
    for (const s of schemaStatements()) expect(s).toMatch(/(?:CREATE [^\n]*IF NOT EXISTS|DROP [^\n]*IF EXISTS)/u);
  });

  it('names every index and constraint the schema creates, and none it drops', () => {
    const names = schemaIndexNames();
    expect(names).toEqual(expect.arrayContaining(['entity_id_unique', 'name_key_unique', 'entity_search', 'entity_search_latin', 'entity_search_text', 'relation_seq']));
    expect(names).not.toContain('entity_type');
    expect(names).toHaveLength(schemaStatements().filter((s) => /^CREATE /mu.test(s)).length);
  });

  it('search runs on a cjk full-text index over name, aliases and searchKeys', () => {
    const fulltext = schemaStatements().find((s) => s.includes('FULLTEXT INDEX entity_search'));
    expect(fulltext).toMatch(/ON EACH \[e\.name, e\.aliases, e\.searchKeys\]/u);
    expect(fulltext).toMatch(/`fulltext\.analyzer`: 'cjk'/u);
  });

  it('parametersOf reads $names outside comments, once each', () => {
    expect(parametersOf('// uses $nothing\nMATCH (e {id: $id}) WHERE e.type IN $types OR e.id = $id')).toEqual(['id', 'types']);
  });

  it('names are unique across the two folders', () => {
    expect(new Set(queryNames()).size).toBe(queryNames().length);
  });
});
