import type { ReactElement } from 'react';
import type { Problem } from './server-problem';

/** A refusal above or beside what it concerns, read out as soon as it appears. */
export function ProblemNotice({ problem, testId }: { problem: Problem | null; testId?: string }): ReactElement | null {
  if (!problem) return null;
  return (
    <p
      className="notice notice-error form-alert"
      role="alert"
      data-testid={testId ?? 'problem'}
      data-code={problem.code ?? 'UNREACHABLE'}
    >
      {problem.message}
    </p>
  );
}

/** A message next to the field or row it concerns. */
export function InlineProblem({
  message,
  testId,
}: {
  message: string | null | undefined;
  testId?: string;
}): ReactElement | null {
  if (!message) return null;
  return (
    <p className="field-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
