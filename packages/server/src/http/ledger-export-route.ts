// GET /ledger/export.jsonl: the whole ledger as the export file `alutrace
// export` writes (the key, every signed checkpoint with its cosignatures,
// every entry's canonical bytes), for an official's browser (the verification
// view's download) to check elsewhere with `alutrace verify-export`. The same
// rule as ledger.verify (ledger:verify: officials and administrators). The
// ledger holds no sealed data. Written to a private temporary file (0600)
// first, sent, then removed; nothing is cached.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { App } from '../app/create-app';
import { readCredentials, resolvePrincipal } from '../auth/authenticate';
import { isAppError } from '../errors';
import { exportLedger } from '../ledger/export/export-ledger';
import { authorise } from '../trpc/access';
import { errorEnvelope } from './error-envelope';

export const LEDGER_EXPORT_PATH = '/ledger/export.jsonl';

export function registerLedgerExportRoute(server: FastifyInstance, app: App): void {
  server.get(LEDGER_EXPORT_PATH, async (req, reply) => {
    reply.header('cache-control', 'private, no-store');
    try {
      const principal = resolvePrincipal(
        app.db,
        app.auth.sessions,
        readCredentials(req.headers, app.auth.cookieName),
        app.now,
      );
      authorise({ permission: 'ledger:verify' }, 'ledger.export', principal, undefined);
    } catch (e) {
      if (!isAppError(e)) throw e;
      const env = errorEnvelope(e.code, e.params);
      return reply.code(env.status).send(env.body);
    }
    const dir = mkdtempSync(join(tmpdir(), 'alutrace-export-'));
    const file = join(dir, 'ledger.jsonl');
    const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
    try {
      await exportLedger(app.db.$client, file, { origin: app.config.origin, verifierKey: app.verifierKey });
    } catch (e) {
      cleanup();
      throw e;
    }
    const stream = createReadStream(file);
    stream.on('close', cleanup);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="alutrace-ledger-${day}.jsonl"`)
      .send(stream);
  });
}
