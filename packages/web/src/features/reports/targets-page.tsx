// /targets — the plan's targets with their status, and (for officials and
// administrators) the form that defines, changes or withdraws one;
// /targets/:code — one target's progress, projection and chart.
import './reports.css';
import { TARGET_METRIC_NAMES, TARGET_STATUS_NAMES, type TargetStatus, type TargetView } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isAllowed } from '../../app/page-access';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useTRPC } from '../../lib/trpc';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { DefineTargetCard } from './define-target-card';
import { EChart } from './echart';
import { percentText } from './format-cell';
import { ProvenanceLine } from './provenance-line';
import { ReportTabs } from './report-tabs';
import { targetChart } from './target-chart';
import { metricValueText, scopeText, targetValueText } from './target-text';
import { targetEn, targetZh } from './target-words';

export function StatusBadge({ status }: { status: TargetStatus }): ReactElement {
  const lang = useLang();
  return (
    <span className={`badge status-badge-${status}`} data-testid="target-status" data-status={status}>
      {TARGET_STATUS_NAMES[status][lang]}
    </span>
  );
}

function TargetRow({ target: t }: { target: TargetView }): ReactElement {
  const w = useWords(targetZh, targetEn);
  const lang = useLang();
  const trpc = useTRPC();
  // One query per row (rather than useQueries, whose code would land in the vendor chunk every page loads).
  const p = useQuery(trpc.targets.progress.queryOptions({ code: t.code })).data;
  return (
    <tr data-testid={`target-${t.code}`}>
      <th scope="row" data-label={w.name}>
        <Link to={`/targets/${t.code}`}>{lang === 'zh' ? t.nameZh : t.nameEn}</Link>
        <div className="hint">
          {t.code} · {TARGET_METRIC_NAMES[t.metric][lang]}
        </div>
      </th>
      <td data-label={w.scope}>{scopeText(t, w)}</td>
      <td data-label={w.period}>{t.period}</td>
      <td data-label={w.target}>{targetValueText(t, w)}</td>
      <td data-label={w.actual} className="num">
        {p ? metricValueText(t.metric, p.actual) : '…'}
      </td>
      <td data-label={w.projected} className="num">
        {p ? metricValueText(t.metric, p.projected) : '…'}
      </td>
      <td data-label={w.status}>{p ? <StatusBadge status={p.status} /> : '…'}</td>
    </tr>
  );
}

function TargetRows({ targets }: { targets: TargetView[] }): ReactElement {
  const w = useWords(targetZh, targetEn);
  return (
    <div className="table-wrap">
      <table className="data-table report-table" data-testid="targets">
        <thead>
          <tr>
            <th scope="col">{w.name}</th>
            <th scope="col">{w.scope}</th>
            <th scope="col">{w.period}</th>
            <th scope="col">{w.target}</th>
            <th scope="col" className="num">
              {w.actual}
            </th>
            <th scope="col" className="num">
              {w.projected}
            </th>
            <th scope="col">{w.status}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <TargetRow key={t.code} target={t} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TargetsPage(): ReactElement {
  const w = useWords(targetZh, targetEn);
  useDocumentTitle(w.title);
  const me = useMe();
  const trpc = useTRPC();
  const list = useQuery(trpc.targets.list.queryOptions({ history: false, includeInactive: false }));
  return (
    <div className="page report-page" data-testid="targets-page">
      <ReportTabs current="targets" />
      <header className="report-head">
        <h1>{w.title}</h1>
        <p className="lead">{w.intro}</p>
      </header>
      <section className="card">
        {list.isPending && <LoadingNotice />}
        {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && list.data.length === 0 && <p className="empty">{w.none}</p>}
        {list.data && list.data.length > 0 && <TargetRows targets={list.data} />}
      </section>
      {isAllowed('targets:define', me) && <DefineTargetCard targets={list.data ?? []} />}
    </div>
  );
}

export function TargetPage(): ReactElement {
  const w = useWords(targetZh, targetEn);
  const lang = useLang();
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const trpc = useTRPC();
  const progress = useQuery(trpc.targets.progress.queryOptions({ code, ...(asOf ? { asOf } : {}) }));
  const p = progress.data;
  useDocumentTitle(p ? (lang === 'zh' ? p.target.nameZh : p.target.nameEn) : w.title);
  const option = useMemo(() => (p ? targetChart(p, w) : null), [p, w]);
  return (
    <div className="page report-page" data-testid="target-page">
      <p className="no-print">
        <Link to="/targets">← {w.back}</Link>
      </p>
      {progress.isPending && <LoadingNotice />}
      {progress.isError && <ErrorNotice error={progress.error} onRetry={() => void progress.refetch()} />}
      {p && (
        <>
          <header className="report-head">
            <h1>
              {lang === 'zh' ? p.target.nameZh : p.target.nameEn} <StatusBadge status={p.status} />
            </h1>
            <p className="lead">
              {TARGET_METRIC_NAMES[p.target.metric][lang]} · {scopeText(p.target, w)} · {p.target.period} (
              {p.target.from} – {p.target.to})
            </p>
          </header>
          <ul className="kpi-grid">
            <li className="kpi">
              <span className="kpi-label">
                {w.target} ({p.target.comparison === 'at_least' ? w.atLeast : w.atMost})
              </span>
              <span className="kpi-value">{metricValueText(p.target.metric, p.target.value)}</span>
            </li>
            <li className="kpi">
              <span className="kpi-label">{w.actual}</span>
              <span className="kpi-value" data-testid="target-actual">
                {metricValueText(p.target.metric, p.actual)}
              </span>
              {p.shareOfTargetPpm !== null && (
                <span className="kpi-note">
                  {w.share} {percentText(p.shareOfTargetPpm)}
                </span>
              )}
            </li>
            <li className="kpi">
              <span className="kpi-label">{w.projected}</span>
              <span className="kpi-value" data-testid="target-projected">
                {metricValueText(p.target.metric, p.projected)}
              </span>
            </li>
            <li className="kpi">
              <span className="kpi-label">{w.days}</span>
              <span className="kpi-value">{w.daysOf(p.daysElapsed, p.daysInPeriod)}</span>
              {p.countedTo && (
                <span className="kpi-note">
                  {w.countedTo} {p.countedTo}
                </span>
              )}
            </li>
          </ul>
          <ProvenanceLine provenance={p.provenance} />
          {option && (
            <section className="card report-chart-card">
              <h2>{w.progressChart}</h2>
              <EChart option={option} label={w.progressChart} testId="target-chart" />
            </section>
          )}
        </>
      )}
    </div>
  );
}
