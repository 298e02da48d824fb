// `alutrace witness init | cosign | show`: an official's witness from the
// command line (README "Cosigning checkpoints"). The key stays in its file;
// the server only ever sees the public key and the cosignatures.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  bytesToHex,
  type ConsistencyProofView,
  type CosignedCheckpointView,
  type CosignResult,
  checkNextCheckpoint,
  cosign,
  formatCosignerKey,
  generateCosigner,
  NoteError,
  type NoteVerifier,
  noteBody,
  type PublicKeyView,
  parseVerifierKey,
  readCheckpointNote,
  readWitnessKeyFile,
  verifyCheckpoint,
  verifyCosignatureLine,
  type WitnessLatestView,
  type WitnessState,
  type WitnessView,
  witnessKeyFileText,
} from '@alutrace/shared';
import { type CliIo, type Command, EXIT_FAILED, EXIT_OK, type ParsedArgs, str, UsageError } from '../cli-kit';
import type { ApiClient } from '../remote/api-client';
import { LocalRefusal, REMOTE_HELP, remoteOptions, runRemote } from '../remote/remote-command';
import { createPrivateFile, fileTime, readJsonFile, writePrivateFile } from './private-files';

const USAGE = [
  'alutrace witness init --name NAME --key-file FILE',
  'alutrace witness cosign --url BASE_URL --key-file FILE [--key SERVER_VKEY] [--evidence FILE] [--json]',
  'alutrace witness show --key-file FILE [--url BASE_URL]',
  '',
  "An official's witness (C2SP tlog-cosignature v1, Ed25519). The secret key stays in FILE (0600).",
  '',
  '  init     make a new key; prints its public key (vkey) to give to verifiers',
  '  cosign   fetch the head checkpoint and a consistency proof from the last checkpoint this',
  '           witness cosigned (kept in FILE.state), check them, cosign and upload. The key is',
  "           registered to the API token's holder (an official) on first use. If the log does",
  '           not extend what this witness cosigned before, refuse: exit 1, and write the',
  '           evidence (both signed checkpoints and the failed proof) to FILE.evidence-TIME.json',
  '           or --evidence FILE',
  '  show     the key, its vkey and the last checkpoint it cosigned',
  '',
  '  --name NAME      the witness name, e.g. baise.gov.cn/witness-li (no spaces or "+")',
  '  --key-file FILE  the witness key file',
  '  --url URL        the alutrace server (default: $ALUTRACE_SERVER)',
  "  --key VKEY       the server's verifier key to trust (default: the one pinned in FILE.state",
  '                   on the first run, which is then fetched from the server)',
  '  The API token is read from $ALUTRACE_TOKEN (or --token-file FILE).',
  '',
  REMOTE_HELP,
  '',
  'Exit status: 0 done, 1 refused (an inconsistent log, or the server refused), 2 wrong usage, 3 no answer.',
].join('\n');

export const witnessCommand: Command = {
  name: 'witness',
  summary: "an official's witness: init a key, cosign the server's checkpoints, show",
  usage: USAGE,
  options: {
    ...remoteOptions,
    url: { type: 'string' },
    name: { type: 'string' },
    'key-file': { type: 'string' },
    key: { type: 'string' },
    evidence: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, io) {
    const [sub, ...rest] = args.positionals;
    if (rest.length > 0 || !sub) throw new UsageError('say what to do: witness init | cosign | show');
    const keyFileArg = str(args, 'key-file');
    if (!keyFileArg) throw new UsageError('give the witness key file: --key-file FILE');
    const keyFile = resolve(io.cwd, keyFileArg);
    if (sub === 'init') return init(args, io, keyFile);
    if (sub === 'cosign') return cosignCommand(args, io, keyFile);
    if (sub === 'show') return show(args, io, keyFile);
    throw new UsageError(`unknown witness command "${sub}": init, cosign or show`);
  },
};

