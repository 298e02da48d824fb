import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';

export function SiteFooter(): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // The origin names the log in every checkpoint; it never changes while a server runs.
  const { data: key } = useQuery(
    trpc.ledger.publicKey.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }),
  );
  return (
    <footer className="site-footer">
      {key && (
        <p data-testid="ledger-origin">
          <Trans i18nKey="footer.origin" values={{ origin: key.origin }} components={{ code: <code /> }} />
        </p>
      )}
      <p>{t('footer.timezone')}</p>
    </footer>
  );
}
