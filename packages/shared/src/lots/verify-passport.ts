// Checking a lot's passport (lots.passport) without trusting the server, in
// the browser or anywhere else: the checkpoint's Ed25519 signature under the
// verifier key you trust, each entry's bytes → RFC 6962 leaf hash → RFC 9162
// inclusion proof → the signed root, and that the entries say what the
// summary says: the lot, its mass and what it is (the creating entry), the
// label digest (its leaf hash), the run's inputs, a voiding correction, the
// shipment, and — when the whole history is listed — its balance and state
// replayed entry by entry. Each check is reported on its own.
import type { Passport, PassportEntry } from '../api/passport-api';
import { base64Decode, bytesToHex, hexToBytes } from '../bytes';
import { verifyCheckpoint } from '../checkpoint/checkpoint';
import { parseVerifierKey } from '../checkpoint/signed-note';
import { type DomainEvent, readDomainEvent } from '../events';
import { decodeEntry, type LedgerEntry } from '../ledger/entry';
import { hashLeaf } from '../merkle/hashes';
import { verifyInclusion } from '../merkle/verify-proofs';
import { labelDigest } from './label';
import { replayLot } from './replay-lot';

export type PassportCheckName =
  | 'checkpoint'
  | 'leaf-hash'
  | 'entry'
  | 'inclusion'
  | 'label-digest'
  | 'created'
  | 'inputs'
  | 'voided'
  | 'shipped'
  | 'history';

export interface PassportCheck {
  check: PassportCheckName;
  /** The entry checked, for the per-entry checks. */
  seq?: number;
  /** `unchecked`: nothing to check it against (an entry newer than the checkpoint, a history too long to list). */
  status: 'pass' | 'fail' | 'unchecked';
  detail: string;
}

export interface PassportVerification {
  /** Every check passed (the history replay may be unchecked when the passport lists only part of it). */
  valid: boolean;
  checks: PassportCheck[];
}

export interface VerifyPassportOptions {
  /** The digest read from the label: it must be the one of the lot's creating entry. */
  digest?: string;
  /** The log's origin, when known: a checkpoint of another log is refused. */
  origin?: string;
}

interface Read {
  item: PassportEntry;
  entry: LedgerEntry;
  event: DomainEvent | null;
  leafHash: string;
}

export function verifyPassport(
  passport: Passport,
  verifierKey: string,
  options: VerifyPassportOptions = {},
): PassportVerification {
  const checks: PassportCheck[] = [];
  const pass = (check: PassportCheckName, detail: string, seq?: number) =>
    checks.push({ check, status: 'pass', detail, ...(seq === undefined ? {} : { seq }) });
  const fail = (check: PassportCheckName, detail: string, seq?: number) =>
    checks.push({ check, status: 'fail', detail, ...(seq === undefined ? {} : { seq }) });

  let root: Uint8Array | null = null;
  let size = 0;
  try {
    const cp = verifyCheckpoint(passport.checkpoint.note, parseVerifierKey(verifierKey), options.origin);
    if (cp.size !== passport.checkpoint.treeSize || bytesToHex(cp.root) !== passport.checkpoint.rootHash) {
      fail(
        'checkpoint',
        `the signed note is for tree ${cp.size}, not the tree ${passport.checkpoint.treeSize} claimed`,
      );
    } else {
      root = cp.root;
      size = cp.size;
      pass('checkpoint', `signed checkpoint of ${cp.size} entries`);
    }
  } catch (e) {
    fail('checkpoint', `the checkpoint does not verify: ${(e as Error).message}`);
  }

  const read: Read[] = [];
  for (const item of passport.entries) {
    let bytes: Uint8Array;
    try {
      bytes = base64Decode(item.canonicalBase64);
    } catch {
      fail('entry', 'the entry bytes are not base64', item.seq);
      continue;
    }
    const leafHash = bytesToHex(hashLeaf(bytes));
    if (leafHash === item.leafHash) pass('leaf-hash', 'SHA-256(0x00 ‖ bytes) is the leaf hash given', item.seq);
    else fail('leaf-hash', `the bytes hash to ${leafHash}, not ${item.leafHash}`, item.seq);
    try {
      const entry = decodeEntry(bytes);
      if (entry.seq !== item.seq) throw new Error(`it is entry ${entry.seq}`);
      read.push({ item, entry, event: readDomainEvent(entry), leafHash });
      pass('entry', `${entry.kind} at ${entry.site ?? 'no site'}`, item.seq);
    } catch (e) {
      fail('entry', `not ledger entry ${item.seq}: ${(e as Error).message}`, item.seq);
    }
    if (item.proof === null) {
      checks.push({
        check: 'inclusion',
        seq: item.seq,
        status: 'unchecked',
        detail: 'newer than the checkpoint: ask again in a moment',
      });
    } else if (root === null) {
      fail('inclusion', 'no verified checkpoint to check the proof against', item.seq);
    } else {
      let proof: Uint8Array[];
      try {
        proof = item.proof.map(hexToBytes);
      } catch {
        fail('inclusion', 'the proof is not hex', item.seq);
        continue;
      }
      const r = verifyInclusion(item.seq, size, hexToBytes(leafHash), proof, root);
      if (r.valid) pass('inclusion', `in the signed tree of ${size} entries`, item.seq);
      else fail('inclusion', r.reason, item.seq);
    }
  }

  checkContent(passport, read, options, pass, fail, checks);
  const valid = checks.every((c) => c.status === 'pass' || (c.status === 'unchecked' && c.check === 'history'));
  return { valid, checks };
}

