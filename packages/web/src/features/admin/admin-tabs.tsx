import type { Permission } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { isAllowed } from '../../app/page-access';
import { useMe } from '../../auth/use-session';

const TABS = [
  { path: '/admin/users', label: 'users', permission: 'users:manage' },
  { path: '/admin/tokens', label: 'tokens', permission: 'tokens:manage' },
  { path: '/admin/sites', label: 'sites', permission: 'sites:manage' },
] as const satisfies { path: string; label: string; permission: Permission }[];

export function AdminTabs(): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav className="tabs" aria-label={t('admin.tabsLabel')}>
      {TABS.filter((tab) => isAllowed(tab.permission, me)).map((tab) => (
        <NavLink key={tab.path} to={tab.path} className="tab">
          {t(`admin.${tab.label}.title`)}
        </NavLink>
      ))}
    </nav>
  );
}
