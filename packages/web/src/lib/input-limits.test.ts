import { createSiteInput, createUserInput } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from './input-limits';

describe('input limits', () => {
  it('are the lengths the API accepts, and one more is refused', () => {
    expect(INPUT_LIMITS.site.nameZh).toBe(100);
    expect(INPUT_LIMITS.user.username).toBe(40);
    const site = { code: 'PG01', kind: 'collection_point', nameEn: 'x' };
    expect(createSiteInput.safeParse({ ...site, nameZh: '站'.repeat(INPUT_LIMITS.site.nameZh) }).success).toBe(true);
    expect(createSiteInput.safeParse({ ...site, nameZh: '站'.repeat(INPUT_LIMITS.site.nameZh + 1) }).success).toBe(
      false,
    );
    const user = { username: 'li', role: 'official' };
    expect(createUserInput.safeParse({ ...user, displayName: 'x'.repeat(INPUT_LIMITS.user.displayName) }).success).toBe(
      true,
    );
    expect(
      createUserInput.safeParse({ ...user, displayName: 'x'.repeat(INPUT_LIMITS.user.displayName + 1) }).success,
    ).toBe(false);
  });
});
