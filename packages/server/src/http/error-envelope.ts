// Errors that happen before tRPC sees a request (body too large, wrong
// content type, unknown path) get the same envelope as tRPC errors, so a
// client reads `error.data.app.code` for every failure.
import { ERROR_CATALOG, type ErrorCode, type ErrorParams, formatErrorMessage } from '@alutrace/shared';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';

const HTTP_STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export function errorEnvelope(code: ErrorCode, params: ErrorParams = {}, status?: number) {
  const kind = ERROR_CATALOG[code].kind;
  const httpStatus = status ?? HTTP_STATUS[kind] ?? 500;
  return {
    status: httpStatus,
    body: {
      error: {
        message: formatErrorMessage(code, params, 'en'),
        code: TRPC_ERROR_CODES_BY_KEY[kind],
        data: {
          code: kind,
          httpStatus,
          app: { code, params, messageZh: formatErrorMessage(code, params, 'zh') },
        },
      },
    },
  };
}
