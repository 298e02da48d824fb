// A refusal from the server as a lifecycle screen places it: the code, its
// parameters (which lot, which field) and the message in the reader's
// language. The server's messages already say what to do; the screens add
// their own words for a few codes where they can say more.
import type { AppErrorData, ErrorCode } from '@alutrace/shared';
import { describeApiError, readAppError } from '../../lib/api-error';
import { adviceEn, adviceZh } from './problem-advice';
import { useLang, useWords } from './use-words';

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
  const advice = useWords(adviceZh, adviceEn);
  return (error) => {
    if (error === null || error === undefined) return null;
    const view = describeApiError(error, lang);
    if (!view) return { code: null, params: {}, message: unreachable, fields: {} };
    const toDo = advice[view.code];
    return {
      code: view.code,
      params: readAppError(error)?.params ?? {},
      message: toDo ? `${view.message} ${toDo}` : view.message,
      fields: view.fields,
    };
  };
}

/** The problem's message if it concerns `lotId` (its `lot` parameter names it), else null. */
export function problemForLot(problem: Problem | null, lotId: string): string | null {
  if (!problem) return null;
  return problem.params.lot === lotId ? problem.message : null;
}

/**
 * Problems of the fields whose path starts with one of `prefixes` (`to`,
 * `sealed.waybillNumber`, `inputs.0`): a validation error's own fields, or a
 * rule's refusal that names its field (`params.field`, e.g. `inputs[0].consumedG`).
 */
export function fieldProblems(problem: Problem | null, ...prefixes: string[]): string[] | undefined {
  if (!problem) return undefined;
  const matches = (path: string) =>
    prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
  const out = Object.entries(problem.fields)
    .filter(([path]) => matches(path))
    .flatMap(([, problems]) => problems);
  const named = problem.params.field;
  if (typeof named === 'string' && matches(named)) out.push(problem.message);
  return out.length ? out : undefined;
}

/** Whether the problem names any field (so the screen shows it there rather than above the button). */
export function namesAField(problem: Problem | null): boolean {
  return problem !== null && (Object.keys(problem.fields).length > 0 || typeof problem.params.field === 'string');
}
