// Fastify writes two log lines per request ("incoming request", "request
// completed"). Serialising and redacting them cost more CPU than most
// requests themselves (`pnpm bench http`), so at the default level they are
// left out; at `debug` or `trace` they come back. Lines about failures —
// a request that errored, a broken stream, a failed write — stay at every level.
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Logger } from 'pino';

class FailuresOnly extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    metadata?: Record<string, unknown>,
  ): void {
    if (error) super.requestCompleted(error, request, reply, metadata);
  }
}

export function requestLogController(logger: Logger): LogController {
  return logger.isLevelEnabled('debug') ? new LogController() : new FailuresOnly();
}
