import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';
import type { Api } from '../api';
import { isHeaderSafeToken } from '../api';
import { explainError } from '../errors';
import { NODE_SIZINGS, type NodeSizing } from '../canvasDetail';
import { EXPAND_LIMIT_MAX, readSettings, writeSettings, type Settings } from '../settings';
import type { EntityRef } from '../types';
import type { CurationApi } from '../curation';
import { MergePreview } from './MergePreview';

export function SettingsPanel({
  api,
  curation,
  selected,
  articles,
  onClose,
  onChanged,
  onDisplay,
}: {
  api: Api;
  /** With it, a merge is previewed before it is made and can be undone (issue 12). */
  curation?: CurationApi;
  selected: EntityRef | null;
  articles: { id: string; title: string | null }[];
  onClose: () => void;
  onChanged: (msg: string) => void;
  /** The canvas display settings changed (applied at once, no Save). */
  onDisplay?: (s: Settings) => void;
}) {
  const { t } = useTranslation();
  const [token, setTok] = useState(() => readSettings().token);
  const [limit, setLimit] = useState(() => String(readSettings().expandLimit));
  const [threshold, setThreshold] = useState(() => String(readSettings().reviewThreshold));
  const [display, setDisplay] = useState(() => readSettings());
  const changeDisplay = (patch: Partial<Pick<Settings, 'nodeSize' | 'bundleLeaves'>>) => {
    const now = writeSettings(patch);
    setDisplay(now);
    onDisplay?.(now);
  };
  const [alias, setAlias] = useState('');
  const [mergeId, setMergeId] = useState('');
  const [mergeTarget, setMergeTarget] = useState<{ keepId: string; mergeId: string } | null>(null);
  const [articleId, setArticleId] = useState('');
  const [msg, setMsg] = useState('');
  const [err, setErr] = useState('');

  const run = async (fn: () => Promise<unknown>) => {
    setMsg('');
    setErr('');
    if (!readSettings().token) return setErr(t('settings.needToken'));
    try {
      await fn();
      setMsg(t('settings.done'));
      onChanged(t('settings.done'));
    } catch (e) {
      setErr(explainError(e, t).message);
    }
  };

  return (
    <Modal label={t('settings.title')}>
      <div className="modal-body">
        <h2>{t('settings.title')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setMsg('');
            setErr('');
            if (token.trim() && !isHeaderSafeToken(token.trim())) return setErr(t('settings.tokenInvalid'));
            const n = Number(limit);
            const valid = Number.isInteger(n) && n >= 1 && n <= EXPAND_LIMIT_MAX;
            const c = Number(threshold);
            const validThreshold = threshold.trim() !== '' && c >= 0 && c <= 1;
            const now = writeSettings({ token: token.trim(), ...(valid ? { expandLimit: n } : {}), ...(validThreshold ? { reviewThreshold: c } : {}) });
            setLimit(String(now.expandLimit));
            setThreshold(String(now.reviewThreshold));
            setMsg(t('settings.done'));
          }}
        >
          <label className="field">
            {t('settings.token')}
            <input type="password" value={token} onChange={(e) => setTok(e.target.value)} autoComplete="off" />
          </label>
          <p className="muted small">{t('settings.tokenHint')}</p>
          <label className="field">
            {t('settings.expandLimit')}
            <input type="number" min={1} max={EXPAND_LIMIT_MAX} value={limit} onChange={(e) => setLimit(e.target.value)} />
          </label>
          <p className="muted small">{t('settings.expandLimitHint')}</p>
          <label className="field">
            {t('review.threshold')}
            <input type="number" min={0} max={1} step={0.05} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
          </label>
          <p className="muted small">{t('review.thresholdHint')}</p>
          <button type="submit">{t('settings.save')}</button>
        </form>
        <label className="field">
          {t('settings.nodeSize')}
          <select value={display.nodeSize} onChange={(e) => changeDisplay({ nodeSize: e.target.value as NodeSizing })}>
            {NODE_SIZINGS.map((m) => (
              <option key={m} value={m}>
                {t(`settings.nodeSizeBy.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={display.bundleLeaves} onChange={(e) => changeDisplay({ bundleLeaves: e.target.checked })} />
          {t('settings.bundleLeaves')}
        </label>
        <hr />
        <h3>{t('settings.addAlias')}</h3>
        {selected ? <p className="small">{selected.name}</p> : <p className="muted small">{t('settings.needSelection')}</p>}
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (selected && alias.trim()) void run(() => api.addAlias(selected.id, alias.trim()));
          }}
        >
          <input aria-label={t('settings.alias')} placeholder={t('settings.alias')} value={alias} onChange={(e) => setAlias(e.target.value)} />
          <button type="submit" disabled={!selected}>
            {t('settings.addAlias')}
          </button>
        </form>
        <h3>{t('settings.merge')}</h3>
        <p className="muted small">{t('settings.mergeHint')}</p>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const name = mergeId.trim();
            if (!selected || !name) return;
            // A name (or alias) is looked up among entities of the selected one's type; an id is taken as is.
            const resolve = async () => {
              let id = name.includes(':') ? name : null;
              if (!id) {
                const hits = await api.search(name);
                id =
                  hits.find((h) => h.entity.type === selected.type && h.entity.id !== selected.id && (h.entity.name === name || h.entity.aliases.includes(name)))?.entity
                    .id ?? null;
              }
              if (!id) throw new Error(t('settings.notFound', { name }));
              return id;
            };
            if (!curation) return void run(async () => api.mergeEntities(selected.id, await resolve()));
            setMsg('');
            setErr('');
            if (!readSettings().token) return setErr(t('settings.needToken'));
            // Shown first: the merge is made from the preview, and can be undone there.
            resolve().then(
              (id) => setMergeTarget({ keepId: selected.id, mergeId: id }),
              (e: unknown) => setErr(e instanceof Error ? e.message : String(e)),
            );
          }}
        >
          <input aria-label={t('settings.mergeInto')} placeholder={t('settings.mergeInto')} value={mergeId} onChange={(e) => setMergeId(e.target.value)} />
          <button type="submit" disabled={!selected}>
            {t('settings.merge')}
          </button>
        </form>
        {curation && mergeTarget && (
          <MergePreview
            curation={curation}
            merge={api.mergeEntities}
            keepId={mergeTarget.keepId}
            mergeId={mergeTarget.mergeId}
            onChanged={onChanged}
            onClose={() => setMergeTarget(null)}
          />
        )}
        <h3>{t('settings.deleteArticle')}</h3>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (articleId && confirm(t('settings.confirmDelete'))) void run(() => api.deleteArticle(articleId));
          }}
        >
          <select aria-label={t('settings.articleId')} value={articleId} onChange={(e) => setArticleId(e.target.value)}>
            <option value="" />
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title ?? a.id}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!articleId}>
            {t('settings.deleteArticle')}
          </button>
        </form>
        {msg && <p className="ok small">{msg}</p>}
        {err && (
          <p className="error small" role="alert">
            {err}
          </p>
        )}
        <button type="button" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </Modal>
  );
}
