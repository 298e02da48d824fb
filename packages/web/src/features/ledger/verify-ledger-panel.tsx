import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowed, rolesWith } from '../../app/page-access';
import { useSession } from '../../auth/use-session';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { useFormat } from '../../i18n/use-format';
import { useNames } from '../../i18n/use-names';
import { useTRPC } from '../../lib/trpc';
import { VerifyReportView } from './verify-report-view';

/** A full verification on the server, for officials and administrators; others learn who can run it. */
export function VerifyLedgerPanel(): ReactElement {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const session = useSession();
  const verifiers = format.list(rolesWith('ledger:verify').map(names.role));
  return (
    <section className="card" aria-labelledby="verify-title" data-testid="verify-panel">
      <h2 id="verify-title">{t('ledger.verify.title')}</h2>
      <p className="hint">{t('ledger.verify.hint')}</p>
      {session.status === 'loading' && <LoadingNotice />}
      {session.status === 'error' && <ErrorNotice error={session.error} onRetry={session.retry} />}
      {session.status === 'signed-out' && <SignInPrompt message={t('ledger.verify.signIn', { roles: verifiers })} />}
      {session.status === 'signed-in' &&
        (isAllowed('ledger:verify', session.me) ? (
          <VerifyRunner />
        ) : (
          <p className="notice notice-plain" data-testid="verify-not-allowed">
            {t('ledger.verify.notAllowed', { roles: verifiers, role: names.role(session.me.role) })}
          </p>
        ))}
    </section>
  );
}

function VerifyRunner(): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // A mutation, not a query: a full verification is work the server does on request, never from a cache.
  const verify = useMutation(trpc.ledger.verify.mutationOptions());
  const run = (): void => verify.mutate({});
  return (
    <>
      <p>
        <button type="button" className="button button-primary" onClick={run} disabled={verify.isPending}>
          {verify.isPending ? t('ledger.verify.running') : t('ledger.verify.button')}
        </button>
      </p>
      <div aria-live="polite">
        {verify.isError && <ErrorNotice error={verify.error} onRetry={run} />}
        {verify.data && !verify.isPending && <VerifyReportView report={verify.data} />}
      </div>
    </>
  );
}
