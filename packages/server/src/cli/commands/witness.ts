// `alutrace witness init | cosign | show`: an official's witness from the
// command line (README "Cosigning checkpoints"). The key stays in its file;
// the server only ever sees the public key and the cosignatures.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  bytesToHex,
  cosignRound,
  formatCosignerKey,
  generateCosigner,
  NoteError,
  readWitnessKeyFile,
  type WitnessApi,
  WitnessRefusal,
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

/** The server calls of a cosigning round, over the CLI's API client. */
function apiOf(client: ApiClient): WitnessApi {
  return {
    publicKey: () => client.query('ledger.publicKey'),
    register: (input) => client.mutate('witness.register', input),
    latest: (input) => client.query('witness.latest', input),
    head: () => client.query('ledger.checkpoint', {}),
    consistencyProof: (input) => client.query('ledger.consistencyProof', input),
    cosign: (input) => client.mutate('witness.cosign', input),
  };
}

async function cosignCommand(args: ParsedArgs, io: CliIo, keyFile: string): Promise<number> {
  const cosigner = loadKey(keyFile);
  const state = readState(keyFile);
  const logKey = str(args, 'key');
  return runRemote(withUrl(args), io, {}, async ({ client, json }) => {
    const now = new Date();
    let round: Awaited<ReturnType<typeof cosignRound>>;
    try {
      round = await cosignRound({
        api: apiOf(client),
        cosigner,
        state,
        ...(logKey !== undefined ? { logKey } : {}),
        save: (next) => writePrivateFile(statePath(keyFile), `${JSON.stringify(next, null, 2)}\n`),
        now,
      });
    } catch (e) {
      if (e instanceof WitnessRefusal) throw new LocalRefusal(e.en, e.zh);
      throw e;
    }
    if (!round.ok) {
      const evidenceFile = resolve(io.cwd, str(args, 'evidence') ?? `${keyFile}.evidence-${fileTime(now)}.json`);
      writePrivateFile(evidenceFile, `${JSON.stringify(round.evidence, null, 2)}\n`);
      io.err(
        [
          '',
          '!!! THE LOG IS NOT CONSISTENT WITH WHAT THIS WITNESS COSIGNED BEFORE — NOT COSIGNED !!!',
          '!!! 日志与本见证端此前副署的内容不一致 —— 拒绝副署 !!!',
          `  ${round.reason}`,
          `  evidence (both signed checkpoints and the proof that failed): ${evidenceFile}`,
          `  证据（两个签名检查点及验证失败的证明）：${evidenceFile}`,
          '  Keep this file and report it: it proves the server signed two different histories.',
          '  请保存此文件并上报：它证明服务器签署了两段不同的历史。',
          '',
        ].join('\n'),
      );
      if (json) io.out(JSON.stringify({ ok: false, reason: round.reason, evidence: evidenceFile }, null, 2));
      return EXIT_FAILED;
    }
    if (round.ignoredServerRecord) io.err(`alutrace witness: ${round.ignoredServerRecord}`);
    const { result } = round;
    if (json) io.out(JSON.stringify(result, null, 2));
    else {
      io.out(
        `cosigned tree size ${result.treeSize} as ${cosigner.name}${result.duplicate ? ' (already cosigned before; nothing new stored)' : ''}`,
      );
      io.out(`  已以 ${cosigner.name} 副署树大小为 ${result.treeSize} 的检查点`);
      io.out(
        round.from > 0
          ? `  consistent with tree size ${round.from}, which this witness cosigned before`
          : '  the first checkpoint this witness cosigns for this log',
      );
      io.out(`  root ${round.rootHash}`);
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
