// `alutrace monitor`: watches a server over HTTP as an official would from
// elsewhere (README "Cosigning checkpoints"). It keeps the last checkpoint it
// verified and every leaf hash it has seen; each run checks the new
// checkpoint's signature and consistency, that the new entries' bytes hash to
// their leaves and the leaves to the signed root, and re-reads old entries
// (a random sample, or all with --full) to catch a rewrite. Any difference:
// exit 1 with an evidence file, and the state is left as it was (fail closed).
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  base64Decode,
  bytesEqual,
  bytesToHex,
  type ConsistencyProofView,
  type CosignedCheckpointView,
  type EntriesPage,
  type EntryView,
  Frontier,
  hashLeaf,
  hexToBytes,
  isHashHex,
  NoteError,
  type NoteVerifier,
  type PublicKeyView,
  parseVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
} from '@alutrace/shared';
import { type CliIo, type Command, EXIT_FAILED, EXIT_OK, flag, type ParsedArgs, str, UsageError } from '../cli-kit';
import type { ApiClient } from '../remote/api-client';
import { REMOTE_HELP, remoteOptions, runRemote } from '../remote/remote-command';
import { fileTime, readJsonFile, writePrivateFile } from './private-files';

interface MonitorState {
  format: 'alutrace-monitor-state';
  version: 1;
  server: string;
  /** The server's verifier key, pinned on the first run (or --key). */
  logKey: string;
  origin: string;
  /** The last checkpoint verified; its tree's leaf hashes are in `<state>.leaves` (32 bytes each). */
  checkpoint: { treeSize: number; rootHash: string; note: string } | null;
  checkedAt: string;
}

const DEFAULT_SAMPLE = 32;

export const monitorCommand: Command = {
  name: 'monitor',
  summary: 'watch a server over HTTP: checkpoints consistent, entries unchanged (fails closed)',
  usage: [
    'alutrace monitor --url BASE_URL --state FILE [--full] [--sample N] [--key SERVER_VKEY] [--json]',
    '',
    "Watches an alutrace server as an official would from elsewhere, with an official's API token",
    '(ALUTRACE_TOKEN). Keeps the last verified checkpoint in FILE and every leaf hash seen in',
    'FILE.leaves. Each run checks the new checkpoint against the pinned key (pinned on the first',
    'run, or --key), its consistency proof from the last one, that every new entry hashes to its',
    'leaf and the leaves to the signed root, and re-reads old entries (N chosen at random with the',
    "system's cryptographic random source, default 32; --full: every one), comparing their leaf",
    'hashes with those seen before. Any difference: exit 1, with FILE.evidence-TIME.json; FILE is',
    'then left unchanged, so every later run fails too until someone looks.',
    '',
    '  --url URL     the alutrace server (default: $ALUTRACE_SERVER)',
    '  --state FILE  the monitor state (created on the first run, 0600)',
    '  --full        re-read every old entry, not a sample',
    '  --sample N    how many old entries to re-read (default 32)',
    "  --key VKEY    the server's verifier key to pin (default: the one served on the first run)",
    '',
    REMOTE_HELP,
    '',
    'Exit status: 0 consistent, 1 inconsistent or rewritten (evidence written) or refused, 2 wrong usage, 3 no answer.',
  ].join('\n'),
  options: {
    ...remoteOptions,
    url: { type: 'string' },
    state: { type: 'string' },
    full: { type: 'boolean' },
    sample: { type: 'string' },
    key: { type: 'string' },
  },
  async run(args, io) {
    const stateArg = str(args, 'state');
    if (!stateArg) throw new UsageError('give the monitor state file: --state FILE');
    const statePath = resolve(io.cwd, stateArg);
    const sampleText = str(args, 'sample');
    const sample = sampleText === undefined ? DEFAULT_SAMPLE : Number(sampleText);
    if (!Number.isSafeInteger(sample) || sample < 0) throw new UsageError('--sample takes a whole number');
    const state = readJsonFile<MonitorState>(statePath);
    if (state && (state.format !== 'alutrace-monitor-state' || state.version !== 1)) {
      throw new UsageError(`${statePath} is not a monitor state file`);
    }
    const leaves = readLeaves(`${statePath}.leaves`, state?.checkpoint?.treeSize ?? 0);
    const url = str(args, 'url');
    const withServer: ParsedArgs = url ? { ...args, values: { ...args.values, server: url } } : args;
    return runRemote(withServer, io, {}, (remote) =>
      monitor(remote.client, io, {
        statePath,
        state,
        leaves,
        keyGiven: str(args, 'key'),
        full: flag(args, 'full'),
        sample,
        json: remote.json,
      }),
    );
  },
};

