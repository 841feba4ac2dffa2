// @vitest-environment node
// Every GraphQL operation the explorer sends, checked against the server's published contract
// (server/schema.graphql): a field renamed or an argument retyped on the server fails here, not
// in an analyst's browser. The operations are the ones api.ts really builds, caught on the way
// out, with the variables it sends.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { api, type Gql } from './api';
import { curationApi } from './curation';
import { GRAPHIQL_DEFAULT_QUERY } from './graphiql-fetcher';
import { CHAIN_LAYERS } from './types';

const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../server/schema.graphql', import.meta.url)), 'utf8'));

interface Sent {
  query: string;
  variables: Record<string, unknown>;
}

/** A client that records what it would send and answers nothing (each call stops at its first request). */
function recorder(): { gql: Gql; sent: Sent[] } {
  const sent: Sent[] = [];
  const gql = (async (query: string, variables: Record<string, unknown> = {}) => {
    sent.push({ query, variables });
    throw new Error('recorded');
  }) as Gql;
  return { gql, sent };
}

type Calls = { [K in keyof ReturnType<typeof api>]: ((a: ReturnType<typeof api>) => Promise<unknown>)[] };

// Each method called in each of the shapes that make it send a different operation.
const CALLS: Calls = {
  search: [(a) => a.search('忽米'), (a) => a.search('忽米', ['ENTERPRISE', 'PLATFORM'], 5)],
  entity: [(a) => a.entity('enterprise:忽米网')],
  entities: [(a) => a.entities(['a', 'b', 'c', 'd', 'e', 'f'])],
  neighbourhood: [(a) => a.neighbourhood(['a']), (a) => a.neighbourhood(['a'], { depth: 2, relationTypes: ['LOCATED_IN'], entityTypes: ['ENTERPRISE'], limit: 40 })],
  relation: [(a) => a.relation('r1')],
  evidence: [(a) => a.evidence(['r1', 'r2'])],
  paths: [
    (a) => a.paths('a', 'b'),
    (a) => a.paths('a', 'b', { maxLength: 3, first: 2, relationTypes: ['SUPPLIES'] }),
    (a) =>
      a.paths('a', 'b', {
        maxLength: 6,
        relationTypes: ['SUPPLIES', 'INVESTS_IN'],
        entityTypes: ['ENTERPRISE', 'PROJECT'],
        dateFrom: '2024-01-01',
        dateTo: '2024-12-31',
        leaveOutShortcuts: false,
      }),
  ],
  chain: [(a) => a.chain('a', { depth: 2, direction: 'BOTH', layers: [...CHAIN_LAYERS], limit: 100 })],
  districtProfile: [(a) => a.districtProfile('district:两江新区')],
  clusterProfile: [(a) => a.clusterProfile('cluster:汽车')],
  relations: [(a) => a.relations(['r1', 'r2'])],
  article: [(a) => a.article('a1')],
  stats: [(a) => a.stats()],
  addAlias: [(a) => a.addAlias('a', '别名')],
  mergeEntities: [(a) => a.mergeEntities('a', 'b')],
  deleteArticle: [(a) => a.deleteArticle('a1')],
  saveView: [(a) => a.saveView('名', '{}'), (a) => a.saveView(null, '{}')],
  view: [(a) => a.view('abcdef12')],
  views: [(a) => a.views()],
  deleteView: [(a) => a.deleteView('abcdef12', 'key'), (a) => a.deleteView('abcdef12', null)],
  // The entities of a saved canvas first; with none, its relations by id.
  canvas: [(a) => a.canvas(['a', 'b'], ['r1']), (a) => a.canvas([], ['r1'])],
  articles: [(a) => a.articles()],
  reviewQueue: [(a) => a.reviewQueue(), (a) => a.reviewQueue({ first: 5, after: '0:0.5:1:rel:x', threshold: 0.7, types: ['SUPPLIES'] })],
  acceptRelation: [(a) => a.acceptRelation('r1')],
  unacceptRelation: [(a) => a.unacceptRelation('r1')],
  rejectRelation: [(a) => a.rejectRelation('r1', '句子没有这么说')],
  entityPanel: [
    (a) => a.entityPanel('enterprise:忽米网', null),
    (a) => a.entityPanel('enterprise:忽米网', { relationTypes: ['SUPPLIES'], entityTypes: ['ENTERPRISE'], dateFrom: '2024-01-01', dateTo: '2024-12-31' }, 50),
  ],
  relationsPage: [(a) => a.relationsPage('enterprise:忽米网', 'cjpyZWw6MQ', { dateFrom: '2024-01-01' })],
  neighbours: [(a) => a.neighbours('enterprise:忽米网', { first: 100 }), (a) => a.neighbours('enterprise:忽米网', { first: 40, after: 'bjoxOmE', relationTypes: ['OPERATES'], among: ['a', 'b'] })],
  districts: [(a) => a.districts()],
};

