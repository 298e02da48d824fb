// The database schema. Ledger tables hold the append-only record; every
// other table is derived from it or holds data that must not enter it (for
// example sessions). Migrations are generated from this file with
// `pnpm --filter @alutrace/server db:generate` and committed under drizzle/.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
  role: text('role', { enum: ['operator', 'recycler', 'utiliser', 'official', 'admin'] }).notNull(),
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
  role: text('role', { enum: ['operator', 'recycler', 'utiliser', 'official', 'admin'] }).notNull(),
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

// ── Lots: projections of the lifecycle events (src/projections/) ──────────
// Everything here is a function of the log: `rebuild` clears and replays it,
// `verify --derived` compares it with a replay. Masses in integer grams.

/** One row per lot: what it is, where it is, how much of it is left. */
export const lots = sqliteTable(
  'lots',
  {
    lotId: text('lot_id').primaryKey(),
    /** scrap (collected, sorted or shredded), product (recycled metal) or byproduct (dross, slag, dust). */
    kind: text('kind', { enum: ['scrap', 'product', 'byproduct'] }).notNull(),
    /** The site that created it (the collection point, or the recycler of the run). */
    originSite: text('origin_site').notNull(),
    /** The site that holds it now; null while in transit or once gone. */
    holder: text('holder'),
    state: text('state', {
      enum: ['on_hand', 'in_transit', 'consumed', 'shipped', 'utilised', 'disposed', 'voided'],
    }).notNull(),
    grade: text('grade'),
    family: text('family'),
    /** post_consumer or pre_consumer for a collection; null for processed lots (see the content ppm). */
    sourceClass: text('source_class'),
    alloy: text('alloy'),
    form: text('form'),
    byproductKind: text('byproduct_kind'),
    hazardousWasteCode: text('hazardous_waste_code'),
    /** Net mass at creation. */
    massG: integer('mass_g').notNull(),
    balanceG: integer('balance_g').notNull(),
    /** Recycled content (ISO 22095 mass balance), in parts per million, and its post-consumer part. */
    recycledPpm: integer('recycled_ppm').notNull(),
    postConsumerPpm: integer('post_consumer_ppm').notNull(),
    createdSeq: integer('created_seq').notNull(),
    /** Hex leaf hash of the creating entry: the label digest is its first 10 base32 characters. */
    createdLeafHash: text('created_leaf_hash').notNull(),
    /** The label digest, kept for look-ups by the public passport. */
    labelDigest: text('label_digest').notNull(),
    createdAt: text('created_at').notNull(),
    /** The open dispatch while in transit. */
    dispatchId: text('dispatch_id'),
    transitTo: text('transit_to'),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [
    index('lots_origin').on(t.originSite, t.createdSeq),
    index('lots_holder').on(t.holder, t.createdSeq),
    index('lots_state').on(t.state, t.createdSeq),
    index('lots_grade').on(t.grade, t.createdSeq),
    index('lots_created').on(t.createdSeq),
  ],
);

/** Every event that touched a lot, with the mass it moved. */
export const lotEvents = sqliteTable(
  'lot_events',
  {
    lotId: text('lot_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    /** What the event did to the lot: created, dispatched, received, consumed, shipped, utilised, corrected, restored. */
    action: text('action').notNull(),
    site: text('site'),
    massG: integer('mass_g').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.seq, t.action] }), index('lot_events_seq').on(t.seq)],
);

/** Per site and Asia/Shanghai day, the last lot sequence given out. */
export const lotSequences = sqliteTable(
  'lot_sequences',
  {
    site: text('site').notNull(),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.site, t.day] })],
);

/** Processing runs, with their mass balance. */
export const runs = sqliteTable(
  'runs',
  {
    seq: integer('seq').primaryKey(),
    runId: text('run_id').notNull().unique(),
    site: text('site').notNull(),
    process: text('process').notNull(),
    occurredAt: text('occurred_at').notNull(),
    inputG: integer('input_g').notNull(),
    /** Scrap consumed (inputs that are scrap lots). */
    scrapInputG: integer('scrap_input_g').notNull(),
    primaryG: integer('primary_g').notNull(),
    additionsG: integer('additions_g').notNull(),
    outputG: integer('output_g').notNull(),
    byproductG: integer('byproduct_g').notNull(),
    lossG: integer('loss_g').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('runs_site').on(t.site, t.seq)],
);

