import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurationApi, MergePreviewData } from '../curation';
import type { EntityRef } from '../types';

export interface MergePreviewProps {
  curation: CurationApi;
  merge: (keepId: string, mergeId: string) => Promise<EntityRef>;
  keepId: string;
  mergeId: string;
  /** The graph changed (merged, or the merge undone). */
  onChanged: (msg: string) => void;
  onClose: () => void;
}

/**
 * A merge, shown before it is made — what moves, what joins a relation the kept entity has, what
 * is dropped, which aliases it gains, what to look at — then made, then undoable.
 */
export function MergePreview({ curation, merge, keepId, mergeId, onChanged, onClose }: MergePreviewProps) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<MergePreviewData | null>(null);
  const [state, setState] = useState<'preview' | 'merging' | 'merged' | 'undoing' | 'undone'>('preview');
  const [err, setErr] = useState('');

  useEffect(() => {
    let live = true;
    setPreview(null);
    setErr('');
    setState('preview');
    curation
      .mergePreview(keepId, mergeId)
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && setErr(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [curation, keepId, mergeId]);

  const run = async (fn: () => Promise<unknown>, busy: typeof state, done: typeof state, msg: string) => {
    setErr('');
    setState(busy);
    try {
      await fn();
      setState(done);
      onChanged(msg);
    } catch (e) {
      setErr(e instanceof Error ? e.message : String(e));
      setState(busy === 'merging' ? 'preview' : 'merged');
    }
  };

  return (
    <div className="merge-preview" data-testid="merge-preview" aria-label={t('curation.mergeTitle')}>
      <h3>{t('curation.mergeTitle')}</h3>
      {!preview && !err && <p className="muted small">…</p>}
      {preview && (
        <>
          <p className="small">{t('curation.mergeKeep', { name: preview.keep.name })}</p>
          <p className="small">{t('curation.mergeAway', { name: preview.merge.name })}</p>
          <p className="small">{t('curation.mergeCounts', { r: preview.relations.length, v: preview.evidenceMoved, a: preview.articlesMoved })}</p>
          {preview.aliasesAdded.length > 0 && <p className="small">{t('curation.mergeAliases', { a: preview.aliasesAdded.join('、') })}</p>}
          <ul className="merge-moves small">
            {preview.relations.map((m) => (
              <li key={m.relation.id} data-outcome={m.outcome}>
                {m.relation.from.name} —{t(`relationType.${m.relation.type}`)}→ {m.relation.to.name}: <em>{t(`curation.outcome.${m.outcome}`)}</em>
              </li>
            ))}
          </ul>
          {preview.conflicts.length > 0 && (
            <>
              <p className="small error">{t('curation.conflicts')}</p>
              <ul className="small">
                {preview.conflicts.map((c) => (
                  <li key={`${c.code}${c.relationId}`}>
                    {c.code}: {c.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="row">
            {(state === 'preview' || state === 'merging') && (
              <>
                <button type="button" className="primary" disabled={state === 'merging'} onClick={() => void run(() => merge(keepId, mergeId), 'merging', 'merged', t('curation.merged', { name: preview.merge.name }))}>
                  {t('curation.confirmMerge')}
                </button>
                <button type="button" onClick={onClose}>
                  {t('curation.cancel')}
                </button>
              </>
            )}
            {(state === 'merged' || state === 'undoing') && (
              <>
                <span className="ok small" role="status">
                  {t('curation.merged', { name: preview.merge.name })}
                </span>
                <button
                  type="button"
                  disabled={state === 'undoing'}
                  onClick={() => void run(() => curation.unmergeEntities(keepId, mergeId), 'undoing', 'undone', t('curation.undone', { name: preview.merge.name }))}
                >
                  {t('curation.undoMerge')}
                </button>
              </>
            )}
            {state === 'undone' && (
              <span className="ok small" role="status">
                {t('curation.undone', { name: preview.merge.name })}
              </span>
            )}
          </div>
        </>
      )}
      {err && (
        <p className="error small" role="alert">
          {err}
        </p>
      )}
    </div>
  );
}
