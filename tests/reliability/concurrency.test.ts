import { articleId, checkGraph } from '@chain-atlas/graph';
import { rng } from '@chain-atlas/graph/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, startHarness, type GraphQLResponse, type Harness, type Json } from '../api/harness';
import { GQL, KNOWN_IDS, SEARCH_TERMS, newsStream, type NewsItem } from './news';

// Ingestion while queries run: ~200 GraphQL requests at once against the real server over a
// real SQLite file — searches, entities, neighbourhoods and paths over the entities the new
// articles are landing on, and the ingestions themselves. Nothing fails, every article loads,
// and the graph is whole afterwards.

const REQUESTS = 200;
const INGESTIONS = 40;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Kind = 'search' | 'entity' | 'neighbourhood' | 'paths' | 'ingest';
interface Sent {
  kind: Kind;
  item?: NewsItem;
  res: GraphQLResponse;
  ms: number;
}

describe('ingestion while queries run', () => {
  it(`answers ${REQUESTS} concurrent mixed requests without an error and loads every article`, async () => {
    const before = await h.store.stats();
    const random = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const next = newsStream(7, 'C');

    // Interleave the ingestions among the reads so they overlap in time.
    const kinds: Kind[] = [];
    for (let i = 0; i < REQUESTS; i++) kinds.push(i % (REQUESTS / INGESTIONS) === 0 ? 'ingest' : pick(['search', 'entity', 'neighbourhood', 'neighbourhood', 'paths'] as const));
    let serial = 0;
    const send = async (kind: Kind): Promise<Sent> => {
      const t0 = performance.now();
      let res: GraphQLResponse;
      let item: NewsItem | undefined;
      switch (kind) {
        case 'search':
          res = await h.gql(GQL.search, { q: pick(SEARCH_TERMS) });
          break;
        case 'entity':
          res = await h.gql(GQL.entity, { id: pick(KNOWN_IDS) });
          break;
        case 'neighbourhood':
          res = await h.gql(GQL.neighbourhood, { id: pick(KNOWN_IDS) });
          break;
        case 'paths':
          res = await h.gql(GQL.paths, { a: pick(KNOWN_IDS), b: pick(KNOWN_IDS) });
          break;
        case 'ingest':
          item = next(++serial);
          res = await h.gql(GQL.ingest, { input: item }, { token: TOKEN });
          break;
      }
      return { kind, item, res, ms: performance.now() - t0 };
    };

    const t0 = performance.now();
    const sent = await Promise.all(kinds.map((k) => send(k)));
    const wall = performance.now() - t0;

    const failures = sent.filter((s) => s.res.status !== 200 || s.res.errors?.length || !s.res.data);
    const byKind = new Map<Kind, number[]>();
    for (const s of sent) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s.ms]);
    console.log(
      `${sent.length} concurrent requests in ${wall.toFixed(0)} ms: ` +
        [...byKind].map(([k, ms]) => `${k} ×${ms.length} (max ${Math.max(...ms).toFixed(0)} ms)`).join(', '),
    );
    expect(failures.map((f) => `${f.kind} ${f.res.status} ${JSON.stringify(f.res.errors)}`)).toEqual([]);

    // Reads of entities the bundled articles hold always find them.
    for (const s of sent) {
      const d: Json = s.res.data;
      if (s.kind === 'entity') expect(d.entity, 'entity').not.toBeNull();
      if (s.kind === 'neighbourhood') expect(d.neighbourhood.nodes.length).toBeGreaterThan(0);
      if (s.kind === 'search') expect(Array.isArray(d.search)).toBe(true);
    }

    // Every ingestion reports ok, created, with no errors, and its article is in the store, text and all.
    const ingested = sent.filter((s) => s.kind === 'ingest');
    expect(ingested).toHaveLength(INGESTIONS);
    for (const s of ingested) {
      const report: Json = s.res.data!.ingestArticle;
      expect(report, s.item!.title).toMatchObject({ ok: true, created: true, errors: [] });
      expect(report.article.id).toBe(articleId(s.item!.text));
      expect(report.article.length).toBe(s.item!.text.length);
      expect(report.entitiesAdded.length + report.entitiesExisting.length).toBeGreaterThan(0);
      const stored = await h.store.getArticle(report.article.id);
      expect(stored?.text).toBe(s.item!.text);
      expect(stored?.title).toBe(s.item!.title);
    }
    // They landed on existing entities too: the short names resolve to the bundled ones.
    expect(ingested.some((s) => (s.res.data!.ingestArticle as Json).entitiesExisting.some((e: { id: string }) => e.id.startsWith('enterprise:')))).toBe(true);

    const after = await h.store.stats();
    expect(after.articles).toBe(before.articles + INGESTIONS);
    expect(after.relations).toBeGreaterThan(before.relations);
    const { problems, counts } = await checkGraph(h.store);
    expect(problems).toEqual([]);
    expect(counts.article).toBe(before.articles + INGESTIONS);

    // The server still answers, and over HTTP sees what the store holds.
    const stats = await h.gql('{ stats { articles relations evidence } }');
    expect(stats.data?.stats).toMatchObject({ articles: after.articles, relations: after.relations, evidence: after.evidence });
  }, 120_000);

  it('answers the same articles ingested again, concurrently, as unchanged and writes nothing', async () => {
    const before = await h.store.stats();
    const next = newsStream(7, 'C');
    const items = Array.from({ length: 20 }, (_, i) => next(i + 1));
    const res = await Promise.all([
      ...items.map((input) => h.gql(GQL.ingest, { input }, { token: TOKEN })),
      ...items.map((input) => h.gql(GQL.ingest, { input }, { token: TOKEN })),
      ...KNOWN_IDS.map((id) => h.gql(GQL.neighbourhood, { id })),
    ]);
    for (const r of res) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    for (const r of res.slice(0, 40)) expect(r.data!.ingestArticle).toMatchObject({ ok: true, created: false, errors: [] });
    expect(await h.store.stats()).toEqual(before);
    expect((await checkGraph(h.store)).problems).toEqual([]);
  }, 60_000);
});
