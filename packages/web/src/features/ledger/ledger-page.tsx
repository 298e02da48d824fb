import './ledger.css';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/use-document-title';
import { EntriesCard } from './entries-card';
import { HeadCheckpointCard } from './head-checkpoint-card';
import { VerifyLedgerPanel } from './verify-ledger-panel';

/**
 * The ledger: its signed head, checked in the browser, for anyone; the entries
 * for signed-in people (of their own sites for operators and recyclers); a
 * full verification on demand for officials and administrators.
 */
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
        <EntriesCard />
      </div>
    </div>
  );
}
