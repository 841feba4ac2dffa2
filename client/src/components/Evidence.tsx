import { useTranslation } from 'react-i18next';
import { formatConfidence, formatDate } from '../format';
import { highlightMentions } from '../highlight';
import type { EntityRef, EvidenceData } from '../types';

export interface EvidenceProps {
  evidence: EvidenceData;
  from: Pick<EntityRef, 'name' | 'aliases'>;
  to: Pick<EntityRef, 'name' | 'aliases'>;
  onRead: (ev: EvidenceData) => void;
}

/** One evidence sentence with both mentions highlighted, and where it was said. */
export function EvidenceItem({ evidence, from, to, onRead }: EvidenceProps) {
  const { t, i18n } = useTranslation();
  const segs = highlightMentions(evidence.text, from, to);
  const a = evidence.article;
  return (
    <div className="evidence" data-testid="evidence">
      <blockquote className="evidence-text">
        {segs.map((s, i) =>
          s.mark ? (
            <mark key={i} className={`mention mention-${s.mark}`}>
              {s.text}
            </mark>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </blockquote>
      <div className="evidence-meta">
        <span className="article-title">{a.title ?? a.id}</span>
        {a.date && <span> · {formatDate(a.date, i18n.language)}</span>}
        {a.source && <span> · {a.source}</span>}
        <button type="button" className="link" onClick={() => onRead(evidence)}>
          {t('details.readArticle')}
        </button>
      </div>
      {(evidence.rule || evidence.confidence != null) && (
        <div className="evidence-rule muted small" data-testid="evidence-rule">
          {evidence.rule && <span>{t('review.rule', { rule: evidence.rule })}</span>}
          {evidence.confidence != null && <span> · {t('review.confidence', { c: formatConfidence(evidence.confidence, i18n.language) })}</span>}
        </div>
      )}
    </div>
  );
}
