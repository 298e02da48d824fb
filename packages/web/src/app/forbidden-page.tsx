import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/use-session';
import { useFormat } from '../i18n/use-format';
import { useNames } from '../i18n/use-names';
import { type PageAccess, rolesWith } from './page-access';
import { useDocumentTitle } from './use-document-title';

/** A signed-in person opened a page their role may not use (by a link or by typing the address). */
export function ForbiddenPage({ access }: { access: PageAccess }): ReactElement {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const me = useMe();
  useDocumentTitle(t('forbidden.title'));
  const roles = access === 'anyone' || access === 'signed-in' ? [] : rolesWith(access).map(names.role);
  return (
    <section className="page page-narrow" data-testid="forbidden">
      <h1>{t('forbidden.title')}</h1>
      {roles.length > 0 && <p>{t('forbidden.onlyFor', { roles: format.list(roles) })}</p>}
      {me && <p>{t('forbidden.yourRole', { role: names.role(me.role) })}</p>}
      <p>
        <Link to="/" className="button">
          {t('forbidden.backHome')}
        </Link>
      </p>
    </section>
  );
}
