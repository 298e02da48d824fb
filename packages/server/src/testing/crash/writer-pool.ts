// Concurrent HTTP writers, each repeating one LedgerWrite until stopped, and
// the bookkeeping the suites judge by: what the server acknowledged, what a
// kill cut off, and every other failure.
import { describeExpected, type ExpectedEntry, type LedgerWrite, type StartedWrite } from './ledger-writes';
import { HttpError, type ServerHttp } from './server-http';

export interface WriterTally {
  /** Answered 2xx with a result: each must be in the ledger. */
  acknowledged: ExpectedEntry[];
  /** Sent before a kill and unanswered: each may or may not be in the ledger. */
  cutOff: ExpectedEntry[];
  /** Anything else: a non-2xx answer, or a failed request while the server was up. */
  errors: string[];
}

export class WriterPool {
  readonly tally: WriterTally = { acknowledged: [], cutOff: [], errors: [] };
  private next = 0;
  // Bumped at every kill: a request that fails after its generation ended was cut off by the kill.
  private generation = 0;
  private paused: { promise: Promise<void>; resume: () => void } | null = null;
  private stopping = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly http: ServerHttp,
    /** One writer per element, all running at once. */
    private readonly writes: readonly LedgerWrite[],
  ) {}

  start(): void {
    this.loops = this.writes.map((write) => this.loop(write));
  }

  /** Call right before killing the server: no new write starts until `resume`. */
  pause(): void {
    this.generation++;
    let resume = (): void => {};
    const promise = new Promise<void>((r) => {
      resume = r;
    });
    this.paused = { promise, resume };
  }

  resume(): void {
    const paused = this.paused;
    this.paused = null;
    paused?.resume();
  }

  /** Lets the writes under way finish (or fail) and starts no more. */
  async stop(): Promise<WriterTally> {
    this.stopping = true;
    this.resume();
    await Promise.all(this.loops);
    return this.tally;
  }

  get written(): number {
    return this.tally.acknowledged.length;
  }

  private async loop(write: LedgerWrite): Promise<void> {
    while (!this.stopping) {
      if (this.paused) {
        await this.paused.promise;
        continue;
      }
      const generation = this.generation;
      const n = this.next++;
      let started: StartedWrite | null = null;
      try {
        started = write(this.http, n);
        await started.acknowledged;
        this.tally.acknowledged.push(started.expect);
      } catch (e) {
        const what = started ? describeExpected(started.expect) : `write ${n}`;
        if (started && !(e instanceof HttpError) && generation !== this.generation) {
          this.tally.cutOff.push(started.expect);
        } else {
          this.tally.errors.push(`${what}: ${(e as Error).message}${causeOf(e)}`);
        }
      }
    }
  }
}

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause ? ` (${cause.code ?? cause.message})` : '';
}
