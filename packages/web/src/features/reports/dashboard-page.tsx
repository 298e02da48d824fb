// /reports — the officials' dashboard: this year's figures at a glance, each
// a report from the server (so each rests on a named checkpoint), with a
// link to the full report, its filters and its downloads.
import './reports.css';
import type { ReportColumn, ReportName, ReportTable } from '@alutrace/shared';
import type { ReactElement, ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/use-document-title';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { vocabularyText } from './cell-vocabulary';
import { EChart } from './echart';
import { columnUnit, formatCell } from './format-cell';
import { ProvenanceLine } from './provenance-line';
import { reportPath } from './report-catalogue';
import { defaultRange } from './report-query';
import { ReportTabs } from './report-tabs';
import { reportEn, reportZh } from './report-words';
import { dimensionColumns, measureColumns, tableChart } from './table-chart';
import { useOwnReportSite, useReport } from './use-report';

/** The column of a kind whose key matches `hint`, or else the first of that kind. */
export function findColumn(
  table: ReportTable,
  kinds: readonly ReportColumn['kind'][],
  hint?: RegExp,
): ReportColumn | undefined {
  const candidates = table.columns.filter((c) => kinds.includes(c.kind));
  return (hint ? candidates.find((c) => hint.test(c.key)) : undefined) ?? candidates[0];
}

/** A report's figure for the whole range: its totals row, or its only row. */
function overall(table: ReportTable, column: ReportColumn | undefined) {
  if (!column) return null;
  const fromTotals = table.totals?.[column.key];
  if (fromTotals !== undefined) return fromTotals;
  return table.rows.length === 1 ? (table.rows[0]?.[column.key] ?? null) : null;
}

function Kpi({
  label,
  table,
  column,
  testId,
}: {
  label: string;
  table: ReportTable | undefined;
  column: ReportColumn | undefined;
  testId: string;
}): ReactElement {
  const value = table && column ? overall(table, column) : null;
  const cell = column ? formatCell(column, value) : { text: '…' };
  const unit = column ? columnUnit(column) : null;
  return (
    <li className="kpi" data-testid={testId}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value" title={cell.exact}>
        {table ? cell.text.replace(/ %$/, '') : '…'}
        {unit && table && <span className="kpi-unit">{unit}</span>}
      </span>
    </li>
  );
}

function ChartCard({
  title,
  report,
  name,
  search,
  children,
}: {
  title: string;
  report: { isPending: boolean; error: unknown; refetch: () => unknown };
  name: ReportName;
  search: string;
  children: ReactNode;
}): ReactElement {
  const w = useWords(reportZh, reportEn);
  return (
    <section className="card">
      <div className="card-head">
        <h2>{title}</h2>
        <Link to={`${reportPath(name)}?${search}`} className="no-print">
          {w.open}
        </Link>
      </div>
      {report.isPending && <LoadingNotice />}
      {report.error ? <ErrorNotice error={report.error} onRetry={() => void report.refetch()} /> : null}
      {children}
    </section>
  );
}

function chartBy(
  table: ReportTable | undefined,
  type: 'bar' | 'line',
  lang: 'zh' | 'en',
  pick: {
    measures?: RegExp;
    kinds?: readonly ReportColumn['kind'][];
    /** The column along the x axis (default the first, the period). */
    category?: string;
    target?: { value: number; label: string } | undefined;
  },
) {
  if (!table || table.rows.length === 0) return null;
  const dims = dimensionColumns(table);
  const category = pick.category ? dims.find((d) => d.key === pick.category) : dims[0];
  const measures = measureColumns(table).filter(
    (c) => (!pick.kinds || pick.kinds.includes(c.kind)) && (!pick.measures || pick.measures.test(c.key)),
  );
  const fallback = measureColumns(table).find((c) => !pick.kinds || pick.kinds.includes(c.kind));
  const chosen = measures.length > 0 ? measures : fallback ? [fallback] : [];
  if (!category || chosen.length === 0) return null;
  return tableChart(table, {
    category: category.key,
    measures: chosen.map((c) => c.key),
    type,
    lang,
    target: pick.target,
    label: (key, value) => vocabularyText(key, value, lang),
  });
}

/** The yield target the report applied (its totals' target column), as a line in percent. */
function yieldTarget(table: ReportTable | undefined, label: (percent: string) => string) {
  const target = table?.totals?.target_ppm;
  if (typeof target !== 'number') return undefined;
  return { value: target / 10_000, label: label(`${target / 10_000} %`) };
}

export function DashboardPage(): ReactElement {
  const w = useWords(reportZh, reportEn);
  const lang = useLang();
  useDocumentTitle(w.dashboard);
  const { from, to } = defaultRange();
  const year = Number(from.slice(0, 4));
  const ownSite = useOwnReportSite();
  const range = { from, to, ...(ownSite ? { site: ownSite } : {}) };
  const monthly = useReport('volumes', { ...range, period: 'month', groupBy: [] });
  const byFamily = useReport('volumes', { ...range, period: 'year', groupBy: ['family'] });
  const byDistrict = useReport('volumes', { ...range, period: 'year', groupBy: ['district'] });
  const yieldReport = useReport('yield', { ...range, period: 'year' });
  const dross = useReport('dross', { ...range, period: 'month', groupBy: [] });
  const chains = useReport('shipments', { ...range, period: 'year', groupBy: ['chain'] });
  const emissions = useReport('emissions', { ...range, period: 'year', groupBy: [] });
  const qs = (extra: string) => `from=${from}&to=${to}${ownSite ? `&site=${ownSite}` : ''}&${extra}`;

  const m = monthly.data;
  const drossRatio = dross.data ? findColumn(dross.data, ['ratio'], /util/i) : undefined;
  const yieldRatio = yieldReport.data ? findColumn(yieldReport.data, ['ratio'], /yield/i) : undefined;

  const charts = {
    overTime: chartBy(m, 'bar', lang, { kinds: ['mass'], measures: /collect|produc|ship/i }),
    family: chartBy(byFamily.data, 'bar', lang, { kinds: ['mass'], measures: /collect/i, category: 'family' }),
    district: chartBy(byDistrict.data, 'bar', lang, { kinds: ['mass'], measures: /collect/i, category: 'district' }),
    yield: chartBy(yieldReport.data, 'bar', lang, {
      kinds: ['ratio'],
      measures: /yield/i,
      category: 'site',
      target: yieldTarget(yieldReport.data, w.targetOf),
    }),
    dross: chartBy(dross.data, 'line', lang, {
      kinds: ['ratio'],
      measures: /util/i,
      target: { value: 100, label: w.target100 },
    }),
    chain: chartBy(chains.data, 'bar', lang, { kinds: ['mass'], measures: /^shipped/i, category: 'chain' }),
  };

  return (
    <div className="page report-page dashboard-page" data-testid="reports-dashboard">
      <ReportTabs current="dashboard" />
      <header className="report-head">
        <h1>{w.dashboard}</h1>
        <p className="lead">
          {w.dashboardIntro} {w.thisYear(year)}
        </p>
      </header>
      <ul className="kpi-grid" data-testid="dashboard-kpis">
        <Kpi
          label={w.kpi.collected}
          table={m}
          column={m && findColumn(m, ['mass'], /collect/i)}
          testId="kpi-collected"
        />
        <Kpi label={w.kpi.produced} table={m} column={m && findColumn(m, ['mass'], /produc/i)} testId="kpi-produced" />
        <Kpi label={w.kpi.shipped} table={m} column={m && findColumn(m, ['mass'], /ship/i)} testId="kpi-shipped" />
        <Kpi label={w.kpi.yield} table={yieldReport.data} column={yieldRatio} testId="kpi-yield" />
        <Kpi label={w.kpi.drossUtilised} table={dross.data} column={drossRatio} testId="kpi-dross" />
        <Kpi
          label={w.kpi.avoided}
          table={emissions.data}
          column={emissions.data && findColumn(emissions.data, ['co2e'], /avoid/i)}
          testId="kpi-avoided"
        />
      </ul>
      {m && <ProvenanceLine provenance={m.provenance} />}
      <div className="chart-grid">
        <ChartCard
          title={w.charts.volumesOverTime}
          report={monthly}
          name="volumes"
          search={qs('period=month&groupBy=')}
        >
          {charts.overTime && (
            <EChart option={charts.overTime} label={w.charts.volumesOverTime} testId="chart-volumes" />
          )}
        </ChartCard>
        <ChartCard title={w.charts.byFamily} report={byFamily} name="volumes" search={qs('period=year&groupBy=family')}>
          {charts.family && <EChart option={charts.family} label={w.charts.byFamily} testId="chart-family" />}
        </ChartCard>
        <ChartCard
          title={w.charts.byDistrict}
          report={byDistrict}
          name="volumes"
          search={qs('period=year&groupBy=district')}
        >
          {charts.district && <EChart option={charts.district} label={w.charts.byDistrict} testId="chart-district" />}
        </ChartCard>
        <ChartCard title={w.charts.yieldByRecycler} report={yieldReport} name="yield" search={qs('period=year')}>
          {charts.yield && <EChart option={charts.yield} label={w.charts.yieldByRecycler} testId="chart-yield" />}
        </ChartCard>
        <ChartCard title={w.charts.drossAgainstTarget} report={dross} name="dross" search={qs('period=month&groupBy=')}>
          {charts.dross && <EChart option={charts.dross} label={w.charts.drossAgainstTarget} testId="chart-dross" />}
        </ChartCard>
        <ChartCard title={w.charts.byChain} report={chains} name="shipments" search={qs('period=year&groupBy=chain')}>
          {charts.chain && <EChart option={charts.chain} label={w.charts.byChain} testId="chart-chain" />}
        </ChartCard>
      </div>
    </div>
  );
}
