import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt, launchChromium, ROOT, SCREENSHOTS, startServer, TOKEN, type Served } from './harness';
import { addFromSearch, settle, type Win } from './helpers';

// 待审核 in Chromium on the five bundled articles, whose facts carry the confidence of the rule
// that produced each: the queue least certain first, reject (R, with a reason) and accept (A)
// one key press each, and the rejected fact gone from the explorer's canvas. Its own server:
// these tests change the data.

const DOCS = join(ROOT, 'docs');

/** A screenshot for the tests' folder, and with UPDATE_DOCS=1 for docs/ too (what the README shows). */
async function docShot(p: Page, name: string) {
  await p.screenshot({ path: join(SCREENSHOTS, name) });
  if (process.env.UPDATE_DOCS === '1') await p.screenshot({ path: join(DOCS, name) });
}

interface Fact {
  id: string;
  confidence: number | null;
  from: { name: string };
  to: { name: string };
  accepted: { actor: string | null } | null;
}

let served: Served;
let browser: Browser;
let page: Page;

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${served.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const queue = async () =>
  (await gql<{ reviewQueue: { total: number; relations: Fact[] } }>(`{ reviewQueue(first: 100) { total relations { id confidence from { name } to { name } accepted { actor } } } }`))
    .reviewQueue;

/** The ids and confidences of the queue as the page lists it. */
const listed = () =>
  page.getByTestId('review-item').evaluateAll((items) => items.map((li) => ({ id: li.getAttribute('data-relation-id')!, confidence: Number(li.getAttribute('data-confidence')) })));

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureClientBuilt();
  served = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(10_000);
  // An analyst with the curation token.
  await page.addInitScript((token) => localStorage.setItem('chainAtlas.token', token), TOKEN);
  await page.goto(`${served.url}/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('待审核: the review queue', () => {
  let before: Awaited<ReturnType<typeof queue>>;
  let wrong: Fact;
  let right: Fact;

  it('draws a fact less certain than the threshold dashed and shows its confidence in the details', async () => {
    before = await queue();
    [wrong, right] = before.relations;
    // Inferred from a name's prefix, not stated: the extractor is least sure of it.
    expect(wrong.confidence).toBeLessThan(0.75);
    await addFromSearch(page, wrong.from.name, wrong.from.name);
    await addFromSearch(page, wrong.to.name, wrong.to.name);
    await page.waitForFunction((id) => (window as unknown as Win).__chainAtlas.cy.getElementById(id).length === 1, wrong.id);
    const uncertain = await page.evaluate((id) => (window as unknown as Win).__chainAtlas.cy.getElementById(id).hasClass('uncertain'), wrong.id);
    expect(uncertain).toBe(true);

    await page.evaluate((id) => (window as unknown as Win).__chainAtlas.dispatch({ type: 'select', id }), wrong.id);
    const details = page.getByTestId('relation-details');
    await expect(details.getByTestId('relation-confidence').textContent()).resolves.toBe(`${Math.round(wrong.confidence! * 100)}%`);
    await expect(details.textContent()).resolves.toContain('1 句，1 篇文章');
    await expect(details.getByTestId('evidence-rule').first().textContent()).resolves.toMatch(/规则 \S+ · 置信度 \d+%/);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'review-uncertain-edge.png') });
  });

  it('lists the facts least certain first, as the API orders them, with their sentences', async () => {
    await page.getByRole('button', { name: '待审核' }).click();
    await page.getByTestId('review-item').first().waitFor();
    const items = await listed();
    expect(items.map((i) => i.id)).toEqual(before.relations.slice(0, items.length).map((r) => r.id));
    const confidences = items.map((i) => i.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect(confidences[0]).toBeLessThan(confidences.at(-1)!);
    await expect(page.getByTestId('review-total').textContent()).resolves.toBe(`共 ${before.total} 条未审核`);
    const current = page.getByTestId('review-current');
    await expect(current.locator('h3').textContent()).resolves.toContain(wrong.from.name);
    await current.getByTestId('evidence').first().waitFor();
    await docShot(page, 'review-queue.zh.png');
  });

  it('rejects the fact in focus with R and a reason, then accepts the next with A', async () => {
    await page.keyboard.press('r');
    const reason = page.getByTestId('reject-reason');
    await reason.waitFor();
    await reason.fill('句子没有说它在这里');
    await reason.press('Enter');
    // The next fact takes the focus.
    await page.waitForFunction((id) => document.querySelector('[data-testid=review-item][aria-selected=true]')?.getAttribute('data-relation-id') === id, right.id);
    await expect(page.getByTestId('review-total').textContent()).resolves.toBe(`共 ${before.total - 1} 条未审核`);

    await page.keyboard.press('a');
    await page.waitForFunction((id) => !document.querySelector(`[data-testid=review-item][data-relation-id="${id}"]`), right.id);
    await expect(page.getByTestId('review-total').textContent()).resolves.toBe(`共 ${before.total - 2} 条未审核`);
    expect((await listed())[0].id).toBe(before.relations[2].id);

    // What the store now holds: the wrong fact rejected with its reason, the right one accepted, neither queued.
    const after = await queue();
    expect(after.relations.map((r) => r.id)).toEqual(before.relations.slice(2).map((r) => r.id));
    const { rejections, relations } = await gql<{ rejections: { relationId: string; reason: string }[]; relations: Fact[] }>(
      `query($ids: [ID!]!) { rejections { relationId reason } relations(ids: $ids) { id accepted { actor } } }`,
      { ids: [wrong.id, right.id] },
    );
    expect(rejections).toEqual([{ relationId: wrong.id, reason: '句子没有说它在这里' }]);
    expect(relations).toEqual([{ id: right.id, accepted: { actor: null } }]);
  });

  it('the rejected fact is gone from the canvas, its entities stay', async () => {
    await page.getByRole('button', { name: '← 返回探索' }).click();
    await page.waitForFunction((id) => (window as unknown as Win).__chainAtlas.cy.getElementById(id).length === 0, wrong.id);
    await settle(page);
    const nodes = await page.evaluate(() => (window as unknown as Win).__chainAtlas.cy.nodes().map((n) => n.data('label') as string));
    expect(nodes).toEqual(expect.arrayContaining([wrong.from.name, wrong.to.name]));
  });

  it('speaks English too', async () => {
    const en = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await en.addInitScript((token) => localStorage.setItem('chainAtlas.token', token), TOKEN);
    await en.goto(`${served.url}/?review=1&lang=en`);
    await en.getByTestId('review-item').first().waitFor();
    await expect(en.getByTestId('review-total').textContent()).resolves.toBe(`${before.total - 2} facts not reviewed`);
    await expect(en.getByRole('button', { name: 'Accept (A)' }).count()).resolves.toBe(1);
    await en.getByTestId('review-current').getByTestId('evidence').first().waitFor();
    await docShot(en, 'review-queue.en.png');
    await en.close();
  });
});
