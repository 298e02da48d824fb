// What a scheme pays one enterprise for a period, from the derived tables
// (DOMAIN.md "Figures that officials and incentive schemes ask for"): only
// verified tonnage counts.
//
// The enterprise is a site (see README "Incentives": sites have no owning
// enterprise, and the site code is the one identity that never changes).
// A collection point earns on the scrap it collected in the period (by the
// collection's day), a recycler on the collected scrap it received in the
// period (by the receipt's day); either way a line is one collection entry
// and the lot it created, and it pays only when
//   - the lot was received at a recycler, straight from where it was
//     collected, and the receipt is within the tolerance in force (no open
//     transit discrepancy: a flagged receipt pays nothing until it is
//     corrected and received again);
//   - neither the collection, the dispatch nor the receipt was corrected
//     away;
//   - for production scrap (pre-consumer: 生产性废旧金属), the seller
//     recorded is an enterprise with its credit code and handling person, as
//     the regulations require. The sealed record is read for its kind only;
//     nothing of it enters the statement, the ledger or a log;
//   - the scheme has a rate for its grade family and source class;
//   - no issued statement, under any scheme, paid it already.
// Everything else is listed as excluded, with its reason. The verified mass
// is the lesser of the collected net mass and the mass received.
import {
  EXCLUSION_REASONS,
  type ExclusionReason,
  type GradeFamily,
  type IncentiveExclusionView,
  type IncentiveLineView,
  type IncentiveRate,
  type IncentiveStatementTotals,
  incentiveAmountFen,
  incentiveRateFor,
  type SourceClass,
} from '@alutrace/shared';
import { and, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { AppDb } from '../../db/open-database';
import {
  anomalies,
  dispatches,
  dispatchLots,
  incentivePayments,
  incentiveStatements,
  ledgerEntries,
  lots,
  sealedRecords,
  sites,
} from '../../db/schema';
import { AppError } from '../../errors';
import type { SealedVault } from '../../sealed/vault';
import { findSite, type SiteRow } from '../sites/site-rows';
import { requireScheme, type Scheme } from './schemes';

export interface StatementRequest {
  scheme: string;
  site: string;
  from?: string | undefined;
  to?: string | undefined;
}

export interface ComputedStatement {
  scheme: Scheme;
  site: SiteRow;
  from: string;
  to: string;
  lines: IncentiveLineView[];
  exclusions: IncentiveExclusionView[];
  excludedByReason: { reason: ExclusionReason; lots: number; massG: number }[];
  totals: IncentiveStatementTotals;
}

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/** The first instant of a Shanghai calendar day, in ms. */
function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_MS;
}

