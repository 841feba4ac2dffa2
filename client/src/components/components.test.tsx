import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../i18n';
import { SearchBox } from './SearchBox';
import { RelationDetails } from './Details';
import { Reader } from './Reader';
import { FiltersPanel } from './Panels';
import { emptyFilters } from '../state';
import type { RelationData, SearchHitData } from '../types';

// happy-dom's browser says en-US, which now opens the page in English: these tests read Chinese.
beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

const hits: SearchHitData[] = [
  { entity: { id: 'platform:忽米网', type: 'PLATFORM', name: '忽米网', aliases: [] }, score: 1, matched: '忽米网' },
  { entity: { id: 'enterprise:重庆忽米网络科技有限公司', type: 'ENTERPRISE', name: '重庆忽米网络科技有限公司', aliases: ['忽米'] }, score: 0.8, matched: 'humi' },
];

describe('SearchBox', () => {
  it('debounces, shows type, name and matched alias, and picks with Enter', async () => {
    const search = vi.fn(async () => hits);
    const onPick = vi.fn();
    render(<SearchBox search={search} onPick={onPick} debounceMs={20} />);
    const box = screen.getByRole('combobox', { name: '搜索' });
    fireEvent.change(box, { target: { value: '忽' } });
    fireEvent.change(box, { target: { value: '忽米' } });
    const options = await screen.findAllByRole('option');
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('忽米');
    expect(options[0].textContent).toContain('平台');
    expect(options[0].textContent).toContain('忽米网');
    expect(options[1].textContent).toContain('匹配：humi');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(hits[1]);
  });

  it('says when nothing matched and shows errors', async () => {
    render(<SearchBox search={async (q) => (q === 'boom' ? Promise.reject(new Error('无法连接服务器')) : [])} onPick={() => {}} debounceMs={5} />);
    const box = screen.getByRole('combobox');
    fireEvent.change(box, { target: { value: '不存在' } });
    expect(await screen.findByText('没有找到“不存在”')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'boom' } });
    expect((await screen.findByRole('alert')).textContent).toContain('无法连接服务器');
  });
});

const relation: RelationData = {
  id: 'rel:1',
  type: 'INVESTS_IN',
  from: { id: 'enterprise:智通润达', type: 'ENTERPRISE', name: '智通润达（北京）科技有限公司', aliases: ['智通润达'] },
  to: { id: 'project:电池', type: 'PROJECT', name: '全固态复合材料电池制造及成套产业链项目', aliases: [] },
  amountCny: 6.5e9,
  role: null,
  evidence: [
    {
      text: '大足区1个，智通润达（北京）科技有限公司投资65亿元的全固态复合材料电池制造及成套产业链项目；',
      start: 10,
      end: 58,
      article: { id: 'a1', title: '第十六届“重庆·台湾周”9月10日开幕', date: '2024-09-05', source: '重庆日报', url: null },
    },
  ],
};

describe('RelationDetails', () => {
  it('shows the evidence with both mentions highlighted, the article and the amount per locale', async () => {
    const onRead = vi.fn();
    const { container } = render(<RelationDetails relation={relation} onRead={onRead} onSelect={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('投资 65亿元');
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['智通润达（北京）科技有限公司', '全固态复合材料电池制造及成套产业链项目']);
    expect(screen.getByText(/2024年9月5日/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '阅读全文' }));
    expect(onRead).toHaveBeenCalledWith(relation.evidence![0]);
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('invests in CNY 6.5 bn');
    expect(screen.getByRole('button', { name: 'Read article' })).toBeTruthy();
  });
});

describe('Reader', () => {
  it('highlights the evidence span by its offsets and scrolls to it', async () => {
    const scroll = vi.fn();
    HTMLElement.prototype.scrollIntoView = scroll;
    const text = '第一句。忽米网已与宗申集团合作。第三句。';
    const { container } = render(
      <Reader article={{ id: 'a', title: '标题', date: '2024-01-09', source: '重庆日报', url: null, text }} start={4} end={16} onClose={() => {}} />,
    );
    expect(container.querySelector('mark')?.textContent).toBe('忽米网已与宗申集团合作。');
    await waitFor(() => expect(scroll).toHaveBeenCalled());
    expect(screen.getByRole('dialog', { name: '原文' })).toBeTruthy();
  });
});

describe('FiltersPanel dates', () => {
  it('takes YYYY-MM-DD text in either language (no browser date picker), and explains a wrong one', async () => {
    const onChange = vi.fn();
    render(<FiltersPanel filters={emptyFilters} districts={[]} onChange={onChange} />);
    const from = screen.getByLabelText('起始日期') as HTMLInputElement;
    expect(from.type).toBe('text');
    expect(from.placeholder).toBe('年-月-日');
    fireEvent.change(from, { target: { value: '2024/1/9' } });
    expect(onChange).toHaveBeenLastCalledWith({ dateFrom: '2024-01-09' });
    const to = screen.getByLabelText('截止日期');
    fireEvent.change(to, { target: { value: '2024' } });
    expect(onChange).toHaveBeenLastCalledWith({ dateTo: '2024-12-31' });
    fireEvent.change(to, { target: { value: '09/01/2024' } });
    fireEvent.blur(to);
    expect(screen.getByRole('alert').textContent).toContain('2024-01-09');
    await act(() => i18n.changeLanguage('en'));
    expect((screen.getByLabelText('From') as HTMLInputElement).placeholder).toBe('YYYY-MM-DD');
  });
});
