import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { serverError } from '../testing/server-error';
import { describeApiError, isSessionEnded, readAppError } from './api-error';

const validation = serverError('Some fields are not valid: username (at least 2 characters).', {
  code: 'VALIDATION_FAILED',
  params: {},
  messageZh: '部分字段无效：username（过小（最小 2））。请更正后重试。',
  fields: { username: ['at least 2 characters'] },
  fieldsZh: { username: ['过小（最小 2）'] },
});

describe('describeApiError', () => {
  it("gives the server's message and field problems in the reader's language", () => {
    expect(describeApiError(validation, 'zh')).toEqual({
      code: 'VALIDATION_FAILED',
      message: '部分字段无效：username（过小（最小 2））。请更正后重试。',
      fields: { username: ['过小（最小 2）'] },
    });
    expect(describeApiError(validation, 'en')).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Some fields are not valid: username (at least 2 characters).',
      fields: { username: ['at least 2 characters'] },
    });
  });

  it('has no fields for errors that are not about fields', () => {
    const error = serverError('Wrong username or password.', {
      code: 'LOGIN_FAILED',
      params: {},
      messageZh: '用户名或密码错误。',
    });
    expect(describeApiError(error, 'zh')).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误。', fields: {} });
  });

  it('returns null when the server never answered, or answered something else', () => {
    expect(describeApiError(new TRPCClientError('fetch failed'), 'zh')).toBeNull();
    expect(describeApiError(new Error('boom'), 'en')).toBeNull();
    const foreign = TRPCClientError.from({ error: { message: 'x', code: -32600, data: { app: { code: 'NOPE' } } } });
    expect(readAppError(foreign)).toBeNull();
  });
});

describe('isSessionEnded', () => {
  it('is true only for UNAUTHENTICATED', () => {
    const ended = serverError('Sign in first (or send a valid API token).', {
      code: 'UNAUTHENTICATED',
      params: {},
      messageZh: '请先登录（或提供有效的 API 令牌）。',
    });
    expect(isSessionEnded(ended)).toBe(true);
    expect(isSessionEnded(validation)).toBe(false);
    expect(isSessionEnded(new Error('offline'))).toBe(false);
  });
});
