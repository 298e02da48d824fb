import './lots.css';
import { reachOf } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { readAppError } from '../../lib/api-error';
import { useTRPC } from '../../lib/trpc';
import { LotDetails } from './lot-details';
import { LotLabelCard } from './lot-label-card';
import { LotLineage } from './lot-lineage';
import { LotTimeline } from './lot-timeline';
import { SealedSeller } from './sealed-seller';

/** /lots/{lotId}: one lot, its label, its history in the ledger, its lineage and (for those allowed) its seller. */
export function LotPage(): ReactElement {
  const { t } = useTranslation();
  const { lotId = '' } = useParams();
  useDocumentTitle(t('lots.title', { lotId }));
  const trpc = useTRPC();
  const me = useMe();
  const lot = useQuery(trpc.lots.get.queryOptions({ lotId }, { retry: false }));
  const creation = lot.data?.events.find((e) => e.seq === lot.data?.createdSeq);
  // The recording site and officials may read a collection's seller; others would get NOT_FOUND.
  const reach = me ? reachOf(me.role, 'sealed:read') : null;
  const maySeeSeller =
    creation?.kind === 'collection.recorded' &&
    (reach === 'all' || (reach === 'own-sites' && me?.sites.some((s) => s.code === lot.data?.originSite)));
  const unknown = ['NOT_FOUND', 'LOT_UNKNOWN', 'VALIDATION_FAILED'].includes(readAppError(lot.error)?.code ?? '');

  return (
    <div className="page lot-page">
      <h1 className="lot-title">
        <span className="lot-title-label">{t('lots.lot')}</span> <span data-testid="lot-id">{lotId}</span>
      </h1>
      {lot.isPending && <LoadingNotice />}
      {lot.isError &&
        (unknown ? (
          <p className="notice notice-plain" data-testid="lot-unknown">
            {t('lots.notFound', { lotId })}
          </p>
        ) : (
          <ErrorNotice error={lot.error} onRetry={() => void lot.refetch()} />
        ))}
      {lot.data && (
        <div className="lot-grid">
          <LotDetails lot={lot.data} />
          <LotLabelCard lot={lot.data} />
          {maySeeSeller && creation && <SealedSeller seq={creation.seq} />}
          <LotTimeline lot={lot.data} />
          <LotLineage lotId={lot.data.lotId} />
        </div>
      )}
    </div>
  );
}
