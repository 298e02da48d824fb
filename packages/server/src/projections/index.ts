// Derived state as a function of the log: each domain event kind has one
// pure projection (its body, the entry, a transaction → derived-table
// writes). The ledger runs `projectEntries` inside every append transaction
// (see open-ledger.ts), and a rebuild replays the log through the same
// function, so the derived tables cannot drift from what the log says.
import { readDomainEvent } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import type { AppendedEntry } from '../ledger/types';
import { projectAlloyDefined } from './alloy-defined';
import { projectAnomalyThresholdsSet } from './anomaly-thresholds-set';
import { projectByproductUtilised } from './byproduct-utilised';
import { projectCollectionRecorded } from './collection-recorded';
import { projectCorrectionRecorded } from './correction-recorded';
import { projectGradeDefined } from './grade-defined';
import { projectIncentiveSchemeDefined } from './incentive-scheme-defined';
import { projectIncentiveStatementIssued } from './incentive-statement-issued';
import { projectLotsDispatched } from './lots-dispatched';
import { projectLotsReceived } from './lots-received';
import { projectProcessingRecorded } from './processing-recorded';
import { projectProductShipped } from './product-shipped';
import { projectEmissionFactorsDefined } from './report-emission-factors';
import { projectReportFacts } from './report-facts';
import { projectTargetDefined } from './target-defined';

export function projectEntry(at: AppendedEntry, db: AppDb): void {
  // Validates the body against its kind's schema: a malformed domain event is refused, not projected.
  const event = readDomainEvent(at.entry);
  if (!event) return;
  // The report aggregates first: they read the lots as they were before this event.
  projectReportFacts(event, at, db);
  switch (event.kind) {
    case 'grade.defined':
      projectGradeDefined(event.body, at, db);
      return;
    case 'alloy.defined':
      projectAlloyDefined(event.body, at, db);
      return;
    case 'collection.recorded':
      projectCollectionRecorded(event.body, at, db);
      return;
    case 'lots.dispatched':
      projectLotsDispatched(event.body, at, db);
      return;
    case 'lots.received':
      projectLotsReceived(event.body, at, db);
      return;
    case 'processing.recorded':
      projectProcessingRecorded(event.body, at, db);
      return;
    case 'byproduct.utilised':
      projectByproductUtilised(event.body, at, db);
      return;
    case 'product.shipped':
      projectProductShipped(event.body, at, db);
      return;
    case 'correction.recorded':
      projectCorrectionRecorded(event.body, at, db);
      return;
    case 'incentive_scheme.defined':
      projectIncentiveSchemeDefined(event.body, at, db);
      return;
    case 'incentive_statement.issued':
      projectIncentiveStatementIssued(event.body, at, db);
      return;
    case 'anomaly_thresholds.set':
      projectAnomalyThresholdsSet(event.body, at, db);
      return;
    case 'target.defined':
      projectTargetDefined(event.body, at, db);
      return;
    case 'emission_factors.defined':
      projectEmissionFactorsDefined(event.body, at, db);
      return;
    default:
      assertNever(event);
  }
}

function assertNever(event: never): never {
  throw new Error(`no projection for ${JSON.stringify(event)}`);
}

export function projectEntries(entries: readonly AppendedEntry[], db: AppDb): void {
  for (const at of entries) projectEntry(at, db);
}
