// What the browser checks of the server's sample on its own: the checkpoint
// note's signature under the verifier key and that it is the checkpoint
// named, and the seed and every rank recomputed by the shared draw from the
// checkpoint, the parameters and the drawn lots. That the drawn lots are the
// lowest-ranked of the whole population needs the whole log: `alutrace
// sample` on the data directory or an export checks that.
import { type AuditSampleView, bytesToHex, drawSample, parseVerifierKey, verifyCheckpoint } from '@alutrace/shared';

export function recheckSample(v: AuditSampleView): string | null {
  try {
    const cp = verifyCheckpoint(v.note, parseVerifierKey(v.verifierKey), v.checkpoint.origin);
    if (cp.size !== v.checkpoint.treeSize || bytesToHex(cp.root) !== v.checkpoint.rootHash)
      return `the signed note is for tree ${cp.size}, not ${v.checkpoint.treeSize}`;
  } catch (e) {
    return (e as Error).message;
  }
  const again = drawSample(
    v.strata.flatMap((s) => s.lots),
    v.checkpoint,
    v.params,
  );
  if (again.seedInput !== v.seedInput || again.seed !== v.seed) return 'the seed does not recompute';
  const ranks = new Map(again.strata.flatMap((s) => s.lots).map((l) => [l.lotId, l.rank]));
  for (const s of v.strata) {
    for (const [i, l] of s.lots.entries()) {
      if (ranks.get(l.lotId) !== l.rank) return `the rank of ${l.lotId} does not recompute`;
      const prev = s.lots[i - 1];
      if (prev && prev.rank > l.rank) return `${s.key} is not in rank order`;
    }
  }
  return null;
}
