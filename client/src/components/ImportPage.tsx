import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TYPE_STYLE } from '../cyStyle';
import type { ArticleEdits, ArticlePreview, CurationApi, PreviewEntity } from '../curation';
import { mentionForms } from '../highlight';
import { draftsFromFiles, mentionPieces, pastedDraft, type ArticleDraft } from '../importFiles';
import { ENTITY_TYPES, type EntityRef, type EntityType, type SearchHitData } from '../types';
import { TypeBadge } from './TypeBadge';

/** One article on its way in: the file or paste, then its extraction and the analyst's corrections. */
interface Pending {
  draft: ArticleDraft;
  preview: ArticlePreview | null;
  /** Keys of relations unticked. */
  dropped: Set<string>;
  retype: Map<string, EntityType>;
  attach: Map<string, EntityRef>;
  status: { kind: 'ok' | 'error' | 'info'; text: string } | null;
}

const pending = (draft: ArticleDraft): Pending => ({ draft, preview: null, dropped: new Set(), retype: new Map(), attach: new Map(), status: null });

function editsOf(p: Pending): ArticleEdits {
  return {
    dropRelations: [...p.dropped],
    retype: [...p.retype].map(([key, type]) => ({ key, type })),
    attach: [...p.attach].map(([key, e]) => ({ key, entityId: e.id })),
  };
}

export interface ImportPageProps {
  curation: CurationApi;
  search: (q: string, types?: EntityType[], first?: number) => Promise<SearchHitData[]>;
  hasToken: () => boolean;
  onBack: () => void;
  /** An article went into the graph: the explorer refreshes what it shows. */
  onLoaded: () => void;
}