type CurationCalls = { [K in keyof ReturnType<typeof curationApi>]: ((a: ReturnType<typeof curationApi>) => Promise<unknown>)[] };

// The trust loop's calls (curation.ts), likewise.
const CURATION_CALLS: CurationCalls = {
  previewArticle: [
    (a) => a.previewArticle({ text: '正文' }),
    (a) => a.previewArticle({ text: '正文', title: '题', date: '2025-03-06', source: '重庆日报', url: 'https://x.cn' }, { dropRelations: ['k'], retype: [{ key: 'e1', type: 'DISTRICT' }], attach: [{ key: 'e2', entityId: 'enterprise:x' }] }),
  ],
  ingestArticle: [(a) => a.ingestArticle({ text: '正文' }), (a) => a.ingestArticle({ text: '正文' }, { dropRelations: ['k'], retype: [], attach: [] })],
  mergePreview: [(a) => a.mergePreview('enterprise:a', 'enterprise:b')],
  unmergeEntities: [(a) => a.unmergeEntities('enterprise:a', 'enterprise:b')],
  rejectRelation: [(a) => a.rejectRelation('r1', '理由'), (a) => a.rejectRelation('r1', '理由', { articleId: 'a1', start: 1, end: 5 })],
  restoreRelation: [(a) => a.restoreRelation('r1'), (a) => a.restoreRelation('r1', { articleId: 'a1', start: 1, end: 5 })],
  auditLog: [(a) => a.auditLog(), (a) => a.auditLog({ actor: 'wang', kind: 'DELETE_VIEW', after: 'audit:1', first: 10, since: '2025-01-01', until: '2025-02-01' })],
};

async function sentOperations(): Promise<{ method: string; sent: Sent }[]> {
  const out: { method: string; sent: Sent }[] = [];
  for (const [method, calls] of Object.entries(CURATION_CALLS)) {
    for (const call of calls) {
      const { gql, sent } = recorder();
      await call(curationApi(gql)).catch(() => undefined);
      expect(sent.length, `${method} sent nothing`).toBeGreaterThan(0);
      out.push(...sent.map((s) => ({ method, sent: s })));
    }
  }
  for (const [method, calls] of Object.entries(CALLS)) {
    for (const call of calls) {
      const { gql, sent } = recorder();
      await call(api(gql)).catch(() => undefined);
      expect(sent.length, `${method} sent nothing`).toBeGreaterThan(0);
      out.push(...sent.map((s) => ({ method, sent: s })));
    }
  }
  return out;
}

describe('the operations the explorer sends', () => {
  it('every api method is exercised here (a new one needs its calls listed)', () => {
    const { gql } = recorder();
    expect(Object.keys(api(gql)).sort()).toEqual(Object.keys(CALLS).sort());
    expect(Object.keys(curationApi(gql)).sort()).toEqual(Object.keys(CURATION_CALLS).sort());
  });

  it('each one is valid against server/schema.graphql, with the variables it sends', async () => {
    const ops = await sentOperations();
    expect(ops.length).toBeGreaterThanOrEqual(Object.keys(CALLS).length);
    for (const { method, sent } of ops) {
      const doc = parse(sent.query);
      const errors = validate(schema, doc).map((e) => e.message);
      expect(errors, `${method}: ${sent.query}`).toEqual([]);
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      const vars = getVariableValues(schema, op.variableDefinitions ?? [], sent.variables);
      expect(vars.errors?.map((e) => e.message) ?? [], `${method}: variables ${JSON.stringify(sent.variables)}`).toEqual([]);
    }
  });

  it("GraphiQL's example query is valid too", () => {
    expect(validate(schema, parse(GRAPHIQL_DEFAULT_QUERY)).map((e) => e.message)).toEqual([]);
  });

  it('a renamed field is caught (the check is not vacuous)', () => {
    const doc = parse('{ stats { articles entityCount } }');
    expect(validate(schema, doc).map((e) => e.message).join()).toMatch(/entityCount/);
  });

  it('no other client file builds a GraphQL operation of its own (those checked here are all there are)', () => {
    const checked = ['api.ts', 'curation.ts', 'graphiql-fetcher.ts'];
    const root = fileURLToPath(new URL('.', import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const offenders = files(root)
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !checked.some((c) => f.endsWith(`/${c}`)))
      .filter((f) => /\bgql\s*</.test(readFileSync(f, 'utf8')) || /\b(query|mutation)\s+[A-Z]\w*\s*[({]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
