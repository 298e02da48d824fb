// /incentives — the schemes, a form to draft a statement for an enterprise
// and period, and the statements issued so far. Administrators also define
// schemes here; officials issue statements (on the statement's own page).
import './reports.css';
import type { IncentiveSchemeView } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isAllowed } from '../../app/page-access';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { ErrorNotice } from '../../components/error-notice';
import { Field } from '../../components/field';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormat } from '../../i18n/use-format';
import { useNames } from '../../i18n/use-names';
import { useTRPC } from '../../lib/trpc';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { vocabularyText } from './cell-vocabulary';
import { DefineSchemeCard } from './define-scheme-card';
import { gramsText, massText, yuanText } from './format-cell';
import { type IncentiveWords, incentiveEn, incentiveZh } from './incentive-words';
import { ReportTabs } from './report-tabs';

function ratesText(scheme: IncentiveSchemeView, w: IncentiveWords, lang: 'zh' | 'en'): string[] {
  return scheme.rates.map((r) => {
    const family = r.family ? vocabularyText('family', r.family, lang) : w.rateAny;
    const cls = r.sourceClass ? vocabularyText('sourceClass', r.sourceClass, lang) : w.rateAny;
    return `${family} / ${cls}: ${w.ratePerT(yuanText(r.rateFenPerT).replace('¥', ''))}`;
  });
}

function SchemesCard({ schemes }: { schemes: IncentiveSchemeView[] }): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  const lang = useLang();
  if (schemes.length === 0) return <p className="empty">{w.noSchemes}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table report-table" data-testid="schemes">
        <thead>
          <tr>
            <th scope="col">{w.code}</th>
            <th scope="col">{w.name}</th>
            <th scope="col">{w.period}</th>
            <th scope="col">{w.rates}</th>
            <th scope="col">{w.siteKinds}</th>
            <th scope="col" className="num">
              {w.cap}
            </th>
            <th scope="col" className="num">
              {w.issuedCount}
            </th>
          </tr>
        </thead>
        <tbody>
          {schemes.map((s) => (
            <tr key={s.code} data-testid={`scheme-${s.code}`}>
              <th scope="row" data-label={w.code}>
                {s.code}
              </th>
              <td data-label={w.name}>{lang === 'zh' ? s.nameZh : s.nameEn}</td>
              <td data-label={w.period}>
                {s.from} – {s.to}
              </td>
              <td data-label={w.rates}>
                {ratesText(s, w, lang).map((r) => (
                  <div key={r}>{r}</div>
                ))}
              </td>
              <td data-label={w.siteKinds}>{s.siteKinds.map((k) => w.siteKindNames[k]).join('、')}</td>
              <td data-label={w.cap} className="num">
                {yuanText(s.capFen)}
              </td>
              <td data-label={w.issuedCount} className="num" title={s.frozen ? w.frozen : undefined}>
                {s.issuedStatements}
                {s.frozen ? ' 🔒' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DraftCard({ schemes }: { schemes: IncentiveSchemeView[] }): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  const names = useNames();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const sites = useQuery(trpc.sites.list.queryOptions(undefined, { staleTime: 300_000 }));
  const [scheme, setScheme] = useState('');
  const [site, setSite] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [tried, setTried] = useState(false);
  const chosen = schemes.find((s) => s.code === scheme);
  const eligible = (sites.data ?? []).filter((s) => !chosen || (chosen.siteKinds as string[]).includes(s.kind));
  const errors = {
    scheme: tried && !scheme ? [w.chooseScheme] : undefined,
    site: tried && !site ? [w.chooseSite] : undefined,
  };

  function submit(event: FormEvent): void {
    event.preventDefault();
    setTried(true);
    if (!scheme || !site) return;
    const q = new URLSearchParams({ scheme, site });
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    navigate(`/incentives/draft?${q.toString()}`);
  }

  return (
    <section className="card no-print" aria-labelledby="draft-statement">
      <h2 id="draft-statement">{w.draftTitle}</h2>
      <p className="hint">{w.draftHint}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="draft-form">
        <div className="report-filter-grid">
          <Field label={w.scheme} errors={errors.scheme}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={scheme}
                onChange={(e) => setScheme(e.target.value)}
                data-testid="draft-scheme"
              >
                <option value="">{w.chooseScheme}</option>
                {schemes.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} {names.site(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={w.site} errors={errors.site}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={site}
                onChange={(e) => setSite(e.target.value)}
                data-testid="draft-site"
              >
                <option value="">{w.chooseSite}</option>
                {eligible.map((s) => (
                  <option key={s.code} value={s.code}>
                    {names.siteLabel(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={w.from} hint={w.periodHint}>
            {(c) => (
              <input {...c} className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <Field label={w.to}>
            {(c) => <input {...c} className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="draft-compute">
            {w.compute}
          </button>
        </div>
      </form>
    </section>
  );
}

function IssuedList(): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  const format = useFormat();
  const trpc = useTRPC();
  const list = useQuery(trpc.incentives.statements.queryOptions({}));
  if (list.isPending) return <LoadingNotice />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <p className="empty">{w.noStatements}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table report-table" data-testid="issued-statements">
        <thead>
          <tr>
            <th scope="col">{w.issuedAt}</th>
            <th scope="col">{w.scheme}</th>
            <th scope="col">{w.site}</th>
            <th scope="col">{w.period}</th>
            <th scope="col" className="num">
              {w.paid} (t)
            </th>
            <th scope="col" className="num">
              {w.payable}
            </th>
            <th scope="col">
              <span className="offscreen">{w.open}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((s) => (
            <tr key={s.statementId}>
              <td data-label={w.issuedAt}>{format.dateTime(s.issuedAt)}</td>
              <td data-label={w.scheme}>{s.scheme}</td>
              <td data-label={w.site}>{s.site}</td>
              <td data-label={w.period}>
                {s.from} – {s.to}
              </td>
              <td data-label={w.paid} className="num" title={gramsText(s.paidG)}>
                {massText(s.paidG, 't')}
              </td>
              <td data-label={w.payable} className="num">
                {yuanText(s.payableFen)}
              </td>
              <td>
                <Link to={`/incentives/issued/${s.statementId}`} data-testid="open-statement">
                  {w.open}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IncentivesPage(): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  useDocumentTitle(w.title);
  const me = useMe();
  const trpc = useTRPC();
  const schemes = useQuery(trpc.incentives.schemes.queryOptions());
  return (
    <div className="page report-page" data-testid="incentives-page">
      <ReportTabs current="incentives" />
      <header className="report-head">
        <h1>{w.title}</h1>
        <p className="lead">{w.intro}</p>
      </header>
      <section className="card" aria-labelledby="schemes-title">
        <h2 id="schemes-title">{w.schemes}</h2>
        {schemes.isPending && <LoadingNotice />}
        {schemes.isError && <ErrorNotice error={schemes.error} onRetry={() => void schemes.refetch()} />}
        {schemes.data && <SchemesCard schemes={schemes.data} />}
      </section>
      {schemes.data && schemes.data.length > 0 && <DraftCard schemes={schemes.data} />}
      <section className="card" aria-labelledby="issued-title">
        <h2 id="issued-title">{w.statements}</h2>
        <IssuedList />
      </section>
      {isAllowed('incentives:define', me) && <DefineSchemeCard />}
    </div>
  );
}
