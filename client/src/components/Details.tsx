import { useTranslation } from 'react-i18next';
import { formatAmount, formatConfidence, formatDate } from '../format';
import type { EntityPanelData } from '../hubs';
import type { EvidenceData, RelationData, RelationType } from '../types';
import { EvidenceItem } from './Evidence';
import { TypeBadge } from './TypeBadge';

export function relationLabel(r: Pick<RelationData, 'type' | 'role' | 'amountCny'>, t: (k: string) => string, lang: string): string {
  const base = r.type === 'MEMBER_OF' && r.role === 'leader' ? t('role.leader') : t(`relationType.${r.type}`);
  return r.type === 'INVESTS_IN' && r.amountCny ? `${base} ${formatAmount(r.amountCny, lang)}` : base;
}

export function EntityDetails({
  entity,
  filtered = false,
  onRead,
  onSelect,
  onShowMore,
}: {
  entity: EntityPanelData;
  /** The canvas filters keep only some of its relations: figures and lists are of those. */
  filtered?: boolean;
  onRead: (ev: EvidenceData) => void;
  onSelect: (id: string) => void;
  onShowMore?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rels = entity.relations.edges.map((e) => e.node);
  const s = entity.summary;
  // Counts are the server's over every relation; the lists hold the pages fetched so far.
  const groups = s.relationCounts
    .filter((c) => c.count > 0)
    .map((c) => [c.type, c.count, rels.filter((r) => r.type === c.type)] as [RelationType, number, RelationData[]]);
  return (
    <div className="details" data-testid="entity-details">
      <div className="details-head">
        <TypeBadge type={entity.type} />
        <h2>{entity.name}</h2>
      </div>
      <dl className="facts">
        <dt>{t('details.aliases')}</dt>
        <dd>{entity.aliases.length ? entity.aliases.join('、') : t('details.noAliases')}</dd>
        <dt>{t('details.degree')}</dt>
        <dd title={filtered ? t('details.filteredHint') : undefined}>{filtered ? `${s.relationCount} / ${entity.degree}` : entity.degree}</dd>
        {s.investmentTotalCny > 0 && (
          <>
            <dt>{t('details.investTotal')}</dt>
            <dd>{formatAmount(s.investmentTotalCny, i18n.language)}</dd>
          </>
        )}
        {s.investmentReceivedCny > 0 && (
          <>
            <dt>{t('details.investIn')}</dt>
            <dd>{formatAmount(s.investmentReceivedCny, i18n.language)}</dd>
          </>
        )}
        <dt>{t('details.articles')}</dt>
        <dd>{s.articleCount}</dd>
      </dl>
      <h3>{t('details.relations')}</h3>
      {groups.map(([type, count, rs]) => (
        <section key={type} className="rel-group">
          <h4>
            {t(`relationType.${type}`)} <span className="muted">({count})</span>
          </h4>
          <ul>
            {rs.map((r) => {
              const other = r.from.id === entity.id ? r.to : r.from;
              const dir = r.from.id === entity.id ? '→' : '←';
              return (
                <li key={r.id} className="rel">
                  <div className="rel-head">
                    <span className="muted">{dir}</span>{' '}
                    <button type="button" className="link" onClick={() => onSelect(other.id)}>
                      {other.name}
                    </button>{' '}
                    <span className="rel-label">{relationLabel(r, t, i18n.language)}</span>
                  </div>
                  {(r.evidence ?? []).slice(0, 3).map((ev, i) => (
                    <EvidenceItem key={i} evidence={ev} from={r.from} to={r.to} onRead={onRead} />
                  ))}
                </li>
              );
            })}
          </ul>
          {rs.length < count && onShowMore && (
            <button type="button" className="link small" onClick={onShowMore}>
              {t('details.groupMore', { n: count - rs.length })}
            </button>
          )}
        </section>
      ))}
      {entity.relations.totalCount > rels.length && (
        <button type="button" className="link" onClick={onShowMore}>
          {t('details.more', { n: entity.relations.totalCount - rels.length, count: entity.relations.totalCount - rels.length })}
        </button>
      )}
    </div>
  );
}

export function RelationDetails({ relation, onRead, onSelect }: { relation: RelationData; onRead: (ev: EvidenceData) => void; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="details" data-testid="relation-details">
      <div className="details-head">
        <span className="type-badge rel-badge">{t('details.edge')}</span>
        <h2>{relationLabel(relation, t, i18n.language)}</h2>
      </div>
      <dl className="facts">
        <dt>{t('details.from')}</dt>
        <dd>
          <button type="button" className="link" onClick={() => onSelect(relation.from.id)}>
            {relation.from.name}
          </button>
        </dd>
        <dt>{t('details.to')}</dt>
        <dd>
          <button type="button" className="link" onClick={() => onSelect(relation.to.id)}>
            {relation.to.name}
          </button>
        </dd>
        {relation.amountCny != null && (
          <>
            <dt>{t('details.amount')}</dt>
            <dd>{formatAmount(relation.amountCny, i18n.language)}</dd>
          </>
        )}
        {relation.support && (
          <>
            <dt>{t('review.confidenceLabel')}</dt>
            <dd data-testid="relation-confidence">{formatConfidence(relation.confidence, i18n.language)}</dd>
            <dt>{t('review.supportLabel')}</dt>
            <dd>{t('review.support', { evidence: relation.support.evidence, articles: relation.support.articles })}</dd>
            <dt>{t('review.reviewedLabel')}</dt>
            <dd>{relation.accepted ? t('review.acceptedBy', { actor: relation.accepted.actor ?? t('review.anonymous') }) : t('review.notReviewed')}</dd>
          </>
        )}
      </dl>
      <h3>{t('details.evidence')}</h3>
      {(relation.evidence ?? []).length === 0 && <p className="muted">{t('details.noEvidence')}</p>}
      {(relation.evidence ?? []).map((ev, i) => (
        <EvidenceItem key={i} evidence={ev} from={relation.from} to={relation.to} onRead={onRead} />
      ))}
    </div>
  );
}

export { formatDate };
