import { formatVerifyFailure, type VerifyReport } from '@alutrace/shared';
import type { DerivedReport } from '../../projections/replay';
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

/** Prints the comparison of the derived tables with a replay of the log. */
export function printDerived(io: CliIo, report: DerivedReport): void {
  if (report.ok) {
    io.out(
      `derived tables: OK — ${report.tablesChecked.join(', ')} (${n(report.rowsChecked)} rows) equal a replay of ${n(report.entries)} entries`,
    );
    io.out(
      `  派生数据一致：${report.tablesChecked.join('、')}（${report.rowsChecked} 行）与重放 ${report.entries} 条记录的结果相同`,
    );
    return;
  }
  const d = report.difference;
  if (!d) return;
  const what =
    d.stored === null ? 'is missing from the table' : d.fromLog === null ? 'is not in the log' : 'differs from the log';
  const whatZh = d.stored === null ? '在表中缺失' : d.fromLog === null ? '在账本中不存在' : '与账本不符';
  io.out(`derived tables: FAILED — ${d.table} row ${d.key} ${what}`);
  io.out(`  派生数据不一致：${d.table} 表中 ${d.key} 这一行${whatZh}`);
  io.out(`  stored:   ${JSON.stringify(d.stored)}`);
  io.out(`  from log: ${JSON.stringify(d.fromLog)}`);
  io.out(
    '  `alutrace rebuild` replaces the derived tables with what the log says. 运行 `alutrace rebuild` 可按账本重建。',
  );
}