function init(args: ParsedArgs, io: CliIo, keyFile: string): Promise<number> {
  const name = str(args, 'name');
  if (!name) throw new UsageError('give the witness a name: --name NAME (e.g. baise.gov.cn/witness-li)');
  let cosigner: ReturnType<typeof generateCosigner>;
  try {
    cosigner = generateCosigner(name);
  } catch (e) {
    throw new UsageError(`--name: ${e instanceof NoteError ? e.message : String(e)}`);
  }
  createPrivateFile(keyFile, witnessKeyFileText(cosigner));
  io.out(`new witness key ${name} in ${keyFile} (readable only by you)`);
  io.out(`  新的见证密钥已保存在 ${keyFile}（仅您可读）`);
  io.out('public key (vkey), for verifiers (`verify --witness-key …`):');
  io.out(formatCosignerKey(cosigner));
  return Promise.resolve(EXIT_OK);
}

function loadKey(keyFile: string) {
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the witness key file ${keyFile}: ${(e as Error).message}`);
  }
  try {
    return readWitnessKeyFile(text);
  } catch (e) {
    throw new UsageError(`${keyFile}: ${e instanceof NoteError ? e.message : String(e)}`);
  }
}

const statePath = (keyFile: string): string => `${keyFile}.state`;

function readState(keyFile: string): WitnessState | null {
  const s = readJsonFile<WitnessState>(statePath(keyFile));
  if (s && (s.format !== 'alutrace-witness-state' || s.version !== 1)) {
    throw new UsageError(`${statePath(keyFile)} is not a witness state file`);
  }
  return s;
}

function withUrl(args: ParsedArgs): ParsedArgs {
  const url = str(args, 'url');
  return url ? { ...args, values: { ...args.values, server: url } } : args;
}

async function pinnedKey(client: ApiClient, state: WitnessState | null, given: string | undefined) {
  const served = await client.query<PublicKeyView>('ledger.publicKey');
  const pinned = given ?? state?.logKey ?? served.verifierKey;
  let verifier: NoteVerifier;
  try {
    verifier = parseVerifierKey(pinned);
  } catch (e) {
    throw new UsageError(`--key: ${e instanceof NoteError ? e.message : String(e)}`);
  }
  if (state && state.logKey !== pinned) {
    throw new LocalRefusal(
      `the server's key given (${pinned}) is not the one this witness pinned (${state.logKey}); a new key means a new log: use a new witness state`,
      `给出的服务器公钥（${pinned}）与本见证端已固定的公钥（${state.logKey}）不同；新公钥意味着新日志，请使用新的见证状态文件`,
    );
  }
  return { verifier, pinned, origin: served.origin };
}

