import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt, launchChromium, SCREENSHOTS, startServer, TOKEN, type Served } from './harness';
import { addFromSearch, nodeIds, search, settle, type Win } from './helpers';

// Curation from the settings panel with the token, through the server's mutations. Its own
// server: these tests change the data.

let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureClientBuilt();
  served = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(8000);
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${served.url}/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function openSettings() {
  await page.getByRole('button', { name: '设置' }).click();
  return page.getByRole('dialog', { name: '设置与维护' });
}

/** Runs a curation form and waits for the panel to say it is done. */
async function curate(form: (d: ReturnType<Page['getByRole']>) => Promise<void>) {
  const d = await openSettings();
  await form(d);
  await d.locator('.ok').getByText('完成').waitFor();
  await d.getByRole('button', { name: '关闭' }).click();
  await settle(page);
}

const hitNames = async (q: string) => {
  await search(page, q);
  return page.locator("#search-results [role=option]").allTextContents();
};

describe('curation with the token', () => {
  it('without a token, curation is refused with a hint', async () => {
    await addFromSearch(page, '忽米网', '忽米网');
    const d = await openSettings();
    await d.getByLabel('别名').fill('HM工业云');
    await d.getByRole('button', { name: '添加别名' }).click();
    await expect(d.getByRole('alert').textContent()).resolves.toContain('请先填写维护令牌');
    // A token with Chinese characters could never be sent: said at once.
    await d.getByLabel('维护令牌（Bearer）').fill('维护令牌');
    await d.getByRole('button', { name: '保存' }).click();
    await expect(d.getByRole('alert').textContent()).resolves.toContain('HTTP');
    await d.getByLabel('维护令牌（Bearer）').fill(TOKEN);
    await d.getByRole('button', { name: '保存' }).click();
    await d.getByRole('button', { name: '关闭' }).click();
  });

  it('adds an alias: search finds the entity by it', async () => {
    // An alias that shares nothing with the name (nor its pinyin).
    await curate(async (d) => {
      await d.getByLabel('别名').fill('HM工业云');
      await d.getByRole('button', { name: '添加别名' }).click();
    });
    await page.getByTestId('entity-details').getByText('HM工业云').waitFor();
    await search(page, 'HM工业云');
    const hit = page.locator('#search-results [role=option]').first();
    expect(await hit.textContent()).toContain('忽米网');
    expect(await hit.textContent()).toContain('匹配：HM工业云');
  });

  it('merges 宗申动力 into 宗申集团: one node left, the old name finds the kept entity', async () => {
    await page.getByRole('button', { name: '清空画布' }).click();
    await addFromSearch(page, '宗申动力', '宗申动力');
    await addFromSearch(page, '宗申集团', '宗申集团');
    expect(await nodeIds(page)).toEqual(['enterprise:宗申动力', 'enterprise:宗申集团']);
    // The merge is previewed first (trust-loop.test.ts looks at the preview and the undo).
    const d = await openSettings();
    await d.getByLabel('被合并实体（名称或 ID）').fill('宗申动力');
    await d.getByRole('button', { name: '合并实体' }).click();
    await d.getByTestId('merge-preview').getByRole('button', { name: '确认合并' }).click();
    await d.getByTestId('merge-preview').getByText('已合并 宗申动力').waitFor();
    await d.getByRole('button', { name: '关闭' }).click();
    await settle(page);
    await page.waitForFunction(() => (window as unknown as Win).__chainAtlas.cy.nodes().length === 1);
    expect(await nodeIds(page)).toEqual(['enterprise:宗申集团']);
    // 宗申动力's relations came along: it led 先进动力装备产业集群.
    await page.getByTestId('entity-details').getByText('先进动力装备产业集群').first().waitFor();
    const names = await hitNames('宗申动力');
    expect(names[0]).toContain('宗申集团');
  });

  it('deletes an article: its facts leave the canvas, the search and the counts', async () => {
    await page.getByRole('button', { name: '清空画布' }).click();
    await addFromSearch(page, '两江水土', '两江水土云计算中心');
    await addFromSearch(page, '忽米网', '忽米网');
    expect(await page.locator('.stats').textContent()).toContain('5 篇文章');
    await curate(async (d) => {
      await d.getByLabel('文章').selectOption({ label: '第十六届“重庆·台湾周”9月10日开幕' });
      await d.getByRole('button', { name: '删除文章' }).click();
    });
    await page.waitForFunction(() => (window as unknown as Win).__chainAtlas.cy.nodes().length === 1);
    // 两江水土云计算中心 was only in that article; 忽米网 is also in others.
    expect(await nodeIds(page)).toEqual(['platform:忽米网']);
    await page.locator('.stats', { hasText: '4 篇文章' }).waitFor();
    await page.getByRole('combobox', { name: '搜索' }).fill('两江水土云计算中心');
    await page.getByText('没有找到“两江水土云计算中心”').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '10-after-curation.png') });
  });
});
