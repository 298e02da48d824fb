// Verifies rows that arrive as a stream, in one pass and constant memory:
// for an export file, a small in-memory database, or the browser.

import { RangeVerifier, type VerifiableRow } from './range-verifier';
import { type CoordinatorOptions, type CoordinatorResult, VerifyCoordinator } from './verify-coordinator';

export type StreamVerifyOptions = Omit<CoordinatorOptions, 'chunkLevel'>;

export async function verifyRowStream(
  rows: AsyncIterable<VerifiableRow> | Iterable<VerifiableRow>,
  options: StreamVerifyOptions,
): Promise<CoordinatorResult> {
  const coordinator = new VerifyCoordinator(options);
  if (coordinator.failed) return coordinator.finish();
  const task = coordinator.streamTask();
  const range = new RangeVerifier(task);
  for await (const row of rows) {
    if (!range.push(row)) break;
  }
  coordinator.accept(task, range.finish());
  return coordinator.finish();
}
