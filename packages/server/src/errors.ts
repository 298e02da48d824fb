// The one error type domain code throws. It carries a stable code from the
// shared catalogue; the tRPC error formatter maps it to a status once.
import { type ErrorCode, type ErrorParams, formatErrorMessage } from '@alutrace/shared';

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly fields: Record<string, string[]> | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    options: { cause?: unknown; fields?: Record<string, string[]> } = {},
  ) {
    super(formatErrorMessage(code, params, 'en'), { cause: options.cause });
    this.fields = options.fields;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
