// For unit tests: a failed call as the tRPC client reports it after the server answered.
import type { AppErrorData } from '@alutrace/shared';
import { TRPCClientError } from '@trpc/client';

export function serverError(message: string, app: AppErrorData): TRPCClientError<never> {
  return TRPCClientError.from({ error: { message, code: -32600, data: { app } } });
}
