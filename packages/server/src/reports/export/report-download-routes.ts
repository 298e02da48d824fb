// Report downloads over plain HTTP, for the web app's export buttons and for
// anyone's script or spreadsheet with an API token:
//
//   GET /reports/{name}.csv | .xlsx ?{the report's filters}&lang=zh|en[&at=TREE_SIZE]
//
// {name} is one of REPORT_NAMES; the filters are the procedure's input
// (reports.{name}) as query parameters, lists comma-separated
// (groupBy=site,grade); lang picks the headers' language (default zh); `at`
// recomputes the report from the log alone at that signed checkpoint.
// Authorised exactly as the procedure: reports:read, and an operating role
// only for its own site, named in `site`. Bad filters answer 400 with the
// procedure's VALIDATION_FAILED (every field's problem in both languages),
// never a 500. Nothing is cached: a report reveals sites' volumes.
import {
  type ErrorCode,
  type ErrorParams,
  formatErrorMessage,
  REPORT_INPUTS,
  REPORT_NAMES,
  type ReportInput,
  type ReportName,
} from '@alutrace/shared';
import { TRPCError } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app/create-app';
import { readCredentials, resolvePrincipal } from '../../auth/authenticate';
import { isAppError } from '../../errors';
import { errorEnvelope } from '../../http/error-envelope';
import { authorise, field } from '../../trpc/access';
import { appErrorData, normaliseError } from '../../trpc/error-formatter';
import { computeReport } from '../compute-report';
import type { ExportLang } from './export-columns';
import {
  contentDisposition,
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  exportFileNames,
  renderExport,
} from './export-file';

/** Query parameters that are lists in the report inputs (comma-separated, or repeated). */
const LIST_PARAMS: ReadonlySet<string> = new Set(['groupBy', 'measures']);
/** Query parameters that are numbers in the report inputs. */
const NUMBER_PARAMS: ReadonlySet<string> = new Set(['factorVersion']);

const downloadOptions = z.object({
  lang: z.enum(['zh', 'en']).default('zh'),
  at: z
    .string()
    .regex(/^\d{1,15}$/, 'a tree size (a whole number) of a signed checkpoint')
    .transform(Number)
    .optional(),
});

type Query = Record<string, string | string[] | undefined>;

/** The query string as the procedure's raw input (before its schema), and the download's own options. */
export function reportInputOfQuery(query: Query): { raw: Record<string, unknown>; options: Record<string, string> } {
  const raw: Record<string, unknown> = {};
  const options: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    if (key === 'lang' || key === 'at') {
      options[key] = values.join(',');
    } else if (LIST_PARAMS.has(key)) {
      raw[key] = values.flatMap((v) => v.split(',')).filter((v) => v !== '');
    } else if (NUMBER_PARAMS.has(key)) {
      const v = values.join(',');
      raw[key] = /^-?\d+$/.test(v) ? Number(v) : v;
    } else {
      raw[key] = values.length === 1 ? values[0] : values;
    }
  }
  return { raw, options };
}

/** The envelope of a failed validation, exactly as the procedure answers it (fields in both languages). */
function validationEnvelope(error: z.ZodError) {
  const n = normaliseError(new TRPCError({ code: 'BAD_REQUEST', cause: error }));
  return {
    status: 400,
    body: {
      error: {
        message: formatErrorMessage(n.code, n.params, 'en'),
        code: TRPC_ERROR_CODES_BY_KEY.BAD_REQUEST,
        data: { code: 'BAD_REQUEST', httpStatus: 400, app: appErrorData(n) },
      },
    },
  };
}

function refuse(reply: FastifyReply, env: { status: number; body: unknown }): FastifyReply {
  return reply.code(env.status).type('application/json; charset=utf-8').send(env.body);
}

function notFound(reply: FastifyReply, path: string): FastifyReply {
  const code: ErrorCode = 'ROUTE_NOT_FOUND';
  const params: ErrorParams = { path: path.length > 100 ? `${path.slice(0, 100)}…` : path };
  return refuse(reply, errorEnvelope(code, params));
}

function isReportName(name: string): name is ReportName {
  return (REPORT_NAMES as readonly string[]).includes(name);
}

async function download(
  app: App,
  req: FastifyRequest<{ Params: { file: string }; Querystring: Query }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const m = /^([a-z_]+)\.(csv|xlsx)$/.exec(req.params.file);
  const name = m?.[1] ?? '';
  if (!m || !isReportName(name)) return notFound(reply, `/reports/${req.params.file}`);
  const format = m[2] as ExportFormat;
  reply.header('cache-control', 'private, no-store');
  try {
    const { raw, options } = reportInputOfQuery(req.query);
    // Who first, as the procedure does: an anonymous caller learns nothing of the filters.
    const principal = resolvePrincipal(
      app.db,
      app.auth.sessions,
      readCredentials(req.headers, app.auth.cookieName),
      app.now,
    );
    authorise({ permission: 'reports:read', site: field('site') }, `reports.${name}`, principal, raw);
    const opts = downloadOptions.safeParse(options);
    const input = REPORT_INPUTS[name].safeParse(raw);
    if (!input.success) {
      // One answer names every bad field, the download's own (lang, at) too.
      if (!opts.success) input.error.issues.push(...opts.error.issues);
      return refuse(reply, validationEnvelope(input.error));
    }
    if (!opts.success) return refuse(reply, validationEnvelope(opts.error));
    const lang: ExportLang = opts.data.lang;
    const table = computeReport(app, name, input.data as ReportInput[typeof name], { at: opts.data.at });
    const body = await renderExport(table, format, lang);
    reply.header('content-disposition', contentDisposition(exportFileNames(table, format, lang)));
    return reply.type(EXPORT_CONTENT_TYPES[format]).send(body);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return refuse(reply, errorEnvelope(e.code, e.params));
  }
}

export function registerReportDownloadRoutes(server: FastifyInstance, app: App): void {
  server.get<{ Params: { file: string }; Querystring: Query }>('/reports/:file', (req, reply) =>
    download(app, req, reply),
  );
}