async function cosignCommand(args: ParsedArgs, io: CliIo, keyFile: string): Promise<number> {
  const cosigner = loadKey(keyFile);
  const vkey = formatCosignerKey(cosigner);
  let state = readState(keyFile);
  return runRemote(withUrl(args), io, {}, async ({ client, json }) => {
    const { verifier, pinned, origin } = await pinnedKey(client, state, str(args, 'key'));
    if (state && state.origin !== origin) {
      throw new LocalRefusal(
        `the server now says its log is "${origin}", not "${state.origin}" as this witness saw it`,
        `服务器现称其日志为“${origin}”，而非本见证端所见的“${state.origin}”`,
      );
    }
    await client.mutate<WitnessView>('witness.register', { name: cosigner.name, vkey });

    // Trust the local state first; the server's record of our last cosignature counts only when
    // our own signature and the log's verify on it, and only when it is larger.
    let previousNote = state?.last?.note ?? null;
    const remembered = await client.query<WitnessLatestView>('witness.latest', { vkey });
    const r = remembered.latest;
    if (r && r.treeSize > (state?.last?.treeSize ?? -1)) {
      try {
        verifyCheckpoint(r.note, verifier, origin);
        verifyCosignatureLine(noteBody(r.note), r.line, cosigner);
        previousNote = r.note;
      } catch {
        io.err(
          `alutrace witness: the server's record of this witness's last cosignature (tree size ${r.treeSize}) does not verify; ignored`,
        );
      }
    }

    const head = await client.query<CosignedCheckpointView>('ledger.checkpoint', {});
    const from = previousNote ? readCheckpointNote(previousNote).size : 0;
    let proof: string[] = [];
    if (previousNote && from > 0 && from < head.treeSize) {
      proof = (await client.query<ConsistencyProofView>('ledger.consistencyProof', { from, to: head.treeSize })).proof;
    }
    const now = new Date();
    const check = checkNextCheckpoint({
      logKey: verifier,
      origin,
      previousNote,
      nextNote: head.note,
      proof,
      now,
    });
    if (!check.ok) {
      const evidenceFile = resolve(io.cwd, str(args, 'evidence') ?? `${keyFile}.evidence-${fileTime(now)}.json`);
      writePrivateFile(evidenceFile, `${JSON.stringify(check.evidence, null, 2)}\n`);
      io.err(
        [
          '',
          '!!! THE LOG IS NOT CONSISTENT WITH WHAT THIS WITNESS COSIGNED BEFORE — NOT COSIGNED !!!',
          '!!! 日志与本见证端此前副署的内容不一致 —— 拒绝副署 !!!',
          `  ${check.reason}`,
          `  evidence (both signed checkpoints and the proof that failed): ${evidenceFile}`,
          `  证据（两个签名检查点及验证失败的证明）：${evidenceFile}`,
          '  Keep this file and report it: it proves the server signed two different histories.',
          '  请保存此文件并上报：它证明服务器签署了两段不同的历史。',
          '',
        ].join('\n'),
      );
      if (json) io.out(JSON.stringify({ ok: false, reason: check.reason, evidence: evidenceFile }, null, 2));
      return EXIT_FAILED;
    }
    const line = cosign(noteBody(head.note), cosigner, Math.floor(now.getTime() / 1000));
    // The statement is made once signed: remember it before uploading, so a lost upload never
    // lets this witness cosign a smaller or other tree later.
    state = {
      format: 'alutrace-witness-state',
      version: 1,
      logKey: pinned,
      origin,
      last: {
        treeSize: check.checkpoint.size,
        rootHash: bytesToHex(check.checkpoint.root),
        note: head.note,
        cosignedAt: now.toISOString(),
      },
    };
    writePrivateFile(statePath(keyFile), `${JSON.stringify(state, null, 2)}\n`);
    const result = await client.mutate<CosignResult>('witness.cosign', { checkpoint: head.note, cosignature: line });
    if (json) io.out(JSON.stringify(result, null, 2));
    else {
      io.out(
        `cosigned tree size ${result.treeSize} as ${cosigner.name}${result.duplicate ? ' (already cosigned before; nothing new stored)' : ''}`,
      );
      io.out(`  已以 ${cosigner.name} 副署树大小为 ${result.treeSize} 的检查点`);
      io.out(
        check.from > 0
          ? `  consistent with tree size ${check.from}, which this witness cosigned before`
          : '  the first checkpoint this witness cosigns for this log',
      );
      io.out(`  root ${bytesToHex(check.checkpoint.root)}`);
    }
    return EXIT_OK;
  });
}

async function show(args: ParsedArgs, io: CliIo, keyFile: string): Promise<number> {
  const cosigner = loadKey(keyFile);
  const state = readState(keyFile);
  const vkey = formatCosignerKey(cosigner);
  io.out(`witness ${cosigner.name}`);
  io.out(`  vkey    ${vkey}`);
  io.out(`  key id  ${bytesToHex(cosigner.keyId)}`);
  if (state?.last) {
    io.out(`  log     ${state.origin} (key ${state.logKey})`);
    io.out(
      `  last cosigned: tree size ${state.last.treeSize}, root ${state.last.rootHash}, at ${state.last.cosignedAt}`,
    );
  } else io.out('  has cosigned nothing yet (no state file)');
  if (!str(args, 'url')) return EXIT_OK;
  return runRemote(withUrl(args), io, {}, async ({ client, json }) => {
    const list = await client.query<WitnessView[]>('witness.list');
    const mine = list.find((w) => w.vkey === vkey) ?? null;
    if (json) io.out(JSON.stringify(mine, null, 2));
    else if (!mine) io.out('  not registered on the server yet (`witness cosign` registers it)');
    else {
      io.out(
        `  on the server: ${mine.cosignatures} cosignatures${mine.latest ? `, the latest of tree size ${mine.latest.treeSize} received ${mine.latest.cosignedAt}` : ''}`,
      );
    }
    return EXIT_OK;
  });
}
