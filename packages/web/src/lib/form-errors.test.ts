import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { serverError } from '../testing/server-error';
import { type FormErrorOptions, formErrors, mergeFieldErrors } from './form-errors';

const options: FormErrorOptions = {
  fields: ['username', 'displayName', 'sites'],
  codeFields: { SITES_REQUIRED: 'sites', CONFLICT: 'username' },
  texts: { unreachable: 'cannot reach the server', checkFields: 'correct the marked fields' },
};

describe('formErrors', () => {
  it('puts validation problems next to their fields, sub-paths under their field', () => {
    const error = serverError('Some fields are not valid', {
      code: 'VALIDATION_FAILED',
      params: {},
      messageZh: '部分字段无效',
      fields: { username: ['at least 2 characters'], 'sites.1': ['a site code'] },
      fieldsZh: { username: ['过小（最小 2）'], 'sites.1': ['格式错误'] },
    });
    expect(formErrors(error, 'zh', options)).toEqual({
      general: 'correct the marked fields',
      fields: { username: ['过小（最小 2）'], sites: ['格式错误'] },
    });
  });

  it("keeps the server's whole message above the form when a field is not on it", () => {
    const error = serverError('Some fields are not valid: role (invalid)', {
      code: 'VALIDATION_FAILED',
      params: {},
      messageZh: '部分字段无效：role',
      fields: { role: ['invalid'], username: ['required'] },
      fieldsZh: { role: ['无效'], username: ['必填'] },
    });
    expect(formErrors(error, 'en', options)).toEqual({
      general: 'Some fields are not valid: role (invalid)',
      fields: { username: ['required'] },
    });
  });

  it('places a domain error about one field by its code', () => {
    const error = serverError('User li already exists.', {
      code: 'CONFLICT',
      params: { what: 'User', id: 'li' },
      messageZh: 'User li 已存在。',
    });
    expect(formErrors(error, 'en', options)).toEqual({
      general: 'correct the marked fields',
      fields: { username: ['User li already exists.'] },
    });
  });

  it("uses the form's own wording for a code when it has one", () => {
    const error = serverError('User li already exists.', {
      code: 'CONFLICT',
      params: { what: 'User', id: 'li' },
      messageZh: 'User li 已存在。',
    });
    expect(formErrors(error, 'zh', { ...options, messages: { CONFLICT: '用户名 li 已被使用。' } }).fields).toEqual({
      username: ['用户名 li 已被使用。'],
    });
  });

  it('shows other errors above the form, and says so when the server was not reached', () => {
    const error = serverError('This would leave no active administrator.', {
      code: 'LAST_ADMIN',
      params: {},
      messageZh: '此操作将导致没有可用的管理员。',
    });
    expect(formErrors(error, 'zh', options)).toEqual({ general: '此操作将导致没有可用的管理员。', fields: {} });
    expect(formErrors(new TRPCClientError('fetch failed'), 'zh', options)).toEqual({
      general: 'cannot reach the server',
      fields: {},
    });
  });
});

describe('mergeFieldErrors', () => {
  it('joins the problems of each field', () => {
    expect(mergeFieldErrors({ a: ['x'] }, { a: ['y'], b: ['z'] }, {})).toEqual({ a: ['x', 'y'], b: ['z'] });
  });
});
