import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { useTRPC } from '../../lib/trpc';
import { VerifyReportView } from './verify-report-view';

export function VerifyLedgerPanel(): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // A mutation, not a query: a full verification is work the server does on request, never from a cache.
  const verify = useMutation(trpc.ledger.verify.mutationOptions());
  const run = (): void => verify.mutate({});

  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('ledger.verify.title')}</h2>
      <p className="hint">{t('ledger.verify.hint')}</p>
      <p>
        <button type="button" className="button button-primary" onClick={run} disabled={verify.isPending}>
          {verify.isPending ? t('ledger.verify.running') : t('ledger.verify.button')}
        </button>
      </p>
      <div aria-live="polite">
        {verify.isError && <ErrorNotice error={verify.error} onRetry={run} />}
        {verify.data && !verify.isPending && <VerifyReportView report={verify.data} />}
      </div>
    </section>
  );
}
