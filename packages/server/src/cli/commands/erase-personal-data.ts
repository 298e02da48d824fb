import { existsSync } from 'node:fs';
import { textField } from '@alutrace/shared';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/open-database';
import { AppError } from '../../errors';
import { databasePath } from '../../ledger/open-ledger';
import { type EraseReport, eraseSealed } from '../../sealed/erase-sealed';
import { type Command, EXIT_OK, flag, str, UsageError, usageFromIssues } from '../cli-kit';
import { createProgress, progressCallback } from '../progress';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir';

const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export const erasePersonalDataCommand: Command = {
  name: 'erase-personal-data',
  summary: 'erase sealed personal data (sellers, plates, prices…) older than the retention period',
  usage: [
    'alutrace erase-personal-data [--before YYYY-MM-DD] [--reason TEXT] [--dry-run] [--data-dir DIR] [--json]',
    '',
    'Deletes the sealed records (seller, ID number, address, plates, tickets, waybills,',
    'prices, invoices, notes) of the entries recorded before a date, with their seller',
    'search index rows, and writes a tombstone for each (entry, when, why; nothing',
    'personal). The ledger is not touched: it holds only the commitments, so `verify`',
    'still passes and lots still trace; `verify --sealed` counts the tombstones.',
    'SQLite overwrites the deleted content (PRAGMA secure_delete) and the WAL is',
    'checkpointed, so the values do not linger in free pages. Backups made before',
    'keep them: erase there too, or let those backups expire.',
    'The server may keep running meanwhile.',
    '',
    '  --before DATE    erase records of entries recorded before this day began in',
    '                   Asia/Shanghai (default: the retention period, now minus',
    '                   $ALUTRACE_SEALED_RETENTION_DAYS days, 730 unless set)',
    '  --reason TEXT    kept in each tombstone (no personal data; default: the retention',
    '                   period, or "erasure before DATE")',
    '  --dry-run        count what would be erased; change nothing',
    DATA_DIR_HELP,
    '  --json           print the result as JSON',
  ].join('\n'),
  options: {
    ...dataDirOption,
    before: { type: 'string' },
    reason: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const now = new Date();
    const beforeText = str(args, 'before');
    let before: Date;
    let defaultReason: string;
    if (beforeText !== undefined) {
      before = shanghaiMidnight(beforeText);
      if (before.getTime() > now.getTime() + DAY_MS) {
        throw new UsageError(`--before ${beforeText} is in the future: give a day up to tomorrow`);
      }
      defaultReason = `erasure before ${beforeText}`;
    } else {
      const days = loadConfig(io.env, io.cwd).sealedRetentionDays;
      before = new Date(now.getTime() - days * DAY_MS);
      defaultReason = `retention period of ${days} days ended`;
    }
    const reasonParsed = textField({ max: 200 }).safeParse(str(args, 'reason') ?? defaultReason);
    if (!reasonParsed.success)
      throw usageFromIssues(reasonParsed.error.issues.map((i) => ({ ...i, path: ['reason'] })));

    const file = databasePath(dataDirOf(args, io));
    if (!existsSync(file)) throw new AppError('NOT_FOUND', { what: 'ledger database', id: file });
    const dryRun = flag(args, 'dry-run');
    const db = openDatabase(file, { readonly: dryRun });
    let report: EraseReport;
    try {
      const progress = createProgress({ label: 'erase-personal-data', total: 0, unit: 'records' });
      try {
        report = eraseSealed(db, {
          before,
          reason: reasonParsed.data,
          dryRun,
          now: () => new Date(),
          onProgress: progressCallback(progress),
        });
      } finally {
        progress.done();
      }
    } finally {
      db.$client.close();
    }
    if (flag(args, 'json')) io.out(JSON.stringify(report, null, 2));
    else printErasure(io.out, report);
    return EXIT_OK;
  },
};

/** `2026-01-01` → 2025-12-31T16:00:00Z, the start of that day in Asia/Shanghai. */
export function shanghaiMidnight(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (!m || utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) {
    throw new UsageError(`--before takes a date like 2025-01-01, not "${text}"`);
  }
  return new Date(utc.getTime() - SHANGHAI_OFFSET_MS);
}

function printErasure(out: (text: string) => void, r: EraseReport): void {
  const range =
    r.firstSeq === null
      ? ''
      : r.firstSeq === r.lastSeq
        ? ` (entry ${r.firstSeq})`
        : ` (entries ${r.firstSeq}–${r.lastSeq})`;
  const rangeZh = r.firstSeq === null ? '' : `（序号 ${r.firstSeq}–${r.lastSeq}）`;
  if (r.dryRun) {
    out(
      `dry run: would erase the sealed details of ${r.records} entries${range} recorded before ${r.before}, and ${r.indexRows} seller index rows; nothing changed`,
    );
    out(
      `试运行：将删除 ${r.records} 条账本记录${rangeZh}的保密信息（记录时间早于 ${r.before}）及 ${r.indexRows} 条卖方索引；未做任何更改`,
    );
    return;
  }
  out(
    `erased the sealed details of ${r.records} entries${range} recorded before ${r.before}: ${r.records} tombstones written, ${r.indexRows} seller index rows deleted, with secure_delete on`,
  );
  out(
    `已删除 ${r.records} 条账本记录${rangeZh}的保密信息（记录时间早于 ${r.before}）：写入 ${r.records} 条删除记录，删除 ${r.indexRows} 条卖方索引（已启用 secure_delete）`,
  );
  if (r.checkpointed === false) {
    out(
      'the WAL could not be checkpointed now (the server is reading): the overwritten pages reach the database file at its next checkpoint',
    );
    out('暂时无法执行 WAL 检查点（服务器正在读取）：覆盖后的页面将在下一次检查点时写入数据库文件');
  }
  out('the ledger is untouched: `alutrace verify` still passes; backups made before still hold these records');
  out('账本未改动，`alutrace verify` 仍可通过；此前的备份仍含这些信息');
}
