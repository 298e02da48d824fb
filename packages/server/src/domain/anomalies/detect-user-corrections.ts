// A user (or API token) that made more corrections in 30 days than the
// threshold, named as the ledger page names actors for officials.
import type { AnomalyItem } from '@alutrace/shared';
import { inArray } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { apiTokens, users } from '../../db/schema';
import type { AnomalyQuery } from './anomaly-query';
import { correctionsInWindow, groupBy } from './corrections-window';

export function detectUserCorrections(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const limit = q.thresholds.userCorrections30d;
  const { rows, end } = correctionsInWindow(db, q, true);
  const over = [...groupBy(rows, (r) => r.actorId)].filter(([, rs]) => rs.length > limit);
  const names = actorNames(
    db,
    over.map(([id]) => id),
  );
  return over.map(([actorId, rs]) => ({
    id: `user_corrections:${actorId}:${end.toISOString().slice(0, 10)}${q.site ? `:${q.site}` : ''}`,
    kind: 'user_corrections' as const,
    site: q.site,
    at: new Date(end.getTime() - 1).toISOString(),
    status: 'open' as const,
    expected: limit,
    actual: rs.length,
    unit: 'count' as const,
    subject: names.get(actorId) ?? actorId,
    detail: [...new Set(rs.map((r) => r.site).filter((s): s is string => s !== null))].join(', ') || null,
    entries: rs.map((r) => ({ seq: r.seq, lotId: null })),
  }));
}

function actorNames(db: AppDb, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const people = db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .where(inArray(users.id, ids))
    .all();
  const tokens = db
    .select({ id: apiTokens.id, name: apiTokens.name })
    .from(apiTokens)
    .where(inArray(apiTokens.id, ids))
    .all();
  return new Map([
    ...people.map((p) => [p.id, `${p.name} (${p.username})`] as const),
    ...tokens.map((t) => [t.id, `token ${t.name}`] as const),
  ]);
}
