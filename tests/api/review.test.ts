import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineConfidence } from '@chain-atlas/graph';
import { codes, ok, startHarness, type Harness, type Json } from './harness';

// 待审核 over HTTP on the five bundled articles, whose every fact carries the confidence of the
// rule that produced it; served from worker threads, as `pnpm start` runs it, with named tokens.
const QUEUE = `query($first: Int, $after: String, $threshold: Float, $types: [RelationType!]) {
  reviewQueue(first: $first, after: $after, threshold: $threshold, types: $types) {
    total endCursor hasNextPage
    relations { id type confidence support { evidence articles } accepted { actor }
      from { name } to { name } evidence { text rule confidence article { id } } } } }`;
const ACCEPT = `mutation($id: ID!) { acceptRelation(relationId: $id) { id confidence accepted { at actor } } }`;
const UNACCEPT = `mutation($id: ID!) { unacceptRelation(relationId: $id) { id accepted { actor } } }`;
const WANG = 'wang-token';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ workers: { threads: 1 }, tokens: [{ actor: 'wang', token: WANG }, { actor: 'li', token: 'li-token' }] });
});
afterAll(async () => {
  await h?.close();
});

const queue = async (variables: Record<string, unknown> = {}) => ok(await h.gql(QUEUE, { first: 100, ...variables })).reviewQueue;

describe('the review queue over the API', () => {
  it('lists every unreviewed fact least certain first, with rule, confidence and support, a page at a time', async () => {
    const { stats } = ok(await h.gql('{ stats { relations } }'));
    const all = await queue();
    expect(all.total).toBe(stats.relations);
    expect(all.relations).toHaveLength(stats.relations);
    expect(all.hasNextPage).toBe(false);
    const confidences = all.relations.map((r: Json) => r.confidence as number);
    expect(confidences.every((c: number | null) => typeof c === 'number')).toBe(true);
    expect([...confidences].sort((a, b) => a - b)).toEqual(confidences);
    // The bundled articles hold facts the extractor is sure of and facts it inferred.
    expect(confidences[0]).toBeLessThan(0.8);
    expect(confidences.at(-1)).toBeGreaterThanOrEqual(0.9);
    for (const r of all.relations) {
      expect(r.evidence.length).toBe(r.support.evidence);
      expect(new Set(r.evidence.map((e: Json) => e.article.id)).size).toBe(r.support.articles);
      for (const e of r.evidence) expect(e).toMatchObject({ rule: expect.any(String), confidence: expect.any(Number) });
      expect(r.confidence).toBe(combineConfidence(r.evidence.map((e: Json) => e.confidence)));
    }

    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Json = await queue({ first: 7, after });
      paged.push(...page.relations.map((r: Json) => r.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(paged).toEqual(all.relations.map((r: Json) => r.id));

    const below = await queue({ threshold: 0.8 });
    expect(below.total).toBeGreaterThan(0);
    expect(below.total).toBeLessThan(all.total);
    expect(below.relations.every((r: Json) => r.confidence < 0.8)).toBe(true);
    const located = await queue({ types: ['LOCATED_IN'] });
    expect(located.relations.every((r: Json) => r.type === 'LOCATED_IN')).toBe(true);
    expect(located.total).toBe(all.relations.filter((r: Json) => r.type === 'LOCATED_IN').length);
  });

  it('accepts a fact (needs a token; named in the audit log), takes it out of the queue, and undoes it', async () => {
    const before = await queue();
    const first = before.relations[0];
    expect(codes(await h.gql(ACCEPT, { id: first.id }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await h.gql(ACCEPT, { id: 'rel:nothing' }, { token: WANG }))).toEqual(['NOT_FOUND']);
    expect(codes(await h.gql(UNACCEPT, { id: first.id }, { token: WANG }))).toEqual(['NOT_FOUND']);

    const accepted = ok(await h.gql(ACCEPT, { id: first.id }, { token: WANG })).acceptRelation;
    expect(accepted).toMatchObject({ id: first.id, confidence: first.confidence, accepted: { actor: 'wang' } });
    const after = await queue();
    expect(after.total).toBe(before.total - 1);
    expect(after.relations.map((r: Json) => r.id)).not.toContain(first.id);
    // Still in the graph, marked as reviewed.
    expect(ok(await h.gql(`{ relations(ids: ["${first.id}"]) { id accepted { actor } } }`)).relations).toEqual([{ id: first.id, accepted: { actor: 'wang' } }]);

    expect(ok(await h.gql(UNACCEPT, { id: first.id }, { token: 'li-token' })).unacceptRelation).toEqual({ id: first.id, accepted: null });
    expect((await queue()).relations.map((r: Json) => r.id)).toEqual(before.relations.map((r: Json) => r.id));
    const log = ok(await h.gql('{ auditLog(first: 2) { kind actor target } }')).auditLog;
    expect(log).toEqual([
      { kind: 'UNACCEPT', actor: 'li', target: first.id },
      { kind: 'ACCEPT', actor: 'wang', target: first.id },
    ]);
  });

  it('drops a rejected fact from the queue', async () => {
    const before = await queue();
    const second = before.relations[1];
    ok(await h.gql(`mutation($id: ID!) { rejectRelation(relationId: $id, reason: "句子没有这么说") { id } }`, { id: second.id }, { token: WANG }));
    const after = await queue();
    expect(after.total).toBe(before.total - 1);
    expect(after.relations.map((r: Json) => r.id)).not.toContain(second.id);
  });

  it('answers a bad page, cursor or threshold with a coded error and stays up', async () => {
    expect(codes(await h.gql(QUEUE, { threshold: 1.5 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(QUEUE, { after: 'not-a-cursor' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(QUEUE, { first: 100_000 }))).toEqual(['BAD_USER_INPUT']);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});