/** 导入文章: paste or drop articles, see what the extractor finds before anything is written, correct it, load. */
export function ImportPage({ curation, search, hasToken, onBack, onLoaded }: ImportPageProps) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Pending[]>([]);
  const [current, setCurrent] = useState(0);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState<'preview' | 'load' | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const item = items[current] as Pending | undefined;

  const update = (i: number, fn: (p: Pending) => Pending) => setItems((xs) => xs.map((x, j) => (j === i ? fn(x) : x)));

  const addFiles = async (files: FileList | File[]) => {
    const read = await Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const drafts = draftsFromFiles(read);
    if (drafts.length === 0) return;
    setItems((xs) => {
      setCurrent(xs.length);
      return [...xs, ...drafts.map(pending)];
    });
  };

  const preview = async (i: number, p: Pending) => {
    setBusy('preview');
    try {
      // Unticked facts stay in the preview (to be ticked again); only corrections to entities change it.
      const result = await curation.previewArticle(p.draft, { ...editsOf(p), dropRelations: [] });
      update(i, (x) => ({
        ...x,
        preview: result,
        status: result.ok
          ? result.alreadyLoaded
            ? { kind: 'info', text: t('curation.alreadyLoaded') }
            : null
          : { kind: 'error', text: t('curation.failed', { code: result.errors[0]?.code, msg: result.errors[0]?.message }) },
      }));
    } catch (e) {
      update(i, (x) => ({ ...x, status: { kind: 'error', text: e instanceof Error ? e.message : String(e) } }));
    } finally {
      setBusy(null);
    }
  };

  const load = async (i: number, p: Pending) => {
    setBusy('load');
    try {
      const r = await curation.ingestArticle(p.draft, editsOf(p));
      const status: Pending['status'] = !r.ok
        ? { kind: 'error', text: t('curation.failed', { code: r.errors[0]?.code, msg: r.errors[0]?.message }) }
        : r.created
          ? { kind: 'ok', text: t('curation.loaded', { e: r.entitiesAdded.length, r: r.relationsAdded.length, v: r.evidenceAdded }) }
          : { kind: 'info', text: t('curation.unchanged') };
      update(i, (x) => ({ ...x, status }));
      if (r.ok) onLoaded();
    } catch (e) {
      update(i, (x) => ({ ...x, status: { kind: 'error', text: e instanceof Error ? e.message : String(e) } }));
    } finally {
      setBusy(null);
    }
  };

  /** A correction to an entity changes where it lands: the extraction is asked for again with it. */
  const correct = (fn: (p: Pending) => Pending) => {
    if (!item) return;
    const next = fn(item);
    update(current, () => next);
    void preview(current, next);
  };

  const setMeta = (field: 'title' | 'date' | 'source' | 'url', value: string) => update(current, (x) => ({ ...x, draft: { ...x.draft, [field]: value } }));

  return (
    <div className="screen import-page" data-testid="import-page">
      <div className="screen-head">
        <button type="button" onClick={onBack}>
          ← {t('curation.back')}
        </button>
        <h2>{t('curation.importTitle')}</h2>
        {!hasToken() && (
          <span className="error small" role="alert">
            {t('curation.needToken')}
          </span>
        )}
      </div>
      <div className="import-body">
        <aside className="import-side">
          <label className="field">
            {t('curation.paste')}
            <textarea aria-label={t('curation.paste')} rows={6} placeholder={t('curation.pastePlaceholder')} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={!pasted.trim()}
            onClick={() => {
              setItems((xs) => {
                setCurrent(xs.length);
                return [...xs, pending(pastedDraft(pasted))];
              });
              setPasted('');
            }}
          >
            {t('curation.addPasted')}
          </button>
          <div
            className={`drop-zone${dragging ? ' dragging' : ''}`}
            data-testid="drop-zone"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void addFiles(e.dataTransfer.files);
            }}
          >
            <p className="small muted">{t('curation.drop')}</p>
            <button type="button" onClick={() => fileInput.current?.click()}>
              {t('curation.choose')}
            </button>
            <input
              ref={fileInput}
              type="file"
              multiple
              accept=".txt,.json,text/plain,application/json"
              hidden
              data-testid="file-input"
              onChange={(e) => {
                if (e.target.files) void addFiles(e.target.files);
                e.target.value = '';
              }}
            />
          </div>
          {items.length > 0 && <h3>{t('curation.drafts', { n: items.length })}</h3>}
          <ul className="draft-list">
            {items.map((p, i) => (
              <li key={i} className={i === current ? 'current' : ''}>
                <button type="button" className="link" onClick={() => setCurrent(i)}>
                  {p.draft.title || p.draft.file || '—'}
                </button>
                {p.draft.error && <span className="error small"> {p.draft.error}</span>}
                {p.status && <span className={`small ${p.status.kind === 'error' ? 'error' : 'muted'}`}> · {p.status.text}</span>}
              </li>
            ))}
          </ul>
        </aside>
        <section className="import-main">
          {item && (
            <>
              <div className="import-meta">
                {(['title', 'date', 'source', 'url'] as const).map((f) => (
                  <label key={f} className="field">
                    {t(`curation.${f}`)}
                    <input aria-label={t(`curation.${f}`)} value={item.draft[f]} onChange={(e) => setMeta(f, e.target.value)} placeholder={f === 'date' ? 'YYYY-MM-DD' : ''} />
                  </label>
                ))}
                {item.draft.encoding && <span className="small muted">{t('curation.encoding', { e: item.draft.encoding === 'gb18030' ? 'GBK' : 'UTF-8' })}</span>}
              </div>
              <div className="row">
                <button type="button" disabled={busy !== null || !!item.draft.error} onClick={() => void preview(current, item)}>
                  {busy === 'preview' ? t('curation.previewing') : t('curation.preview')}
                </button>
                <button type="button" className="primary" disabled={busy !== null || !item.preview?.ok || !hasToken()} onClick={() => void load(current, item)}>
                  {busy === 'load' ? t('curation.loading') : t('curation.load')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setItems((xs) => xs.filter((_, j) => j !== current));
                    setCurrent((c) => Math.max(0, c - 1));
                  }}
                >
                  {t('curation.remove')}
                </button>
              </div>
              {item.status && (
                <p className={item.status.kind === 'error' ? 'error' : item.status.kind === 'ok' ? 'ok' : 'muted'} role="status" data-testid="import-status">
                  {item.status.text}
                </p>
              )}
              {item.preview?.ok && (
                <PreviewView
                  preview={item.preview}
                  item={item}
                  search={search}
                  onToggle={(key) =>
                    update(current, (x) => {
                      const dropped = new Set(x.dropped);
                      if (dropped.has(key)) dropped.delete(key);
                      else dropped.add(key);
                      return { ...x, dropped };
                    })
                  }
                  onRetype={(key, type) => correct((x) => ({ ...x, retype: new Map(x.retype).set(key, type) }))}
                  onAttach={(key, e) =>
                    correct((x) => {
                      const attach = new Map(x.attach);
                      if (e) attach.set(key, e);
                      else attach.delete(key);
                      return { ...x, attach };
                    })
                  }
                />
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function PreviewView({
  preview,
  item,
  search,
  onToggle,
  onRetype,
  onAttach,
}: {
  preview: ArticlePreview;
  item: Pending;
  search: ImportPageProps['search'];
  onToggle: (key: string) => void;
  onRetype: (key: string, type: EntityType) => void;
  onAttach: (key: string, e: EntityRef | null) => void;
}) {
  const { t } = useTranslation();
  const byKey = useMemo(() => new Map(preview.entities.map((e) => [e.key, e])), [preview]);
  const pieces = useMemo(
    () => mentionPieces(preview.text ?? '', preview.entities.map((e) => ({ key: e.key, names: mentionForms({ name: e.name, aliases: e.aliases }) }))),
    [preview],
  );
  return (
    <div className="preview">
      <div className="preview-text" data-testid="preview-text">
        {pieces.map((p, i) =>
          p.key ? (
            <mark key={i} style={{ background: `${TYPE_STYLE[byKey.get(p.key)!.type].color}40`, borderBottom: `2px solid ${TYPE_STYLE[byKey.get(p.key)!.type].color}` }} title={byKey.get(p.key)!.name}>
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </div>
      <h3>{t('curation.relations', { n: preview.relations.length })}</h3>
      {preview.relations.length === 0 && <p className="muted small">{t('curation.nothing')}</p>}
      <ul className="preview-relations" data-testid="preview-relations">
        {preview.relations.map((r) => {
          const from = byKey.get(r.from);
          const to = byKey.get(r.to);
          return (
            <li key={r.key} data-relation-id={r.id}>
              <label className="row">
                <input type="checkbox" checked={!item.dropped.has(r.key)} onChange={() => onToggle(r.key)} aria-label={`${from?.name} ${t(`relationType.${r.type}`)} ${to?.name}`} />
                <strong>{from?.name}</strong>
                <span className="rel-type">{t(`relationType.${r.type}`)}</span>
                <strong>{to?.name}</strong>
                {r.existing && <span className="small muted">({t('curation.existingFact')})</span>}
              </label>
              <blockquote className="small">{r.evidence.text}</blockquote>
              <span className="small muted">
                {t('curation.rule')}: {r.rule ?? '—'} · {t('curation.confidence')}: {r.confidence == null ? '—' : r.confidence.toFixed(2)}
              </span>
            </li>
          );
        })}
      </ul>
      <h3>{t('curation.entities', { n: preview.entities.length })}</h3>
      <ul className="preview-entities" data-testid="preview-entities">
        {preview.entities.map((e) => (
          <EntityRow key={e.key} e={e} attached={item.attach.get(e.key) ?? null} search={search} onRetype={onRetype} onAttach={onAttach} />
        ))}
      </ul>
    </div>
  );
}

function EntityRow({
  e,
  attached,
  search,
  onRetype,
  onAttach,
}: {
  e: PreviewEntity;
  attached: EntityRef | null;
  search: ImportPageProps['search'];
  onRetype: (key: string, type: EntityType) => void;
  onAttach: (key: string, e: EntityRef | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHitData[]>([]);
  useEffect(() => {
    if (!q.trim()) return setHits([]);
    let live = true;
    const timer = setTimeout(() => void search(q.trim(), undefined, 6).then((h) => live && setHits(h)).catch(() => live && setHits([])), 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, search]);
  return (
    <li data-entity-key={e.key}>
      <div className="row wrap">
        <TypeBadge type={e.type} />
        <strong>{e.name}</strong>
        {e.isNew ? <span className="tag new">{t('curation.isNew')}</span> : <span className="tag existing">{t('curation.landsOn', { name: e.existing?.name ?? e.id })}</span>}
        <span className="small muted">
          {t('curation.rule')}: {e.rule ?? '—'}
        </span>
      </div>
      <div className="row wrap small">
        <label className="row">
          {t('curation.changeType')}
          <select aria-label={`${t('curation.changeType')} ${e.name}`} value={e.type} disabled={!!attached} onChange={(ev) => onRetype(e.key, ev.target.value as EntityType)}>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`entityType.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {attached ? (
          <>
            <span>{t('curation.attached', { name: attached.name })}</span>
            <button type="button" className="mini" onClick={() => onAttach(e.key, null)}>
              {t('curation.detach')}
            </button>
          </>
        ) : (
          <span className="attach">
            <input aria-label={`${t('curation.attach')} ${e.name}`} placeholder={t('curation.attachSearch')} value={q} onChange={(ev) => setQ(ev.target.value)} />
            {hits.length > 0 && (
              <ul className="search-results">
                {hits.map((h) => (
                  <li key={h.entity.id}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setQ('');
                        setHits([]);
                        onAttach(e.key, h.entity);
                      }}
                    >
                      <TypeBadge type={h.entity.type} /> {h.entity.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </span>
        )}
      </div>
    </li>
  );
}
