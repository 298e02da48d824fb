import { describe, expect, it } from 'vitest';
import { checkUserForm } from './check-user-form';

describe('checkUserForm', () => {
  it('passes a complete operator with a site and a generated password', () => {
    expect(
      checkUserForm({ username: 'li', displayName: 'Li', role: 'operator', sites: ['PG01'], password: '' }),
    ).toEqual({});
  });

  it('wants a username and a display name', () => {
    expect(checkUserForm({ username: ' ', displayName: '', role: 'official', sites: [] })).toEqual({
      username: 'required',
      displayName: 'required',
    });
  });

  it('wants a site for roles that act for sites, and none for those that read every site', () => {
    expect(checkUserForm({ displayName: 'Li', role: 'recycler', sites: [] })).toEqual({ sites: 'sitesRequired' });
    expect(checkUserForm({ displayName: 'Li', role: 'admin', sites: [] })).toEqual({});
  });

  it('refuses a chosen password shorter than the minimum', () => {
    expect(checkUserForm({ displayName: 'Li', role: 'admin', sites: [], password: 'short' })).toEqual({
      password: 'passwordTooShort',
    });
  });
});
