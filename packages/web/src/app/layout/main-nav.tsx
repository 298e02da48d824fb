import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, useLocation } from 'react-router';
import { useMe } from '../../auth/use-session';
import { navPagesFor } from '../page-access';
import { APP_PAGES, type AppPage } from '../pages';

function isCurrent(page: AppPage, pathname: string): boolean {
  return [page.path, ...(page.aliases ?? [])].some((path) => matchPath({ path, end: path === '/' }, pathname));
}

/** The pages the person may open; the admin area only for administrators. */
export function MainNav(): ReactElement {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {navPagesFor(APP_PAGES, me).map((page) =>
          page.navLabel ? (
            <li key={page.path}>
              <Link to={page.path} aria-current={isCurrent(page, pathname) ? 'page' : undefined}>
                {t(`nav.${page.navLabel}`)}
              </Link>
            </li>
          ) : null,
        )}
      </ul>
    </nav>
  );
}
