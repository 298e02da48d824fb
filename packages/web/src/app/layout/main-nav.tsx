import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, useLocation } from 'react-router';
import { APP_PAGES, type AppPage } from '../pages';

function isCurrent(page: AppPage, pathname: string): boolean {
  return [page.path, ...(page.aliases ?? [])].some((path) => matchPath({ path, end: path === '/' }, pathname));
}

export function MainNav(): ReactElement {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {APP_PAGES.flatMap((page) =>
          page.navLabel
            ? [
                <li key={page.path}>
                  <Link to={page.path} aria-current={isCurrent(page, pathname) ? 'page' : undefined}>
                    {t(`nav.${page.navLabel}`)}
                  </Link>
                </li>,
              ]
            : [],
        )}
      </ul>
    </nav>
  );
}
