import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormat } from '../../i18n/use-format';
import { useTRPC } from '../../lib/trpc';
import { SignatureStatus } from './signature-status';

export function HeadCheckpointCard(): ReactElement {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const head = useQuery(trpc.ledger.head.queryOptions());

  return (
    <section className="card" aria-labelledby="head-title">
      <h2 id="head-title">{t('ledger.head.title')}</h2>
      {head.isPending && <LoadingNotice />}
      {head.isError && <ErrorNotice error={head.error} onRetry={() => void head.refetch()} />}
      {head.data && (
        <>
          <SignatureStatus head={head.data} />
          <dl className="facts">
            <dt>{t('ledger.head.treeSize')}</dt>
            <dd data-testid="head-tree-size">{format.number(head.data.treeSize)}</dd>
            <dt>{t('ledger.head.signedAt')}</dt>
            <dd>
              <time dateTime={head.data.createdAt}>{format.dateTime(head.data.createdAt)}</time>
            </dd>
            <dt>{t('ledger.head.origin')}</dt>
            <dd>
              <code>{head.data.origin}</code>
            </dd>
            <dt>{t('ledger.head.rootHash')}</dt>
            <dd>
              <code className="hash-full">{head.data.rootHash}</code>
            </dd>
          </dl>
          <h3>{t('ledger.head.note')}</h3>
          <pre className="note" data-testid="head-note">
            {head.data.note}
          </pre>
          <h3>{t('ledger.head.verifierKey')}</h3>
          <p>
            <code className="hash-full" data-testid="verifier-key">
              {head.data.verifierKey}
            </code>
          </p>
          <p className="hint">{t('ledger.head.keyHint')}</p>
        </>
      )}
    </section>
  );
}
