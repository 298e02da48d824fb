// Statement downloads over plain HTTP (a link in the web app, a finance
// office's browser): an issued statement by its id, and the draft for a
// scheme, site and period. The same rule as incentives.statement and
// incentives.issuedStatement (incentives:read: officials and
// administrators); nothing is cached.
//
//   GET /incentives/statements/{statementId}.pdf | .xlsx | .csv
//   GET /incentives/draft.pdf | .xlsx | .csv ?scheme=&site=[&from=YYYY-MM-DD&to=YYYY-MM-DD]
//
// The PDF and the XLSX are the statement's own (header, lines, totals and
// cap, exclusions, checkpoint); the CSV is its lines as a ReportTable through
// the generic report writer (reports/export/, UTF-8 with BOM, ?lang=en for
// English headers).
import { type IncentiveStatementView, incentiveStatementInput, incentiveStatementTable } from '@alutrace/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app/create-app';
import { readCredentials, resolvePrincipal } from '../auth/authenticate';
import { draftStatement, readIssuedStatement } from '../domain/incentives/statements';
import { AppError, isAppError } from '../errors';
import { errorEnvelope } from '../http/error-envelope';
import { type ExportLang, renderExport } from '../reports/export';
import { incentiveDeps } from '../routers/incentives';
import { authorise } from '../trpc/access';
import { renderStatementPdf } from './statement-pdf';
import { renderStatementXlsx } from './statement-xlsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
type Format = keyof typeof TYPES;

function authoriseRead(app: App, req: FastifyRequest): void {
  const principal = resolvePrincipal(
    app.db,
    app.auth.sessions,
    readCredentials(req.headers, app.auth.cookieName),
    app.now,
  );
  authorise({ permission: 'incentives:read' }, 'incentives.download', principal, undefined);
}

async function render(v: IncentiveStatementView, format: Format, lang: ExportLang): Promise<Buffer> {
  if (format === 'pdf') return renderStatementPdf(v);
  if (format === 'xlsx') return renderStatementXlsx(v);
  return renderExport(incentiveStatementTable(v), 'csv', lang);
}

async function send(
  reply: FastifyReply,
  format: Format,
  filename: string,
  view: () => IncentiveStatementView,
  lang: ExportLang = 'zh',
): Promise<FastifyReply> {
  reply.header('cache-control', 'private, no-store');
  try {
    const v = view();
    const body = await render(v, format, lang);
    reply.header(
      'content-disposition',
      `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${filename}.${format}"`,
    );
    return reply.type(TYPES[format]).send(body);
  } catch (e) {
    if (!isAppError(e)) throw e;
    const env = errorEnvelope(e.code, e.params);
    return reply.code(env.status).type('application/json; charset=utf-8').send(env.body);
  }
}

function langOf(lang: string | undefined): ExportLang {
  return lang === 'en' ? 'en' : 'zh';
}

function parseFile(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(pdf|xlsx|csv)$/.exec(file);
  return m ? { name: m[1] as string, format: m[2] as Format } : null;
}

export function registerIncentiveRoutes(server: FastifyInstance, app: App): void {
  server.get<{ Params: { file: string }; Querystring: { lang?: string } }>(
    '/incentives/statements/:file',
    (req, reply) => {
      const file = parseFile(req.params.file);
      const view = () => {
        authoriseRead(app, req);
        if (!file) throw new AppError('ROUTE_NOT_FOUND', { path: req.url });
        if (!UUID.test(file.name)) throw new AppError('INCENTIVE_STATEMENT_UNKNOWN', { statement: file.name });
        return readIssuedStatement(incentiveDeps(app), file.name);
      };
      const name = `incentive-statement-${file?.name ?? 'unknown'}`;
      return send(reply, file?.format ?? 'pdf', name, view, langOf(req.query.lang));
    },
  );

  for (const format of ['pdf', 'xlsx', 'csv'] as const) {
    server.get<{ Querystring: Record<string, string | undefined> }>(`/incentives/draft.${format}`, (req, reply) => {
      const q = req.query;
      const name = `incentive-draft-${q.scheme ?? ''}-${q.site ?? ''}`.replace(/[^\w.-]/g, '_');
      return send(
        reply,
        format,
        name,
        () => {
          authoriseRead(app, req);
          const parsed = incentiveStatementInput.safeParse({ scheme: q.scheme, site: q.site, from: q.from, to: q.to });
          if (!parsed.success) {
            const fields = parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join('; ');
            throw new AppError('VALIDATION_FAILED', { fields });
          }
          return draftStatement(incentiveDeps(app), parsed.data);
        },
        langOf(q.lang),
      );
    });
  }
}