type Note = (check: PassportCheckName, detail: string, seq?: number) => void;

function checkContent(
  passport: Passport,
  read: Read[],
  options: VerifyPassportOptions,
  pass: Note,
  fail: Note,
  checks: PassportCheck[],
): void {
  const { lot } = passport;
  const creating = read.find((r) => r.item.role === 'created');
  if (!creating || creating.item.seq !== lot.createdSeq) {
    fail('created', `the entry that created ${lot.lotId} (seq ${lot.createdSeq}) is not listed`);
    return;
  }
  const digest = labelDigest(creating.leafHash);
  if (digest !== lot.labelDigest)
    fail('label-digest', `the creating entry gives digest ${digest}, not ${lot.labelDigest}`);
  else if (options.digest !== undefined && options.digest.toLowerCase() !== digest)
    fail('label-digest', `the label says ${options.digest}, the creating entry gives ${digest}`);
  else pass('label-digest', `the label digest ${digest} is the creating entry's`);

  const created = createdProblem(passport, creating);
  if (created) fail('created', created, creating.item.seq);
  else pass('created', `entry ${creating.item.seq} created ${lot.lotId}: ${lot.massG} g`, creating.item.seq);

  const body = creating.event?.kind === 'processing.recorded' ? creating.event.body : null;
  const want = body ? body.inputs.map((i) => `${i.lotId}:${i.consumedG}`).join(',') : '';
  const got = passport.inputs.map((i) => `${i.lotId}:${i.consumedG}`).join(',');
  if (want === got)
    pass('inputs', body ? `${body.inputs.length} inputs, as the run lists them` : 'a collection: no inputs');
  else fail('inputs', `the listed inputs (${got || 'none'}) are not the run's (${want || 'none'})`);

  // Corrections name their target by seq and leaf hash: a correction of a listed entry must name its hash.
  const corrected = new Set<number>();
  for (const r of read) {
    if (r.event?.kind !== 'correction.recorded') continue;
    const { targetSeq, targetLeafHash } = r.event.body;
    const target = read.find((t) => t.item.seq === targetSeq);
    if (target && target.leafHash !== targetLeafHash) continue;
    corrected.add(targetSeq);
  }
  const voided = corrected.has(creating.item.seq);
  if (voided !== (lot.state === 'voided')) {
    fail(
      'voided',
      voided
        ? 'a listed correction voids the lot, the summary does not say so'
        : 'the summary says voided, no listed correction voids it',
    );
  } else pass('voided', voided ? 'voided by a listed correction' : 'no listed correction voids it');

  const shipments = read.filter(
    (r) => r.event?.kind === 'product.shipped' && r.event.body.lotId === lot.lotId && !corrected.has(r.item.seq),
  );
  const s = lot.shippedTo;
  const match = s
    ? shipments.find(
        (r) =>
          r.item.seq === s.seq &&
          r.event?.kind === 'product.shipped' &&
          r.event.body.buyer === s.buyer.code &&
          r.event.body.chain === s.chain &&
          r.event.body.massG === s.massG,
      )
    : undefined;
  if (s && !match) fail('shipped', `no listed entry ships it to ${s.buyer.code} (${s.chain}, ${s.massG} g)`);
  else if (!s && shipments.length > 0)
    fail('shipped', `entry ${shipments[0]?.item.seq} ships it; the summary does not say so`);
  else pass('shipped', s ? `shipped to ${s.buyer.code} by entry ${s.seq}` : 'not shipped');

  if (passport.omittedEntries > 0) {
    checks.push({
      check: 'history',
      status: 'unchecked',
      detail: `${passport.omittedEntries} older entries are not listed: the balance cannot be replayed here`,
    });
    return;
  }
  const replayed = replayLot(
    lot.lotId,
    read.map((r) => ({ seq: r.item.seq, event: r.event })),
    creating.item.seq,
    corrected,
  );
  if (replayed.state === lot.state && replayed.balanceG === lot.balanceG)
    pass('history', `replayed: ${replayed.state}, ${replayed.balanceG} g left`);
  else
    fail(
      'history',
      `the entries leave it ${replayed.state} with ${replayed.balanceG} g, not ${lot.state} with ${lot.balanceG} g`,
    );
}

