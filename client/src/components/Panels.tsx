import { useEffect, useId, useState } from 'react';
import { parseDateInput } from '../dates';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';
import { TYPE_STYLE } from '../cyStyle';
import { EXPORT_KINDS, type ExportKind } from '../exporters';
import type { Filters } from '../state';
import { ENTITY_TYPES, RELATION_TYPES } from '../types';

export function FiltersPanel({
  filters,
  districts,
  onChange,
}: {
  filters: Filters;
  /** Every district (from the store), with how many entities are located in it when known. */
  districts: { id: string; name: string; count?: number }[];
  onChange: (f: Partial<Filters>) => void;
}) {
  const { t } = useTranslation();
  const toggle = <T extends string>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <section className="panel" aria-label={t('filters.title')}>
      <h3>{t('filters.title')}</h3>
      <fieldset>
        <legend>{t('filters.entityTypes')}</legend>
        {ENTITY_TYPES.map((et) => (
          <label key={et} className="check">
            <input
              type="checkbox"
              checked={!filters.hiddenEntityTypes.includes(et)}
              onChange={() => onChange({ hiddenEntityTypes: toggle(filters.hiddenEntityTypes, et) })}
            />
            <span className="swatch" style={{ background: TYPE_STYLE[et].color }} />
            {t(`entityType.${et}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('filters.relationTypes')}</legend>
        {RELATION_TYPES.map((rt) => (
          <label key={rt} className="check">
            <input
              type="checkbox"
              checked={!filters.hiddenRelationTypes.includes(rt)}
              onChange={() => onChange({ hiddenRelationTypes: toggle(filters.hiddenRelationTypes, rt) })}
            />
            {t(`relationType.${rt}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('filters.district')}
        <select value={filters.district ?? ''} onChange={(e) => onChange({ district: e.target.value || null })}>
          <option value="">{t('filters.anyDistrict')}</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.count == null ? d.name : `${d.name} (${d.count})`}
            </option>
          ))}
        </select>
      </label>
      <div className="row dates">
        <DateField label={t('filters.dateFrom')} bound="from" value={filters.dateFrom} onChange={(d) => onChange({ dateFrom: d })} />
        <DateField label={t('filters.dateTo')} bound="to" value={filters.dateTo} onChange={(d) => onChange({ dateTo: d })} />
      </div>
      <p className="muted small">{t('filters.dateHint')}</p>
      <button
        type="button"
        className="mini"
        onClick={() => onChange({ hiddenEntityTypes: [], hiddenRelationTypes: [], district: null, dateFrom: null, dateTo: null })}
      >
        {t('filters.reset')}
      </button>
    </section>
  );
}

/** A YYYY-MM-DD text field: the page's format in either language, applied as soon as it reads as a date. */
export function DateField({ label, bound, value, onChange }: { label: string; bound: 'from' | 'to'; value: string | null; onChange: (d: string | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const [invalid, setInvalid] = useState(false);
  const errId = useId();
  useEffect(() => {
    // Follow resets and undo, unless the text already says the same date.
    if (parseDateInput(text, bound) !== (value ?? null)) {
      setText(value ?? '');
      setInvalid(false);
    }
  }, [value]);
  return (
    <label className="field date-field">
      {label}
      <input
        type="text"
        inputMode="numeric"
        placeholder={t('filters.datePlaceholder')}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const d = parseDateInput(e.target.value, bound);
          if (d !== undefined) setInvalid(false);
          if (d !== undefined && d !== value) onChange(d);
        }}
        onBlur={() => {
          const d = parseDateInput(text, bound);
          if (d === undefined) setInvalid(text.trim().length > 0);
          else setText(d ?? '');
        }}
      />
      {invalid && (
        <span id={errId} className="error small" role="alert">
          {t('filters.dateInvalid')}
        </span>
      )}
    </label>
  );
}

/** A saved view in the list: anyone's; deletable when this browser saved it or holds the token. */
export interface ListedView {
  id: string;
  name: string;
  deletable: boolean;
}

