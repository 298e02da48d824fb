// A refusal from the server as a lifecycle screen places it: the code, its
// parameters (which lot, which field) and the message in the reader's
// language. The server's messages already say what to do; the screens add
// their own words for a few codes where they can say more.
import type { AppErrorData, ErrorCode } from '@alutrace/shared';
import { describeApiError, readAppError } from '../../lib/api-error';
import { useLang } from './use-words';

export interface Problem {
  code: ErrorCode | null;
  params: AppErrorData['params'];
  /** The server's words, or "cannot reach the server". */
  message: string;
  /** Field path (`lots.0.massG`, `to`) → problems, for validation errors. */
  fields: Record<string, string[]>;
}

export function useDescribeProblem(unreachable: string): (error: unknown) => Problem | null {
  const lang = useLang();
  return (error) => {
    if (error === null || error === undefined) return null;
    const view = describeApiError(error, lang);
    if (!view) return { code: null, params: {}, message: unreachable, fields: {} };
    return { code: view.code, params: readAppError(error)?.params ?? {}, message: view.message, fields: view.fields };
  };
}

/** The problem's message if it concerns `lotId` (its `lot` parameter names it), else null. */
export function problemForLot(problem: Problem | null, lotId: string): string | null {
  if (!problem) return null;
  return problem.params.lot === lotId ? problem.message : null;
}

/** Problems of the fields whose path starts with one of `prefixes` (`to`, `sealed.waybillNumber`). */
export function fieldProblems(problem: Problem | null, ...prefixes: string[]): string[] | undefined {
  if (!problem) return undefined;
  const out = Object.entries(problem.fields)
    .filter(([path]) => prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`)))
    .flatMap(([, problems]) => problems);
  return out.length ? out : undefined;
}