function createdProblem(passport: Passport, creating: Read): string | null {
  const { lot } = passport;
  const { entry, event } = creating;
  if (entry.site !== lot.originSite.code) return `made at ${entry.site}, not ${lot.originSite.code}`;
  if (event?.kind === 'collection.recorded') {
    const b = event.body;
    if (b.lotId !== lot.lotId) return `it created ${b.lotId}`;
    if (lot.kind !== 'scrap') return `a collection makes scrap, not ${lot.kind}`;
    if (b.netG !== lot.massG) return `it weighed ${b.netG} g net, not ${lot.massG} g`;
    if (b.grade !== lot.grade?.code) return `grade ${b.grade}, not ${lot.grade?.code}`;
    if (b.sourceClass !== lot.sourceClass) return `${b.sourceClass}, not ${lot.sourceClass}`;
    return null;
  }
  if (event?.kind === 'processing.recorded') {
    const o = event.body.outputs.find((x) => x.lotId === lot.lotId);
    if (o) {
      if (o.massG !== lot.massG) return `it made ${o.massG} g, not ${lot.massG} g`;
      if ((o.form === 'sorted_scrap' ? 'scrap' : 'product') !== lot.kind) return `it made ${o.form}, not ${lot.kind}`;
      if (o.form !== lot.form || o.alloy !== (lot.alloy?.code ?? null) || o.grade !== (lot.grade?.code ?? null))
        return `it made ${o.form} ${o.alloy ?? o.grade}, not ${lot.form} ${lot.alloy?.code ?? lot.grade?.code}`;
      return null;
    }
    const b = event.body.byproducts.find((x) => x.lotId === lot.lotId);
    if (!b) return `the run made no lot ${lot.lotId}`;
    if (b.massG !== lot.massG) return `it made ${b.massG} g, not ${lot.massG} g`;
    if (lot.kind !== 'byproduct' || b.kind !== lot.byproductKind) return `it made ${b.kind}, not ${lot.byproductKind}`;
    if (b.hazardousWasteCode !== lot.hazardousWasteCode) return `waste code ${b.hazardousWasteCode}`;
    return null;
  }
  return `a ${entry.kind} entry creates no lot`;
}
