import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every statement ChainAtlas sends to Neo4j lives in a .cypher file, so it can be linted,
// reviewed and run by hand in Neo4j Browser exactly as the adapter runs it.

const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));
const QUERIES_DIR = fileURLToPath(new URL('../queries/', import.meta.url));

export interface CypherFile {
  name: string;
  path: string;
  text: string;
}

function readCypherDir(dir: string): CypherFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => ({ name: basename(f, '.cypher'), path: `${dir}${f}`, text: readFileSync(`${dir}${f}`, 'utf8').trim() }));
}

let schemaCache: CypherFile[] | undefined;
let queryCache: Map<string, CypherFile> | undefined;

/** The schema files, in file-name order (constraints before the indexes that need none). */
export function schemaFiles(): CypherFile[] {
  schemaCache ??= readCypherDir(SCHEMA_DIR);
  return schemaCache;
}

/**
 * The statements that create constraints and indexes (IF NOT EXISTS) and drop the ones no
 * query uses any more (IF EXISTS): each is idempotent, so migrating twice changes nothing.
 */
export function schemaStatements(): string[] {
  return schemaFiles().map((f) => f.text);
}

/**
 * The constraints and indexes the schema creates, by name: what a store checks is in place
 * (and ONLINE) before it serves. A uniqueness constraint's backing index carries its name.
 */
export function schemaIndexNames(): string[] {
  const names: string[] = [];
  for (const statement of schemaStatements()) {
    const m = /^\s*CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|TEXT\s+|RANGE\s+|POINT\s+)?INDEX)\s+(\w+)/imu.exec(statement.replace(/^\s*\/\/.*$/gmu, ''));
    if (m) names.push(m[1]);
  }
  return names;
}

export function queryFiles(): CypherFile[] {
  queryCache ??= new Map(readCypherDir(QUERIES_DIR).map((f) => [f.name, f]));
  return [...queryCache.values()];
}

export function queryNames(): string[] {
  return queryFiles().map((f) => f.name);
}

/** The text of `queries/<name>.cypher`; an unknown name is a programming error, so it throws. */
export function query(name: string): string {
  queryFiles();
  const file = queryCache?.get(name);
  if (!file) throw new Error(`Unknown Cypher query "${name}" (no cypher/queries/${name}.cypher)`);
  return file.text;
}

/**
 * The `$parameters` a statement uses, in order of first use. Comments are skipped so a `$x`
 * in an explanation is not mistaken for one; the queries hold no `$` inside string literals.
 */
export function parametersOf(text: string): string[] {
  const code = text
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/u, ''))
    .join('\n');
  const names = new Set<string>();
  for (const m of code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/gu)) names.add(m[1]);
  return [...names];
}

/**
 * What the graph holds, declared: the lint warns on any label, relationship type or property
 * key not listed here, which is how a misspelling in a query is caught without a server.
 * Map keys read from UNWIND rows (`rel.from`, `item.text`) count as property keys too.
 */
export const CYPHER_SCHEMA = {
  labels: ['Entity', 'District', 'Cluster', 'Enterprise', 'Platform', 'Project', 'Article', 'Evidence', 'Redirect', 'Curation', 'NameKey', 'SavedView', 'Rejection', 'HeldRelation', 'HeldEvidence', 'AuditEntry', 'Acceptance'],
  relationshipTypes: ['REL', 'MENTIONED_IN', 'STATED_IN', 'NAMES'],
  propertyKeys: [
    // Entity
    'id',
    'type',
    'name',
    'aliases',
    'nameKeys',
    'searchKeys',
    'searchText',
    // NameKey
    'key',
    // Article
    'text',
    'length',
    'title',
    'date',
    'source',
    'url',
    'file',
    'loadedAt',
    // REL
    'amountCny',
    'role',
    // Evidence
    'relationId',
    'articleId',
    'start',
    'end',
    // Redirect
    'fromId',
    'toId',
    // Curation
    'seq',
    'kind',
    'entityId',
    'value',
    'at',
    // SavedView (also id, seq, name)
    'state',
    'ownerHash',
    'savedAt',
    // Rejection (with relationId, type, fromId, toId, articleId, start, end, text, at)
    'reason',
    'actor',
    // AuditEntry (with id, kind, at, actor)
    'target',
    'before',
    'after',
    // Evidence and HeldEvidence: the seed's rule and its confidence (0–1; absent = unknown)
    'rule',
    'confidence',
    // keys of UNWIND rows and of the review queue's cursor ($after.unknown …)
    'from',
    'to',
    'index',
    'ownId',
    'keys',
    'aliasIds',
    'unknown',
    'evidence',
    // markers a statement sets and removes again: ON CREATE detection, a write lock
    '_created',
    '_LOCK_',
  ],
} as const;
