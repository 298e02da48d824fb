import { INSTANT_RE, KIND_RE, SITE_CODE_RE } from '@alutrace/shared';
import { AppError } from '../errors';
import type { NewEntry } from './types';

export const MAX_ENTRIES_PER_APPEND = 10_000;
export const MAX_ENTRY_BYTES = 64 * 1024;

/** Checks what domain code passes to append; a problem here is an INVALID_ENTRY, never a half-written ledger. */
export function validateNewEntry(e: NewEntry, i: number): void {
  const bad = (detail: string): never => {
    throw new AppError('INVALID_ENTRY', { detail: `entry ${i}: ${detail}` });
  };
  if (typeof e.kind !== 'string' || !KIND_RE.test(e.kind))
    bad(`kind "${e.kind}" is not an event name like "site.created"`);
  if (e.site !== null && (typeof e.site !== 'string' || !SITE_CODE_RE.test(e.site))) {
    bad(`site "${e.site}" is not a site code like "PG01"`);
  }
  if (typeof e.actor?.type !== 'string' || typeof e.actor?.id !== 'string' || e.actor.id === '') {
    bad('actor needs a type and an id');
  }
  if (e.occurredAt !== undefined) {
    if (!INSTANT_RE.test(e.occurredAt) || Number.isNaN(Date.parse(e.occurredAt))) {
      bad(`occurredAt "${e.occurredAt}" is not an ISO-8601 UTC instant like 2026-11-28T09:30:00.000Z`);
    }
  }
  if (typeof e.body !== 'object' || e.body === null || Array.isArray(e.body)) bad('body must be an object');
}
