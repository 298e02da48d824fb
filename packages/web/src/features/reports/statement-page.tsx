// /incentives/draft?scheme=&site=&from=&to= — a draft statement, which an
// official may issue after confirming its payable amount and line count
// (the server refuses if the statement changed meanwhile); and
// /incentives/issued/:id — an issued one, read back from the ledger. (Not
// /incentives/statements/…: the server answers there with the PDF and XLSX.)
import './reports.css';
import type { IncentiveStatementView } from '@alutrace/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isAllowed } from '../../app/page-access';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useTRPC } from '../../lib/trpc';
import { useErrorMessage } from '../../lib/use-form-errors';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { yuanText } from './format-cell';
import { incentiveEn, incentiveZh } from './incentive-words';
import { StatementView } from './statement-view';

/** The statement's downloads: PDF for the finance office, XLSX for a spreadsheet. */
export function statementDownloads(view: IncentiveStatementView, lang: 'zh' | 'en'): { pdf: string; xlsx: string } {
  if (view.statementId) {
    const base = `/incentives/statements/${encodeURIComponent(view.statementId)}`;
    return { pdf: `${base}.pdf?lang=${lang}`, xlsx: `${base}.xlsx?lang=${lang}` };
  }
  const q = new URLSearchParams({ scheme: view.scheme.code, site: view.site.code, from: view.from, to: view.to, lang });
  return { pdf: `/incentives/draft.pdf?${q.toString()}`, xlsx: `/incentives/draft.xlsx?${q.toString()}` };
}

function Downloads({ view }: { view: IncentiveStatementView }): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  const links = statementDownloads(view, useLang());
  return (
    <div className="report-exports no-print">
      <a className="button" href={links.pdf} download data-testid="statement-pdf">
        {w.downloadPdf}
      </a>
      <a className="button" href={links.xlsx} download data-testid="statement-xlsx">
        {w.downloadXlsx}
      </a>
    </div>
  );
}

function BackLink(): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  return (
    <p className="no-print">
      <Link to="/incentives">← {w.back}</Link>
    </p>
  );
}

function IssueButton({ view }: { view: IncentiveStatementView }): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  const lang = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorText = useErrorMessage();
  const [open, setOpen] = useState(false);
  const issue = useMutation(
    trpc.incentives.issue.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.incentives.pathKey() });
        navigate(`/incentives/issued/${result.statementId}?issued=1`);
      },
    }),
  );
  return (
    <>
      <div className="form-actions no-print">
        <button
          type="button"
          className="button button-primary"
          onClick={() => setOpen(true)}
          disabled={view.totals.lineCount === 0}
          data-testid="statement-issue"
        >
          {w.issue}
        </button>
      </div>
      {open && (
        <ConfirmDialog
          title={w.issueConfirmTitle}
          message={w.issueConfirm(
            yuanText(view.totals.payableFen),
            view.totals.lineCount,
            `${view.site.code} ${lang === 'zh' ? view.site.nameZh : view.site.nameEn}`,
          )}
          confirmLabel={w.issueNow}
          pending={issue.isPending}
          error={issue.error ? errorText(issue.error) : null}
          onConfirm={() =>
            issue.mutate({
              scheme: view.scheme.code,
              site: view.site.code,
              from: view.from,
              to: view.to,
              expectedPayableFen: view.totals.payableFen,
              expectedLineCount: view.totals.lineCount,
            })
          }
          onClose={() => {
            issue.reset();
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

export function DraftStatementPage(): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  useDocumentTitle(w.draftTitle);
  const me = useMe();
  const trpc = useTRPC();
  const [search] = useSearchParams();
  // The address's parameters go to the server as they are: its schema checks them and says what is wrong.
  const input = Object.fromEntries([...search].filter(([k, v]) => v !== '' && k !== 'lang'));
  const named = typeof input.scheme === 'string' && typeof input.site === 'string';
  const draft = useQuery({
    ...trpc.incentives.statement.queryOptions(input as { scheme: string; site: string }),
    enabled: named,
  });
  return (
    <div className="page report-page" data-testid="draft-statement-page">
      <BackLink />
      {!named && <p className="notice notice-error">{w.notFound}</p>}
      {draft.isLoading && <LoadingNotice />}
      {draft.isError && <ErrorNotice error={draft.error} onRetry={() => void draft.refetch()} />}
      {draft.data && (
        <StatementView
          view={draft.data}
          actions={
            <>
              <Downloads view={draft.data} />
              {isAllowed('incentives:issue', me) && <IssueButton view={draft.data} />}
            </>
          }
        />
      )}
    </div>
  );
}

export function IssuedStatementPage(): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  useDocumentTitle(w.statement);
  const { statementId = '' } = useParams();
  const trpc = useTRPC();
  const statement = useQuery(trpc.incentives.issuedStatement.queryOptions({ statementId }));
  const [search] = useSearchParams();
  const justIssued = search.get('issued') === '1';
  return (
    <div className="page report-page" data-testid="issued-statement-page">
      <BackLink />
      {statement.isPending && <LoadingNotice />}
      {statement.isError && <ErrorNotice error={statement.error} onRetry={() => void statement.refetch()} />}
      {statement.data && (
        <>
          {justIssued && (
            <p className="notice notice-ok" role="status" data-testid="statement-issued">
              {w.issuedDone(statementId)}
            </p>
          )}
          <StatementView view={statement.data} actions={<Downloads view={statement.data} />} />
        </>
      )}
    </div>
  );
}
