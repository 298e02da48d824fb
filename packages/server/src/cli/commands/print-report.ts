import { formatVerifyFailure, type VerifyReport } from '@alutrace/shared';
import type { CliIo } from '../cli-kit';

const n = (x: number): string => x.toLocaleString('en-US');

/** Prints a verification report for a person, in English and Chinese. */
export function printReport(io: CliIo, what: string, report: VerifyReport, note?: string): void {
  if (report.ok) {
    io.out(
      `${what}: OK — ${n(report.entriesChecked)} entries checked, tree size ${n(report.treeSize)}, ${n(report.checkpointsChecked)} signed checkpoints verified`,
    );
    io.out(
      `  校验通过：检查了 ${report.entriesChecked} 条记录，树大小 ${report.treeSize}，验证了 ${report.checkpointsChecked} 个签名检查点`,
    );
    if (report.trustedSize !== null)
      io.out(`  incremental from the trusted checkpoint of size ${n(report.trustedSize)}`);
    io.out(`  root    ${report.rootHash}`);
    io.out(`  key     ${report.verifierKey}`);
    if (report.coveredSize < report.treeSize) {
      io.out(
        `  note: entries from ${n(report.coveredSize)} on are not yet covered by a signed checkpoint (one is signed within seconds)`,
      );
    }
  } else {
    const f = report.failure;
    const at = f?.seq !== null && f?.seq !== undefined ? ` at entry ${f.seq}` : '';
    io.out(`${what}: FAILED${at} (${f?.code})`);
    if (f) {
      io.out(`  ${f.message}`);
      io.out(`  ${formatVerifyFailure(f.code, f.params, 'zh')}`);
    }
  }
  if (note) io.out(`  ${note}`);
  io.out(`  took ${n(report.durationMs)} ms`);
}
