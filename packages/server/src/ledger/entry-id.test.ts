import { UUID_RE } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { newEntryId } from './entry-id';

describe('entry ids', () => {
  it('are UUIDv7, unique, and in creation order even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newEntryId(1_795_000_000_000));
    for (const id of ids) expect(id).toMatch(UUID_RE);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const later = newEntryId(1_795_000_000_001);
    expect(later > (ids[ids.length - 1] as string)).toBe(true);
  });

  it('carry the time they were made', () => {
    const ms = Date.parse('2026-11-28T09:30:00.000Z');
    const id = newEntryId(ms);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });
});
