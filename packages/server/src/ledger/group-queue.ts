// Collects work submitted in one turn of the event loop and runs it as one
// group. Requests that arrive together (read from their sockets in the same
// poll phase) reach the queue before the check phase runs the group, so the
// group is as large as the number of requests in flight — and while a group
// commits, the next one gathers.
//
// `run` is synchronous and returns one outcome per item, in order; if it
// throws, every item of the group fails with that error.

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/** At most this many items per group (bounding what one failed commit takes with it); the rest form the next group. */
export const MAX_GROUP_SIZE = 256;

export class GroupQueue<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private scheduled: NodeJS.Immediate | null = null;

  constructor(private readonly run: (items: I[]) => Outcome<O>[]) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Runs everything waiting now (in groups of at most MAX_GROUP_SIZE). */
  flush(): void {
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = null;
    }
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP_SIZE);
      let outcomes: Outcome<O>[];
      try {
        outcomes = this.run(group.map((w) => w.item));
      } catch (error) {
        for (const w of group) w.reject(error);
        continue;
      }
      group.forEach((w, i) => {
        const o = outcomes[i];
        if (!o) w.reject(new Error('the group returned no outcome for this item'));
        else if (o.ok) w.resolve(o.value);
        else w.reject(o.error);
      });
    }
  }
}
