import type { SiteView, TokenView } from '@alutrace/shared';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/use-format';
import { useNames } from '../../../i18n/use-names';
import { RevokeTokenDialog } from './revoke-token-dialog';

interface TokenRowProps {
  token: TokenView;
  sites: readonly SiteView[];
  /** The creator's username (their id when unknown). */
  createdBy: string;
}

export function TokenRow({ token, sites, createdBy }: TokenRowProps): ReactElement {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const [confirming, setConfirming] = useState(false);
  const site = sites.find((s) => s.code === token.site);
  const time = (iso: string) => <time dateTime={iso}>{format.dateTime(iso)}</time>;
  return (
    <tr data-testid="token-row" data-name={token.name} data-revoked={String(token.revokedAt !== null)}>
      <th scope="row" data-label={t('admin.tokens.form.name')}>
        {token.name}
      </th>
      <td data-label={t('admin.tokens.form.role')}>{names.role(token.role)}</td>
      <td data-label={t('admin.tokens.form.site')}>
        {token.site ? (
          <span>
            <code>{token.site}</code> {site ? names.site(site) : ''}
          </span>
        ) : (
          <span className="hint">{t('account.allSites')}</span>
        )}
      </td>
      <td data-label={t('admin.tokens.table.created')}>
        {time(token.createdAt)}
        <br />
        <span className="hint">{t('admin.tokens.table.by', { user: createdBy })}</span>
      </td>
      <td data-label={t('admin.tokens.table.lastUsed')}>
        {token.lastUsedAt ? time(token.lastUsedAt) : <span className="hint">{t('common.never')}</span>}
      </td>
      <td data-label={t('admin.status')}>
        {token.revokedAt ? (
          <span className="badge badge-muted" data-testid="token-status">
            {t('admin.tokens.table.revokedAt', { at: format.dateTime(token.revokedAt) })}
          </span>
        ) : (
          <span className="badge badge-ok" data-testid="token-status">
            {t('admin.tokens.table.valid')}
          </span>
        )}
      </td>
      <td className="cell-actions">
        {!token.revokedAt && (
          <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
            {t('admin.tokens.revoke.button')}
          </button>
        )}
        {confirming && <RevokeTokenDialog token={token} onClose={() => setConfirming(false)} />}
      </td>
    </tr>
  );
}
