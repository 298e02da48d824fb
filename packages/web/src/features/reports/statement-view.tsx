// One incentive statement, draft or issued: who and what it pays, every line
// with the ledger entry it rests on, the tonnage left out and why, the cap,
// the totals, the checkpoint, and on paper the signatures' space.
import { EXCLUSION_REASON_NAMES, type IncentiveStatementView, incentiveStatementTable } from '@alutrace/shared';
import type { ReactElement, ReactNode } from 'react';
import { ShortHash } from '../../components/short-hash';
import { useFormat } from '../../i18n/use-format';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { vocabularyText } from './cell-vocabulary';
import { gramsText, massText, yuanText } from './format-cell';
import { incentiveEn, incentiveZh } from './incentive-words';
import { ProvenanceLine } from './provenance-line';
import { ReportTableView } from './report-table-view';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }): ReactElement {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function Mass({ grams }: { grams: number }): ReactElement {
  return <span title={gramsText(grams)}>{massText(grams, 't')} t</span>;
}

export function StatementView({ view, actions }: { view: IncentiveStatementView; actions?: ReactNode }): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  const lang = useLang();
  const format = useFormat();
  const t = view.totals;
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'zh' ? x.nameZh : x.nameEn);
  return (
    <article className="statement" data-testid="statement">
      <header className="report-head">
        <h1>
          {incentiveStatementTable(view).title[lang]}{' '}
          <span
            className={view.status === 'issued' ? 'badge badge-ok' : 'badge badge-muted'}
            data-testid="statement-status"
          >
            {view.status === 'issued' ? w.issued : w.draft}
          </span>
        </h1>
      </header>
      <section className="card">
        <dl className="facts">
          <Fact label={w.scheme}>
            {view.scheme.code} {name(view.scheme)}
          </Fact>
          <Fact label={w.site} testId="statement-site">
            {view.site.code} {name(view.site)}
            {view.site.licence ? ` · ${view.site.licence}` : ''}
          </Fact>
          <Fact label={w.period}>
            {view.from} – {view.to}
          </Fact>
          {view.statementId && <Fact label={w.statementId}>{view.statementId}</Fact>}
          {view.issuedAt && <Fact label={w.issuedAt}>{format.dateTime(view.issuedAt)}</Fact>}
          {view.issuedSeq !== null && <Fact label={w.issuedSeq}>{view.issuedSeq}</Fact>}
        </dl>
        <ProvenanceLine provenance={view.provenance} />
      </section>

      <section className="card" aria-labelledby="statement-totals">
        <h2 id="statement-totals">{w.totals}</h2>
        <dl className="facts">
          <Fact label={w.lineCount}>{t.lineCount}</Fact>
          <Fact label={w.paid}>
            <Mass grams={t.paidG} />
          </Fact>
          <Fact label={w.subtotal}>{yuanText(t.subtotalFen)}</Fact>
          <Fact label={w.cap}>{yuanText(t.capFen)}</Fact>
          <Fact label={w.capPaidBefore}>{yuanText(t.capPaidBeforeFen)}</Fact>
          <Fact label={w.capRemaining}>{yuanText(t.capRemainingFen)}</Fact>
          <Fact label={w.capReduction} testId="statement-cap-reduction">
            {yuanText(t.capReductionFen)}
          </Fact>
          <Fact label={w.payable} testId="statement-payable">
            <strong>{yuanText(t.payableFen)}</strong>
          </Fact>
          <Fact label={w.excluded}>
            {w.lots(t.excludedCount)} · <Mass grams={t.excludedG} />
          </Fact>
        </dl>
        {actions}
      </section>

      <section aria-labelledby="statement-lines">
        <h2 id="statement-lines">{w.lines}</h2>
        <ReportTableView table={incentiveStatementTable(view)} testId="statement-lines" />
      </section>

      <section aria-labelledby="statement-exclusions">
        <h2 id="statement-exclusions">{w.exclusions}</h2>
        {view.exclusions.length === 0 ? (
          <p className="empty">{w.noExclusions}</p>
        ) : (
          <>
            <ul className="plain-list" data-testid="statement-by-reason">
              {view.excludedByReason.map((r) => (
                <li key={r.reason}>
                  {EXCLUSION_REASON_NAMES[r.reason][lang]}: {w.lots(r.lots)} · <Mass grams={r.massG} />
                </li>
              ))}
            </ul>
            <div className="table-wrap report-table-wrap">
              <table className="data-table report-table" data-testid="statement-exclusions">
                <thead>
                  <tr>
                    <th scope="col">{w.entry}</th>
                    <th scope="col">{w.lot}</th>
                    <th scope="col">{w.day}</th>
                    <th scope="col">{w.family}</th>
                    <th scope="col" className="num">
                      {w.mass}
                    </th>
                    <th scope="col">{w.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.exclusions.map((x) => (
                    <tr key={`${x.seq}-${x.lotId}`}>
                      <td data-label={w.entry}>
                        {x.seq} <ShortHash hex={x.leafHash} />
                      </td>
                      <td data-label={w.lot}>{x.lotId}</td>
                      <td data-label={w.day}>{x.day}</td>
                      <td data-label={w.family}>{x.family ? vocabularyText('family', x.family, lang) : '—'}</td>
                      <td data-label={w.mass} className="num" title={gramsText(x.massG)}>
                        {massText(x.massG, 't')}
                      </td>
                      <td data-label={w.reason}>{EXCLUSION_REASON_NAMES[x.reason][lang]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <footer className="statement-signatures" aria-hidden="true">
        {w.signatures.map((s) => (
          <p key={s}>{s}：____________</p>
        ))}
      </footer>
    </article>
  );
}
