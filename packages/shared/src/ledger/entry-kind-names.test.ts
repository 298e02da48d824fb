import { describe, expect, it } from 'vitest';
import { ENTRY_KIND_NAMES, entryKindName } from './entry-kind-names';

describe('entry kind names', () => {
  it('names every kind the lifecycle and the administration write, in both languages', () => {
    for (const kind of [
      'collection.recorded',
      'lots.dispatched',
      'lots.received',
      'processing.recorded',
      'byproduct.utilised',
      'product.shipped',
      'correction.recorded',
      'grade.defined',
      'alloy.defined',
      'site.created',
      'site.updated',
      'user.created',
      'user.deactivated',
      'user.reactivated',
      'user.password_changed',
      'user.password_reset',
      'user.profile_changed',
      'user.role_changed',
      'user.sites_changed',
      'token.created',
      'token.revoked',
    ]) {
      expect(ENTRY_KIND_NAMES[kind]?.zh, kind).toMatch(/\p{Script=Han}/u);
      expect(ENTRY_KIND_NAMES[kind]?.en, kind).toMatch(/^[A-Z]/);
    }
    expect(entryKindName('lots.received', 'zh')).toBe('收货');
  });

  it('leaves an unknown kind as its code', () => {
    expect(entryKindName('weather.recorded', 'en')).toBe('weather.recorded');
  });
});
