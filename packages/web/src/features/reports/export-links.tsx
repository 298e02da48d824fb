import type { ReportName } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { downloadHref } from './report-query';
import { reportEn, reportZh } from './report-words';

/** CSV and Excel downloads of the report on screen, with its filters, in the reader's language; and print. */
export function ExportLinks({ name, search }: { name: ReportName; search: URLSearchParams }): ReactElement {
  const w = useWords(reportZh, reportEn);
  const lang = useLang();
  return (
    <div className="report-exports no-print">
      <a className="button" href={downloadHref(name, 'csv', search, lang)} download data-testid="export-csv">
        {w.exportCsv}
      </a>
      <a className="button" href={downloadHref(name, 'xlsx', search, lang)} download data-testid="export-xlsx">
        {w.exportXlsx}
      </a>
      <button type="button" className="button" onClick={() => window.print()} data-testid="report-print">
        {w.print}
      </button>
    </div>
  );
}
