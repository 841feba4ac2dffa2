import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_KINDS, type AuditEntryData, type AuditKind, type CurationApi } from '../curation';
import { auditSummary } from '../auditSummary';

export interface AuditPageProps {
  curation: CurationApi;
  hasToken: () => boolean;
  onBack: () => void;
  /** A restore or an undo changed the graph: the explorer refreshes what it shows. */
  onChanged: () => void;
}

interface Filter {
  actor: string;
  kind: AuditKind | '';
  since: string;
  until: string;
}

const PAGE = 50;

/** The next day, so 'until' 2025-03-06 keeps that day's entries. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function pretty(json: string | null): string {
  if (json == null) return '—';
  try {
    const text = JSON.stringify(JSON.parse(json), null, 2);
    return text.length > 6000 ? `${text.slice(0, 6000)}\n…` : text;
  } catch {
    return json;
  }
}

/** 审计日志: every curation with its time, actor and before/after; a rejection restored, a merge undone from here. */
export function AuditPage({ curation, hasToken, onBack, onChanged }: AuditPageProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>({ actor: '', kind: '', since: '', until: '' });
  const [entries, setEntries] = useState<AuditEntryData[]>([]);
  const [more, setMore] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const fetchPage = useCallback(
    (f: Filter, after: string | null) =>
      curation.auditLog({ actor: f.actor.trim() || null, kind: f.kind || null, first: PAGE, after, ...(f.since ? { since: f.since } : {}), ...(f.until ? { until: dayAfter(f.until) } : {}) }),
    [curation],
  );

  const reload = useCallback(
    async (f: Filter) => {
      try {
        const page = await fetchPage(f, null);
        setEntries(page);
        setMore(page.length === PAGE);
      } catch (e) {
        setMsg({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    void reload({ actor: '', kind: '', since: '', until: '' });
  }, [reload]);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setMsg(null);
    try {
      await fn();
      setMsg({ kind: 'ok', text: done });
      onChanged();
      await reload(filter);
    } catch (e) {
      setMsg({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  const fmt = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'zh-CN', { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <div className="screen audit-page" data-testid="audit-page">
      <div className="screen-head">
        <button type="button" onClick={onBack}>
          ← {t('curation.back')}
        </button>
        <h2>{t('curation.auditTitle')}</h2>
        <form
          className="row wrap"
          onSubmit={(e) => {
            e.preventDefault();
            void reload(filter);
          }}
        >
          <label className="row small">
            {t('curation.actor')}
            <input aria-label={t('curation.actor')} value={filter.actor} placeholder={t('curation.anyone')} onChange={(e) => setFilter({ ...filter, actor: e.target.value })} size={10} />
          </label>
          <label className="row small">
            {t('curation.kind')}
            <select aria-label={t('curation.kind')} value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value as AuditKind | '' })}>
              <option value="">{t('curation.anyone')}</option>
              {AUDIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`curation.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="row small">
            {t('curation.from')}
            <input type="date" aria-label={t('curation.from')} value={filter.since} onChange={(e) => setFilter({ ...filter, since: e.target.value })} />
          </label>
          <label className="row small">
            {t('curation.to')}
            <input type="date" aria-label={t('curation.to')} value={filter.until} onChange={(e) => setFilter({ ...filter, until: e.target.value })} />
          </label>
          <button type="submit">{t('curation.filter')}</button>
        </form>
      </div>
      {msg && (
        <p className={`${msg.kind === 'error' ? 'error' : 'ok'} audit-msg`} role={msg.kind === 'error' ? 'alert' : 'status'}>
          {msg.text}
        </p>
      )}
      <div className="audit-body">
        {entries.length === 0 && <p className="muted">{t('curation.none')}</p>}
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('curation.at')}</th>
              <th>{t('curation.kind')}</th>
              <th>{t('curation.actor')}</th>
              <th>{t('curation.change')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const s = auditSummary(e, t);
              return (
                <tr key={e.id} data-kind={e.kind} data-actor={e.actor ?? ''}>
                  <td className="nowrap small">{fmt.format(new Date(e.at))}</td>
                  <td>
                    <span className={`tag kind-${e.kind.toLowerCase()}`}>{t(`curation.kinds.${e.kind}`)}</span>
                  </td>
                  <td>{e.actor ?? <span className="muted">{t('curation.anonymous')}</span>}</td>
                  <td>
                    <div>{s.text}</div>
                    <details className="small">
                      <summary className="muted">{t('curation.beforeAfter')}</summary>
                      <div className="before-after">
                        <pre>{pretty(e.before)}</pre>
                        <pre>{pretty(e.after)}</pre>
                      </div>
                    </details>
                  </td>
                  <td className="nowrap">
                    {s.restore && (
                      <button type="button" className="mini" disabled={!hasToken()} onClick={() => void act(() => curation.restoreRelation(s.restore!.relationId, s.restore!.evidence), t('curation.restored'))}>
                        {t('curation.restore')}
                      </button>
                    )}
                    {s.unmerge && (
                      <button
                        type="button"
                        className="mini"
                        disabled={!hasToken()}
                        onClick={() => void act(() => curation.unmergeEntities(s.unmerge!.keepId, s.unmerge!.mergeId), t('curation.undone', { name: s.unmerge!.name }))}
                      >
                        {t('curation.undoMerge')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {more && (
          <button
            type="button"
            onClick={() =>
              void fetchPage(filter, entries.at(-1)?.id ?? null).then((page) => {
                setEntries((xs) => [...xs, ...page]);
                setMore(page.length === PAGE);
              })
            }
          >
            {t('curation.more')}
          </button>
        )}
      </div>
    </div>
  );
}
