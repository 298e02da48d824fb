import './anomalies.css';
import {
  ANOMALY_KIND_NAMES,
  ANOMALY_LIST_KINDS,
  type AnomalyItem,
  type AnomalyListKind,
  anomalyReason,
  type ListAnomaliesInput,
  reachOf,
} from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormat } from '../../i18n/use-format';
import { useNames } from '../../i18n/use-names';
import { describeApiError } from '../../lib/api-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { lotPath } from '../lots/lot-links';
import { EntryPeek } from './entry-peek';
import { ThresholdsCard } from './thresholds-card';
import { useAnomaliesWords } from './use-anomalies-words';

const FILTERS = ['kind', 'site', 'from', 'to', 'status'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isKind(v: string | null): v is AnomalyListKind {
  return v !== null && (ANOMALY_LIST_KINDS as readonly string[]).includes(v);
}

/** The filters in the address, as the procedure's input. */
function inputOf(params: URLSearchParams): ListAnomaliesInput {
  const kind = params.get('kind');
  const site = params.get('site');
  const from = params.get('from');
  const to = params.get('to');
  return {
    status: params.get('status') === 'all' ? 'all' : 'open',
    limit: 500,
    ...(isKind(kind) ? { kind } : {}),
    ...(site ? { site } : {}),
    ...(from && DAY.test(from) ? { from } : {}),
    ...(to && DAY.test(to) ? { to } : {}),
  };
}

/** /anomalies: the list for officials, and the thresholds for officials and administrators. */
export function AnomaliesPage(): ReactElement {
  const { w } = useAnomaliesWords();
  useDocumentTitle(w.title);
  const me = useMe();
  const mayList = me !== null && reachOf(me.role, 'anomalies:read') !== null;
  return (
    <div className="page anomalies-page">
      <h1>{w.title}</h1>
      <p className="lead">{w.intro}</p>
      {mayList ? <AnomalyList /> : <p className="hint">{w.listNotForYou}</p>}
      <ThresholdsCard />
    </div>
  );
}

/** The filters in the address, the items, the export. */
function AnomalyList(): ReactElement {
  const { w, language } = useAnomaliesWords();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const names = useNames();
  const format = useFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const input = inputOf(params);
  const sites = useQuery(trpc.sites.list.queryOptions());
  const list = useQuery(trpc.anomalies.list.queryOptions(input));
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const apply = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? '').trim();
      if (value && !(name === 'status' && value === 'open')) next.set(name, value);
    }
    setParams(next, { replace: true });
  };

  const download = async (format: 'csv' | 'xlsx'): Promise<void> => {
    setExporting(true);
    setExportError(null);
    try {
      const file = await client.anomalies.export.query({ ...input, format, lang: language });
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setExportError(describeApiError(error, language)?.message ?? w.unreachable);
    } finally {
      setExporting(false);
    }
  };

  const items = list.data?.items ?? [];
  return (
    <>
      <form className="anomaly-filters" onSubmit={apply} key={params.toString()} data-testid="anomaly-filters">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{w.kind}</label>
          <select id={`${id}-kind`} name="kind" className="input" defaultValue={input.kind ?? ''}>
            <option value="">{w.anyKind}</option>
            {ANOMALY_LIST_KINDS.map((k) => (
              <option key={k} value={k}>
                {ANOMALY_KIND_NAMES[k][language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-site`}>{w.site}</label>
          <select id={`${id}-site`} name="site" className="input" defaultValue={input.site ?? ''}>
            <option value="">{w.anySite}</option>
            {(sites.data ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {names.siteLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{w.from}</label>
          <input id={`${id}-from`} name="from" type="date" className="input" defaultValue={input.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{w.to}</label>
          <input id={`${id}-to`} name="to" type="date" className="input" defaultValue={input.to ?? ''} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{w.status}</label>
          <select id={`${id}-status`} name="status" className="input" defaultValue={input.status}>
            <option value="open">{w.statusOpen}</option>
            <option value="all">{w.statusAll}</option>
          </select>
        </div>
        <div className="anomaly-filter-actions">
          <button type="submit" className="button button-primary">
            {w.apply}
          </button>
          {params.toString() && (
            <button
              type="button"
              className="button"
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
            >
              {w.clear}
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void download('csv')}
            disabled={exporting}
            data-testid="anomaly-export"
          >
            {exporting ? w.exporting : w.exportCsv}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void download('xlsx')}
            disabled={exporting}
            data-testid="anomaly-export-xlsx"
          >
            {w.exportXlsx}
          </button>
        </div>
      </form>
      {exportError && (
        <p className="notice notice-error" role="alert">
          {exportError}
        </p>
      )}
      {list.isPending && <LoadingNotice />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <section aria-live="polite">
          <p className="anomaly-count" data-testid="anomaly-count">
            {w.count(format.number(items.length))}
            {list.data.truncated && ` ${w.truncated(format.number(items.length))}`}
          </p>
          <p className="hint">
            {w.now(format.dateTime(list.data.now))} {items.some((i) => i.kind.startsWith('seller_')) && w.sellerNote}
          </p>
          {items.length === 0 ? (
            <p className="empty">{w.none}</p>
          ) : (
            <ol className="anomaly-list" data-testid="anomaly-list">
              {items.map((item) => (
                <AnomalyCard key={item.id} item={item} />
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}

function AnomalyCard({ item }: { item: AnomalyItem }): ReactElement {
  const { w, language } = useAnomaliesWords();
  const format = useFormat();
  const seqs = [...new Set(item.entries.map((e) => e.seq))];
  const lots = [...new Set(item.entries.map((e) => e.lotId).filter((l): l is string => l !== null))];
  return (
    <li className="card anomaly-item" data-kind={item.kind} data-testid="anomaly-item">
      <div className="anomaly-head">
        <span className={`badge anomaly-kind anomaly-kind-${item.kind}`}>
          {ANOMALY_KIND_NAMES[item.kind][language]}
        </span>
        {item.status === 'resolved' ? (
          <span className="badge badge-muted">{w.resolved}</span>
        ) : (
          <span className="badge badge-warn">{w.open}</span>
        )}
        {item.site && <code className="anomaly-site">{item.site}</code>}
        <time dateTime={item.at} className="anomaly-time">
          {format.dateTime(item.at)}
        </time>
      </div>
      <p className="anomaly-reason" data-testid="anomaly-reason">
        {anomalyReason(item, language)}
      </p>
      {lots.length > 0 && (
        <p className="anomaly-links">
          <span className="anomaly-links-label">{w.lots}</span>
          {lots.slice(0, 20).map((lot) => (
            <Link key={lot} to={lotPath(lot)} className="anomaly-lot" data-testid="anomaly-lot">
              <code>{lot}</code>
            </Link>
          ))}
          {lots.length > 20 && <span>…</span>}
        </p>
      )}
      <p className="anomaly-links">
        <span className="anomaly-links-label">{w.entries}</span>
        {seqs.slice(0, 20).map((seq) => (
          <EntryPeek key={seq} seq={seq} />
        ))}
        {seqs.length > 20 && <span>…</span>}
      </p>
    </li>
  );
}
