import { roleNeedsSites, type SiteView, type UserView } from '@alutrace/shared';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/use-format';
import { useNames } from '../../../i18n/use-names';
import { ActiveBadge } from '../active-badge';
import { EditUserDialog } from './edit-user-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UserActiveDialog } from './user-active-dialog';

type Dialog = 'edit' | 'active' | 'reset' | null;

export function UserRow({ user, sites }: { user: UserView; sites: readonly SiteView[] }): ReactElement {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = (): void => setDialog(null);
  const siteName = (code: string) => sites.find((site) => site.code === code);
  return (
    <tr data-testid="user-row" data-username={user.username} data-active={String(user.active)}>
      <th scope="row" data-label={t('admin.users.form.username')}>
        <code>{user.username}</code>
      </th>
      <td data-label={t('admin.users.form.displayName')}>{user.displayName}</td>
      <td data-label={t('admin.users.form.role')}>{names.role(user.role)}</td>
      <td data-label={t('admin.users.form.sites')}>
        {roleNeedsSites(user.role) ? (
          <ul className="plain-list">
            {user.sites.map((code) => {
              const site = siteName(code);
              return (
                <li key={code}>
                  <code>{code}</code> {site ? names.site(site) : ''}
                </li>
              );
            })}
          </ul>
        ) : (
          <span className="hint">{t('account.allSites')}</span>
        )}
      </td>
      <td data-label={t('admin.status')}>
        <ActiveBadge active={user.active} />
        {user.mustChangePassword && (
          <>
            {' '}
            <span className="badge badge-warn" data-testid="must-change">
              {t('admin.users.table.mustChange')}
            </span>
          </>
        )}
      </td>
      <td data-label={t('admin.users.table.lastLogin')}>
        {user.lastLoginAt ? (
          <time dateTime={user.lastLoginAt}>{format.dateTime(user.lastLoginAt)}</time>
        ) : (
          <span className="hint">{t('common.never')}</span>
        )}
      </td>
      <td className="cell-actions">
        <button type="button" className="button button-small" onClick={() => setDialog('edit')}>
          {t('common.edit')}
        </button>
        <button type="button" className="button button-small" onClick={() => setDialog('active')}>
          {user.active ? t('admin.deactivate') : t('admin.reactivate')}
        </button>
        <button type="button" className="button button-small" onClick={() => setDialog('reset')}>
          {t('admin.users.reset.button')}
        </button>
        {dialog === 'edit' && <EditUserDialog user={user} sites={sites} onClose={close} />}
        {dialog === 'active' && <UserActiveDialog user={user} onClose={close} />}
        {dialog === 'reset' && <ResetPasswordDialog user={user} onClose={close} />}
      </td>
    </tr>
  );
}