function readLeaves(path: string, count: number): Uint8Array[] {
  if (count === 0) return [];
  if (!existsSync(path)) throw new UsageError(`${path} is missing: the state needs its leaf hashes`);
  const bytes = readFileSync(path);
  if (bytes.length !== count * 32) {
    throw new UsageError(`${path} holds ${bytes.length / 32} leaf hashes, but the state's checkpoint has ${count}`);
  }
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) out.push(new Uint8Array(bytes.subarray(i * 32, i * 32 + 32)));
  return out;
}

interface RunOptions {
  statePath: string;
  state: MonitorState | null;
  leaves: Uint8Array[];
  keyGiven: string | undefined;
  full: boolean;
  sample: number;
  json: boolean;
}

class Inconsistency extends Error {
  constructor(
    readonly kind: 'BAD_SIGNATURE' | 'WENT_BACK' | 'INCONSISTENT' | 'ENTRY_MISMATCH' | 'ROOT_MISMATCH' | 'REWRITTEN',
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

async function monitor(client: ApiClient, io: CliIo, o: RunOptions): Promise<number> {
  const served = await client.query<PublicKeyView>('ledger.publicKey');
  const logKey = o.keyGiven ?? o.state?.logKey ?? served.verifierKey;
  let verifier: NoteVerifier;
  try {
    verifier = parseVerifierKey(logKey);
  } catch (e) {
    throw new UsageError(`--key: ${e instanceof NoteError ? e.message : String(e)}`);
  }
  if (o.state && o.keyGiven && o.keyGiven !== o.state.logKey) {
    throw new UsageError(`--key differs from the key pinned in ${o.statePath} (${o.state.logKey})`);
  }
  const origin = o.state?.origin ?? served.origin;
  const head = await client.query<CosignedCheckpointView>('ledger.checkpoint', {});
  const previous = o.state?.checkpoint ?? null;
  const started = new Date();
  let proof: string[] = [];
  try {
    let cp: ReturnType<typeof verifyCheckpoint>;
    try {
      cp = verifyCheckpoint(head.note, verifier, origin);
    } catch (e) {
      throw new Inconsistency(
        'BAD_SIGNATURE',
        `the head checkpoint does not verify with the pinned key: ${e instanceof NoteError ? e.message : String(e)}`,
      );
    }
    const from = previous?.treeSize ?? 0;
    if (cp.size < from) {
      throw new Inconsistency(
        'WENT_BACK',
        `the server now serves ${cp.size} entries, fewer than the ${from} verified before`,
      );
    }
    if (previous && from > 0) {
      if (cp.size > from) {
        proof = (await client.query<ConsistencyProofView>('ledger.consistencyProof', { from, to: cp.size })).proof;
      }
      const check = proof.every(isHashHex)
        ? verifyConsistency(from, cp.size, hexToBytes(previous.rootHash), cp.root, proof.map(hexToBytes))
        : { valid: false as const, reason: 'the proof holds something that is not a SHA-256 hash' };
      if (!check.valid) {
        throw new Inconsistency(
          'INCONSISTENT',
          `the tree of ${cp.size} entries does not extend the tree of ${from} verified before (${check.reason})`,
        );
      }
    }

    // The new entries: each one's bytes hash to its leaf, and all the leaves to the signed root.
    const frontier = new Frontier();
    for (const leaf of o.leaves) frontier.push(leaf);
    const fresh: Uint8Array[] = [];
    for await (const e of entriesFrom(client, from, cp.size)) {
      const expectedSeq = from + fresh.length;
      if (e.seq !== expectedSeq) {
        throw new Inconsistency('ENTRY_MISMATCH', `the server sent entry ${e.seq} where ${expectedSeq} was due`);
      }
      fresh.push(checkedLeaf(e));
      frontier.push(fresh[fresh.length - 1] as Uint8Array);
    }
    if (fresh.length !== cp.size - from) {
      throw new Inconsistency(
        'ENTRY_MISMATCH',
        `the server sent ${fresh.length} new entries; the checkpoint has ${cp.size - from}`,
      );
    }
    if (!bytesEqual(frontier.root(), cp.root)) {
      throw new Inconsistency(
        'ROOT_MISMATCH',
        `the entries the server sends hash to root ${bytesToHex(frontier.root())}, not the signed root ${bytesToHex(cp.root)}`,
      );
    }

    // Old entries again: a rewrite behind the server's back shows as another leaf hash.
    const picks = o.full ? null : pick(from, o.sample);
    let reread = 0;
    const compare = (e: EntryView): void => {
      const seen = o.leaves[e.seq] as Uint8Array;
      const leaf = checkedLeaf(e);
      reread++;
      if (!bytesEqual(leaf, seen)) {
        throw new Inconsistency(
          'REWRITTEN',
          `entry ${e.seq} was rewritten: its leaf hash is now ${bytesToHex(leaf)}, but was ${bytesToHex(seen)} when this monitor first read it`,
          { seq: e.seq, seenLeafHash: bytesToHex(seen), servedLeafHash: e.leafHash, servedBytes: e.canonicalBase64 },
        );
      }
    };
    if (picks === null) {
      for await (const e of entriesFrom(client, 0, from)) compare(e);
    } else {
      for (const seq of picks) compare(await client.query<EntryView>('ledger.entry', { seq }));
    }

    const all = [...o.leaves, ...fresh];
    writePrivateFile(`${o.statePath}.leaves`, Buffer.concat(all));
    const next: MonitorState = {
      format: 'alutrace-monitor-state',
      version: 1,
      server: client.target.server,
      logKey,
      origin,
      checkpoint: { treeSize: cp.size, rootHash: bytesToHex(cp.root), note: head.note },
      checkedAt: started.toISOString(),
    };
    writePrivateFile(o.statePath, `${JSON.stringify(next, null, 2)}\n`);
    const summary = {
      ok: true,
      treeSize: cp.size,
      previousSize: from,
      newEntries: fresh.length,
      reread,
      full: o.full,
      rootHash: bytesToHex(cp.root),
      cosignatures: head.cosignatures.map((c) => ({
        witness: c.witness,
        treeSize: c.treeSize,
        timestamp: c.timestamp,
      })),
    };
    if (o.json) io.out(JSON.stringify(summary, null, 2));
    else {
      io.out(
        `monitor: OK — tree size ${cp.size} extends ${from}; ${fresh.length} new entries checked, ${reread} old entries re-read${o.full ? ' (all)' : ' (random sample)'}, unchanged`,
      );
      io.out(
        `  监控正常：树大小 ${cp.size} 是 ${from} 的延续；检查了 ${fresh.length} 条新记录，重读 ${reread} 条旧记录，均未改动`,
      );
      io.out(`  root ${bytesToHex(cp.root)}`);
      if (head.cosignatures.length > 0) {
        io.out(`  cosigned by ${head.cosignatures.map((c) => c.witness).join(', ')}`);
      }
    }
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof Inconsistency)) throw e;
    const evidenceFile = `${o.statePath}.evidence-${fileTime(started)}.json`;
    const evidence = {
      format: 'alutrace-monitor-evidence',
      version: 1,
      detectedAt: started.toISOString(),
      server: client.target.server,
      logKey,
      origin,
      kind: e.kind,
      reason: e.message,
      previous,
      head: { treeSize: head.treeSize, rootHash: head.rootHash, note: head.note },
      proof: { from: previous?.treeSize ?? 0, to: head.treeSize, hashes: proof },
      ...e.detail,
    };
    writePrivateFile(evidenceFile, `${JSON.stringify(evidence, null, 2)}\n`);
    if (o.json) io.out(JSON.stringify({ ok: false, kind: e.kind, reason: e.message, evidence: evidenceFile }, null, 2));
    io.err(
      [
        '',
        `!!! MONITOR: THE LEDGER IS NOT WHAT IT WAS (${e.kind}) !!!`,
        '!!! 监控：账本与此前所见不一致 !!!',
        `  ${e.message}`,
        `  evidence: ${evidenceFile}`,
        `  证据：${evidenceFile}`,
        `  The state in ${o.statePath} was left as it was: every later run fails the same way until this is explained.`,
        '  状态文件保持不变：在查明原因之前，以后每次运行都会同样失败。',
        '',
      ].join('\n'),
    );
    return EXIT_FAILED;
  }
}

