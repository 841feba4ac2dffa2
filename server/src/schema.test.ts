import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSchema, printSchema } from './graphql';
import { typeDefs } from './schema';

// The contract with the client and with scripts: a change to it shows up as a diff of
// server/schema.graphql in review. Regenerate on purpose with UPDATE_SCHEMA=1.
const SNAPSHOT = fileURLToPath(new URL('../schema.graphql', import.meta.url));

describe('schema', () => {
  it('matches the committed server/schema.graphql', () => {
    const printed = `${printSchema(buildSchema(typeDefs))}\n`;
    if (process.env.UPDATE_SCHEMA === '1' || !existsSync(SNAPSHOT)) {
      writeFileSync(SNAPSHOT, printed);
      if (process.env.UPDATE_SCHEMA !== '1') throw new Error('server/schema.graphql did not exist: written, commit it');
    }
    expect(printed).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });

  it('keeps the fixed names of the contract', () => {
    const schema = buildSchema(typeDefs);
    const fields = (name: string) => Object.keys((schema.getType(name) as unknown as { getFields(): object }).getFields());
    expect(fields('Query')).toEqual(expect.arrayContaining(['search', 'entity', 'neighbourhood', 'paths', 'articles', 'article', 'stats']));
    expect(fields('Mutation')).toEqual(
      expect.arrayContaining(['ingestArticle', 'addAlias', 'mergeEntities', 'deleteArticle', 'saveView', 'deleteView', 'rejectRelation', 'restoreRelation']),
    );
    for (const t of ['District', 'Cluster', 'Enterprise', 'Platform', 'Project']) {
      expect(fields(t)).toEqual(expect.arrayContaining(['id', 'type', 'name', 'aliases', 'relations', 'degree', 'articles']));
    }
    expect(fields('Relation')).toEqual(['id', 'type', 'from', 'to', 'amountCny', 'role', 'evidence', 'confidence', 'support', 'accepted']);
  });
});
