// One line for an audit entry (what changed, in words), and what can be done about it from the
// 审计日志 page: a rejection restored, a merge undone. Pure: tested without a browser.
import type { TFunction } from 'i18next';
import type { AuditEntryData, EvidenceKey } from './curation';

export interface AuditSummary {
  text: string;
  restore?: { relationId: string; evidence: EvidenceKey | null };
  unmerge?: { keepId: string; mergeId: string; name: string };
}

type J = Record<string, unknown> | null;

function parse(json: string | null): J {
  if (json == null) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const nameOf = (e: unknown, fallback: string) => (e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : fallback);
/** 'enterprise:重庆星河动力' → '重庆星河动力'. */
const bare = (id: string) => id.replace(/^[a-z]+:/u, '');

function relationText(r: unknown, t: TFunction): string {
  if (!r || typeof r !== 'object') return '';
  const x = r as { type?: string; from?: string; to?: string };
  const type = x.type ? t(`relationType.${x.type}`) : '';
  return `${bare(x.from ?? '')} —${type}→ ${bare(x.to ?? '')}`;
}

export function auditSummary(e: AuditEntryData, t: TFunction): AuditSummary {
  const before = parse(e.before);
  const after = parse(e.after);
  switch (e.kind) {
    case 'INGEST':
      return {
        text: `《${String(after?.title ?? e.target)}》 ${
          after?.created === false ? t('curation.ingestUnchanged') : t('curation.ingestAdded', { r: (after?.relationsAdded as unknown[] | undefined)?.length ?? 0 })
        }`,
      };
    case 'ALIAS':
      return { text: `${bare(e.target)} + ${String(after?.added ?? '')}` };
    case 'MERGE': {
      const merged = before?.merged as { id?: string } | undefined;
      const name = nameOf(merged, bare(merged?.id ?? ''));
      return { text: `${name} → ${nameOf(before?.kept, bare(e.target))}`, ...(merged?.id ? { unmerge: { keepId: e.target, mergeId: merged.id, name } } : {}) };
    }
    case 'UNMERGE':
      return { text: `${nameOf(after?.restored, bare(e.target))} ← ${nameOf(before?.kept, '')}` };
    case 'REJECT': {
      const rejection = after?.rejection as { relationId?: string; reason?: string; evidence?: EvidenceKey | null } | undefined;
      const relation = (before?.relation ?? rejection) as unknown;
      const ev = rejection?.evidence ? { articleId: rejection.evidence.articleId, start: rejection.evidence.start, end: rejection.evidence.end } : null;
      return {
        text: `${relationText(relation, t)} · ${rejection?.reason ?? ''}`,
        ...(rejection?.relationId ? { restore: { relationId: rejection.relationId, evidence: ev } } : {}),
      };
    }
    case 'RESTORE': {
      const rejection = before?.rejection as unknown;
      return { text: relationText(rejection, t) };
    }
    case 'DELETE_ARTICLE':
      return { text: `《${String(before?.title ?? e.target)}》` };
    case 'DELETE_VIEW':
      return { text: `${String(before?.name ?? e.target)}` };
    default:
      return { text: e.target };
  }
}