/** The entry's bytes, checked to hash to the leaf hash the server gives for them. */
function checkedLeaf(e: EntryView): Uint8Array {
  const leaf = hashLeaf(base64Decode(e.canonicalBase64));
  if (bytesToHex(leaf) !== e.leafHash) {
    throw new Inconsistency(
      'ENTRY_MISMATCH',
      `entry ${e.seq}'s bytes hash to ${bytesToHex(leaf)}, not to the leaf hash ${e.leafHash} the server gives`,
      { seq: e.seq, servedLeafHash: e.leafHash, servedBytes: e.canonicalBase64 },
    );
  }
  return leaf;
}

/** Entries `from` ≤ seq < `to`, oldest first, page by page. */
async function* entriesFrom(client: ApiClient, from: number, to: number): AsyncGenerator<EntryView> {
  let cursor: number | undefined = from > 0 ? from - 1 : undefined;
  while (true) {
    const page = await client.query<EntriesPage>('ledger.entries', {
      order: 'oldest',
      limit: 100,
      ...(cursor !== undefined ? { cursor } : {}),
    });
    for (const e of page.items) {
      if (e.seq >= to) return;
      yield e;
    }
    if (page.nextCursor === null || page.items.length === 0) return;
    cursor = page.nextCursor;
  }
}

/** `count` distinct entries below `size`, drawn with the system's cryptographic random source. */
function pick(size: number, count: number): number[] {
  if (count >= size) return Array.from({ length: size }, (_, i) => i);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(randomInt(size));
  return [...chosen].sort((a, b) => a - b);
}
