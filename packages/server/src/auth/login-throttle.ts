// Slows down password guessing, per username and per client address: after
// 5 failures within 15 minutes each further attempt must wait 2^(n−5)
// seconds (at most 15 minutes). Unknown usernames are throttled exactly like
// known ones, so the answers reveal nothing about which accounts exist.
import { eq, lt } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { loginFailures } from '../db/schema';

export const FREE_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 15 * 60_000;

export class LoginThrottle {
  constructor(
    private readonly db: AppDb,
    private readonly now: () => Date,
  ) {}

  static keys(username: string, ip: string | null): string[] {
    return [`user:${username.trim().toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
  }

  /** Seconds to wait before another attempt may be checked; 0 when one may be made now. */
  waitSeconds(keys: string[]): number {
    const now = this.now().getTime();
    let wait = 0;
    for (const key of keys) {
      const row = this.db.select().from(loginFailures).where(eq(loginFailures.key, key)).get();
      if (!row || now - Date.parse(row.firstAt) > WINDOW_MS || row.count < FREE_ATTEMPTS) continue;
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (row.count - FREE_ATTEMPTS));
      wait = Math.max(wait, Date.parse(row.lastAt) + delay - now);
    }
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  recordFailure(keys: string[]): void {
    const now = this.now();
    const iso = now.toISOString();
    for (const key of keys) {
      const row = this.db.select().from(loginFailures).where(eq(loginFailures.key, key)).get();
      if (!row || now.getTime() - Date.parse(row.firstAt) > WINDOW_MS) {
        this.db
          .insert(loginFailures)
          .values({ key, count: 1, firstAt: iso, lastAt: iso })
          .onConflictDoUpdate({ target: loginFailures.key, set: { count: 1, firstAt: iso, lastAt: iso } })
          .run();
      } else {
        this.db
          .update(loginFailures)
          .set({ count: row.count + 1, lastAt: iso })
          .where(eq(loginFailures.key, key))
          .run();
      }
    }
    // Old rows say nothing any more.
    this.db
      .delete(loginFailures)
      .where(lt(loginFailures.lastAt, new Date(now.getTime() - WINDOW_MS).toISOString()))
      .run();
  }

  /** A successful sign-in clears the username's count (not the address's: one good account must not reset it). */
  recordSuccess(username: string): void {
    this.db
      .delete(loginFailures)
      .where(eq(loginFailures.key, `user:${username.trim().toLowerCase()}`))
      .run();
  }
}
