import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/use-session';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { EntriesList } from './entries-list';
import { entriesScope } from './entries-scope';
import { SitePicker } from './site-picker';

/** The entries the person may read: a prompt to sign in, their site's, or every site's. The site is kept in `?site=`. */
export function EntriesCard(): ReactElement {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const me = session.status === 'signed-in' ? session.me : null;
  const scope = entriesScope(me, params.get('site'));
  const chooseSite = (code: string | null): void => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (code) next.set('site', code);
        else next.delete('site');
        return next;
      },
      { replace: true },
    );
  };

  return (
    <section className="card card-wide" aria-labelledby="entries-title" data-testid="entries-card">
      <div className="card-head">
        <h2 id="entries-title">{t('ledger.entries.title')}</h2>
        {(scope.kind === 'own-sites' || scope.kind === 'all') && <SitePicker scope={scope} onChange={chooseSite} />}
      </div>
      {session.status === 'loading' && <LoadingNotice />}
      {session.status === 'error' && <ErrorNotice error={session.error} onRetry={session.retry} />}
      {session.status === 'signed-out' && <SignInPrompt message={t('ledger.entries.signIn')} />}
      {scope.kind === 'no-sites' && (
        <p className="empty" data-testid="entries-no-sites">
          {t('ledger.entries.noSites')}
        </p>
      )}
      {scope.kind === 'own-sites' && <EntriesList key={scope.site} site={scope.site} />}
      {scope.kind === 'all' && <EntriesList key={scope.site ?? ''} site={scope.site} />}
    </section>
  );
}
