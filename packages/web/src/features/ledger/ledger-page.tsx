import './ledger.css';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/use-document-title';
import { EntriesList } from './entries-list';
import { HeadCheckpointCard } from './head-checkpoint-card';
import { VerifyLedgerPanel } from './verify-ledger-panel';

/** The ledger as anyone may inspect it: the signed head, a full verification on demand, and every entry. */
export function LedgerPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('ledger.title'));
  return (
    <div className="page">
      <h1>{t('ledger.title')}</h1>
      <p className="lead">{t('ledger.intro')}</p>
      <div className="ledger-grid">
        <HeadCheckpointCard />
        <VerifyLedgerPanel />
        <EntriesList />
      </div>
    </div>
  );
}
