import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, ok, startHarness, type Harness } from './harness';

// 臻宝科技 is the short name the bundled articles give 重庆臻宝科技股份有限公司.
const ZHENBAO = 'enterprise:重庆臻宝科技股份有限公司';
const TEXT = '重庆日报讯 3月5日，臻宝科技投资5亿元的半导体材料项目落户沙坪坝区。该项目建成后将进一步完善全市半导体产业链。';
const PREVIEW = `query($input: ArticleInput!) { previewArticle(input: $input) {
  ok errors { code } articleId alreadyLoaded text
  entities { key type name aliases rule id isNew existing { id name } }
  relations { id type from to amountCny rule existing evidence { text start end } } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ workers: { threads: 1 } });
});
afterAll(async () => {
  await h?.close();
});

describe('previewArticle', () => {
  it('shows the extraction — new and existing entities, relations with sentence and rule — and writes nothing', async () => {
    const before = await h.store.stats();
    const p = ok(await h.gql(PREVIEW, { input: { text: TEXT, title: '臻宝科技项目' } })).previewArticle;
    expect(p).toMatchObject({ ok: true, errors: [], alreadyLoaded: false });
    const zhenbao = p.entities.find((e: { name: string }) => e.name.includes('臻宝'));
    expect(zhenbao).toMatchObject({ isNew: false, id: ZHENBAO, existing: { id: ZHENBAO } });
    expect(zhenbao.rule).toMatch(/\w/);
    const project = p.entities.find((e: { type: string }) => e.type === 'PROJECT');
    expect(project).toMatchObject({ isNew: true, existing: null });
    const invest = p.relations.find((r: { type: string }) => r.type === 'INVESTS_IN');
    expect(invest).toMatchObject({ from: zhenbao.key, to: project.key, amountCny: 500_000_000, existing: false });
    expect(invest.rule).toMatch(/\w/);
    expect(p.text.slice(invest.evidence.start, invest.evidence.end)).toBe(invest.evidence.text);
    expect(await h.store.stats()).toEqual(before);

    // Loaded, the same preview says so, and the ids it announced are the ones the graph gave.
    const loaded = ok(
      await h.gql(`mutation($input: ArticleInput!) { ingestArticle(input: $input) { article { id } relationsAdded { id } entitiesAdded { id } } }`, { input: { text: TEXT } }, { token: TOKEN }),
    ).ingestArticle;
    expect(loaded.article.id).toBe(p.articleId);
    expect(loaded.relationsAdded.map((r: { id: string }) => r.id).sort()).toEqual([...new Set(p.relations.map((r: { id: string }) => r.id))].sort());
    expect(loaded.entitiesAdded.map((e: { id: string }) => e.id).sort()).toEqual(p.entities.filter((e: { isNew: boolean }) => e.isNew).map((e: { id: string }) => e.id).sort());
    const again = ok(await h.gql(PREVIEW, { input: { text: TEXT } })).previewArticle;
    expect(again.alreadyLoaded).toBe(true);
    expect(again.relations.every((r: { existing: boolean }) => r.existing)).toBe(true);
    expect(again.entities.every((e: { isNew: boolean }) => !e.isNew)).toBe(true);
  });

  it('reports an article the extractor refuses, with its code', async () => {
    const p = ok(await h.gql(PREVIEW, { input: { text: '   ' } })).previewArticle;
    expect(p.ok).toBe(false);
    expect(p.errors.map((e: { code: string }) => e.code)).toEqual(['EMPTY']);
    expect(p.entities).toEqual([]);
  });
});
