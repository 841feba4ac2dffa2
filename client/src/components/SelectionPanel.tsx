import { useTranslation } from 'react-i18next';
import type { Selected } from '../hooks/useSelection';
import { chainScreen, type Screen } from '../screens';
import type { Article, EvidenceData } from '../types';
import { CHAIN_ROOTS } from './ContextMenu';
import { EntityDetails, RelationDetails } from './Details';
import { Reader } from './Reader';
import { RejectFact } from './RejectFact';

/** The right-hand panel: the article being read, else the details of what is selected. */
export function SelectionPanel({
  selected,
  reader,
  onCloseReader,
  onRead,
  onSelect,
  onShowMore,
  onOpenView,
  onScreen,
  onReject,
}: {
  selected: Selected;
  reader: { article: Article; start: number; end: number } | null;
  onCloseReader: () => void;
  onRead: (ev: EvidenceData) => void;
  onSelect: (id: string) => void;
  /** The next page of the selected entity's relations. */
  onShowMore: () => void;
  onOpenView: (kind: 'district' | 'cluster', id: string) => void;
  onScreen: (s: Screen) => void;
  /** Rejects the selected relation with a reason (issue 12); absent = no 驳回 button. */
  onReject?: (relationId: string, reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <aside className="right" aria-label={t('details.title')}>
      {reader ? (
        <Reader article={reader.article} start={reader.start} end={reader.end} onClose={onCloseReader} />
      ) : selected?.kind === 'entity' ? (
        <>
          <EntityDetails entity={selected.data} filtered={selected.filtered} onRead={onRead} onSelect={onSelect} onShowMore={onShowMore} />
          <div className="row wrap view-buttons">
            {selected.data.type === 'DISTRICT' && (
              <button type="button" className="mini" onClick={() => onOpenView('district', selected.data.id)}>
                {t('canvas.districtView')}
              </button>
            )}
            {selected.data.type === 'CLUSTER' && (
              <button type="button" className="mini" onClick={() => onOpenView('cluster', selected.data.id)}>
                {t('canvas.clusterView')}
              </button>
            )}
            {CHAIN_ROOTS.includes(selected.data.type) && (
              <button type="button" className="mini" onClick={() => onScreen(chainScreen(selected.data.id))}>
                {t('canvas.chainView')}
              </button>
            )}
            {(selected.data.type === 'DISTRICT' || selected.data.type === 'CLUSTER') && (
              <button type="button" className="mini" onClick={() => onScreen({ kind: 'profile', id: selected.data.id })}>
                {t(selected.data.type === 'DISTRICT' ? 'canvas.districtProfile' : 'canvas.clusterProfile')}
              </button>
            )}
          </div>
        </>
      ) : selected?.kind === 'relation' ? (
        <>
          <RelationDetails relation={selected.data} onRead={onRead} onSelect={onSelect} />
          {onReject && <RejectFact key={selected.data.id} onReject={(reason) => onReject(selected.data.id, reason)} />}
        </>
      ) : (
        <p className="muted details-empty">{t('details.none')}</p>
      )}
    </aside>
  );
}
