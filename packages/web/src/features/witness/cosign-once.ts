// One cosigning round from the browser: the shared cosignRound over tRPC,
// with the state, the rounds made and any evidence kept in IndexedDB.
import { type CosignRound, cosignRound } from '@alutrace/shared';
import type { ApiClient } from '../../lib/trpc';
import { addEvidence, addRound, loadState, type StoredWitness, saveState, toCosigner } from './witness-keeper';
import { witnessApiOf } from './witness-transport';

export async function cosignOnce(client: ApiClient, owner: string, witness: StoredWitness): Promise<CosignRound> {
  const state = await loadState(owner);
  const round = await cosignRound({
    api: witnessApiOf(client),
    cosigner: toCosigner(witness),
    state,
    save: (next) => saveState(owner, next),
  });
  if (round.ok) {
    await addRound(owner, {
      treeSize: round.result.treeSize,
      rootHash: round.rootHash,
      from: round.from,
      cosignedAt: new Date(round.result.timestamp * 1000).toISOString(),
      duplicate: round.result.duplicate,
    });
  } else {
    await addEvidence(owner, round.evidence);
  }
  return round;
}
