import { useTranslation } from 'react-i18next';
import { hopArrow, hops, PATH_HOPS, type PathChoices } from '../pathSearch';
import { RELATION_TYPES } from '../types';
import type { EntityRef, EvidenceData, PathData, RelationType } from '../types';
import { EvidenceItem } from './Evidence';
import { relationLabel } from './Details';

export interface PathsPanelProps {
  from: EntityRef | null;
  to: EntityRef | null;
  paths: PathData[];
  active: number | null;
  loading: boolean;
  /** How many searches have answered (0: none yet since the last clear). */
  searches: number;
  choices: PathChoices;
  /** Relation types the canvas filters hide: a path cannot walk them, whatever is ticked here. */
  hiddenRelationTypes: RelationType[];
  onChoices: (c: Partial<PathChoices>) => void;
  onFind: () => void;
  onShow: (i: number) => void;
  onClear: () => void;
  onSwap: () => void;
  onSwapSelected: (end: 'from' | 'to') => void;
  onSelectEdge: (id: string) => void;
  onStraighten: (i: number) => void;
  onRead: (ev: EvidenceData) => void;
}

export function PathsPanel(props: PathsPanelProps) {
  const { from, to, paths, active, loading, searches, choices, hiddenRelationTypes, onChoices } = props;
  const { t, i18n } = useTranslation();
  const toggle = (rt: RelationType) =>
    onChoices({ relationTypes: choices.relationTypes.includes(rt) ? choices.relationTypes.filter((x) => x !== rt) : [...choices.relationTypes, rt] });
  return (
    <section className="panel" aria-label={t('paths.title')} data-testid="paths-panel" data-searches={searches}>
      <h3>{t('paths.title')}</h3>
      <div className="path-end">
        <span className="muted">{t('paths.from')}</span>
        <span className="path-name" data-testid="path-from">
          {from?.name ?? '—'}
        </span>
        <button type="button" className="mini" onClick={() => props.onSwapSelected('from')}>
          {t('paths.useSelected')}
        </button>
      </div>
      <div className="path-end">
        <span className="muted">{t('paths.to')}</span>
        <span className="path-name" data-testid="path-to">
          {to?.name ?? '—'}
        </span>
        <button type="button" className="mini" onClick={() => props.onSwapSelected('to')}>
          {t('paths.useSelected')}
        </button>
      </div>
      <button type="button" className="mini" disabled={!from && !to} onClick={props.onSwap}>
        ⇅ {t('paths.swap')}
      </button>
      {!from || !to ? <p className="muted small">{t('paths.pick')}</p> : null}
      <fieldset className="path-choices">
        <legend>{t('paths.relationTypes')}</legend>
        {RELATION_TYPES.map((rt) => {
          const hidden = hiddenRelationTypes.includes(rt);
          return (
            <label key={rt} className="check" title={hidden ? t('paths.hiddenByFilter') : undefined}>
              <input type="checkbox" disabled={hidden} checked={!hidden && choices.relationTypes.includes(rt)} onChange={() => toggle(rt)} />
              {t(`relationType.${rt}`)}
            </label>
          );
        })}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={choices.leaveOutShortcuts} onChange={(e) => onChoices({ leaveOutShortcuts: e.target.checked })} />
        {t('paths.leaveOutShortcuts')}
      </label>
      <label className="field">
        {t('paths.maxHops')}
        <select value={choices.maxHops} onChange={(e) => onChoices({ maxHops: Number(e.target.value) })}>
          {PATH_HOPS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="button" disabled={!from || !to || loading} onClick={props.onFind}>
          {t('paths.find')}
        </button>
        <button type="button" className="mini" onClick={props.onClear}>
          {t('paths.clear')}
        </button>
      </div>
      {searches > 0 && !loading && paths.length === 0 && <p className="muted small">{t('paths.none', { max: choices.maxHops })}</p>}
      <ol className="paths">
        {paths.map((p, i) => {
          const steps = hops(p);
          return (
            <li key={i} className={active === i ? 'active' : ''}>
              <button type="button" className="link" onClick={() => props.onShow(i)}>
                {t('paths.path', { i: i + 1, n: p.edges.length, count: p.edges.length })}
              </button>
              {active === i && (
                <button type="button" className="mini" onClick={() => props.onStraighten(i)}>
                  {t('paths.straighten')}
                </button>
              )}
              <div className="small" data-testid="path-text">
                {p.nodes.map((n, j) => (
                  <span key={n.id + j}>
                    {j > 0 && (
                      <button type="button" className="hop link" onClick={() => props.onSelectEdge(steps[j - 1].relation.id)}>
                        {` ${hopArrow(steps[j - 1], relationLabel(steps[j - 1].relation, t, i18n.language))} `}
                      </button>
                    )}
                    {n.name}
                  </span>
                ))}
              </div>
              {active === i &&
                p.edges.map((e) =>
                  (e.evidence ?? []).slice(0, 1).map((ev, k) => <EvidenceItem key={e.id + k} evidence={ev} from={e.from} to={e.to} onRead={props.onRead} />),
                )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
