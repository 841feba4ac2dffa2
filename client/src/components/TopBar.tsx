import { useTranslation } from 'react-i18next';
import type { StatsData } from '../api';
import { formatNumber } from '../format';

/** The title, the corpus's counts, the loading indicator and the language / settings / help buttons. */
export function TopBar({
  stats,
  loading,
  onSwitchLang,
  onSettings,
  onHelp,
  onReview,
  onImport,
  onAudit,
}: {
  stats: StatsData | null;
  loading: boolean;
  onSwitchLang: () => void;
  onSettings: () => void;
  onHelp: () => void;
  /** Opens 待审核, the review queue. */
  onReview?: () => void;
  /** 导入文章 and 审计日志 (issue 12). */
  onImport?: () => void;
  onAudit?: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <header className="topbar">
      <h1>
        {t('app.title')} <span className="subtitle">{t('app.subtitle')}</span>
      </h1>
      <div className="stats" aria-label={t('stats.label')}>
        {stats?.articles != null && <span>{t('stats.articles', { n: formatNumber(stats.articles, i18n.language), count: stats.articles })}</span>}
        {stats?.entities != null && <span>{t('stats.entities', { n: formatNumber(stats.entities, i18n.language), count: stats.entities })}</span>}
        {stats?.relations != null && <span>{t('stats.relations', { n: formatNumber(stats.relations, i18n.language), count: stats.relations })}</span>}
      </div>
      <div className="top-actions">
        {loading && (
          <span className="spinner" role="status">
            {t('canvas.loading')}
          </span>
        )}
        {onReview && (
          <button type="button" onClick={onReview}>
            {t('review.open')}
          </button>
        )}
        {onImport && (
          <button type="button" onClick={onImport}>
            {t('curation.importTitle')}
          </button>
        )}
        {onAudit && (
          <button type="button" onClick={onAudit}>
            {t('curation.auditTitle')}
          </button>
        )}
        {/* Named by its visible text (the other language's name, in that language), described by what it does. */}
        <button type="button" onClick={onSwitchLang} lang={i18n.language.startsWith('en') ? 'zh-CN' : 'en'} title={t('app.languageLabel')}>
          {t('app.language')}
        </button>
        <button type="button" onClick={onSettings}>
          {t('app.settings')}
        </button>
        <button type="button" onClick={onHelp}>
          {t('app.help')}
        </button>
      </div>
    </header>
  );
}
