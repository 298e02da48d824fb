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
      expect(safeNextPath(raw)).toBe('/home');
    }
    expect(safeNextPath('/\t/evil.example')).toBe('/home');
  });

  it("goes to the role's home (/home) when there is nowhere to return to, or only to the sign-in page itself", () => {
    expect(safeNextPath(null)).toBe('/home');
    expect(safeNextPath('')).toBe('/home');
    expect(safeNextPath('/login?next=/admin')).toBe('/home');
    expect(safeNextPath('/account/password')).toBe('/home');
  });
});

describe('loginPath and changePasswordPath', () => {
  it('carry the page to return to, encoded', () => {
    expect(loginPath('/ledger?site=PG01')).toBe('/login?next=%2Fledger%3Fsite%3DPG01');
    expect(changePasswordPath('/admin/users')).toBe('/account/password?next=%2Fadmin%2Fusers');
  });

  it('leave the query out when the return is home anyway', () => {
    expect(loginPath('/home')).toBe('/login');
    // The public front page (the ledger) is a place to come back to.
    expect(loginPath('/')).toBe('/login?next=%2F');
    expect(loginPath('https://evil.example/')).toBe('/login');
  });
});
