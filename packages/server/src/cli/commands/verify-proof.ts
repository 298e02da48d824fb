import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  bytesToHex,
  LOT_PROOF_MAX_BYTES,
  type LotProofVerification,
  parseVerifierKey,
  verifyLotProof,
} from '@alutrace/shared';
import { type CliIo, type Command, EXIT_FAILED, EXIT_OK, flag, str, UsageError } from '../cli-kit';

export const verifyProofCommand: Command = {
  name: 'verify-proof',
  summary: "check a lot's proof file (downloaded from its passport) offline",
  usage: [
    'alutrace verify-proof FILE --key VERIFIER_KEY [--witness-key VKEY …] [--json]',
    '',
    "Checks a lot's proof file (/l/{lot}/proof?d=…, the passport page's \"download",
    'proof") without any server: each entry\'s bytes against its C2SP tlog-proof,',
    'the inclusion proofs against the signed checkpoint, the checkpoint signature',
    'against the key you trust, and the passport summary against the entries.',
    '',
    "  --key KEY           the log's verifier key you trust (`alutrace key`, or as",
    '                      the operator publishes it); without it the key named in',
    '                      the file is used, which proves only that the file is',
    '                      self-consistent',
    '  --witness-key VKEY  a witness (an official) whose cosignature the checkpoint',
    '                      must carry; repeat for several',
    '  --json              print the result as JSON',
    '',
    'Exit status: 0 verified, 1 refused (altered, wrong key, not cosigned),',
    '2 usage or I/O error.',
  ].join('\n'),
  options: {
    key: { type: 'string' },
    'witness-key': { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('give exactly one proof FILE');
    const file = resolve(io.cwd, args.positionals[0] as string);
    let text: string;
    try {
      if (statSync(file).size > LOT_PROOF_MAX_BYTES)
        throw new UsageError(`${file} is larger than a lot proof can be (${LOT_PROOF_MAX_BYTES} bytes)`);
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
    const key = str(args, 'key');
    if (key !== undefined) {
      try {
        parseVerifierKey(key);
      } catch (e) {
        throw new UsageError(`--key: ${(e as Error).message}`);
      }
    }
    const witnessKeys = (args.values['witness-key'] as string[] | undefined) ?? [];
    const result = verifyLotProof(text, {
      ...(key !== undefined ? { verifierKey: key } : {}),
      ...(witnessKeys.length > 0 ? { witnessKeys } : {}),
    });
    if (flag(args, 'json')) io.out(JSON.stringify(result, null, 2));
    else printProofResult(io, result, key === undefined);
    return result.valid ? EXIT_OK : EXIT_FAILED;
  },
};

function printProofResult(io: CliIo, r: LotProofVerification, keyFromFile: boolean): void {
  const lotId = r.passport?.lot.lotId ?? 'the file';
  const failed = r.checks.filter((c) => c.status === 'fail');
  if (r.valid) {
    io.out(`alutrace verify-proof: ${lotId} VERIFIED`);
    io.out(`  已验证：批次 ${lotId} 的证明文件与签名账本一致`);
  } else {
    io.out(`alutrace verify-proof: ${lotId} REFUSED — ${failed.length} check${failed.length === 1 ? '' : 's'} failed`);
    io.out(`  未通过：该证明文件被篡改、密钥不符或缺少见证签名，不能作为凭证`);
    for (const c of failed) io.out(`  ✗ ${c.check}${c.seq === undefined ? '' : ` (entry ${c.seq})`}: ${c.detail}`);
  }
  if (r.checkpoint && r.passport) {
    let keyId = '';
    try {
      keyId = ` (key id ${bytesToHex(parseVerifierKey(r.passport.checkpoint.verifierKey).keyId)})`;
    } catch {
      keyId = '';
    }
    io.out(`  checkpoint  ${r.checkpoint.origin}, tree size ${r.checkpoint.treeSize}, root ${r.checkpoint.rootHash}`);
    io.out(`  entries     ${r.passport.entries.map((e) => `${e.seq} (${e.role})`).join(', ')}`);
    if (keyFromFile) io.out(`  key         the file's own${keyId}: pass --key to pin the key you trust`);
  }
  for (const w of r.witnesses ?? []) {
    io.out(
      `  witness     ${w.name}: ${w.status === 'pass' ? `cosigned ${new Date(w.timestamp * 1000).toISOString()}` : w.detail}`,
    );
  }
  const passed = r.checks.filter((c) => c.status === 'pass').length;
  io.out(`  ${passed} of ${r.checks.length} checks passed`);
}
