// Prints which checkpoints are cosigned, by whom and when, and what is wrong
// with any cosignature (verify and verify-export).
import { type CosignatureReport, NoteError, parseCosignerKey } from '@alutrace/shared';
import { type CliIo, type ParsedArgs, UsageError } from '../cli-kit';

export const WITNESS_KEY_HELP = [
  "  --witness-key VKEY  an official's witness key (name+keyid+base64, type 0x04), repeatable:",
  '                   at least one checkpoint must carry a valid cosignature by it, or the',
  '                   verification fails (a ledger rewritten and re-signed without the',
  "                   officials' cosignatures is found out)",
].join('\n');

export const witnessKeyOption = { 'witness-key': { type: 'string', multiple: true } } as const;

/** The --witness-key values, each checked to be a witness key. */
export function witnessKeysOf(args: ParsedArgs): string[] {
  const v = args.values['witness-key'];
  const keys = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  for (const k of keys) {
    try {
      parseCosignerKey(k);
    } catch (e) {
      throw new UsageError(`--witness-key ${k}: ${e instanceof NoteError ? e.message : 'not a witness key'}`);
    }
  }
  return keys;
}

/** How many cosigned checkpoints are listed one by one; the JSON report has them all. */
const LISTED = 20;

export function printCosignatures(io: CliIo, report: CosignatureReport): void {
  const sizes = new Map<number, string[]>();
  for (const c of report.cosignatures)
    sizes.set(c.treeSize, [...(sizes.get(c.treeSize) ?? []), `${c.witness} at ${c.time}`]);
  if (report.cosignatures.length === 0 && report.problems.length === 0) {
    io.out('cosignatures: none (no official has cosigned a checkpoint of this ledger)');
    io.out('  副署：无（尚无主管部门副署本账本的检查点）');
  } else {
    io.out(
      `cosignatures: ${report.cosignatures.length} valid on ${sizes.size} checkpoints, by ${report.witnesses.filter((w) => w.checkpoints > 0).length} witnesses`,
    );
    io.out(`  副署：${sizes.size} 个检查点上共 ${report.cosignatures.length} 个有效副署签名`);
    for (const w of report.witnesses) {
      io.out(
        `  ${w.witness}: ${w.checkpoints} checkpoints${w.latestSize !== null ? `, the latest of tree size ${w.latestSize} at ${w.latestTime}` : ''}${w.required ? ' (required)' : ''}`,
      );
    }
    const listed = [...sizes.entries()].slice(-LISTED);
    if (listed.length < sizes.size) io.out(`  the ${LISTED} largest cosigned checkpoints (all with --json):`);
    for (const [size, by] of listed) io.out(`    tree size ${size}: ${by.join('; ')}`);
  }
  if (report.unknown > 0) io.out(`  ${report.unknown} cosignatures by keys not given were not checked`);
  if (report.problems.length > 0) io.out('cosignatures: FAILED');
  for (const p of report.problems) {
    io.out(`  ${p.code}: ${p.message}`);
    io.out(`  ${p.messageZh}`);
  }
}
