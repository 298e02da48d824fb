// How backup and restore say what is wrong, in English and Chinese: a
// refusal (wrong usage: nothing was written) or a problem with the copy
// (the backup is not good).
import { formatVerifyFailure, type VerifyReport } from '@alutrace/shared';

export interface Problem {
  en: string;
  zh: string;
}

/** Thrown before anything is written, when the command cannot go ahead as asked. */
export class BackupRefusal extends Error {
  override readonly name = 'BackupRefusal';
  constructor(readonly problem: Problem) {
    super(problem.en);
  }
}

export function problemOfReport(report: VerifyReport): Problem | null {
  const f = report.failure;
  if (report.ok || !f) return null;
  const at = f.seq === null ? '' : ` (entry ${f.seq})`;
  return {
    en: `verification failed${at}: ${f.message}`,
    zh: `校验失败：${formatVerifyFailure(f.code, f.params, 'zh')}`,
  };
}

/** The outcome both commands share: the verification report (when it ran) and what is wrong, if anything. */
export interface CopyOutcome {
  ok: boolean;
  report: VerifyReport | null;
  problem: Problem | null;
}
