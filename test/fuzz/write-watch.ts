// What a request wrote: the ledger's size and every table of the database,
// before and after. Tables are found in the file itself, so a table added
// later is watched without anyone listing it.
import { createHash } from 'node:crypto';
import type { App } from '@alutrace/server';

/**
 * Tables and columns that change on a refused request by design, each with
 * the reason. Everything else must stay exactly as it was.
 */
const NOT_WATCHED: Record<string, { table?: true; columns?: string[]; why: string }> = {
  __drizzle_migrations: { table: true, why: 'migration bookkeeping, written only at start-up' },
  login_failures: { table: true, why: 'a refused sign-in is counted there: that is the throttle' },
  sessions: {
    columns: ['last_seen_at'],
    why: 'the idle timer: any request on a session refreshes it (at most once a minute), refused or not',
  },
  api_tokens: { columns: ['last_used_at'], why: 'shows admins when a token was last presented, refused or not' },
};

// Append-only by the database's own triggers, and large: their row count
// says all (an update or delete there fails whoever tries it).
const COUNTED_ONLY = new Set(['ledger_entries', 'ledger_checkpoints']);

export interface Snapshot {
  ledgerSize: number;
  /** table → "rows:digest" */
  tables: Record<string, string>;
}

export function snapshot(app: App): Snapshot {
  const sqlite = app.db.$client;
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const tables: Record<string, string> = {};
  for (const name of names) {
    const rule = NOT_WATCHED[name];
    if (rule?.table) continue;
    const q = `"${name.replaceAll('"', '""')}"`;
    const rows = sqlite.prepare(`SELECT count(*) FROM ${q}`).pluck().get() as number;
    if (COUNTED_ONLY.has(name)) {
      tables[name] = String(rows);
      continue;
    }
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).filter(
      (c) => !rule?.columns?.includes(c),
    );
    const select = `SELECT ${columns.map((c) => `quote("${c.replaceAll('"', '""')}")`).join(" || ',' || ")} FROM ${q}`;
    // Sorted here, so that the digest does not depend on how the table is stored.
    const lines = (sqlite.prepare(select).pluck().all() as string[]).sort();
    const digest = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
    tables[name] = `${rows}:${digest}`;
  }
  return { ledgerSize: app.ledger.size, tables };
}

/** What changed between two snapshots, in words; empty when nothing did. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  if (before.ledgerSize !== after.ledgerSize) out.push(`ledger size ${before.ledgerSize} → ${after.ledgerSize}`);
  for (const name of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    if (before.tables[name] !== after.tables[name]) {
      out.push(`table ${name}: ${before.tables[name] ?? 'absent'} → ${after.tables[name] ?? 'absent'}`);
    }
  }
  return out;
}