export function ViewsPanel({
  views,
  onSave,
  onOpen,
  onDelete,
  onCopyLink,
  onExport,
}: {
  views: ListedView[];
  onSave: (name: string) => void;
  onOpen: (v: ListedView) => void;
  onDelete: (v: ListedView) => void;
  onCopyLink: () => void;
  onExport: (kind: ExportKind) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <section className="panel" aria-label={t('views.title')}>
      <h3>{t('views.title')}</h3>
      <form
        className="row views-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave(name.trim());
          setName('');
        }}
      >
        <input aria-label={t('views.name')} placeholder={t('views.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('views.save')}</button>
      </form>
      {views.length === 0 ? (
        <p className="muted small">{t('views.none')}</p>
      ) : (
        <ul className="views">
          {views.map((v) => (
            <li key={v.id}>
              <button type="button" className="link" onClick={() => onOpen(v)}>
                {v.name}
              </button>
              {v.deletable && (
                <button type="button" className="mini" aria-label={`${t('views.delete')} ${v.name}`} onClick={() => onDelete(v)}>
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" className="mini" onClick={onCopyLink}>
          {t('views.copyLink')}
        </button>
      </div>
      <div className="row wrap export-row">
        <span className="muted small">{t('views.export')}{t('punct.colon')}</span>
        {EXPORT_KINDS.map((k) => (
          <button key={k} type="button" className="mini" title={t(`views.exportAs.${k}`)} onClick={() => onExport(k)}>
            {k === 'graphml' ? 'GraphML' : k.toUpperCase()}
          </button>
        ))}
      </div>
    </section>
  );
}

export function Legend({ uncertainBelow }: { uncertainBelow?: number } = {}) {
  const { t } = useTranslation();
  const shapes: Record<string, string> = {
    DISTRICT: 'legend-rect',
    CLUSTER: 'legend-hex',
    ENTERPRISE: 'legend-circle',
    PLATFORM: 'legend-diamond',
    PROJECT: 'legend-tri',
  };
  return (
    <div className="legend" aria-label={t('canvas.legend')}>
      {ENTITY_TYPES.map((et) => (
        <span key={et} className="legend-item">
          <span className={`legend-shape ${shapes[et]}`} style={{ background: TYPE_STYLE[et].color }} />
          {t(`entityType.${et}`)}
        </span>
      ))}
      <span className="legend-item legend-sep">
        <span className="legend-shape legend-circle legend-leader" style={{ background: TYPE_STYLE.ENTERPRISE.color }} />
        {t('role.leader')}
      </span>
      <span className="legend-item">
        <span className="legend-line legend-dashed" />
        {t('relationType.COOPERATES_WITH')}
      </span>
      <span className="legend-item">
        <span className="legend-line" style={{ borderColor: '#d27a26' }} />
        {t('relationType.INVESTS_IN')}
      </span>
      {uncertainBelow != null && (
        <span className="legend-item">
          <span className="legend-line legend-uncertain" />
          {t('review.legend', { c: Math.round(uncertainBelow * 100) })}
        </span>
      )}
    </div>
  );
}

export function HelpPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ['/', t('help.focusSearch')],
    ['Ctrl+Z', t('help.undo')],
    ['Ctrl+Shift+Z / Ctrl+Y', t('help.redo')],
    ['F', t('help.fit')],
    ['E', t('help.expand')],
    ['P', t('help.pin')],
    ['Delete', t('help.hide')],
    ['Shift+F10', t('help.menu')],
    ['?', t('help.help')],
    ['Esc', t('help.escape')],
  ];
  return (
    <Modal label={t('help.title')}>
      <div className="modal-body">
        <h2>{t('help.title')}</h2>
        <table className="keys">
          <tbody>
            {rows.map(([k, d]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{d}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="small">{t('help.mouse')}</p>
        <button type="button" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </Modal>
  );
}