/**
 * Trace edges: each input's consumed mass shared among the run's outputs and
 * by-products in proportion to their masses (largest remainder, exact grams).
 */
export const runAllocations = sqliteTable(
  'run_allocations',
  {
    runSeq: integer('run_seq').notNull(),
    inputLot: text('input_lot').notNull(),
    outputLot: text('output_lot').notNull(),
    massG: integer('mass_g').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runSeq, t.inputLot, t.outputLot] }),
    index('run_allocations_output').on(t.outputLot),
    index('run_allocations_input').on(t.inputLot),
  ],
);

/** Dispatches and what became of each of their lots. */
export const dispatches = sqliteTable(
  'dispatches',
  {
    dispatchId: text('dispatch_id').primaryKey(),
    seq: integer('seq').notNull(),
    fromSite: text('from_site').notNull(),
    toSite: text('to_site').notNull(),
    occurredAt: text('occurred_at').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('dispatches_to').on(t.toSite, t.seq), index('dispatches_from').on(t.fromSite, t.seq)],
);

export const dispatchLots = sqliteTable(
  'dispatch_lots',
  {
    dispatchId: text('dispatch_id').notNull(),
    lotId: text('lot_id').notNull(),
    dispatchedG: integer('dispatched_g').notNull(),
    receivedG: integer('received_g'),
    receivedSeq: integer('received_seq'),
  },
  (t) => [primaryKey({ columns: [t.dispatchId, t.lotId] }), index('dispatch_lots_lot').on(t.lotId)],
);

/** Product shipments and by-product routes: where material left the network. */
export const lotExits = sqliteTable(
  'lot_exits',
  {
    seq: integer('seq').notNull(),
    lotId: text('lot_id').notNull(),
    site: text('site').notNull(),
    /** shipped (to a buyer) or a by-product route. */
    exit: text('exit').notNull(),
    buyer: text('buyer'),
    chain: text('chain'),
    massG: integer('mass_g').notNull(),
    occurredAt: text('occurred_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seq, t.lotId] }), index('lot_exits_lot').on(t.lotId)],
);

/** Entries declared wrong, and by which correction: excluded from balances and reports. */
export const corrections = sqliteTable('corrections', {
  targetSeq: integer('target_seq').primaryKey(),
  correctionSeq: integer('correction_seq').notNull(),
  reason: text('reason').notNull(),
});

/** Accepted but flagged (DOMAIN.md rules 3 and 5): what officials look at. */
export const anomalies = sqliteTable(
  'anomalies',
  {
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['transit_discrepancy', 'high_melt_loss', 'yield_out_of_band'] }).notNull(),
    site: text('site').notNull(),
    lotId: text('lot_id').notNull(),
    /** What was expected and what was found, in grams or ppm; see the kind. */
    expected: integer('expected').notNull(),
    actual: integer('actual').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.seq, t.kind, t.lotId] }), index('anomalies_site').on(t.site, t.seq)],
);

// ── Sealed fields (DOMAIN.md "What is public and what is sealed") ─────────
// Not derived: the values behind each entry's `sealed` commitment, encrypted
// at rest with the key in the data directory's `sealed-key` file. Erasing a
// record deletes its row (a tombstone without personal data remains); the
// ledger still verifies, as it holds only the commitment.

export const sealedRecords = sqliteTable(
  'sealed_records',
  {
    seq: integer('seq').primaryKey(),
    kind: text('kind').notNull(),
    site: text('site').notNull(),
    /** The other site of the event (the receiver of a dispatch …), or null. */
    counterpart: text('counterpart'),
    recordedAt: text('recorded_at').notNull(),
    /** AES-256-GCM: 12-byte nonce, ciphertext of JSON {salt, fields}, 16-byte tag. */
    nonce: blob('nonce', { mode: 'buffer' }).notNull(),
    ciphertext: blob('ciphertext', { mode: 'buffer' }).notNull(),
    tag: blob('tag', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('sealed_records_recorded').on(t.recordedAt)],
);

/** Seller look-up: HMAC-SHA256 (server secret) of a resident ID or credit code → the collections that named it. */
export const sellerIndex = sqliteTable(
  'seller_index',
  {
    keyedHash: blob('keyed_hash', { mode: 'buffer' }).notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyedHash, t.seq] }), index('seller_index_seq').on(t.seq)],
);

