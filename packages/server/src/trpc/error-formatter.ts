// The one place where errors become API responses. Domain errors keep their
// stable code; input validation becomes VALIDATION_FAILED with a message per
// field; anything unexpected becomes INTERNAL_ERROR with a reference that
// points to the full error in the log. No stack trace ever leaves the server.
import { randomBytes } from 'node:crypto';
import {
  type AppErrorData,
  ERROR_CATALOG,
  type ErrorCode,
  type ErrorParams,
  formatErrorMessage,
} from '@alutrace/shared';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { AppError } from '../errors';

export interface NormalisedError {
  code: ErrorCode;
  params: ErrorParams;
  fields?: Record<string, string[]>;
  fieldsZh?: Record<string, string[]>;
  trpcCode: TRPC_ERROR_CODE_KEY;
  /** Set for errors nobody expected: they are logged in full under this reference. */
  ref?: string;
}

/** tRPC codes that the client caused, whatever the underlying error. */
const CLIENT_CODES: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  NOT_FOUND: 'ROUTE_NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  PARSE_ERROR: 'BAD_REQUEST',
  BAD_REQUEST: 'BAD_REQUEST',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

type Issue = ZodError['issues'][number];

/** A Chinese message for a validation issue (zod's own zh-CN locale needs the rejected input, which issues drop). */
function issueZh(issue: Issue): string {
  const i = issue as Issue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      return i.input === undefined && !('received' in i) && issue.message.includes('received undefined')
        ? '必填'
        : `类型错误（应为 ${String(i.expected)}）`;
    case 'too_big':
      return i.origin === 'string'
        ? `最多 ${String(i.maximum)} 个字符`
        : i.origin === 'array'
          ? `最多 ${String(i.maximum)} 项`
          : `不能大于 ${String(i.maximum)}`;
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? '必填' : `至少 ${String(i.minimum)} 个字符`;
      return i.origin === 'array' ? `至少 ${String(i.minimum)} 项` : `不能小于 ${String(i.minimum)}`;
    case 'invalid_format':
      return `格式错误（${issue.message}）`;
    case 'invalid_value':
      return `取值无效（可选：${(i.values as unknown[] | undefined)?.join('、') ?? ''}）`;
    case 'unrecognized_keys':
      return `含有未知字段：${(i.keys as string[] | undefined)?.join('、') ?? ''}`;
    case 'invalid_union':
      return '不符合任何一种允许的格式';
    case 'custom': {
      // Our own checks carry their Chinese message (see packages/shared/src/text/text-field.ts).
      const zh = (i.params as { zh?: unknown } | undefined)?.zh;
      return typeof zh === 'string' ? zh : `无效（${issue.message}）`;
    }
    default:
      return `无效（${issue.message}）`;
  }
}

function fieldErrors(error: ZodError): { en: Record<string, string[]>; zh: Record<string, string[]> } {
  const en: Record<string, string[]> = {};
  const zh: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(input)';
    en[key] = [...(en[key] ?? []), issue.message];
    zh[key] = [...(zh[key] ?? []), issueZh(issue)];
  }
  return { en, zh };
}

// The formatter and the error logger both normalise the same error; the
// cache gives an unexpected error one reference in the response and the log.
const normalised = new WeakMap<TRPCError, NormalisedError>();

export function normaliseError(error: TRPCError): NormalisedError {
  let n = normalised.get(error);
  if (!n) {
    n = normaliseUncached(error);
    normalised.set(error, n);
  }
  return n;
}

function normaliseUncached(error: TRPCError): NormalisedError {
  const cause = error.cause;
  if (cause instanceof AppError) {
    return {
      code: cause.code,
      params: cause.params,
      ...(cause.fields ? { fields: cause.fields } : {}),
      trpcCode: ERROR_CATALOG[cause.code].kind,
    };
  }
  if (cause instanceof ZodError) {
    const { en, zh } = fieldErrors(cause);
    const summary = (f: Record<string, string[]>, sep: string) =>
      Object.entries(f)
        .map(([k, v]) => `${k} (${v.join('; ')})`)
        .join(sep);
    return {
      code: 'VALIDATION_FAILED',
      params: { fields: summary(en, ', '), fieldsZh: summary(zh, '，') },
      fields: en,
      fieldsZh: zh,
      trpcCode: 'BAD_REQUEST',
    };
  }
  const clientCode = CLIENT_CODES[error.code];
  if (clientCode === 'ROUTE_NOT_FOUND') {
    return {
      code: clientCode,
      params: { path: error.message.replace(/^No procedure found on path "(.*)"$/, '$1') },
      trpcCode: 'NOT_FOUND',
    };
  }
  if (clientCode) return { code: clientCode, params: { detail: error.message, limit: '' }, trpcCode: error.code };
  return { code: 'INTERNAL_ERROR', params: { ref: randomBytes(4).toString('hex') }, trpcCode: 'INTERNAL_SERVER_ERROR' };
}

export function appErrorData(n: NormalisedError): AppErrorData {
  return {
    code: n.code,
    params: n.params,
    messageZh: formatErrorMessage(
      n.code,
      n.code === 'VALIDATION_FAILED' ? { ...n.params, fields: n.params.fieldsZh ?? '' } : n.params,
      'zh',
    ),
    ...(n.fields ? { fields: n.fields } : {}),
    ...(n.fieldsZh ? { fieldsZh: n.fieldsZh } : {}),
  };
}

/** Turns an AppError into the TRPCError a procedure throws. */
export function toTrpcError(e: AppError): TRPCError {
  return new TRPCError({ code: ERROR_CATALOG[e.code].kind, message: e.message, cause: e });
}
