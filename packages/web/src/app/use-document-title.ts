import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab's title to "page · product", in the interface language. */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const productName = t('app.name');
  useEffect(() => {
    document.title = `${pageTitle} · ${productName}`;
  }, [pageTitle, productName]);
}
