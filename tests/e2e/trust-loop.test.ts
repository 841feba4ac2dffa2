import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, ensureClientBuilt, launchChromium, startServer, type Served } from './harness';
import { addFromSearch, clickOnCanvas, nodeIds, settle, type Win } from './helpers';

// Issue 12's trust loop in the explorer, as two analysts with named tokens use it: wang imports
// an article after unticking a fact, li rejects a wrong fact and wang restores it from the audit
// log, li merges two entities after the preview and wang undoes it; the audit log shows each
// with its actor. Screenshots of the import page and the audit log go to docs/.

const WANG = 'e2e-wang-token';
const LI = 'e2e-li-token';
const DOCS = join(ROOT, 'docs');
const TEXT = '重庆日报讯 3月5日，臻宝科技投资5亿元的半导体材料项目落户沙坪坝区。华峰新材料与臻宝科技签署战略合作协议。';
const PLATFORM = 'platform:两江水土云计算中心';
const LIANGJIANG = 'district:两江新区';
// 重庆日报 in GBK.
const GBK = Buffer.from([0xd6, 0xd8, 0xc7, 0xec, 0xc8, 0xd5, 0xb1, 0xa8]);

let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  ensureClientBuilt();
  served = await startServer({ tokens: [{ actor: 'wang', token: WANG }, { actor: 'li', token: LI }] });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(10_000);
  await page.goto(`${served.url}/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${served.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The analyst at the keyboard: the token in 设置 names who does what. */
async function signInAs(token: string) {
  await page.getByRole('button', { name: /^(设置|Settings)$/ }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel(/维护令牌|token/i).fill(token);
  await d.getByRole('button', { name: /^(保存|Save)$/ }).click();
  await d.getByRole('button', { name: /^(关闭|Close)$/ }).click();
}

const liveRelations = async (ids: string[]) => ((await gql(`query($ids: [ID!]!) { relations(ids: $ids) { id } }`, { ids })).relations as { id: string }[]).map((r) => r.id);

describe('the trust loop in the explorer', () => {
  it('导入文章: reads dropped UTF-8 and GBK files with their sidecar metadata', async () => {
    await signInAs(WANG);
    await page.getByRole('button', { name: '导入文章' }).click();
    await page.getByTestId('import-page').waitFor();
    await page.getByTestId('file-input').setInputFiles([
      { name: 'gbk.txt', mimeType: 'text/plain', buffer: GBK },
      { name: 'gbk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ title: 'GBK 样例', date: '2025-03-06', source: '重庆日报', url: 'https://cq.example/gbk' })) },
      { name: 'zhenbao.txt', mimeType: 'text/plain', buffer: Buffer.from(`臻宝科技项目落户\n${TEXT}`) },
    ]);
    const drafts = page.locator('.draft-list li');
    await expect.poll(() => drafts.allTextContents()).toEqual(['GBK 样例', '臻宝科技项目落户']);
    await drafts.getByText('GBK 样例').click();
    expect(await page.getByTestId('import-page').getByLabel('日期').inputValue()).toBe('2025-03-06');
    expect(await page.getByTestId('import-page').getByLabel('链接').inputValue()).toBe('https://cq.example/gbk');
    await page.getByText('编码：GBK').waitFor();
    // Done with the files: the pasted article is the one loaded.
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: '移除' }).click();
    expect(await drafts.count()).toBe(0);
  });

  it('导入文章: preview → untick one relation → load: the unticked fact is absent, the rest present; again: unchanged', async () => {
    await page.getByTestId('import-page').getByLabel('粘贴文章正文').fill(TEXT);
    await page.getByRole('button', { name: '加入待导入' }).click();
    await page.getByTestId('import-page').getByLabel('来源').fill('重庆日报');
    await page.getByTestId('import-page').getByLabel('日期').fill('2025-03-06');
    const before = (await gql('{ stats { relations } }')).stats.relations as number;
    await page.getByRole('button', { name: '预览抽取结果' }).click();
    const rels = page.getByTestId('preview-relations').locator('li');
    await rels.first().waitFor();
    expect(await rels.count()).toBeGreaterThanOrEqual(3);
    // Nothing is written by a preview.
    expect((await gql('{ stats { relations } }')).stats.relations).toBe(before);
    // Mentions highlighted by type, each relation with its sentence, rule and confidence, each entity new or existing.
    expect(await page.getByTestId('preview-text').locator('mark').count()).toBeGreaterThanOrEqual(3);
    expect(await rels.first().textContent()).toMatch(/规则: \S+ · 置信度: (0\.\d\d|1\.00)/);
    await page.getByTestId('preview-entities').getByText('新建').first().waitFor();
    await page.getByTestId('preview-entities').getByText(/并入已有/).first().waitFor();
    const ids = await rels.evaluateAll((els) => els.map((el) => el.getAttribute('data-relation-id')!));
    const cooperation = rels.filter({ has: page.locator('.rel-type', { hasText: /^合作$/ }) });
    const dropped = await cooperation.getAttribute('data-relation-id');
    await cooperation.getByRole('checkbox').uncheck();
    // A mention attached by hand to an entity found by search: the preview is asked for again with it.
    const huafeng = page.getByTestId('preview-entities').locator('li', { hasText: '华峰新材料' }).first();
    await huafeng.getByLabel(/关联到已有实体/).fill('华峰');
    await huafeng.locator('.search-results button', { hasText: '重庆华峰新材料有限公司' }).click();
    await huafeng.getByText('已关联：重庆华峰新材料有限公司').waitFor();
    await page.getByTestId('preview-relations').locator(`li[data-relation-id="${dropped}"] input[type=checkbox]:not(:checked)`).waitFor();
    await page.screenshot({ path: join(DOCS, 'import.zh.png') });

    await page.getByRole('button', { name: '写入图谱' }).click();
    await page.getByTestId('import-status').getByText(/已写入/).waitFor();
    const live = await liveRelations(ids);
    expect(live).not.toContain(dropped);
    expect(live.sort()).toEqual(ids.filter((id) => id !== dropped).sort());
    await page.getByRole('button', { name: '写入图谱' }).click();
    await page.getByTestId('import-status').getByText('未改变：这篇文章已在图谱中').waitFor();

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: 'Preview the extraction' }).click();
    // The unticked fact is still offered (unticked), to be ticked again.
    await page.getByTestId('preview-relations').locator(`li[data-relation-id="${dropped}"] input[type=checkbox]:not(:checked)`).waitFor();
    await page.getByTestId('import-status').getByText('This article is already in the graph; loading it again changes nothing.').waitFor();
    await page.screenshot({ path: join(DOCS, 'import.en.png') });
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.getByRole('button', { name: /返回图谱/ }).click();
  });

  it('驳回: the fact leaves the canvas, search, neighbourhood, paths and exports; 审计日志 restores it', async () => {
    await signInAs(LI);
    const platform = (await gql(`{ entity(id: "${PLATFORM}") { degree relations { edges { node { id type to { id } } } } } }`)).entity;
    const located = platform.relations.edges.map((e: { node: { id: string; type: string; to: { id: string } } }) => e.node).find((r: { type: string; to: { id: string } }) => r.type === 'LOCATED_IN' && r.to.id === LIANGJIANG);
    expect(located).toBeTruthy();
    await addFromSearch(page, '两江水土', '两江水土云计算中心');
    await addFromSearch(page, '两江新区', '两江新区');
    await page.waitForFunction((id) => (window as unknown as Win).__chainAtlas.cy.getElementById(id).length === 1, located.id);
    await settle(page);
    await clickOnCanvas(page, located.id);
    await page.getByRole('button', { name: '驳回' }).click();
    await page.getByLabel('驳回理由').fill('句子没有说它在两江新区');
    await page.getByRole('button', { name: '确认驳回' }).click();
    await page.getByRole('status').getByText('已驳回这条关系').waitFor();
    await page.waitForFunction((id) => (window as unknown as Win).__chainAtlas.cy.getElementById(id).length === 0, located.id);

    const gone = await gql(
      `query($p: ID!, $d: ID!) { search(query: "两江水土云计算中心") { entity { id degree } }
         neighbourhood(ids: [$p], depth: 1) { edges { id } } paths(from: $p, to: $d) { edges { id } } }`,
      { p: PLATFORM, d: LIANGJIANG },
    );
    expect(gone.search[0].entity).toEqual({ id: PLATFORM, degree: platform.degree - 1 });
    expect(gone.neighbourhood.edges.map((e: { id: string }) => e.id)).not.toContain(located.id);
    expect(gone.paths.flatMap((p: { edges: { id: string }[] }) => p.edges.map((e) => e.id))).not.toContain(located.id);
    const exported: string[] = [];
    for await (const rec of served.store.exportRecords()) if (rec.kind === 'relation') exported.push(rec.relation.id);
    expect(exported).not.toContain(located.id);
    expect(await liveRelations([located.id])).toEqual([]);

    await signInAs(WANG);
    await page.getByRole('button', { name: '审计日志' }).click();
    const row = page.getByTestId('audit-table').locator('tr[data-kind=REJECT]').first();
    await row.getByText('两江水土云计算中心 —位于→ 两江新区 · 句子没有说它在两江新区', { exact: true }).waitFor();
    expect(await row.getAttribute('data-actor')).toBe('li');
    await row.getByRole('button', { name: '恢复' }).click();
    await page.getByRole('status').getByText('已恢复').waitFor();
    expect(await liveRelations([located.id])).toEqual([located.id]);
    await page.getByRole('button', { name: /返回图谱/ }).click();
  });

  it('合并: the preview says what moves, the merge does it, 撤销合并 brings the entity back', async () => {
    await signInAs(LI);
    await page.getByRole('button', { name: '清空画布' }).click();
    await addFromSearch(page, '宗申动力', '宗申动力');
    await addFromSearch(page, '宗申集团', '宗申集团');
    const before = (await gql(`{ entity(id: "enterprise:宗申动力") { id name aliases degree } }`)).entity;
    await page.getByRole('button', { name: '设置' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('被合并实体（名称或 ID）').fill('宗申动力');
    await d.getByRole('button', { name: '合并实体' }).click();
    const preview = d.getByTestId('merge-preview');
    await preview.getByText('保留：宗申集团').waitFor();
    await preview.getByText('并入并删除：宗申动力').waitFor();
    await preview.getByText(/新增别名：.*宗申动力/).waitFor();
    expect(await preview.locator('.merge-moves li').count()).toBe(before.degree);
    // Nothing moved yet.
    expect((await gql(`{ entity(id: "enterprise:宗申动力") { id } }`)).entity.id).toBe('enterprise:宗申动力');
    await preview.getByRole('button', { name: '确认合并' }).click();
    await preview.getByRole('status').getByText('已合并 宗申动力').waitFor();
    await page.waitForFunction(() => (window as unknown as Win).__chainAtlas.cy.nodes().length === 1);
    expect((await gql(`{ entity(id: "enterprise:宗申动力") { id } }`)).entity.id).toBe('enterprise:宗申集团');

    await preview.getByRole('button', { name: '撤销合并' }).click();
    await preview.getByRole('status').getByText('已撤销合并：宗申动力 已恢复').waitFor();
    expect((await gql(`{ entity(id: "enterprise:宗申动力") { id name aliases degree } }`)).entity).toEqual(before);
    await d.getByRole('button', { name: '关闭' }).click();
    expect(await nodeIds(page)).toEqual(['enterprise:宗申集团']);
  });

  it('审计日志: every change above with the right actor, filtered by actor and kind', async () => {
    await page.getByRole('button', { name: '审计日志' }).click();
    const table = page.getByTestId('audit-table');
    await table.locator('tr[data-kind=UNMERGE]').waitFor();
    const rows = async () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-kind')}:${tr.getAttribute('data-actor')}`));
    // The second load of the article changed nothing, and says so (created: false).
    expect(await rows()).toEqual(['UNMERGE:li', 'MERGE:li', 'RESTORE:wang', 'REJECT:li', 'INGEST:wang', 'INGEST:wang']);
    await page.screenshot({ path: join(DOCS, 'audit-log.zh.png') });

    await page.getByTestId('audit-page').getByLabel('操作人').fill('wang');
    await page.getByTestId('audit-page').getByRole('button', { name: '筛选' }).click();
    await expect.poll(rows).toEqual(['RESTORE:wang', 'INGEST:wang', 'INGEST:wang']);
    await page.getByTestId('audit-page').getByLabel('操作人').fill('');
    await page.getByTestId('audit-page').getByLabel('类型').selectOption('MERGE');
    await page.getByTestId('audit-page').getByRole('button', { name: '筛选' }).click();
    await expect.poll(rows).toEqual(['MERGE:li']);
    await page.getByTestId('audit-page').getByLabel('类型').selectOption('');
    await page.getByTestId('audit-page').getByLabel('起').fill('2000-01-01');
    await page.getByTestId('audit-page').getByLabel('止').fill('2000-12-31');
    await page.getByTestId('audit-page').getByRole('button', { name: '筛选' }).click();
    await expect.poll(rows).toEqual([]);
    await page.getByTestId('audit-page').getByLabel('止').fill('');
    await page.getByTestId('audit-page').getByRole('button', { name: '筛选' }).click();
    await expect.poll(rows).toEqual(['UNMERGE:li', 'MERGE:li', 'RESTORE:wang', 'REJECT:li', 'INGEST:wang', 'INGEST:wang']);

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await table.locator('tr[data-kind=MERGE] details summary').click();
    await page.screenshot({ path: join(DOCS, 'audit-log.en.png') });
  });
});
