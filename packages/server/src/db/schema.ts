// The database schema. Ledger tables hold the append-only record; every
// other table is derived from it or holds data that must not enter it (for
// example sessions). Migrations are generated from this file with
// `pnpm --filter @alutrace/server db:generate` and committed under drizzle/.
import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per ledger entry. `canonical` is the entry's exact RFC 8785 bytes
 * and `leaf_hash` their RFC 6962 leaf hash. `nodes` holds the interior Merkle
 * hashes this leaf completes (levels 1..t, 32 bytes each, where t is the
 * number of trailing one bits of seq): every perfect subtree is stored once,
 * in the row of its last leaf, so any root or proof is O(log n) key look-ups.
 * The other columns are look-up indexes; `verify` checks them against the bytes.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    kind: text('kind').notNull(),
    site: text('site'),
    actorId: text('actor_id').notNull(),
    occurredAt: text('occurred_at').notNull(),
    recordedAt: text('recorded_at').notNull(),
    canonical: blob('canonical', { mode: 'buffer' }).notNull(),
    leafHash: blob('leaf_hash', { mode: 'buffer' }).notNull(),
    nodes: blob('nodes', { mode: 'buffer' }),
  },
  (t) => [
    index('ledger_entries_kind').on(t.kind, t.seq),
    index('ledger_entries_site').on(t.site, t.seq),
    index('ledger_entries_actor').on(t.actorId, t.seq),
  ],
);

/** Signed checkpoints (C2SP signed notes); the largest tree size is the head. */
export const ledgerCheckpoints = sqliteTable('ledger_checkpoints', {
  treeSize: integer('tree_size').primaryKey(),
  rootHash: blob('root_hash', { mode: 'buffer' }).notNull(),
  note: text('note').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Idempotency keys of append requests: a retried request returns its first result. */
export const ledgerIdempotency = sqliteTable('ledger_idempotency', {
  key: text('key').primaryKey(),
  fingerprint: blob('fingerprint', { mode: 'buffer' }).notNull(),
  firstSeq: integer('first_seq').notNull(),
  count: integer('count').notNull(),
  result: text('result').notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});
