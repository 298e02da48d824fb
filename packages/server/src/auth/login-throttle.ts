// Slows down password guessing, per username and per client address: after
// 5 failures within 15 minutes each further attempt must wait 2^(n−5)
// seconds (at most 15 minutes). Unknown usernames are throttled exactly like
// known ones, so the answers reveal nothing about which accounts exist.
//
// An attempt is counted when it is admitted, before its password hash is
// checked (which takes tens of milliseconds and yields the event loop):
// otherwise any number of attempts sent at the same moment would all pass the
// check before the first failure was recorded. Admission is synchronous (one
// SQLite transaction), so two attempts can never both see the same count. A
// successful sign-in gives its admission back.
import { and, eq, gt, lt, lte, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { loginFailures } from '../db/schema';

export const FREE_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 15 * 60_000;

export type Admission = { admitted: true } | { admitted: false; waitSeconds: number };

export class LoginThrottle {
  constructor(
    private readonly db: AppDb,
    private readonly now: () => Date,
  ) {}

  static keys(username: string, ip: string | null): string[] {
    return [LoginThrottle.userKey(username), ...(ip ? [`ip:${ip}`] : [])];
  }

  private static userKey(username: string): string {
    return `user:${username.trim().toLowerCase()}`;
  }

  /**
   * Admits an attempt and counts it, or says how many seconds to wait first.
   * A refused attempt is not counted (waiting is the penalty).
   */
  admit(keys: string[]): Admission {
    return this.db.transaction((tx) => {
      const now = this.now();
      const wait = this.waitMs(tx, keys, now.getTime());
      if (wait > 0) return { admitted: false, waitSeconds: Math.ceil(wait / 1000) };
      const iso = now.toISOString();
      for (const key of keys) {
        const row = tx.select().from(loginFailures).where(eq(loginFailures.key, key)).get();
        if (!row || now.getTime() - Date.parse(row.firstAt) > WINDOW_MS) {
          tx.insert(loginFailures)
            .values({ key, count: 1, firstAt: iso, lastAt: iso })
            .onConflictDoUpdate({ target: loginFailures.key, set: { count: 1, firstAt: iso, lastAt: iso } })
            .run();
        } else {
          tx.update(loginFailures)
            .set({ count: row.count + 1, lastAt: iso })
            .where(eq(loginFailures.key, key))
            .run();
        }
      }
      // Old rows say nothing any more.
      tx.delete(loginFailures)
        .where(lt(loginFailures.lastAt, new Date(now.getTime() - WINDOW_MS).toISOString()))
        .run();
      return { admitted: true };
    });
  }

  /** How long until another attempt may be checked, in ms (≤ 0: now). */
  private waitMs(db: Pick<AppDb, 'select'>, keys: string[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const row = db.select().from(loginFailures).where(eq(loginFailures.key, key)).get();
      if (!row || now - Date.parse(row.firstAt) > WINDOW_MS || row.count < FREE_ATTEMPTS) continue;
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (row.count - FREE_ATTEMPTS));
      wait = Math.max(wait, Date.parse(row.lastAt) + delay - now);
    }
    return wait;
  }

  /**
   * A successful sign-in clears the username's count and gives back its own
   * admission on the address (not the address's whole count: one good
   * account must not reset the guesses made from there at other accounts).
   */
  recordSuccess(username: string, ip: string | null): void {
    this.db.transaction((tx) => {
      tx.delete(loginFailures)
        .where(eq(loginFailures.key, LoginThrottle.userKey(username)))
        .run();
      if (ip) {
        tx.update(loginFailures)
          .set({ count: sql`${loginFailures.count} - 1` })
          .where(and(eq(loginFailures.key, `ip:${ip}`), gt(loginFailures.count, 0)))
          .run();
        tx.delete(loginFailures)
          .where(and(eq(loginFailures.key, `ip:${ip}`), lte(loginFailures.count, 0)))
          .run();
      }
    });
  }
}
