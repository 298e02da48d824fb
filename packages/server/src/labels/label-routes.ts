// Label downloads over plain HTTP (a browser's <img>, a print page, a label
// printer's driver), for a signed-in user or an API token that may read the
// lot, with the same visibility as lots.get: a hidden lot answers the same
// 404 as an unknown one. Labels reveal a site's lots, so nothing is cached.
// Printing or reprinting a label records nothing in the ledger.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app/create-app';
import { readCredentials, resolvePrincipal } from '../auth/authenticate';
import type { Reader } from '../domain/lots/read-lots';
import { isAppError } from '../errors';
import { errorEnvelope } from '../http/error-envelope';
import { authorise } from '../trpc/access';
import { type LabelData, parseLotList, readLabel } from './label-data';
import { renderLabelSheetPdf } from './label-pdf';
import { PRINT_SCRIPT, PRINT_SCRIPT_PATH, renderPrintPage } from './label-print-page';
import { renderLabelSvg } from './render-label-svg';
import { renderLabelPng } from './render-png';

const NO_STORE = 'private, no-store';

/** Who is asking, with the rule of lots.get (lots:read, limited to the lots of the caller's sites); throws the AppError to answer with. */
function readerFor(app: App, req: FastifyRequest): Reader {
  const principal = resolvePrincipal(
    app.db,
    app.auth.sessions,
    readCredentials(req.headers, app.auth.cookieName),
    app.now,
  );
  const auth = authorise({ permission: 'lots:read', site: 'resource' }, 'labels', principal, undefined);
  if (!auth) throw new Error('lots:read is not public');
  return { reach: auth.reach, sites: auth.principal.sites };
}

/** The labels of `?lots=…`, checked after the caller: an anonymous caller learns nothing, not even the limit. */
function labelsFor(app: App, req: FastifyRequest, lotIds: () => readonly string[]): LabelData[] {
  const reader = readerFor(app, req);
  return lotIds().map((id) => readLabel(app.db, reader, app.config.publicUrl, id));
}

async function answer(
  reply: FastifyReply,
  type: string,
  produce: () => string | Buffer | Promise<string | Buffer>,
): Promise<FastifyReply> {
  reply.header('cache-control', NO_STORE);
  try {
    const body = await produce();
    return reply.type(type).send(body);
  } catch (e) {
    if (!isAppError(e)) throw e;
    const env = errorEnvelope(e.code, e.params);
    return reply.code(env.status).type('application/json; charset=utf-8').send(env.body);
  }
}

export function registerLabelRoutes(server: FastifyInstance, app: App): void {
  server.get(PRINT_SCRIPT_PATH, (_req, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/javascript; charset=utf-8').send(PRINT_SCRIPT),
  );

  server.get<{ Querystring: { lots?: string; print?: string } }>('/labels/print', (req, reply) =>
    answer(reply, 'text/html; charset=utf-8', () =>
      renderPrintPage(
        labelsFor(app, req, () => parseLotList(req.query.lots)),
        { autoPrint: req.query.print === '1' },
      ),
    ),
  );

  server.get<{ Querystring: { lots?: string } }>('/labels/sheet.pdf', (req, reply) =>
    answer(reply, 'application/pdf', async () => {
      const labels = labelsFor(app, req, () => parseLotList(req.query.lots));
      reply.header('content-disposition', 'inline; filename="alutrace-labels.pdf"');
      return renderLabelSheetPdf(labels);
    }),
  );

  server.get<{ Params: { file: string } }>('/labels/:file', (req, reply) => {
    const m = /^(.+)\.(svg|png)$/.exec(req.params.file);
    if (!m) {
      // Only .svg and .png exist: anything else is an unknown route, as elsewhere.
      const e = errorEnvelope('ROUTE_NOT_FOUND', { path: `/labels/${req.params.file}`.slice(0, 100) });
      return reply.code(e.status).send(e.body);
    }
    const [, lotId = '', format] = m;
    return answer(reply, format === 'png' ? 'image/png' : 'image/svg+xml; charset=utf-8', () => {
      const [label] = labelsFor(app, req, () => [lotId.toUpperCase()]);
      if (!label) throw new Error('a label was asked for and none read');
      return format === 'png' ? renderLabelPng(label) : renderLabelSvg(label);
    });
  });
}
