// GET /l/{lot id}/proof?d={digest}: the passport as one file that proves
// itself offline (`alutrace verify-proof`, or the passport page's "open a
// proof file"). Public like the passport, with its refusal rules: a wrong
// digest answers exactly what an unknown lot answers.
import { lotProofFileName, passportInput } from '@alutrace/shared';
import type { FastifyInstance } from 'fastify';
import type { App } from '../app/create-app';
import { getLotProof } from '../domain/lots/passport-proof';
import { isAppError } from '../errors';
import { errorEnvelope } from './error-envelope';

export function registerLotProofRoute(server: FastifyInstance, app: App): void {
  server.get<{ Params: { lotId: string }; Querystring: { d?: string } }>('/l/:lotId/proof', (req, reply) => {
    reply.header('cache-control', 'no-store');
    const input = passportInput.safeParse({ lotId: req.params.lotId.toUpperCase(), digest: req.query.d ?? '' });
    if (!input.success) {
      const fields = input.error.issues.map((i) => `${i.path.join('.') || 'input'} (${i.message})`).join('; ');
      const e = errorEnvelope('VALIDATION_FAILED', { fields });
      return reply.code(e.status).send(e.body);
    }
    try {
      const file = getLotProof(
        { db: app.db, ledger: app.ledger, verifierKey: app.verifierKey, origin: app.config.origin, now: app.now },
        input.data,
      );
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${lotProofFileName(file.lotId)}"`)
        .send(`${JSON.stringify(file, null, 1)}\n`);
    } catch (e) {
      if (!isAppError(e)) throw e;
      const env = errorEnvelope(e.code, e.params);
      return reply.code(env.status).send(env.body);
    }
  });
}
