import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import type { Article } from '../types';

/** Markdown heading lines (### 小标题) shown as headings, not with their hashes. Offsets are untouched. */
function withHeadings(text: string, key: string): ReactNode[] {
  return text.split(/^(#{1,6}[ \t]+[^\n]*)$/m).map((part, i) =>
    i % 2 === 1 ? (
      <strong key={key + i} className="reader-heading">
        {part.replace(/^#{1,6}[ \t]+/, '')}
      </strong>
    ) : (
      part
    ),
  );
}

/** The whole article, scrolled to the evidence sentence, which is highlighted by its offsets. */
export function Reader({ article, start, end, onClose }: { article: Article; start: number; end: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const markRef = useRef<HTMLElement>(null);
  useEffect(() => {
    markRef.current?.scrollIntoView?.({ block: 'center' });
  }, [article.id, start, end]);
  const text = article.text;
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return (
    <div className="reader" role="dialog" aria-label={t('reader.title')} data-testid="reader">
      <div className="reader-head">
        <div>
          <h2>{article.title ?? article.id}</h2>
          <div className="muted small">
            {article.date && formatDate(article.date, i18n.language)}
            {article.source && ` · ${t('reader.source')}${t('punct.colon')}${article.source}`}
            {article.url && (
              <>
                {' · '}
                <a href={article.url} target="_blank" rel="noreferrer">
                  {article.url}
                </a>
              </>
            )}
          </div>
        </div>
        <button type="button" onClick={onClose} aria-label={t('reader.close')}>
          ✕
        </button>
      </div>
      <div className="reader-text">
        {withHeadings(text.slice(0, s), 'a')}
        <mark ref={markRef} className="reader-mark">
          {text.slice(s, e)}
        </mark>
        {withHeadings(text.slice(e), 'b')}
      </div>
    </div>
  );
}
