import { formatFenYuan } from '@alutrace/shared';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { useTRPC } from '../../lib/trpc';

/** A purpose that names the screen and nothing personal (it is kept in the access log). */
const PURPOSE = 'lot page';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The seller of a collection, read only on request: each read is written to the access log. */
export function SealedSeller({ seq }: { seq: number }): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const read = useMutation(trpc.sealed.read.mutationOptions());
  const fields = read.data?.fields;
  const seller = (fields?.seller ?? null) as Record<string, unknown> | null;
  const rows: [string, string | null][] = seller
    ? [
        [t('lots.sellerName'), text(seller.name)],
        [t('lots.sellerId'), text(seller.residentId) ?? text(seller.creditCode)],
        [t('lots.handlingPerson'), text(seller.handlingPerson)],
        [t('lots.address'), text(seller.address)],
        [t('lots.plate'), text(fields?.vehiclePlate)],
        [t('lots.ticket'), text(fields?.ticketNumber)],
        [t('lots.price'), typeof fields?.priceFen === 'number' ? formatFenYuan(fields.priceFen) : null],
      ]
    : [];
  return (
    <section className="card lot-card" aria-labelledby="lot-seller-title" data-testid="lot-seller">
      <h2 id="lot-seller-title">{t('lots.seller')}</h2>
      <p className="hint">{t('lots.sellerNote')}</p>
      {!read.data && (
        <button
          type="button"
          className="button button-big"
          disabled={read.isPending}
          onClick={() => read.mutate({ seq, purpose: PURPOSE })}
          data-testid="show-seller"
        >
          {read.isPending ? t('lots.sellerLoading') : t('lots.showSeller')}
        </button>
      )}
      {read.isError && <ErrorNotice error={read.error} />}
      {read.data && (
        <>
          <dl className="facts lot-facts" data-testid="seller-details">
            {rows
              .filter((row): row is [string, string] => row[1] !== null)
              .map(([label, value]) => (
                <div key={label} className="facts-row">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
          <p className="status status-ok">{t('lots.commitmentOk')}</p>
        </>
      )}
    </section>
  );
}
