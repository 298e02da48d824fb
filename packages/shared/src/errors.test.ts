import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, formatErrorMessage, isErrorCode } from './errors';

describe('error messages', () => {
  it('every code has an English and a Chinese message with the same parameters', () => {
    for (const [code, spec] of Object.entries(ERROR_CATALOG)) {
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(spec.zh), code).toEqual(names(spec.en));
      expect(isErrorCode(code)).toBe(true);
    }
  });

  it('names roles, site kinds and things in the reader language', () => {
    const params = { role: 'operator', kinds: 'collection_point', site: 'RC01', kind: 'recycler' };
    expect(formatErrorMessage('SITE_KIND_MISMATCH', params, 'zh')).toBe(
      '回收站点操作员只能代表以下类型的站点：回收站点；RC01 的类型是再生铝企业。',
    );
    expect(formatErrorMessage('SITE_KIND_MISMATCH', params, 'en')).toBe(
      'A Collection-point operator acts for sites of these kinds: Collection point; RC01 is a Recycler site.',
    );
    expect(formatErrorMessage('NOT_FOUND', { what: 'user', id: 'li' }, 'zh')).toBe('未找到用户：li。');
    expect(formatErrorMessage('CONFLICT', { what: 'API token', id: 'x' }, 'en')).toBe(
      'That API token already exists: x.',
    );
  });

  it('leaves a missing parameter visible rather than inventing one', () => {
    expect(formatErrorMessage('LOGIN_THROTTLED', {}, 'en')).toContain('{seconds}');
  });
});
