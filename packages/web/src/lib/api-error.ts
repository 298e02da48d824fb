// Turns what a failed call throws into words for the person at the screen.
// The server sends every error with a stable code and the message in both
// languages (see packages/server/src/trpc/error-formatter.ts): Chinese in
// `data.app.messageZh`, English in `message`.
import { type AppErrorData, type ErrorCode, isErrorCode, type Language } from '@alutrace/shared';
import { TRPCClientError } from '@trpc/client';

export interface ApiErrorView {
  code: ErrorCode;
  message: string;
  /** Field path → what is wrong with it, for forms. Empty unless the input was invalid. */
  fields: Record<string, string[]>;
}

function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return isErrorCode(data.code) && typeof data.messageZh === 'string';
}

/** The server's account of the error, or null when the server never answered (or something else failed). */
export function readAppError(error: unknown): AppErrorData | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  const app: unknown = typeof data === 'object' && data !== null && 'app' in data ? data.app : undefined;
  return isAppErrorData(app) ? app : null;
}

/**
 * The server's explanation of `error` in `language`, or null when there is
 * none: the server was unreachable, or something other than the server failed.
 * Callers show a generic "cannot reach the server" message for null.
 */
export function describeApiError(error: unknown, language: Language): ApiErrorView | null {
  const app = readAppError(error);
  if (!app || !(error instanceof TRPCClientError)) return null;
  const fields = (language === 'zh' ? app.fieldsZh : app.fields) ?? {};
  return { code: app.code, message: language === 'zh' ? app.messageZh : error.message, fields };
}

/** The server no longer knows the caller: the session ended (signed out elsewhere, revoked, timed out). */
export function isSessionEnded(error: unknown): boolean {
  return readAppError(error)?.code === 'UNAUTHENTICATED';
}
