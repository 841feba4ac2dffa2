import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, ok, startHarness, type Harness } from './harness';

// Time bounds here are generous for a shared 2-core machine: what they catch is the old
// behaviour, which took tens of seconds to minutes on the same documents.
const FAST_MS = 2000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

/** `fragment G_i on Query { a: __typename ...G_{i+1} b: __typename ...G_{i+1} }`: 2^levels spreads from a 1–2 KB document. */
function fanningFragments(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment G${i} on Query { a: __typename }` : `fragment G${i} on Query { a: __typename ...G${i + 1} b: __typename ...G${i + 1} }`,
  );
  return `{ ...G0 } ${fragments.join(' ')}`;
}

describe('query cost', () => {
  it('refuses the 200-byte query of nested unpaged lists in milliseconds, before running it', async () => {
    const q = `{ entity(id:"district:渝中区") { ... on District { enterprises { id districts { id enterprises { id districts { id enterprises { id } } } } } } } }`;
    const { result, ms } = await timed(() => h.gql(q));
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors![0].extensions?.complexity).toBeGreaterThan(result.errors![0].extensions?.maxComplexity as number);
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('still answers one level of those lists, as README examples do', async () => {
    const { entity } = ok(
      await h.gql(`{ entity(id: "district:两江新区") { ... on District { totalInvestmentCny enterprises { id districts { id } }
        projects { name amountCny investors { amountCny enterprise { name } } } } } }`),
    );
    expect(entity.enterprises.length).toBeGreaterThan(0);
  });

  for (const levels of [26, 30]) {
    it(`refuses ${levels} levels of fanning fragments fast, and /healthz is not held up`, async () => {
      const q = fanningFragments(levels);
      expect(q.length).toBeLessThan(2500);
      const health = (async () => {
        await new Promise((r) => setTimeout(r, 20));
        return timed(() => fetch(`${h.url}/healthz`).then((r) => r.status));
      })();
      const { result, ms } = await timed(() => h.gql(q));
      expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(ms).toBeLessThan(FAST_MS);
      const healthz = await health;
      expect(healthz.result).toBe(200);
      expect(healthz.ms).toBeLessThan(FAST_MS);
    });
  }

  it('refuses many aliases of an expensive field (100 aliased paths) before running any', async () => {
    const fields = Array.from(
      { length: 100 },
      (_, i) => `p${i}: paths(from: "district:渝中区", to: "platform:忽米网", maxLength: 6, first: 1) { nodes { id } }`,
    ).join(' ');
    const { result, ms } = await timed(() => h.gql(`{ ${fields} }`));
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors![0].extensions?.maxAliases).toBe(30);
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('refuses a document of more tokens than allowed while parsing it', async () => {
    const types = Array.from({ length: 6000 }, () => 'DISTRICT').join(', ');
    const res = await h.gql(`{ search(query: "重庆", types: [${types}]) { score } }`);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.status).toBe(400);
  });

  it('refuses too many directives', async () => {
    const fields = Array.from({ length: 60 }, () => '__typename @include(if: true)').join(' ');
    const res = await h.gql(`{ ${fields} }`);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('counts depth through fragments as through fields', async () => {
    let inner = 'id';
    for (let i = 0; i < 5; i++) inner = `relations(first: 1) { edges { node { from { ${inner} } } } }`;
    const res = await h.gql(`query { ...Q } fragment Q on Query { entity(id: "district:渝中区") { ...E } } fragment E on Entity { ${inner} }`);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.errors![0].extensions?.maxDepth).toBe(10);
  });
});

describe('lists counted as they are read', () => {
  let small: Harness;
  beforeAll(async () => {
    small = await startHarness({ limits: { maxListItems: 1 } });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('stops a request whose unpaged lists reach more entities than allowed, whatever the estimate said', async () => {
    const q = `{ entity(id: "district:两江新区") { ... on District { enterprises { id } clusters { id } projects { id } platforms { id } } } }`;
    const { entity } = ok(await h.gql(q));
    expect(entity.enterprises.length + entity.clusters.length + entity.projects.length + entity.platforms.length).toBeGreaterThan(1);
    const res = await small.gql(q);
    expect(codes(res)).toContain('QUERY_TOO_COMPLEX');
    expect(res.errors![0].extensions?.maxListItems).toBe(1);
  });
});

describe('bounded answers', () => {
  let tight: Harness;
  beforeAll(async () => {
    tight = await startHarness({ limits: { maxResponseBytes: 600 } });
  });
  afterAll(async () => {
    await tight?.close();
  });

  it('gives article text only through article(id) and articles, not through evidence', async () => {
    const res = await h.gql(`{ neighbourhood(ids: ["district:渝中区"], depth: 1, limit: 2000) { edges { evidence { article { text } } } } }`);
    expect(codes(res)).toContain('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/article\(id\)/);
    const viaEntity = await h.gql(`{ entity(id: "district:渝中区") { articles { text } } }`);
    expect(codes(viaEntity)).toContain('BAD_USER_INPUT');
    const id = ok(await h.gql(`{ articles(first: 1) { edges { node { id text } } } }`)).articles.edges[0].node.id;
    expect(ok(await h.gql(`query($id: ID!) { article(id: $id) { text } }`, { id })).article.text.length).toBeGreaterThan(100);
  });

  it('answers RESPONSE_TOO_LARGE past the response limit, for texts and for everything else', async () => {
    const texts = await tight.gql(`{ articles(first: 5) { edges { node { text } } } }`);
    expect(codes(texts)).toContain('RESPONSE_TOO_LARGE');
    expect(JSON.stringify(texts).length).toBeLessThan(600);
    const graph = await tight.gql(`{ neighbourhood(ids: ["district:渝中区"], depth: 2, limit: 2000) { nodes { id name aliases } edges { id evidence { text } } } }`);
    expect(graph.status).toBe(400);
    expect(codes(graph)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(graph.errors![0].extensions?.maxResponseBytes).toBe(600);
    ok(await tight.gql(`{ stats { articles } }`));
  });
});
