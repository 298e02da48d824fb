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
  FORMAT_HINTS_ZH,
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

/** The issue's limit as zod reports it on too_big / too_small issues. */
const limitOf = (i: Record<string, unknown>, key: 'maximum' | 'minimum'): string => String(i[key]);

/** Our own English hint (`.regex(re, hint)`, `.max(n, hint)`): a lower-case phrase, not zod's default sentence. */
const hintOf = (issue: Issue): string => issue.message.replace(/^Invalid( input)?:?\s*/i, '');

/** "must be one line (…)" → "Must be one line (…)." */
const sentence = (text: string): string =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?。]$/.test(text) ? '' : '.'}`;

/**
 * Each validation issue in words a person at a form understands, in English and
 * in Chinese, from the issue's code and limits rather than zod's wording
 * ("Too big: expected string to have <=100 characters"): zod's own zh-CN
 * locale needs the rejected input, which issues drop.
 */
function issueMessages(issue: Issue): { en: string; zh: string } {
  const i = issue as Issue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      return i.input === undefined && !('received' in i) && issue.message.includes('received undefined')
        ? { en: 'Required.', zh: '必填。' }
        : { en: `Expected ${String(i.expected)}.`, zh: `类型错误（应为 ${String(i.expected)}）。` };
    case 'too_big': {
      const max = limitOf(i, 'maximum');
      if (i.origin === 'string') return { en: `At most ${max} characters.`, zh: `最多 ${max} 个字符。` };
      if (i.origin === 'array') return { en: `At most ${max} items.`, zh: `最多 ${max} 项。` };
      return { en: `At most ${max}.`, zh: `不能大于 ${max}。` };
    }
    case 'too_small': {
      const min = limitOf(i, 'minimum');
      if (i.origin === 'string') {
        return Number(min) <= 1
          ? { en: 'Required.', zh: '必填。' }
          : { en: `At least ${min} characters.`, zh: `至少 ${min} 个字符。` };
      }
      if (i.origin === 'array') return { en: `At least ${min} items.`, zh: `至少 ${min} 项。` };
      return { en: `At least ${min}.`, zh: `不能小于 ${min}。` };
    }
    case 'invalid_format': {
      const hint = hintOf(issue);
      const zh = FORMAT_HINTS_ZH[hint];
      return {
        en: `Not in the expected form: ${hint}.`,
        zh: zh ? `格式不正确：${zh}。` : `格式不正确（${hint}）。`,
      };
    }
    case 'invalid_value': {
      const values = (i.values as unknown[] | undefined) ?? [];
      return { en: `Choose one of: ${values.join(', ')}.`, zh: `取值无效（可选：${values.join('、')}）。` };
    }
    case 'unrecognized_keys': {
      const keys = (i.keys as string[] | undefined) ?? [];
      return { en: `Unknown fields: ${keys.join(', ')}.`, zh: `含有未知字段：${keys.join('、')}。` };
    }
    case 'invalid_union':
      return { en: 'Matches none of the allowed forms.', zh: '不符合任何一种允许的格式。' };
    case 'custom': {
      // Our own checks carry their Chinese message (see packages/shared/src/text/text-field.ts).
      const zh = (i.params as { zh?: unknown } | undefined)?.zh;
      return { en: sentence(issue.message), zh: typeof zh === 'string' ? zh : `无效（${issue.message}）` };
    }
    default:
      return { en: sentence(issue.message), zh: `无效（${issue.message}）` };
  }
}

function fieldErrors(error: ZodError): { en: Record<string, string[]>; zh: Record<string, string[]> } {
  const en: Record<string, string[]> = {};
  const zh: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(input)';
    const m = issueMessages(issue);
    en[key] = [...(en[key] ?? []), m.en];
    zh[key] = [...(zh[key] ?? []), m.zh];
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
