import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../../components/one-time-secret';
import { useTRPC } from '../../../lib/trpc';
import { AdminArea } from '../admin-area';
import { CreateTokenCard } from './create-token-card';
import { TokensTable } from './tokens-table';

/** `/admin/tokens`: API tokens for weighbridge PCs, scanners and integrations. */
export function TokensPage(): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const sites = useQuery(trpc.sites.list.queryOptions());
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  return (
    <AdminArea title={t('admin.tokens.title')}>
      <p className="lead">{t('admin.tokens.intro')}</p>
      {created && (
        <OneTimeSecret
          title={t('admin.tokens.secret.title', { name: created.name })}
          label={t('admin.tokens.secret.label')}
          secret={created.secret}
          onDone={() => setCreated(null)}
        >
          <p>{t('admin.tokens.secret.usage')}</p>
          <pre className="usage" data-testid="token-usage">{`Authorization: Bearer ${created.secret}`}</pre>
        </OneTimeSecret>
      )}
      <CreateTokenCard sites={sites.data ?? []} onCreated={(name, secret) => setCreated({ name, secret })} />
      <TokensTable sites={sites.data ?? []} />
    </AdminArea>
  );
}
