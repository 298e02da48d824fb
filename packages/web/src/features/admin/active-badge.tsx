import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export function ActiveBadge({ active }: { active: boolean }): ReactElement {
  const { t } = useTranslation();
  return (
    <span className={active ? 'badge badge-ok' : 'badge badge-muted'} data-testid="active-badge">
      {active ? t('admin.active') : t('admin.inactive')}
    </span>
  );
}
