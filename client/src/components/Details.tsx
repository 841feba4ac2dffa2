import { useTranslation } from 'react-i18next';
import { formatAmount, formatConfidence, formatDate } from '../format';
import type { EntityDetailsData } from '../api';
import type { EvidenceData, RelationData, RelationType } from '../types';
import { RELATION_TYPES } from '../types';
import { EvidenceItem } from './Evidence';
import { TypeBadge } from './TypeBadge';

export function relationLabel(r: Pick<RelationData, 'type' | 'role' | 'amountCny'>, t: (k: string) => string, lang: string): string {
  const base = r.type === 'MEMBER_OF' && r.role === 'leader' ? t('role.leader') : t(`relationType.${r.type}`);
  return r.type === 'INVESTS_IN' && r.amountCny ? `${base} ${formatAmount(r.amountCny, lang)}` : base;
}

export function investmentTotals(id: string, rels: RelationData[]) {
  let out = 0;
  let inn = 0;
  for (const r of rels) {
    if (r.type !== 'INVESTS_IN' || !r.amountCny) continue;
    if (r.from.id === id) out += r.amountCny;
    if (r.to.id === id) inn += r.amountCny;
  }
  return { out, in: inn };
}

export function EntityDetails({
  entity,
  onRead,
  onSelect,
  onShowMore,
}: {
  entity: EntityDetailsData;
  onRead: (ev: EvidenceData) => void;
  onSelect: (id: string) => void;
  onShowMore?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rels = entity.relations.edges.map((e) => e.node);
  const totals = investmentTotals(entity.id, rels);
  const groups = RELATION_TYPES.map((type) => [type, rels.filter((r) => r.type === type)] as [RelationType, RelationData[]]).filter(
    ([, rs]) => rs.length,
  );
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
        <dd>{entity.degree}</dd>
        {totals.out > 0 && (
          <>
            <dt>{t('details.investTotal')}</dt>
            <dd>{formatAmount(totals.out, i18n.language)}</dd>
          </>
        )}
        {totals.in > 0 && (
          <>
            <dt>{t('details.investIn')}</dt>
            <dd>{formatAmount(totals.in, i18n.language)}</dd>
          </>
        )}
        <dt>{t('details.articles')}</dt>
        <dd>{entity.articles.length}</dd>
      </dl>
      <h3>{t('details.relations')}</h3>
      {groups.map(([type, rs]) => (
        <section key={type} className="rel-group">
          <h4>
            {t(`relationType.${type}`)} <span className="muted">({rs.length})</span>
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
