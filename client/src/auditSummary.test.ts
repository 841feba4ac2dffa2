import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { auditSummary } from './auditSummary';
import type { AuditEntryData } from './curation';

const entry = (over: Partial<AuditEntryData>): AuditEntryData => ({ id: 'audit:1', kind: 'INGEST', at: '2026-01-01T00:00:00Z', actor: 'wang', target: 't', before: null, after: null, ...over });
const t = i18n.getFixedT('zh-CN');

describe('auditSummary', () => {
  it('says what each kind of entry changed', () => {
    expect(auditSummary(entry({ after: JSON.stringify({ title: '臻宝', created: true, relationsAdded: ['a', 'b'] }) }), t).text).toBe('《臻宝》 新增 2 条关系');
    expect(auditSummary(entry({ after: JSON.stringify({ title: '臻宝', created: false, relationsAdded: [] }) }), t).text).toBe('《臻宝》 未改变');
    expect(auditSummary(entry({ kind: 'ALIAS', target: 'enterprise:云帆智造', after: JSON.stringify({ added: '云帆' }) }), t).text).toBe('云帆智造 + 云帆');
    expect(auditSummary(entry({ kind: 'DELETE_VIEW', before: JSON.stringify({ name: '两江' }) }), t).text).toBe('两江');
  });

  it('offers the undo of a merge and the restore of a rejection, with what they need', () => {
    const merge = auditSummary(
      entry({ kind: 'MERGE', target: 'enterprise:宗申集团', before: JSON.stringify({ kept: { name: '宗申集团' }, merged: { id: 'enterprise:宗申动力', name: '宗申动力' } }) }),
      t,
    );
    expect(merge).toEqual({ text: '宗申动力 → 宗申集团', unmerge: { keepId: 'enterprise:宗申集团', mergeId: 'enterprise:宗申动力', name: '宗申动力' } });
    const reject = auditSummary(
      entry({
        kind: 'REJECT',
        before: JSON.stringify({ relation: { type: 'LOCATED_IN', from: 'platform:两江水土', to: 'district:两江新区' } }),
        after: JSON.stringify({ rejection: { relationId: 'rel:1', reason: '没有说', evidence: { articleId: 'a1', start: 3, end: 9, text: 'x' } } }),
      }),
      t,
    );
    expect(reject).toEqual({ text: '两江水土 —位于→ 两江新区 · 没有说', restore: { relationId: 'rel:1', evidence: { articleId: 'a1', start: 3, end: 9 } } });
    expect(auditSummary(entry({ kind: 'RESTORE', before: 'not json' }), t).restore).toBeUndefined();
  });
});
