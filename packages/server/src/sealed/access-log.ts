// The sealed-data access log: one row per record read (sealed.read) or
// revealed by a search (sellers.search), with who, as which role, for which
// site, when and why. Written beside the ledger, not in it: it is an audit
// table of the same database (0600), and holds no personal data of sellers
// (not even the ID searched for). Officials list it (sealed.accessLog).
import type { AccessLogPage, accessLogInput } from '@alutrace/shared';
import { and, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { AppDb } from '../db/open-database';
import { apiTokens, sealedAccessLog, users } from '../db/schema';

export interface AccessByWhom {
  principal: Principal;
  purpose: string;
  at: Date;
}

/** One record read, and the site the reader acted for (null for officials, who act for none). */
export interface RecordRead {
  seq: number;
  site: string | null;
}

/** `user:<id>` or `token:<id>`, as the log and its filter name a principal. */
export function principalKey(p: Principal): string {
  return `${p.kind}:${p.id}`;
}

/** Appends one row per record read, in one transaction. */
export function logAccess(db: AppDb, reads: readonly RecordRead[], by: AccessByWhom): void {
  if (reads.length === 0) return;
  const at = by.at.toISOString();
  db.$client.transaction(() => {
    for (const read of reads) {
      db.insert(sealedAccessLog)
        .values({
          seq: read.seq,
          principal: principalKey(by.principal),
          role: by.principal.role,
          site: read.site,
          at,
          purpose: by.purpose,
        })
        .run();
    }
  })();
}

export function listAccessLog(db: AppDb, input: z.output<typeof accessLogInput>): AccessLogPage {
  const where: SQL[] = [];
  if (input.seq !== undefined) where.push(eq(sealedAccessLog.seq, input.seq));
  if (input.principal) where.push(eq(sealedAccessLog.principal, input.principal));
  // Stored as toISOString() (with milliseconds): compared in the same form, or 08:30:00.5Z would sort before 08:30:00Z.
  if (input.from) where.push(gte(sealedAccessLog.at, new Date(input.from).toISOString()));
  if (input.to) where.push(lte(sealedAccessLog.at, new Date(input.to).toISOString()));
  if (input.cursor !== undefined) where.push(lt(sealedAccessLog.id, input.cursor));
  const rows = db
    .select()
    .from(sealedAccessLog)
    .where(and(...where))
    .orderBy(desc(sealedAccessLog.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const names = principalNames(
    db,
    page.map((r) => r.principal),
  );
  return {
    items: page.map((r) => ({ ...r, principalName: names.get(r.principal) ?? null })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Usernames and token names for the principals of a page. */
function principalNames(db: AppDb, keys: string[]): Map<string, string> {
  const ids = (kind: string) => [
    ...new Set(keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1))),
  ];
  const out = new Map<string, string>();
  const userIds = ids('user');
  if (userIds.length > 0) {
    for (const u of db
      .select({ id: users.id, name: users.username })
      .from(users)
      .where(inArray(users.id, userIds))
      .all())
      out.set(`user:${u.id}`, u.name);
  }
  const tokenIds = ids('token');
  if (tokenIds.length > 0) {
    for (const t of db
      .select({ id: apiTokens.id, name: apiTokens.name })
      .from(apiTokens)
      .where(inArray(apiTokens.id, tokenIds))
      .all())
      out.set(`token:${t.id}`, t.name);
  }
  return out;
}
