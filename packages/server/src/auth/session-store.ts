// Browser sessions: a random token in an HttpOnly cookie, its SHA-256 in the
// database. A session ends when it is revoked, when it has been idle for
// longer than the idle timeout, or at its absolute expiry, whichever is first.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { AppDb } from '../db/open-database';
import { sessions } from '../db/schema';
import { newSecret, SESSION_PREFIX, secretHash } from './secrets';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export type SessionRow = typeof sessions.$inferSelect;

// Writing last_seen_at on every request would turn reads into writes; a
// minute's precision is plenty for an idle timeout measured in hours.
const TOUCH_EVERY_MS = 60_000;

export class SessionStore {
  // Run on every request that carries a cookie: prepared once.
  private readonly byTokenHash;

  constructor(
    private readonly db: AppDb,
    private readonly settings: SessionSettings,
    private readonly now: () => Date,
  ) {
    this.byTokenHash = db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sql.placeholder('hash')))
      .prepare();
  }

  get idleMs(): number {
    return this.settings.idleMinutes * 60_000;
  }

  create(
    userId: string,
    client: { ip: string | null; userAgent: string | null },
  ): { token: string; session: SessionRow } {
    const token = newSecret(SESSION_PREFIX);
    const now = this.now();
    const session: SessionRow = {
      id: uuidv7(),
      tokenHash: secretHash(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.settings.absoluteHours * 3_600_000).toISOString(),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      revokedAt: null,
    };
    this.db.insert(sessions).values(session).run();
    return { token, session };
  }

  /** The live session for a cookie token, or null; refreshes its idle timer. */
  resolve(token: string): SessionRow | null {
    if (!token.startsWith(SESSION_PREFIX) || token.length > 100) return null;
    const row = this.byTokenHash.get({ hash: secretHash(token) });
    if (!row || !this.isLive(row)) return null;
    const now = this.now();
    if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
      this.db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, row.id)).run();
      row.lastSeenAt = now.toISOString();
    }
    return row;
  }

  isLive(row: SessionRow): boolean {
    const now = this.now().getTime();
    return row.revokedAt === null && now < Date.parse(row.expiresAt) && now - Date.parse(row.lastSeenAt) < this.idleMs;
  }

  /** When the session ends if it stays idle (never after its absolute expiry). */
  endsAt(row: SessionRow): string {
    const idleEnd = Date.parse(row.lastSeenAt) + this.idleMs;
    return new Date(Math.min(idleEnd, Date.parse(row.expiresAt))).toISOString();
  }

  listLive(userId: string): SessionRow[] {
    return this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .orderBy(desc(sessions.lastSeenAt))
      .all()
      .filter((s) => this.isLive(s));
  }

  /** Revokes one session of a user; false when the user has no such live session. */
  revoke(userId: string, sessionId: string): boolean {
    const result = this.db
      .update(sessions)
      .set({ revokedAt: this.now().toISOString() })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .run();
    return result.changes > 0;
  }

  revokeAll(userId: string): number {
    return this.db
      .update(sessions)
      .set({ revokedAt: this.now().toISOString() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .run().changes;
  }
}
