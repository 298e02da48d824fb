// The database schema. Ledger tables hold the append-only record; every
// other table is derived from it or holds data that must not enter it (for
// example sessions). Migrations are generated from this file with
// `pnpm --filter @alutrace/server db:generate` and committed under drizzle/.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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

/** Idempotency keys of append requests, per caller: a retried request returns its first result. */
export const ledgerIdempotency = sqliteTable(
  'ledger_idempotency',
  {
    /** Who asked (the calling principal): keys of different callers never collide. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    fingerprint: blob('fingerprint', { mode: 'buffer' }).notNull(),
    firstSeq: integer('first_seq').notNull(),
    count: integer('count').notNull(),
    result: text('result').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

// ── Reference data ───────────────────────────────────────────────────────
// Projections of grade.defined and alloy.defined entries (src/projections/):
// the last definition of each code. `rebuild` derives them from the log alone.

export const grades = sqliteTable('grades', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  family: text('family', {
    enum: ['wrought', 'cast', 'turnings', 'fragments', 'ash_dross', 'ubc', 'mixed'],
  }).notNull(),
  defaultSourceClass: text('default_source_class', { enum: ['post_consumer', 'pre_consumer'] }).notNull(),
  yieldMinPct: integer('yield_min_pct').notNull(),
  yieldMaxPct: integer('yield_max_pct').notNull(),
  isri: text('isri'),
  active: integer('active', { mode: 'boolean' }).notNull(),
  definedSeq: integer('defined_seq').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const alloys = sqliteTable('alloys', {
  code: text('code').primaryKey(),
  standard: text('standard').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  definedSeq: integer('defined_seq').notNull(),
  updatedAt: text('updated_at').notNull(),
});

// ── Sites, users and access ──────────────────────────────────────────────
// Derived from ledger entries (site.*, user.*, token.*) in the same
// transaction that appends them; secrets (password hashes, session and
// token hashes) live only here, never in the ledger.

export const sites = sqliteTable('sites', {
  code: text('code').primaryKey(),
  kind: text('kind', { enum: ['collection_point', 'recycler', 'utiliser', 'buyer', 'authority'] }).notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  district: text('district'),
  park: text('park', { enum: ['pingguo_industrial', 'xinshan_aluminium', 'debao_aluminium'] }),
  licence: text('licence'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull(),
  /** Lower-cased username: names are unique regardless of case. */
  usernameKey: text('username_key').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['operator', 'recycler', 'official', 'admin'] }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  lastLoginAt: text('last_login_at'),
});

export const userSites = sqliteTable(
  'user_sites',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    siteCode: text('site_code')
      .notNull()
      .references(() => sites.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteCode] })],
);

/** Browser sessions. Only the SHA-256 of the cookie's token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: blob('token_hash', { mode: 'buffer' }).notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** The absolute expiry; the idle expiry is lastSeenAt + the idle timeout. */
    expiresAt: text('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** API tokens for devices and integrations. Only the SHA-256 of the token is stored. */
export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  tokenHash: blob('token_hash', { mode: 'buffer' }).notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['operator', 'recycler', 'official', 'admin'] }).notNull(),
  siteCode: text('site_code').references(() => sites.code),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at'),
});

/** Failed sign-ins per username and per client address, for throttling. */
export const loginFailures = sqliteTable('login_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  firstAt: text('first_at').notNull(),
  lastAt: text('last_at').notNull(),
});
