import { formatVerifyFailure, type VerifyFailure, type VerifyReport } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import { type Formatters, useFormat } from '../../i18n/use-format';

export function VerifyReportView({ report }: { report: VerifyReport }): ReactElement {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div
      className={`status ${report.ok ? 'status-ok' : 'status-bad'}`}
      data-testid="verify-result"
      data-ok={String(report.ok)}
    >
      <p className="status-title">
        <span aria-hidden="true">{report.ok ? '✓ ' : '✗ '}</span>
        {report.ok ? t('ledger.verify.ok') : t('ledger.verify.failed')}
      </p>
      {report.failure ? (
        <FailureFacts failure={report.failure} durationMs={report.durationMs} format={format} />
      ) : (
        <PassFacts report={report} format={format} />
      )}
    </div>
  );
}

function PassFacts({ report, format }: { report: VerifyReport; format: Formatters }): ReactElement {
  const { t } = useTranslation();
  const unsigned = report.treeSize - report.coveredSize;
  return (
    <>
      <dl className="facts">
        <dt>{t('ledger.verify.entriesChecked')}</dt>
        <dd data-testid="verify-entries-checked">{format.number(report.entriesChecked)}</dd>
        <dt>{t('ledger.verify.treeSize')}</dt>
        <dd>{format.number(report.treeSize)}</dd>
        <dt>{t('ledger.verify.checkpointsChecked')}</dt>
        <dd>{format.number(report.checkpointsChecked)}</dd>
        <dt>{t('ledger.verify.duration')}</dt>
        <dd>{format.duration(report.durationMs)}</dd>
        {report.rootHash && (
          <>
            <dt>{t('ledger.verify.rootHash')}</dt>
            <dd>
              <code className="hash-full">{report.rootHash}</code>
            </dd>
          </>
        )}
      </dl>
      {unsigned > 0 && <p className="hint">{t('ledger.verify.unsigned', { entries: format.number(unsigned) })}</p>}
    </>
  );
}

/** The shared messages are clauses ("the stored bytes of entry 1 …") made to follow a prefix in the CLI; here one stands alone. */
function asSentence(clause: string): string {
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

// The counts of a failed report describe only the part checked before the
// failure; shown beside it they would read as the ledger's size, so they are left out.
function FailureFacts(props: { failure: VerifyFailure; durationMs: number; format: Formatters }): ReactElement {
  const { failure, durationMs, format } = props;
  const { t } = useTranslation();
  const language = apiLanguage(useAppLanguage());
  return (
    <>
      {/* Worded here rather than taken from failure.message, which is always English. */}
      <p data-testid="verify-failure-message">
        {asSentence(formatVerifyFailure(failure.code, failure.params, language))}
      </p>
      <dl className="facts">
        <dt>{t('ledger.verify.failureCode')}</dt>
        <dd>
          <code data-testid="verify-failure-code">{failure.code}</code>
        </dd>
        {failure.seq !== null && (
          <>
            <dt>{t('ledger.verify.failureSeq')}</dt>
            <dd data-testid="verify-failure-seq">{failure.seq}</dd>
          </>
        )}
        <dt>{t('ledger.verify.duration')}</dt>
        <dd>{format.duration(durationMs)}</dd>
      </dl>
    </>
  );
}
