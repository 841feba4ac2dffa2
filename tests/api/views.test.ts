import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, codes, ok, startHarness, type Harness } from './harness';

// Saved views over HTTP, served from worker threads as `pnpm start` serves them: saving needs
// no token, anyone lists and opens, deleting needs the deleteKey from saving or the token.

const SAVE = `mutation($input: SaveViewInput!) { saveView(input: $input) { deleteKey view { id name state savedAt } } }`;
const VIEWS = `query($first: Int, $after: String) { views(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`;

// A canvas of 500 entities with positions: far past what an address bar holds.
const bigState = JSON.stringify({
  v: 1,
  n: Array.from({ length: 500 }, (_, i) => `enterprise:重庆华信精密机械${i}有限公司`),
  pos: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`enterprise:重庆华信精密机械${i}有限公司`, [i * 3.5, -i]])),
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ workers: { threads: 1 } });
});
afterAll(async () => {
  await h?.close();
});

describe('saved views', () => {
  it('saves a 500-entity canvas without a token and opens it by its short id', async () => {
    const before = await h.store.stats();
    const saved = ok(await h.gql(SAVE, { input: { name: '华信 500', state: bigState } })).saveView;
    expect(saved.view.id).toMatch(/^[0-9a-z]{12}$/u);
    expect(saved.deleteKey.length).toBeGreaterThanOrEqual(20);
    expect(bigState.length).toBeGreaterThan(30_000);
    const opened = ok(await h.gql(`query($id: ID!) { view(id: $id) { id name state savedAt } }`, { id: saved.view.id })).view;
    expect(opened).toEqual(saved.view);
    expect(JSON.parse(opened.state)).toEqual(JSON.parse(bigState));
    expect(ok(await h.gql(`{ view(id: "nosuchview00") { id } }`)).view).toBeNull();
    // The graph itself is untouched by views.
    expect(await h.store.stats()).toEqual(before);
  });

  it('lists named views newest first, page by page; unnamed link views are not listed', async () => {
    const ids: string[] = [];
    for (const name of ['甲', '乙', '丙']) ids.push(ok(await h.gql(SAVE, { input: { name, state: '{"n":[]}' } })).saveView.view.id);
    ok(await h.gql(SAVE, { input: { name: null, state: '{"n":["link"]}' } }));
    const first = ok(await h.gql(VIEWS, { first: 2 })).views;
    expect(first.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['丙', '乙']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(await h.gql(VIEWS, { first: 2, after: first.pageInfo.endCursor })).views;
    expect(next.edges[0].node.name).toBe('甲');
    expect(first.totalCount).toBe(next.totalCount);
    expect(first.edges.some((e: { node: { name: string | null } }) => e.node.name == null)).toBe(false);
  });

  it('deletes with the deleteKey, or with the token; anyone else gets FORBIDDEN and the view stays', async () => {
    const a = ok(await h.gql(SAVE, { input: { name: '给同事看', state: '{"n":[]}' } })).saveView;
    const b = ok(await h.gql(SAVE, { input: { name: '别人的', state: '{"n":[]}' } })).saveView;
    const del = `mutation($id: ID!, $key: String) { deleteView(id: $id, deleteKey: $key) }`;

    const stranger = await h.gql(del, { id: a.view.id, key: b.deleteKey });
    expect(codes(stranger)).toEqual(['FORBIDDEN']);
    expect(codes(await h.gql(del, { id: a.view.id }))).toEqual(['FORBIDDEN']);
    expect(ok(await h.gql(`query($id: ID!) { view(id: $id) { id } }`, { id: a.view.id })).view).not.toBeNull();

    expect(ok(await h.gql(del, { id: a.view.id, key: a.deleteKey })).deleteView).toBe(true);
    expect(ok(await h.gql(del, { id: a.view.id, key: a.deleteKey })).deleteView).toBe(false);
    expect(ok(await h.gql(del, { id: b.view.id }, { token: TOKEN })).deleteView).toBe(true);
  });

  it('bad input gets a coded error and saves nothing; other mutations still need the token', async () => {
    const total = ok(await h.gql(VIEWS, { first: 1 })).views.totalCount;
    expect(codes(await h.gql(SAVE, { input: { name: '  ', state: '{}' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(SAVE, { input: { name: 'x', state: '' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(`{ view(id: "../../etc") { id } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(VIEWS, { first: 1, after: 'nosuchview00' }))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await h.gql(VIEWS, { first: 1 })).views.totalCount).toBe(total);
    // A free mutation does not open the others when asked for in the same document.
    const mixed = await h.gql(`mutation { saveView(input: { name: "x", state: "{}" }) { deleteKey } deleteArticle(id: "abc") }`);
    expect(codes(mixed)).toEqual(['UNAUTHENTICATED']);
  });
});