/** Who read which sealed record, and when (officials list it). */
export const sealedAccessLog = sqliteTable(
  'sealed_access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seq: integer('seq').notNull(),
    principal: text('principal').notNull(),
    role: text('role').notNull(),
    site: text('site'),
    at: text('at').notNull(),
    purpose: text('purpose').notNull(),
  },
  (t) => [index('sealed_access_log_seq').on(t.seq), index('sealed_access_log_at').on(t.at)],
);

/** Erased sealed records: when, and why, without any of the personal data. */
export const sealedErasures = sqliteTable('sealed_erasures', {
  seq: integer('seq').primaryKey(),
  erasedAt: text('erased_at').notNull(),
  reason: text('reason').notNull(),
});

// ── Anomalies for officials (src/domain/anomalies/) ──────────────────────

/**
 * The anomaly thresholds in force: the projection of the last
 * anomaly_thresholds.set entry (one row, id 1), the whole set as its JSON.
 * No row: the documented defaults apply.
 */
export const anomalyThresholds = sqliteTable('anomaly_thresholds', {
  id: integer('id').primaryKey(),
  /** JSON of the whole set, as the entry's body carries it (shared anomalyThresholdsBody). */
  thresholds: text('thresholds').notNull(),
  setSeq: integer('set_seq').notNull(),
  setAt: text('set_at').notNull(),
});

/**
 * Labels scanned with a digest other than their lot's, as the scanners
 * report them (scans.reportMismatch). Operational, not the ledger: a report
 * is a person's observation, not an event of the material.
 */
export const scanMismatches = sqliteTable(
  'scan_mismatches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lotId: text('lot_id').notNull(),
    /** The digest the label carried (never the lot's own: that one matches). */
    digestSeen: text('digest_seen').notNull(),
    /** Where the scan happened, when the scanner named a site. */
    site: text('site'),
    /** `user:<id>` or `token:<id>`, as the sealed access log names a principal. */
    principal: text('principal').notNull(),
    source: text('source', { enum: ['camera', 'manual'] }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('scan_mismatches_at').on(t.at), index('scan_mismatches_principal').on(t.principal, t.at)],
);

// ── Incentives (src/domain/incentives/, src/projections/incentive-*.ts) ───
// Projections of incentive_scheme.defined and incentive_statement.issued.
// `incentive_payments` has one row per collection entry paid: its primary
// key is what makes the same tonnage impossible to pay twice, under any
// scheme, even for two issues committed at the same moment.

