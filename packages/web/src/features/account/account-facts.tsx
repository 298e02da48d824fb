import { type MeView, roleNeedsSites } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNames } from '../../i18n/use-names';

export function AccountFacts({ me }: { me: MeView }): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('accountPage.profile')}</h2>
      <dl className="facts">
        <dt>{t('accountPage.username')}</dt>
        <dd>
          <code>{me.name}</code>
        </dd>
        <dt>{t('accountPage.displayName')}</dt>
        <dd>{me.displayName}</dd>
        <dt>{t('accountPage.role')}</dt>
        <dd>{names.role(me.role)}</dd>
        <dt>{t('accountPage.sites')}</dt>
        <dd>
          {!roleNeedsSites(me.role) ? (
            t('account.allSites')
          ) : me.sites.length === 0 ? (
            t('account.noSites')
          ) : (
            <ul className="plain-list">
              {me.sites.map((site) => (
                <li key={site.code}>{names.siteLabel(site)}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}
