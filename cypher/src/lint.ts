import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';
import type { DbSchema, SyntaxDiagnostic } from '@neo4j-cypher/language-support';
import { CYPHER_SCHEMA, parametersOf } from './index';

/**
 * Lints one statement against the declared graph schema. Functions and procedures come from
 * the language-support package's dump of a Neo4j server's built-ins, so a misspelt function
 * or a wrong procedure signature is reported too. Parameters default to the ones the text
 * uses (whether the adapter passes exactly those is checked on the adapter's side).
 */
export function lintCypher(text: string, parameters: readonly string[] = parametersOf(text)): SyntaxDiagnostic[] {
  const schema: DbSchema = {
    labels: [...CYPHER_SCHEMA.labels],
    relationshipTypes: [...CYPHER_SCHEMA.relationshipTypes],
    propertyKeys: [...CYPHER_SCHEMA.propertyKeys],
    functions: testData.mockSchema.functions,
    procedures: testData.mockSchema.procedures,
    parameters: Object.fromEntries(parameters.map((p) => [p, null])),
    defaultLanguage: 'CYPHER 5',
  };
  return lintCypherQuery(text, schema).diagnostics;
}

/** One line per diagnostic, with the offending text, for readable test failures. */
export function describeDiagnostics(text: string, diagnostics: SyntaxDiagnostic[]): string[] {
  const severity = ['', 'error', 'warning', 'info', 'hint'];
  return diagnostics.map(
    (d) => `${severity[d.severity ?? 1]}: ${d.message} at «${text.slice(d.offsets.start, d.offsets.end)}»`,
  );
}