/** Schemes: the last definition of each code (a definition is refused once a statement was issued under it). */
export const incentiveSchemes = sqliteTable('incentive_schemes', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** Calendar days in Asia/Shanghai, YYYY-MM-DD, both included. */
  fromDay: text('from_day').notNull(),
  toDay: text('to_day').notNull(),
  /** JSON: [{ family, sourceClass, rateFenPerT }] as defined. */
  rates: text('rates').notNull(),
  /** JSON: the site kinds whose sites may earn under it. */
  siteKinds: text('site_kinds').notNull(),
  capFen: integer('cap_fen').notNull(),
  definedSeq: integer('defined_seq').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Issued statements, one row each (its lines stay in its ledger entries, seqs firstSeq … firstSeq + parts − 1). */
export const incentiveStatements = sqliteTable(
  'incentive_statements',
  {
    statementId: text('statement_id').primaryKey(),
    schemeCode: text('scheme_code').notNull(),
    site: text('site').notNull(),
    fromDay: text('from_day').notNull(),
    toDay: text('to_day').notNull(),
    firstSeq: integer('first_seq').notNull(),
    parts: integer('parts').notNull(),
    lineCount: integer('line_count').notNull(),
    paidG: integer('paid_g').notNull(),
    subtotalFen: integer('subtotal_fen').notNull(),
    payableFen: integer('payable_fen').notNull(),
    issuedAt: text('issued_at').notNull(),
  },
  (t) => [index('incentive_statements_scheme').on(t.schemeCode, t.site)],
);

/** One row per collection entry paid by an issued statement: the primary key refuses a second payment. */
export const incentivePayments = sqliteTable(
  'incentive_payments',
  {
    collectionSeq: integer('collection_seq').primaryKey(),
    lotId: text('lot_id').notNull(),
    statementId: text('statement_id').notNull(),
    schemeCode: text('scheme_code').notNull(),
    site: text('site').notNull(),
    massG: integer('mass_g').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('incentive_payments_statement').on(t.statementId)],
);

// ── Targets (src/reports/targets/, src/projections/target-defined.ts) ────
// Projection of target.defined: every definition, one row per entry. A
// redefinition of a code is a new entry naming the one it supersedes; its
// projection sets `superseded_by_seq` on the old row, so the targets in force
// are the rows without one (and `active`), and the history stays readable.

export const targets = sqliteTable(
  'targets',
  {
    seq: integer('seq').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    metric: text('metric').notNull(),
    /** 'all', 'site' or 'district'; `scope_value` the site code or district name. */
    scopeKind: text('scope_kind').notNull(),
    scopeValue: text('scope_value'),
    /** The period as given ('2026', '2026-Q2', '2026-03', or from..to) and its calendar days in Asia/Shanghai, both included. */
    period: text('period').notNull(),
    fromDay: text('from_day').notNull(),
    toDay: text('to_day').notNull(),
    comparison: text('comparison', { enum: ['at_least', 'at_most'] }).notNull(),
    /** Grams for a mass metric, ppm for a ratio. */
    value: integer('value').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    supersedesSeq: integer('supersedes_seq'),
    supersededBySeq: integer('superseded_by_seq'),
    definedBy: text('defined_by').notNull(),
    definedAt: text('defined_at').notNull(),
  },
  (t) => [index('targets_code').on(t.code, t.seq)],
);

// ── Report aggregates (src/projections/report-*.ts) ──────────────────────
// Kept in the append transaction, so a report reads a few thousand rows, not
// the log. `rebuild` and `verify --derived` cover them like every projection.
// Columns that do not apply to a measure hold '' (they are part of the key).

/**
 * Per measure, Asia/Shanghai day and key, the grams it moved: collected,
 * received, consumed, produced, shipped, the yield's scrap in and metal out,
 * and the by-products' flows (see projections/report-contributions.ts).
 */
export const reportFacts = sqliteTable(
  'report_facts',
  {
    measure: text('measure').notNull(),
    day: text('day').notNull(),
    /** YYYY-MM of `day`, so months, quarters and years group without date functions. */
    month: text('month').notNull(),
    site: text('site').notNull(),
    grade: text('grade').notNull(),
    sourceClass: text('source_class').notNull(),
    family: text('family').notNull(),
    /** The alloy, downstream chain, by-product kind or route, by measure. */
    detail: text('detail').notNull(),
    /** The buyer of a shipment; '' otherwise. */
    counterpart: text('counterpart').notNull(),
    massG: integer('mass_g').notNull(),
    count: integer('count').notNull(),
    /** Recycled content of the mass (ISO 22095 mass balance), and its post-consumer part. */
    recycledG: integer('recycled_g').notNull(),
    postConsumerG: integer('post_consumer_g').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.measure, t.day, t.site, t.grade, t.sourceClass, t.family, t.detail, t.counterpart],
    }),
  ],
);

/**
 * report_facts summed by calendar month (the same key without the day): a
 * month, quarter or year report over whole months reads twelve rows per key a
 * year instead of 365.
 */