/** The Shanghai calendar day of an instant. */
export function shanghaiDay(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** shanghaiDay for many instants: the day depends only on the UTC hour, so each hour is worked out once. */
function dayCache(): (instant: string) => string {
  const byHour = new Map<string, string>();
  return (instant) => {
    const hour = instant.slice(0, 13);
    let day = byHour.get(hour);
    if (day === undefined) {
      day = shanghaiDay(instant);
      byHour.set(hour, day);
    }
    return day;
  };
}

interface Candidate {
  seq: number;
  leafHash: string;
  lotId: string;
  grade: string | null;
  family: string | null;
  sourceClass: string | null;
  netG: number;
  voided: boolean;
  /** The instant that puts it in a period. */
  at: string;
  receipt: { seq: number; receivedG: number; flagged: boolean } | null;
  paidBy: string | null;
}

export function computeStatement(db: AppDb, vault: SealedVault, request: StatementRequest): ComputedStatement {
  const scheme = requireScheme(db, request.scheme);
  const site = findSite(db, request.site);
  if (!site) throw new AppError('SITE_UNKNOWN', { site: request.site });
  if (!(scheme.siteKinds as string[]).includes(site.kind)) {
    throw new AppError('INCENTIVE_SITE_NOT_ELIGIBLE', {
      site: site.code,
      kind: site.kind,
      scheme: scheme.code,
      kinds: scheme.siteKinds.join(', '),
    });
  }
  const from = request.from ?? scheme.from;
  const to = request.to ?? scheme.to;
  if (from > to || from < scheme.from || to > scheme.to) {
    throw new AppError('INCENTIVE_PERIOD_OUTSIDE', {
      from,
      to,
      scheme: scheme.code,
      schemeFrom: scheme.from,
      schemeTo: scheme.to,
    });
  }
  const start = dayStartMs(from);
  const end = dayStartMs(to) + DAY_MS;
  const inPeriod = (at: string) => {
    const t = Date.parse(at);
    return t >= start && t < end;
  };
  // Ledger instants are all YYYY-MM-DDTHH:MM:SS.sssZ (INSTANT_RE), so the range is a string range too.
  const range = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
  const candidates = (site.kind === 'recycler' ? receivedAt(db, site.code, range) : collectedAt(db, site.code, range))
    .filter((c) => inPeriod(c.at))
    .sort((a, b) => a.seq - b.seq);

  // The sealed records of the production scrap that would otherwise pay, read in a few queries.
  const enterprises = sellingEnterprisesAmong(
    db,
    vault,
    candidates.filter((c) => c.sourceClass === 'pre_consumer' && earlyExclusionOf(c) === null).map((c) => c.seq),
  );
  const dayOf = dayCache();
  const rates = new Map<string, IncentiveRate | null>();
  const rateOf = (family: string | null, sourceClass: string | null) => {
    const key = `${family}/${sourceClass}`;
    let rate = rates.get(key);
    if (rate === undefined) {
      rate = incentiveRateFor(scheme.rates, family, sourceClass);
      rates.set(key, rate);
    }
    return rate;
  };
  const lines: IncentiveLineView[] = [];
  const exclusions: IncentiveExclusionView[] = [];
  for (const c of candidates) {
    const reason = exclusionOf(c, enterprises, rateOf);
    const family = c.family as GradeFamily | null;
    const sourceClass = c.sourceClass as SourceClass | null;
    const day = dayOf(c.at);
    const massG = c.receipt ? Math.min(c.netG, c.receipt.receivedG) : c.netG;
    const rate = rateOf(c.family, c.sourceClass);
    if (reason || !rate || !c.receipt) {
      exclusions.push({
        seq: c.seq,
        leafHash: c.leafHash,
        lotId: c.lotId,
        family,
        sourceClass,
        day,
        massG,
        reason: reason ?? 'no_rate',
        paidBy: c.paidBy,
      });
      continue;
    }
    lines.push({
      seq: c.seq,
      leafHash: c.leafHash,
      lotId: c.lotId,
      grade: c.grade,
      family,
      sourceClass,
      day,
      receiptSeq: c.receipt.seq,
      massG,
      rateFenPerT: rate.rateFenPerT,
      amountFen: incentiveAmountFen(massG, rate.rateFenPerT),
    });
  }

  const paidBefore = db
    .select({ fen: sql<number | null>`sum(${incentiveStatements.payableFen})` })
    .from(incentiveStatements)
    .where(and(eq(incentiveStatements.schemeCode, scheme.code), eq(incentiveStatements.site, site.code)))
    .get();
  const capPaidBeforeFen = Number(paidBefore?.fen ?? 0);
  const capRemainingFen = Math.max(0, scheme.capFen - capPaidBeforeFen);
  const subtotalFen = lines.reduce((s, l) => s + l.amountFen, 0);
  const payableFen = Math.min(subtotalFen, capRemainingFen);
  const excludedByReason = EXCLUSION_REASONS.map((reason) => {
    const of = exclusions.filter((x) => x.reason === reason);
    return { reason, lots: of.length, massG: of.reduce((s, x) => s + x.massG, 0) };
  }).filter((r) => r.lots > 0);
  return {
    scheme,
    site,
    from,
    to,
    lines,
    exclusions,
    excludedByReason,
    totals: {
      lineCount: lines.length,
      paidG: lines.reduce((s, l) => s + l.massG, 0),
      subtotalFen,
      capFen: scheme.capFen,
      capPaidBeforeFen,
      capRemainingFen,
      capReductionFen: subtotalFen - payableFen,
      payableFen,
      excludedCount: exclusions.length,
      excludedG: exclusions.reduce((s, x) => s + x.massG, 0),
    },
  };
}

/** The reasons that need nothing but the derived tables, in their order. */
function earlyExclusionOf(c: Candidate): ExclusionReason | null {
  if (c.paidBy !== null) return 'already_paid';
  if (c.voided) return 'corrected';
  if (!c.receipt) return 'not_received';
  if (c.receipt.flagged) return 'transit_discrepancy';
  return null;
}

/** The first reason that leaves the candidate out, or null when it pays. */
function exclusionOf(
  c: Candidate,
  enterprises: ReadonlySet<number>,
  rateOf: (family: string | null, sourceClass: string | null) => IncentiveRate | null,
): ExclusionReason | null {
  const early = earlyExclusionOf(c);
  if (early) return early;
  if (c.sourceClass === 'pre_consumer' && !enterprises.has(c.seq)) return 'seller_not_recorded';
  if (!rateOf(c.family, c.sourceClass)) return 'no_rate';
  return null;
}

/**
 * Production scrap metal may be bought only from an enterprise, recording
 * its name, credit code and handling person: the collection entries among
 * `seqs` whose sealed record holds such a seller. An erased record cannot
 * show it. Only the seller's kind and the presence of those fields are read.
 */
function sellingEnterprisesAmong(db: AppDb, vault: SealedVault, seqs: readonly number[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < seqs.length; i += 500) {
    const rows = db
      .select({
        seq: sealedRecords.seq,
        kind: sealedRecords.kind,
        nonce: sealedRecords.nonce,
        ciphertext: sealedRecords.ciphertext,
        tag: sealedRecords.tag,
      })
      .from(sealedRecords)
      .where(inArray(sealedRecords.seq, seqs.slice(i, i + 500)))
      .all();
    for (const row of rows) {
      const seller = vault.open(row).fields.seller;
      if (typeof seller !== 'object' || seller === null || Array.isArray(seller)) continue;
      const s = seller as Record<string, unknown>;
      if (s.kind === 'enterprise' && typeof s.creditCode === 'string' && typeof s.handlingPerson === 'string') {
        found.add(row.seq);
      }
    }
  }
  return found;
}

/** A period as UTC instants: start included, end excluded. */
interface Range {
  start: string;
  end: string;
}

const created = alias(ledgerEntries, 'created_entry');
const receiptEntry = alias(ledgerEntries, 'receipt_entry');
const toSite = alias(sites, 'to_site');

/** The scrap a collection point collected, each lot with its receipt at a recycler (if any). */
function collectedAt(db: AppDb, site: string, range: Range): Candidate[] {
  const rows = db
    .select({
      seq: lots.createdSeq,
      leafHash: lots.createdLeafHash,
      lotId: lots.lotId,
      grade: lots.grade,
      family: lots.family,
      sourceClass: lots.sourceClass,
      netG: lots.massG,
      state: lots.state,
      at: created.occurredAt,
      paidBy: incentivePayments.statementId,
    })
    .from(lots)
    .innerJoin(created, eq(created.seq, lots.createdSeq))
    .leftJoin(incentivePayments, eq(incentivePayments.collectionSeq, lots.createdSeq))
    .where(
      and(
        eq(lots.originSite, site),
        eq(lots.kind, 'scrap'),
        eq(created.kind, 'collection.recorded'),
        gte(created.occurredAt, range.start),
        lt(created.occurredAt, range.end),
      ),
    )
    .all();
  // A lot is dispatched after it was collected: dispatches before the first collection of the period are older lots'.
  const first = rows.reduce((m, r) => Math.min(m, r.seq), Number.POSITIVE_INFINITY);
  const receipts = new Map(rows.length ? receiptsFrom(db, site, first).map((r) => [r.lotId, r]) : []);
  return rows.map((r) => {
    const receipt = receipts.get(r.lotId);
    return {
      seq: r.seq,
      leafHash: r.leafHash,
      lotId: r.lotId,
      grade: r.grade,
      family: r.family,
      sourceClass: r.sourceClass,
      netG: r.netG,
      voided: r.state === 'voided',
      at: r.at,
      receipt: receipt ? { seq: receipt.seq, receivedG: receipt.receivedG, flagged: receipt.flagged } : null,
      paidBy: r.paidBy,
    };
  });
}

/** Receipts at a recycler of the lots dispatched from `from` (not corrected away). */
function receiptsFrom(db: AppDb, from: string, afterSeq: number) {
  return db
    .select({
      lotId: dispatchLots.lotId,
      seq: dispatchLots.receivedSeq,
      receivedG: dispatchLots.receivedG,
      flag: anomalies.seq,
    })
    .from(dispatchLots)
    .innerJoin(dispatches, eq(dispatches.dispatchId, dispatchLots.dispatchId))
    .innerJoin(toSite, eq(toSite.code, dispatches.toSite))
    .leftJoin(anomalies, openDiscrepancy)
    .where(
      and(
        eq(dispatches.fromSite, from),
        gte(dispatches.seq, afterSeq),
        eq(dispatches.voided, false),
        eq(toSite.kind, 'recycler'),
        isNotNull(dispatchLots.receivedSeq),
      ),
    )
    .all()
    .map((r) => ({ lotId: r.lotId, seq: r.seq as number, receivedG: r.receivedG as number, flagged: r.flag !== null }));
}

const openDiscrepancy = and(
  eq(anomalies.seq, dispatchLots.receivedSeq),
  eq(anomalies.lotId, dispatchLots.lotId),
  eq(anomalies.kind, 'transit_discrepancy'),
  eq(anomalies.voided, false),
);

/** The collected scrap a recycler received straight from collection points (by the receipt's day). */
function receivedAt(db: AppDb, site: string, range: Range): Candidate[] {
  return db
    .select({
      seq: lots.createdSeq,
      leafHash: lots.createdLeafHash,
      lotId: lots.lotId,
      grade: lots.grade,
      family: lots.family,
      sourceClass: lots.sourceClass,
      netG: lots.massG,
      state: lots.state,
      receiptSeq: dispatchLots.receivedSeq,
      receivedG: dispatchLots.receivedG,
      at: receiptEntry.occurredAt,
      flag: anomalies.seq,
      paidBy: incentivePayments.statementId,
    })
    .from(dispatchLots)
    .innerJoin(dispatches, eq(dispatches.dispatchId, dispatchLots.dispatchId))
    .innerJoin(lots, eq(lots.lotId, dispatchLots.lotId))
    .innerJoin(created, eq(created.seq, lots.createdSeq))
    .innerJoin(receiptEntry, eq(receiptEntry.seq, dispatchLots.receivedSeq))
    .leftJoin(anomalies, openDiscrepancy)
    .leftJoin(incentivePayments, eq(incentivePayments.collectionSeq, lots.createdSeq))
    .where(
      and(
        eq(dispatches.toSite, site),
        eq(dispatches.voided, false),
        gte(receiptEntry.occurredAt, range.start),
        lt(receiptEntry.occurredAt, range.end),
        eq(dispatches.fromSite, lots.originSite),
        eq(lots.kind, 'scrap'),
        eq(created.kind, 'collection.recorded'),
      ),
    )
    .all()
    .map((r) => ({
      seq: r.seq,
      leafHash: r.leafHash,
      lotId: r.lotId,
      grade: r.grade,
      family: r.family,
      sourceClass: r.sourceClass,
      netG: r.netG,
      voided: r.state === 'voided',
      at: r.at,
      receipt: { seq: r.receiptSeq as number, receivedG: r.receivedG as number, flagged: r.flag !== null },
      paidBy: r.paidBy,
    }));
}
