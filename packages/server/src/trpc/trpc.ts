// tRPC is initialised once, here. Procedures throw AppError (or fail input
// validation); the formatter below turns both into a stable `data.app`.
import { formatErrorMessage } from '@alutrace/shared';
import { initTRPC } from '@trpc/server';
import { AppError } from '../errors';
import type { Context } from './context';
import { appErrorData, normaliseError, toTrpcError } from './error-formatter';

const t = initTRPC.context<Context>().create({
  // Never put stack traces in responses, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const n = normaliseError(error);
    return {
      message: formatErrorMessage(n.code, n.params, 'en'),
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        ...(shape.data.path ? { path: shape.data.path } : {}),
        app: appErrorData(n),
      },
    };
  },
});

/** Rethrows domain errors as TRPCErrors so that their status is right. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError && result.error.code === 'INTERNAL_SERVER_ERROR') {
    throw toTrpcError(result.error.cause);
  }
  return result;
});

export const router = t.router;
export const middleware = t.middleware;
export const publicProcedure = t.procedure.use(appErrors);
export const createCallerFactory = t.createCallerFactory;
