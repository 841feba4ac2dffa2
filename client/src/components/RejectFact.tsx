import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * 驳回: a wrong fact leaves the graph (kept in the store with the reason, restorable from the
 * 审计日志). The reason is required: the next analyst needs to know why.
 */
export function RejectFact({ onReject }: { onReject: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState('');
  if (!open)
    return (
      <button type="button" className="mini danger" onClick={() => setOpen(true)}>
        {t('curation.reject')}
      </button>
    );
  return (
    <form
      className="reject-fact"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return;
        setErr('');
        onReject(reason.trim()).catch((x: unknown) => setErr(x instanceof Error ? x.message : String(x)));
      }}
    >
      <input aria-label={t('curation.rejectReason')} placeholder={t('curation.rejectReason')} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      <div className="row">
        <button type="submit" className="mini danger" disabled={!reason.trim()}>
          {t('curation.rejectConfirm')}
        </button>
        <button type="button" className="mini" onClick={() => setOpen(false)}>
          {t('curation.cancel')}
        </button>
      </div>
      {err && (
        <p className="error small" role="alert">
          {err}
        </p>
      )}
    </form>
  );
}
