// A strip above the header of every page when the server holds demo data
// (`alutrace demo`, system.info): nobody should mistake it for real records.
import './demo-banner.css';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';

export function DemoBanner(): ReactElement | null {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // Whether a data directory is demo data never changes while a server runs.
  const { data } = useQuery(trpc.system.info.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  if (!data?.demo) return null;
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <strong>{t('demo.banner')}</strong>
      <span>
        {data.demoPeriod
          ? t('demo.explain', { from: data.demoPeriod.from, to: data.demoPeriod.to })
          : t('demo.explainUndated')}
      </span>
    </div>
  );
}
