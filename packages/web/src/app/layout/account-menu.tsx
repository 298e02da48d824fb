import { type MeView, roleNeedsSites } from '@alutrace/shared';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useNames } from '../../i18n/use-names';
import { SignOutButton } from './sign-out-button';

/** The signed-in person's name, role and sites; opens onto their sites, "My account" and "Sign out". */
export function AccountMenu({ me }: { me: MeView }): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  const location = useLocation();
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  // Closes when the page changes, on a click elsewhere, and on Escape (back to its button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on navigation is the point.
  useEffect(() => setOpen(false), [location.key]);
  useEffect(() => {
    if (!open) return;
    const onClick = (event: MouseEvent): void => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      ref.current?.querySelector('summary')?.focus();
    };
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const allSites = !roleNeedsSites(me.role);
  const siteCodes = allSites
    ? t('account.allSites')
    : me.sites.map((site) => site.code).join(' · ') || t('account.noSites');
  return (
    <details
      ref={ref}
      className="account-menu"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="account-menu"
    >
      <summary>
        <span className="account-name">{me.displayName}</span>
        <span className="account-meta">
          <span data-testid="account-role">{names.role(me.role)}</span> · <span>{siteCodes}</span>
        </span>
      </summary>
      <div className="account-panel">
        <p className="account-panel-title">{t('account.sitesTitle')}</p>
        {allSites ? (
          <p>{t('account.allSites')}</p>
        ) : me.sites.length === 0 ? (
          <p>{t('account.noSites')}</p>
        ) : (
          <ul className="plain-list" data-testid="account-sites">
            {me.sites.map((site) => (
              <li key={site.code}>
                <code>{site.code}</code> {names.site(site)}
              </li>
            ))}
          </ul>
        )}
        <ul className="account-actions">
          <li>
            <Link to="/account">{t('account.myAccount')}</Link>
          </li>
          <li>
            <SignOutButton />
          </li>
        </ul>
      </div>
    </details>
  );
}
