import { checkLabelDigest, formatMassKg, LOT_STATE_NAMES, type LotView } from '@alutrace/shared';
import { type ReactElement, useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import { useFormat } from '../../i18n/use-format';
import { describeApiError } from '../../lib/api-error';
import { useTRPCClient } from '../../lib/trpc';
import { LazyScanner, type ScannedLabel, type ScanVerdict } from './lazy-scanner';
import { useReportMismatch } from './report-mismatch';
import { scanPageEn, scanPageZh } from './scan-page-words';

interface ScannedLot {
  lot: LotView;
  digestChecked: boolean;
}

/**
 * The scanner on its own, in continuous mode, as a truck is loaded: each lot
 * looked up with lots.get and its label's digest checked against the lot's.
 * The dispatch screen will take the scanner the same way.
 */
export function ScanPage(): ReactElement {
  const language = apiLanguage(useAppLanguage());
  const w = language === 'zh' ? scanPageZh : scanPageEn;
  const format = useFormat();
  const client = useTRPCClient();
  const [lots, setLots] = useState<readonly ScannedLot[]>([]);
  const reportMismatch = useReportMismatch();
  useDocumentTitle(w.title);

  const onScanned = async (label: ScannedLabel): Promise<ScanVerdict> => {
    let lot: LotView;
    try {
      lot = await client.lots.get.query({ lotId: label.lotId });
    } catch (error) {
      return { outcome: 'refused', reason: describeApiError(error, language)?.message ?? w.unreachable };
    }
    const digest = checkLabelDigest(label.digest, lot.labelDigest);
    if (digest === 'mismatch') {
      reportMismatch({ lotId: lot.lotId, digest: label.digest ?? '', source: label.source });
      return { outcome: 'warning', reason: w.digestMismatch(lot.lotId) };
    }
    // A lot typed in and then scanned is listed once, its digest checked by the scan.
    const checked = digest === 'match';
    setLots((current) =>
      current.some((s) => s.lot.lotId === lot.lotId)
        ? current.map((s) => (s.lot.lotId === lot.lotId ? { lot, digestChecked: s.digestChecked || checked } : s))
        : [...current, { lot, digestChecked: checked }],
    );
    return digest === 'match' ? { outcome: 'accepted' } : { outcome: 'accepted', note: w.digestAbsent };
  };

  const totalG = lots.reduce((sum, s) => sum + s.lot.balanceG, 0);
  return (
    <div className="page page-narrow">
      <h1>{w.title}</h1>
      <p className="lead">{w.intro}</p>
      <LazyScanner continuous onScanned={onScanned} />
      <section className="card" aria-labelledby="scanned-lots-title" data-testid="scanned-lots">
        <h2 id="scanned-lots-title">{w.listTitle}</h2>
        {lots.length === 0 ? (
          <p className="empty">{w.empty}</p>
        ) : (
          <>
            <p data-testid="scanned-summary">{w.summary(format.number(lots.length), formatMassKg(totalG))}</p>
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{w.lot}</th>
                    <th scope="col">{w.grade}</th>
                    <th scope="col">{w.state}</th>
                    <th scope="col">{w.balance}</th>
                  </tr>
                </thead>
                <tbody>
                  {lots.map(({ lot, digestChecked }) => (
                    <tr key={lot.lotId} data-testid="scanned-lot">
                      <th scope="row" data-label={w.lot}>
                        <span>
                          <code>{lot.lotId}</code>
                          {!digestChecked && <span className="badge badge-muted">{w.digestNotChecked}</span>}
                        </span>
                      </th>
                      <td data-label={w.grade}>
                        <span>{lot.grade ?? lot.alloy ?? lot.byproductKind ?? '—'}</span>
                      </td>
                      <td data-label={w.state}>
                        <span>{LOT_STATE_NAMES[lot.state][language]}</span>
                      </td>
                      <td data-label={w.balance}>
                        <span>{formatMassKg(lot.balanceG)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
