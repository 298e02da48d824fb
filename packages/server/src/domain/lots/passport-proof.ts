// A lot's passport as one offline-verifiable file (shared/proofs/lot-proof.ts):
// the same passport lots.passport answers, with the same refusal (a wrong
// digest and an unknown lot are one LOT_UNKNOWN), each entry as a C2SP
// tlog-proof to one signed checkpoint with its officials' cosignatures.
//
// Which checkpoint: the newest one officials cosigned, when it covers every
// entry the passport lists (a proof to it is worth more than one to a newer
// head nobody has witnessed yet); otherwise the head. An entry newer than the
// head would have no proof, so the ledger signs one first: a checkpoint row,
// never a ledger entry, and none while the ledger has not grown.
import { buildLotProof, bytesToHex, type LotProofFile, type Passport, type passportInput } from '@alutrace/shared';
import { max } from 'drizzle-orm';
import type { z } from 'zod';
import { cosignatures } from '../../db/schema';
import { cosignedCheckpoint } from '../witness/witnesses';
import { getPassport, type PassportDeps } from './passport';

export function getLotProof(
  deps: PassportDeps & { now: () => Date },
  input: z.output<typeof passportInput>,
): LotProofFile {
  let passport = getPassport(deps, input);
  // A new entry about the lot may land between the signing and the second read: sign again.
  for (let i = 0; i < 5 && passport.entries.some((e) => e.proof === null); i++) {
    deps.ledger.signCheckpoint();
    passport = getPassport(deps, input);
  }
  const newest = Math.max(...passport.entries.map((e) => e.seq));
  const witnessed =
    deps.db
      .select({ size: max(cosignatures.treeSize) })
      .from(cosignatures)
      .get()?.size ?? null;
  const size = witnessed !== null && witnessed > newest ? witnessed : passport.checkpoint.treeSize;
  const cp = cosignedCheckpoint(
    {
      db: deps.db,
      checkpointAt: (n) => deps.ledger.checkpointAt(n),
      head: () => deps.ledger.head(),
      origin: deps.origin,
      verifierKey: deps.verifierKey,
      now: deps.now,
    },
    size,
  );
  const proved: Passport = {
    ...passport,
    entries: passport.entries.map((e) => ({
      ...e,
      proof: deps.ledger.tree.inclusionProof(e.seq, cp.treeSize).map(bytesToHex),
    })),
    checkpoint: { ...passport.checkpoint, treeSize: cp.treeSize, rootHash: cp.rootHash, note: cp.cosignedNote },
  };
  return buildLotProof(
    proved,
    input.digest,
    cp.cosignatures.map((c) => ({ name: c.witness, vkey: c.vkey })),
  );
}
