import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export function LoadingNotice(): ReactElement {
  const { t } = useTranslation();
  return (
    <p className="notice notice-loading" role="status">
      {t('common.loading')}
    </p>
  );
}
