// When to sign: after every append transaction, but at most once per
// interval under load. An append after a quiet spell is signed at once; one
// inside the interval schedules a signature for when the interval ends, so
// that a burst ends with a checkpoint that covers it.
import type { CheckpointView } from './types';

export class CheckpointSchedule {
  private lastSignedAt = 0;
  private pendingTimer: NodeJS.Timeout | null = null;

  constructor(
    /** 0 signs after every append transaction. */
    private readonly intervalMs: number,
    private readonly sign: () => CheckpointView,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** After a commit that wrote entries: the checkpoint signed now, or null when it is deferred. */
  afterCommit(): CheckpointView | null {
    const now = Date.now();
    const due = this.lastSignedAt + this.intervalMs;
    if (this.intervalMs === 0 || now >= due) return this.sign();
    if (!this.pendingTimer) {
      this.pendingTimer = setTimeout(() => {
        this.pendingTimer = null;
        try {
          this.sign();
        } catch (e) {
          this.onError(e);
        }
      }, due - now);
      this.pendingTimer.unref();
    }
    return null;
  }

  /** Called by whoever signed, whenever it was. */
  signed(): void {
    this.lastSignedAt = Date.now();
  }

  /** Drops a deferred signature (the caller signs what is due itself). */
  stop(): void {
    if (this.pendingTimer) {
      clearTimeout(this.pendingTimer);
      this.pendingTimer = null;
    }
  }
}
