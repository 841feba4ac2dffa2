import { useTranslation } from 'react-i18next';
import { TYPE_STYLE } from '../cyStyle';
import type { EntityType } from '../types';

export function TypeBadge({ type }: { type: EntityType }) {
  const { t } = useTranslation();
  return (
    <span className="type-badge" style={{ background: TYPE_STYLE[type].color }}>
      {t(`entityType.${type}`)}
    </span>
  );
}
