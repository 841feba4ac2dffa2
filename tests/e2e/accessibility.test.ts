import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt, launchChromium, SCREENSHOTS, startSyntheticServer } from './harness';
import { addFromSearch, clickOnCanvas, expanding, search, settle, type Win } from './helpers';

// Accessibility of the explorer (issue 15, item 10), in Chromium on a generated graph with hubs:
// axe-core on the main page with a loaded canvas and the search list open, in both languages;
// the search is a combobox; the context menu and the canvas's nodes are reached by keyboard;
// dialogs take focus, keep it, and give it back.

let served: Awaited<ReturnType<typeof startSyntheticServer>>;
let browser: Browser;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureClientBuilt();
  served = await startSyntheticServer();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function openWithHub(lang: 'zh-CN' | 'en'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  p.setDefaultTimeout(20_000);
  await p.goto(`${served.url}/${lang === 'en' ? '?lang=en' : ''}`);
  const hub = served.hubs[0]!;
  await addFromSearch(p, hub.name, hub.name);
  await expanding(p, () => clickOnCanvas(p, hub.id, 'dbl'));
  return p;
}

async function axe(p: Page): Promise<AxeViolation[]> {
  await p.addScriptTag({ path: AXE });
  const r = await p.evaluate(() =>
    (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return r.violations;
}

const serious = (vs: AxeViolation[]) =>
  vs.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);

describe('accessibility', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`axe-core finds no serious or critical violation (${lang}), canvas loaded and search list open`, async () => {
      const p = await openWithHub(lang);
      await search(p, served.hubs[1]!.name.slice(0, 4));
      const found = await axe(p);
      console.info(`axe (${lang}): ${found.map((v) => `${v.impact} ${v.id}`).join(', ') || 'no violation'}`);
      expect(serious(found)).toEqual([]);
      // A dialog open, too.
      await p.keyboard.press('Escape');
      await p.locator('body').click({ position: { x: 5, y: 890 } });
      await p.keyboard.press('?');
      await p.getByRole('dialog').waitFor();
      expect(serious(await axe(p))).toEqual([]);
      await p.close();
    }, 120_000);
  }

  it('the search is a combobox whose active option is its aria-activedescendant', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await p.goto(`${served.url}/`);
    const box = p.getByRole('combobox', { name: '搜索' });
    // A prefix many names share: several options.
    await box.fill(served.hubs[0]!.name.slice(0, 2));
    await p.locator('#search-results [role=option]').nth(1).waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const first = await box.getAttribute('aria-activedescendant');
    expect(first).toBeTruthy();
    expect(await p.locator(`#${first}`).getAttribute('aria-selected')).toBe('true');
    await box.press('ArrowDown');
    const second = await box.getAttribute('aria-activedescendant');
    expect(second).not.toBe(first);
    expect(await p.locator(`#${second}`).getAttribute('aria-selected')).toBe('true');
    // No button inside an option: 起点/终点 act on the active option from beside the list.
    expect(await p.locator('#search-results [role=option] button').count()).toBe(0);
    await p.close();
  });

  it('every context-menu action by keyboard (Shift+F10 on the selected node), and nodes through the canvas list', async () => {
    const p = await openWithHub('zh-CN');
    const hub = served.hubs[0]!;
    // The text alternative: every node on the canvas in a list, reachable by Tab, Enter selects.
    const list = p.getByRole('region', { name: /画布上的内容/ });
    await list.getByRole('button', { name: /显示列表|隐藏列表/ }).first().click();
    const items = list.getByRole('listitem');
    const count = await p.evaluate(() => Object.keys(((window as unknown as { __chainAtlas: { state(): { nodes: object } } }).__chainAtlas.state()).nodes).length);
    expect(await items.count()).toBe(count);
    const target = await p.evaluate((hid) => {
      const cy = (window as unknown as Win).__chainAtlas.cy;
      return cy
        .nodes()
        .filter((x) => x.id() !== hid)
        .map((n) => ({ id: n.id(), label: String(n.data('label')) }))[0]!;
    }, hub.id);
    const row = list.getByRole('button', { name: new RegExp(`^${target.label}`) }).first();
    await row.focus();
    await p.keyboard.press('Enter');
    await p.waitForFunction((id) => (window as unknown as Win).__chainAtlas.cy.$(':selected').map((e) => e.id()).includes(id), target.id);

    // The context menu of the selected node, by keyboard, focus on its first item.
    await p.keyboard.press('Shift+F10');
    const menu = p.getByRole('menu');
    await menu.waitFor();
    const focused = await p.evaluate(() => document.activeElement?.getAttribute('role'));
    expect(focused).toBe('menuitem');
    // Every action is a menu item reachable with the arrow keys (the expand-by-type ones too).
    const labels = await menu.getByRole('menuitem').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['展开邻居', '隐藏', '移除', '设为路径起点', '设为路径终点', '投资']));
    await p.keyboard.press('End');
    const last = await p.evaluate(() => document.activeElement?.textContent);
    expect(last).toBe(labels[labels.length - 1]);
    await p.keyboard.press('Home');
    // 隐藏 by keyboard: ArrowDown until it, Enter.
    for (let i = 0; i < labels.length; i++) {
      if ((await p.evaluate(() => document.activeElement?.textContent)) === '隐藏') break;
      await p.keyboard.press('ArrowDown');
    }
    await p.keyboard.press('Enter');
    await p.waitForFunction((id) => !(window as unknown as Win).__chainAtlas.cy.getElementById(id).visible(), target.id);
    expect(await menu.count()).toBe(0);

    // The menu key on the selected hub; Escape closes the menu and focus goes back.
    await p.evaluate((id) => (window as unknown as Win).__chainAtlas.dispatch({ type: 'select', id }), hub.id);
    await p.locator('body').focus();
    await p.keyboard.press('ContextMenu');
    await menu.waitFor();
    await p.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    await p.close();
  }, 120_000);

  it('dialogs take focus, keep it on Tab, and give it back on close', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await p.goto(`${served.url}/`);
    await settle(p);
    const opener = p.getByRole('button', { name: '设置', exact: true });
    await opener.focus();
    await p.keyboard.press('Enter');
    const dialog = p.getByRole('dialog', { name: '设置' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const inDialog = () => p.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));
    expect(await inDialog()).toBe(true);
    for (let i = 0; i < 25; i++) {
      await p.keyboard.press('Tab');
      expect(await inDialog()).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await p.keyboard.press('Shift+Tab');
      expect(await inDialog()).toBe(true);
    }
    await p.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    // The trap gives focus back once the dialog has gone (a tick after Escape).
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent)).toBe('设置');
    await p.close();
  }, 60_000);
});
