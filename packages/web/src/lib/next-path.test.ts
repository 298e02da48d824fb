import { describe, expect, it } from 'vitest';
import { changePasswordPath, loginPath, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path of the app with its query and fragment', () => {
    expect(safeNextPath('/admin/users')).toBe('/admin/users');
    expect(safeNextPath('/ledger?site=PG01#entries')).toBe('/ledger?site=PG01#entries');
  });

  it('sends every address outside the app home instead', () => {
    for (const raw of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'admin',
    ]) {
      expect(safeNextPath(raw)).toBe('/');
    }
    expect(safeNextPath('/\t/evil.example')).toBe('/');
  });

  it('goes home when there is nowhere to return to, or only to the sign-in page itself', () => {
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('')).toBe('/');
    expect(safeNextPath('/login?next=/admin')).toBe('/');
    expect(safeNextPath('/account/password')).toBe('/');
  });
});

describe('loginPath and changePasswordPath', () => {
  it('carry the page to return to, encoded', () => {
    expect(loginPath('/ledger?site=PG01')).toBe('/login?next=%2Fledger%3Fsite%3DPG01');
    expect(changePasswordPath('/admin/users')).toBe('/account/password?next=%2Fadmin%2Fusers');
  });

  it('leave the query out when the return is home anyway', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('https://evil.example/')).toBe('/login');
  });
});
