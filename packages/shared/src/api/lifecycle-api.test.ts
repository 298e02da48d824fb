import { describe, expect, it } from 'vitest';
import { listLotsInput } from './lifecycle-api';

describe('instants in lifecycle inputs', () => {
  it('are kept in the ledger form, with milliseconds, however the caller spelled them', () => {
    const r = listLotsInput.parse({ from: '2026-11-28T08:30:00Z', to: '2026-11-28T08:30:00.5Z' });
    expect(r?.from).toBe('2026-11-28T08:30:00.000Z');
    expect(r?.to).toBe('2026-11-28T08:30:00.500Z');
  });

  it('still refuse a local time without its Z', () => {
    expect(listLotsInput.safeParse({ from: '2026-11-28T08:30:00' }).success).toBe(false);
  });
});
