import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../api';
import { formatConfidence } from '../format';
import { readSettings } from '../settings';
import type { Article, EvidenceData, RelationData } from '../types';
import { relationLabel } from './Details';
import { EvidenceItem } from './Evidence';
import { Reader } from './Reader';

const PAGE = 30;

/** What an analyst did to a fact of the queue (the explorer refreshes its canvas after either). */
export type ReviewOutcome = 'accepted' | 'rejected';

/**
 * 待审核: the facts nobody has reviewed, least certain first, each with its sentences, the rule
 * that found each and how sure it is. A accepts the fact in focus, R asks why it is wrong and
 * rejects it; either way the next one takes its place, so a queue is worked through one key
 * press at a time.
 */
export function ReviewQueue({
  api,
  threshold,
  onBack,
  onDone,
  onError,
}: {
  api: Api;
  threshold: number;
  onBack: () => void;
  onDone: (outcome: ReviewOutcome, relation: RelationData) => void;
  onError: (e: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<RelationData[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [current, setCurrent] = useState(0);
  const [onlyBelow, setOnlyBelow] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [reader, setReader] = useState<{ article: Article; start: number; end: number } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const read = async (ev: EvidenceData) => {
    try {
      const a = await api.article(ev.article.id);
      if (a) setReader({ article: a, start: ev.start, end: ev.end });
    } catch (e) {
      onError(e);
    }
  };

  /** Accepting and rejecting need the curation token: said before the request is refused. */
  const hasToken = () => {
    if (readSettings().token) return true;
    onError(new Error(t('review.needToken')));
    return false;
  };

  const load = useCallback(
    async (after: string | null) => {
      try {
        const page = await api.reviewQueue({ first: PAGE, after, threshold: onlyBelow ? threshold : null });
        setItems((old) => (after ? [...old, ...page.relations.filter((r) => !old.some((o) => o.id === r.id))] : page.relations));
        setTotal(page.total);
        setNext(page.hasNextPage ? page.endCursor : null);
        setLoaded(true);
      } catch (e) {
        onError(e);
      }
    },
    [api, onlyBelow, threshold, onError],
  );

  useEffect(() => {
    setCurrent(0);
    void load(null);
  }, [load]);

  const focused = items[current] ?? null;
  const fact = (r: RelationData) => `${r.from.name} ${relationLabel(r, t, i18n.language)} ${r.to.name}`;

  /** The fact left the queue: the next one takes its place; more are fetched before the list runs dry. */
  const settle = (r: RelationData, outcome: ReviewOutcome) => {
    setItems((old) => old.filter((o) => o.id !== r.id));
    setTotal((n) => Math.max(0, n - 1));
    setCurrent((i) => Math.max(0, Math.min(i, items.length - 2)));
    setNotice(t(outcome === 'accepted' ? 'review.accepted' : 'review.rejected', { fact: fact(r) }));
    onDone(outcome, r);
    if (items.length - 1 < 5 && next) void load(next);
  };

  const accept = async () => {
    if (!focused || busy || !hasToken()) return;
    setBusy(true);
    try {
      await api.acceptRelation(focused.id);
      settle(focused, 'accepted');
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const reject = async () => {
    const why = reason.trim();
    if (!focused || busy || !why || !hasToken()) return;
    setBusy(true);
    try {
      await api.rejectRelation(focused.id, why);
      setRejecting(false);
      setReason('');
      settle(focused, 'rejected');
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  // One key press each; typing a reason is not a command.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey || rejecting) return;
      if (e.key === 'a' || e.key === 'A') {
        e.preventDefault();
        void accept();
      } else if (e.key === 'r' || e.key === 'R') {
        e.preventDefault();
        if (focused) setRejecting(true);
      } else if (e.key === 'ArrowDown' || e.key === 'j') {
        e.preventDefault();
        setCurrent((i) => Math.min(i + 1, items.length - 1));
      } else if (e.key === 'ArrowUp' || e.key === 'k') {
        e.preventDefault();
        setCurrent((i) => Math.max(i - 1, 0));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  useEffect(() => setReader(null), [current]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current, items]);

  return (
    <section className="review screen" data-testid="review-queue" aria-label={t('review.title')}>
      <header className="screen-head">
        <button type="button" className="link" onClick={onBack}>
          {t('review.back')}
        </button>
        <h2>{t('review.title')}</h2>
        <span className="muted" data-testid="review-total">
          {t('review.total', { n: total })}
        </span>
        <label className="small">
          <input type="checkbox" checked={onlyBelow} onChange={(e) => setOnlyBelow(e.target.checked)} /> {t('review.onlyBelow', { t: threshold })}
        </label>
        <span className="muted small">{t('review.keys')}</span>
      </header>
      {notice && (
        <p className="review-notice small" role="status">
          {notice}
        </p>
      )}
      {loaded && items.length === 0 && <p className="empty-note">{t('review.empty')}</p>}
      <div className="review-body">
        <ol className="review-list" ref={listRef} role="listbox" aria-label={t('review.list')} aria-activedescendant={focused ? `review-${current}` : undefined}>
          {items.map((r, i) => (
            <li
              key={r.id}
              id={`review-${i}`}
              role="option"
              aria-selected={i === current}
              className={`review-item${i === current ? ' current' : ''}`}
              data-testid="review-item"
              data-relation-id={r.id}
              data-confidence={r.confidence ?? ''}
              onClick={() => setCurrent(i)}
            >
              <span className={`confidence-badge${r.confidence != null && r.confidence < threshold ? ' low' : ''}`}>{formatConfidence(r.confidence, i18n.language)}</span>
              <span className="review-fact">
                {r.from.name} <span className="rel-label">{relationLabel(r, t, i18n.language)}</span> {r.to.name}
              </span>
              <span className="muted small">{t('review.support', { evidence: r.support?.evidence ?? 0, articles: r.support?.articles ?? 0 })}</span>
            </li>
          ))}
          {next && (
            <li>
              <button type="button" className="link" onClick={() => void load(next)}>
                {t('review.more')}
              </button>
            </li>
          )}
        </ol>
        {focused && (
          <div className="review-current details" data-testid="review-current">
            <h3>{fact(focused)}</h3>
            <dl className="facts">
              <dt>{t('review.confidenceLabel')}</dt>
              <dd>{formatConfidence(focused.confidence, i18n.language)}</dd>
              <dt>{t('review.supportLabel')}</dt>
              <dd>{t('review.support', { evidence: focused.support?.evidence ?? 0, articles: focused.support?.articles ?? 0 })}</dd>
            </dl>
            {(focused.evidence ?? []).map((ev, i) => (
              <EvidenceItem key={i} evidence={ev} from={focused.from} to={focused.to} onRead={(e) => void read(e)} />
            ))}
            {rejecting ? (
              <form
                className="row review-reject"
                onSubmit={(e) => {
                  e.preventDefault();
                  void reject();
                }}
              >
                <label className="field">
                  {t('review.reasonLabel')}
                  <input
                    autoFocus
                    value={reason}
                    placeholder={t('review.reasonPlaceholder')}
                    onChange={(e) => setReason(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') {
                        e.stopPropagation();
                        setRejecting(false);
                      }
                    }}
                    data-testid="reject-reason"
                  />
                </label>
                <button type="submit" disabled={busy || !reason.trim()}>
                  {t('review.confirmReject')}
                </button>
                <button type="button" onClick={() => setRejecting(false)}>
                  {t('review.cancel')}
                </button>
              </form>
            ) : (
              <div className="row review-actions">
                <button type="button" onClick={() => void accept()} disabled={busy}>
                  {t('review.accept')}
                </button>
                <button type="button" onClick={() => setRejecting(true)} disabled={busy}>
                  {t('review.reject')}
                </button>
              </div>
            )}
            {reader && <Reader article={reader.article} start={reader.start} end={reader.end} onClose={() => setReader(null)} />}
          </div>
        )}
      </div>
    </section>
  );
}
