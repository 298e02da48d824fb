// Failures that happen before a route runs — a malformed or oversized
// request line or header block, a URL over the router's limit, a batch the
// API does not take — answer with the same error envelope and security
// headers as everything else (error-envelope.ts), never with Fastify's or
// Node's own bodies, and never echo the request back.
import type { Socket } from 'node:net';
import { type ErrorCode, type ErrorParams, MAX_BATCH_SIZE, UNBATCHED_PROCEDURES } from '@alutrace/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorEnvelope } from './error-envelope';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/** The longest route parameter (a tRPC path, or a batch of them) the router accepts. */
export const MAX_PARAM_LENGTH = 2000;

/** Fastify's `frameworkErrors`: the router refused the URL itself. */
export function onFrameworkError(error: Error & { code?: string }, _req: FastifyRequest, reply: FastifyReply): void {
  const e =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? errorEnvelope('URL_TOO_LONG', { limit: MAX_PARAM_LENGTH }, 414)
      : errorEnvelope('BAD_REQUEST', { detail: 'the address is not a valid URL' }, 400);
  reply.headers(SECURITY_HEADERS).code(e.status).send(e.body);
}

/**
 * Fastify's `clientErrorHandler`: Node could not parse the request (headers
 * over `maxHeaderSize`, a malformed request line, a timeout). There is no
 * request object yet, so the answer is written to the socket by hand.
 */
export function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, status]: [ErrorCode, number] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['HEADERS_TOO_LARGE', 431]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['REQUEST_TIMEOUT', 408]
        : ['BAD_REQUEST', 400];
  const params: ErrorParams = code === 'BAD_REQUEST' ? { detail: 'the HTTP request could not be read' } : {};
  const body = JSON.stringify(errorEnvelope(code, params, status).body);
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status];
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...SECURITY_HEADERS,
  };
  if (socket.writable) {
    const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
    socket.write(`HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/**
 * Refuses a tRPC batch that is too large or carries a procedure that must
 * travel alone; null when the request may go on. `pathname` is the part of
 * the URL after `/trpc/`, still URL-encoded.
 */
export function batchRefusal(pathname: string, search: string): ReturnType<typeof errorEnvelope> | null {
  if (new URLSearchParams(search).get('batch') !== '1') return null;
  let paths: string[];
  try {
    paths = decodeURIComponent(pathname).split(',');
  } catch {
    return errorEnvelope('BAD_REQUEST', { detail: 'the procedure path is not valid' });
  }
  if (paths.length > MAX_BATCH_SIZE) {
    return errorEnvelope('BATCH_TOO_LARGE', { max: MAX_BATCH_SIZE, count: paths.length });
  }
  const alone = paths.find((p) => UNBATCHED_PROCEDURES.has(p));
  return alone ? errorEnvelope('BATCH_NOT_ALLOWED', { path: alone }) : null;
}