export const reportFactsMonthly = sqliteTable(
  'report_facts_monthly',
  {
    measure: text('measure').notNull(),
    month: text('month').notNull(),
    site: text('site').notNull(),
    grade: text('grade').notNull(),
    sourceClass: text('source_class').notNull(),
    family: text('family').notNull(),
    detail: text('detail').notNull(),
    counterpart: text('counterpart').notNull(),
    massG: integer('mass_g').notNull(),
    count: integer('count').notNull(),
    recycledG: integer('recycled_g').notNull(),
    postConsumerG: integer('post_consumer_g').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.measure, t.month, t.site, t.grade, t.sourceClass, t.family, t.detail, t.counterpart],
    }),
  ],
);

/** report_facts summed by ISO week (YYYY-Www, Monday to Sunday in Asia/Shanghai), for weekly reports. */
export const reportFactsWeekly = sqliteTable(
  'report_facts_weekly',
  {
    measure: text('measure').notNull(),
    week: text('week').notNull(),
    site: text('site').notNull(),
    grade: text('grade').notNull(),
    sourceClass: text('source_class').notNull(),
    family: text('family').notNull(),
    detail: text('detail').notNull(),
    counterpart: text('counterpart').notNull(),
    massG: integer('mass_g').notNull(),
    count: integer('count').notNull(),
    recycledG: integer('recycled_g').notNull(),
    postConsumerG: integer('post_consumer_g').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.measure, t.week, t.site, t.grade, t.sourceClass, t.family, t.detail, t.counterpart],
    }),
  ],
);

/** What each entry added to report_facts, so that a correction subtracts exactly that. */
export const reportContributions = sqliteTable(
  'report_contributions',
  {
    seq: integer('seq').notNull(),
    measure: text('measure').notNull(),
    day: text('day').notNull(),
    site: text('site').notNull(),
    grade: text('grade').notNull(),
    sourceClass: text('source_class').notNull(),
    family: text('family').notNull(),
    detail: text('detail').notNull(),
    counterpart: text('counterpart').notNull(),
    massG: integer('mass_g').notNull(),
    count: integer('count').notNull(),
    recycledG: integer('recycled_g').notNull(),
    postConsumerG: integer('post_consumer_g').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.seq, t.measure, t.site, t.grade, t.sourceClass, t.family, t.detail, t.counterpart],
    }),
  ],
);

/** Emission-factor versions (projection of emission_factors.defined); kg CO2e per t of metal. */
export const emissionFactors = sqliteTable('emission_factors', {
  version: integer('version').primaryKey(),
  primaryKgPerT: integer('primary_kg_per_t').notNull(),
  recycledKgPerT: integer('recycled_kg_per_t').notNull(),
  primarySource: text('primary_source').notNull(),
  recycledSource: text('recycled_source').notNull(),
  definedSeq: integer('defined_seq').notNull(),
  definedAt: text('defined_at').notNull(),
});

// ── Cosigning checkpoints (README "Cosigning checkpoints") ───────────────
// Operational records, not ledger entries: officials' witness keys
// (C2SP tlog-cosignature v1, Ed25519) and the cosignatures they made on the
// server's signed checkpoints. Each cosignature verifies on its own (its
// body is the exact checkpoint text it signs), so `verify` checks them
// against the ledger without trusting this table.

export const witnessKeys = sqliteTable(
  'witness_keys',
  {
    id: text('id').primaryKey(),
    /** Who registered it: `user:<id>` or `token:<id>` (an official). */
    owner: text('owner').notNull(),
    name: text('name').notNull(),
    /** hex of the 4-byte key id. */
    keyId: text('key_id').notNull(),
    vkey: text('vkey').notNull().unique(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('witness_keys_name_key_id').on(t.name, t.keyId), index('witness_keys_owner').on(t.owner)],
);

export const cosignatures = sqliteTable(
  'cosignatures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    witnessId: text('witness_id')
      .notNull()
      .references(() => witnessKeys.id),
    treeSize: integer('tree_size').notNull(),
    /** The cosignature's timestamp, POSIX seconds (the witness's clock). */
    timestamp: integer('timestamp').notNull(),
    /** The checkpoint text cosigned (origin, size, root lines), exactly. */
    body: text('body').notNull(),
    /** The signature line, newline included. */
    line: text('line').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('cosignatures_witness_size').on(t.witnessId, t.treeSize),
    index('cosignatures_tree_size').on(t.treeSize),
  ],
);
