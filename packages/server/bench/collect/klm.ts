// The Keystroke-Level Model (Card, Moran & Newell, "The keystroke-level
// model for user performance time with interactive systems", Communications
// of the ACM 23(7), 1980, pp. 396–410): an expert's error-free time for a
// task is the sum of its operators' times. The times used here are the
// paper's own:
//   K  keystroke            0.28 s  ("average non-secretary typist", 40 wpm;
//                                    the paper's range is 0.08 s to 1.20 s)
//   P  pointing to a target 1.10 s  (the paper's mean for a mouse; a finger
//                                    tap on a big target is counted as one P
//                                    and no separate button press, which
//                                    errs on the slow side for a phone)
//   M  mental preparation   1.35 s  (placed by the paper's heuristic rule 0:
//                                    before each string of keys that is one
//                                    unit — here one field's value — and
//                                    before the command that ends the task)
//   R  system response      measured in the run (the wait for the saved screen)
// No touch-screen variant is used: its operator times could not be checked
// against the published tables from here, so the desktop figures stand,
// the keystroke on a phone's keyboard at the paper's average typist.

export const KLM_SECONDS = { K: 0.28, P: 1.1, M: 1.35 } as const;
export type KlmOperator = keyof typeof KLM_SECONDS;

export interface KlmCount {
  K: number;
  P: number;
  M: number;
}

export const emptyCount = (): KlmCount => ({ K: 0, P: 0, M: 0 });

export function add(into: KlmCount, more: Partial<KlmCount>): void {
  into.K += more.K ?? 0;
  into.P += more.P ?? 0;
  into.M += more.M ?? 0;
}

/** Seconds of the counted operators, without R. */
export function secondsOf(c: KlmCount): number {
  return c.K * KLM_SECONDS.K + c.P * KLM_SECONDS.P + c.M * KLM_SECONDS.M;
}

/** "M 6K K" style: the operators in the order given, runs of K collapsed. */
export function describe(c: KlmCount): string {
  const parts: string[] = [];
  if (c.M) parts.push(c.M === 1 ? 'M' : `${c.M}M`);
  if (c.P) parts.push(c.P === 1 ? 'P' : `${c.P}P`);
  if (c.K) parts.push(c.K === 1 ? 'K' : `${c.K}K`);
  return parts.join(' ') || '—';
}
