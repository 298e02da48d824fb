// /reports/view/:name — one report: its filters, a chart, the table, the
// downloads and the checkpoint it was computed at. Everything below the
// filters is drawn from the ReportTable the server answers.
import './reports.css';
import type { ReactElement } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../app/not-found-page';
import { useDocumentTitle } from '../../app/use-document-title';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormErrors } from '../../lib/use-form-errors';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { ExportLinks } from './export-links';
import { ProvenanceLine } from './provenance-line';
import { type ReportSpec, reportSpec } from './report-catalogue';
import { ReportChart } from './report-chart';
import { ReportFilters } from './report-filters';
import { filtersFromSearch, inputOfFilters, SCALAR_KEYS, searchOfFilters } from './report-query';
import { ReportTableView } from './report-table-view';
import { ReportTabs } from './report-tabs';
import { type ReportWords, reportEn, reportZh } from './report-words';
import { useOwnReportSite, useReport } from './use-report';

/** The form's fields, where the server's answer about a filter is shown. */
const FORM_FIELDS = [...SCALAR_KEYS, 'groupBy'];

function ReportView({ spec }: { spec: ReportSpec }): ReactElement {
  const w = useWords(reportZh, reportEn);
  const lang = useLang();
  const [search, setSearch] = useSearchParams();
  const ownSite = useOwnReportSite();
  const values = filtersFromSearch(spec, search);
  if (ownSite && !values.site) values.site = ownSite;
  const applied = searchOfFilters(spec, values);
  const report = useReport(spec.name, inputOfFilters(spec, values));
  const serverErrors = useFormErrors(report.error, { fields: FORM_FIELDS });
  useDocumentTitle(w.names[spec.name]);
  const table = report.data;
  return (
    <div className="page report-page" data-testid={`report-${spec.name}`}>
      <ReportTabs current={spec.name} />
      <header className="report-head">
        <h1>{table ? table.title[lang] : w.names[spec.name]}</h1>
        <p className="lead">{w.intros[spec.name]}</p>
      </header>
      <ReportFilters
        key={applied.toString()}
        spec={spec}
        values={values}
        serverErrors={serverErrors.fields}
        onApply={(next) => setSearch(searchOfFilters(spec, next))}
        onReset={() => setSearch(new URLSearchParams())}
      />
      <p className="report-print-filters print-only">{describeFilters(applied, w)}</p>
      {report.isPending && <LoadingNotice />}
      {report.isError && !Object.keys(serverErrors.fields).length && (
        <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />
      )}
      {table && (
        <>
          <div className="report-toolbar">
            <ProvenanceLine provenance={table.provenance} />
            <ExportLinks name={spec.name} search={applied} />
          </div>
          <ReportChart
            table={table}
            type={spec.chart}
            stacked={spec.stacked}
            category={spec.category ?? 'period'}
            splitBy={values.group1 || spec.splitBy}
            initialMeasure={spec.measure}
          />
          <section aria-label={w.table}>
            <p className="hint no-print">
              {w.rows(table.rows.length)} · {w.exactHint}
            </p>
            <ReportTableView table={table} />
          </section>
        </>
      )}
    </div>
  );
}

/** The filters in words for the printed page, where the form is not shown. */
function describeFilters(search: URLSearchParams, w: ReportWords): string {
  const label: Record<string, string> = {
    period: w.period,
    from: w.from,
    to: w.to,
    groupBy: w.groupBy,
    site: w.site,
    grade: w.grade,
    family: w.family,
    sourceClass: w.sourceClass,
    district: w.district,
    park: w.park,
    status: w.status,
    asOf: w.asOf,
    factorVersion: w.factorVersion,
  };
  const dim = (d: string) => w.dims[d as keyof ReportWords['dims']] ?? d;
  return [...search]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => {
      if (k === 'period') return `${label[k]}: ${w.periods[v as keyof ReportWords['periods']] ?? v}`;
      if (k === 'groupBy') return `${label[k]}: ${v.split(',').map(dim).join(' × ')}`;
      return `${label[k] ?? k}: ${v}`;
    })
    .join(' · ');
}

export function ReportPage(): ReactElement {
  const { name = '' } = useParams();
  const spec = reportSpec(name);
  if (!spec) return <NotFoundPage />;
  return <ReportView key={spec.name} spec={spec} />;
}
