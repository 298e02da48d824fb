// Derived state as a function of the log: each domain event kind has one
// pure projection (its body, the entry, a transaction → derived-table
// writes). The ledger runs `projectEntries` inside every append transaction
// (see open-ledger.ts), and a rebuild replays the log through the same
// function, so the derived tables cannot drift from what the log says.
// Kinds without a projection yet change no derived table.
import { readDomainEvent } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import type { AppendedEntry } from '../ledger/types';
import { projectAlloyDefined } from './alloy-defined';
import { projectGradeDefined } from './grade-defined';

export function projectEntry(at: AppendedEntry, db: AppDb): void {
  // Validates the body against its kind's schema: a malformed domain event is refused, not projected.
  const event = readDomainEvent(at.entry);
  if (!event) return;
  switch (event.kind) {
    case 'grade.defined':
      projectGradeDefined(event.body, at, db);
      return;
    case 'alloy.defined':
      projectAlloyDefined(event.body, at, db);
      return;
    default:
      return;
  }
}

export function projectEntries(entries: readonly AppendedEntry[], db: AppDb): void {
  for (const at of entries) projectEntry(at, db);
}
