// Draft, issue and read incentive statements.
//
// A draft is computed from the derived tables at the head of the ledger and
// names the signed checkpoint of exactly that state (provenance, as every
// report does). Issuing recomputes the statement inside the append's
// transaction, refuses it unless it is what the official checked
// (INCENTIVE_STATEMENT_CHANGED), and writes it as incentive_statement.issued
// entries; their projection puts one row per paid collection entry into
// incentive_payments, whose primary key refuses the same tonnage twice.
// An issued statement is read back from its own entries (computedFrom 'log').
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type EventBody,
  EXCLUSION_REASONS,
  type ExclusionReason,
  type GradeFamily,
  INCENTIVE_LINES_PER_PART,
  type IncentiveStatementView,
  type IssuedIncentiveStatementSummary,
  type IssueIncentiveStatementResult,
  incentiveStatementIssuedBody,
  type ReportProvenance,
  type SourceClass,
} from '@alutrace/shared';
import { and, asc, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { dispatches, dispatchLots, incentiveStatements, ledgerCheckpoints, ledgerEntries, lots } from '../../db/schema';
import { AppError } from '../../errors';
import type { Ledger } from '../../ledger/ledger';
import type { CheckpointView, NewEntry } from '../../ledger/types';
import type { SealedVault } from '../../sealed/vault';
import { findSite } from '../sites/site-rows';
import { type ComputedStatement, computeStatement, type StatementRequest, shanghaiDay } from './compute-statement';
import { findScheme } from './schemes';

export interface IncentiveDeps {
  ledger: Ledger;
  vault: SealedVault;
  now: () => Date;
}

function provenanceOf(checkpoint: CheckpointView, computedFrom: 'derived' | 'log', now: Date): ReportProvenance {
  return {
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash,
    checkpoint: checkpoint.note,
    factorVersions: {},
    timeZone: 'Asia/Shanghai',
    computedFrom,
    computedAt: now.toISOString(),
  };
}

function viewOf(c: ComputedStatement, provenance: ReportProvenance): IncentiveStatementView {
  return {
    status: 'draft',
    statementId: null,
    issuedSeq: null,
    issuedAt: null,
    scheme: {
      code: c.scheme.code,
      nameZh: c.scheme.nameZh,
      nameEn: c.scheme.nameEn,
      from: c.scheme.from,
      to: c.scheme.to,
      definedSeq: c.scheme.definedSeq,
      capFen: c.scheme.capFen,
    },
    site: {
      code: c.site.code,
      kind: c.site.kind,
      nameZh: c.site.nameZh,
      nameEn: c.site.nameEn,
      district: c.site.district,
      licence: c.site.licence,
    },
    from: c.from,
    to: c.to,
    lines: c.lines,
    exclusions: c.exclusions,
    excludedByReason: c.excludedByReason,
    totals: c.totals,
    provenance,
  };
}

/**
 * The draft at the head. Synchronous from the checkpoint to the last read,
 * so no append can come in between: the figures are those of the first
 * `treeSize` entries, which the checkpoint signs.
 */
export function draftStatement(deps: IncentiveDeps, request: StatementRequest): IncentiveStatementView {
  const checkpoint = deps.ledger.signCheckpoint();
  const computed = computeStatement(deps.ledger.db, deps.vault, request);
  return viewOf(computed, provenanceOf(checkpoint, 'derived', deps.now()));
}

export interface IssueRequest extends StatementRequest {
  expectedPayableFen: number;
  expectedLineCount: number;
}

export async function issueStatement(
  deps: IncentiveDeps,
  actor: Actor,
  request: IssueRequest,
): Promise<IssueIncentiveStatementResult> {
  const statementId = randomUUID();
  let payable = 0;
  let lineCount = 0;
  const appended = await deps.ledger.appendAsync(
    (db) => {
      const c = computeStatement(db, deps.vault, request);
      const base = { scheme: c.scheme.code, site: c.site.code, from: c.from, to: c.to };
      if (c.totals.lineCount === 0) {
        // Most often: another issue paid these lots since the draft (or at the same moment).
        const paid = c.exclusions.find((x) => x.reason === 'already_paid');
        if (paid && request.expectedLineCount > 0) {
          throw new AppError('INCENTIVE_ALREADY_PAID', {
            lot: paid.lotId,
            seq: paid.seq,
            statement: paid.paidBy ?? '?',
          });
        }
        throw new AppError('INCENTIVE_STATEMENT_EMPTY', base);
      }
      if (c.totals.capRemainingFen === 0) {
        throw new AppError('INCENTIVE_CAP_EXHAUSTED', { ...base, cap: c.scheme.capFen });
      }
      if (c.totals.payableFen !== request.expectedPayableFen || c.totals.lineCount !== request.expectedLineCount) {
        throw new AppError('INCENTIVE_STATEMENT_CHANGED', {
          expected: request.expectedPayableFen,
          expectedLines: request.expectedLineCount,
          actual: c.totals.payableFen,
          actualLines: c.totals.lineCount,
        });
      }
      payable = c.totals.payableFen;
      lineCount = c.totals.lineCount;
      return issuedEntries(db, c, statementId, actor);
    },
    { request: { issue: { ...request }, statementId } },
  );
  return { statementId, seqs: appended.entries.map((e) => e.seq), payableFen: payable, lineCount };
}

function issuedEntries(db: AppDb, c: ComputedStatement, statementId: string, actor: Actor): NewEntry[] {
  const last = db
    .select({ seq: sql<number | null>`max(${ledgerEntries.seq})` })
    .from(ledgerEntries)
    .get();
  const treeSize = last?.seq == null ? 0 : Number(last.seq) + 1;
  const lines = c.lines.map((l) => ({
    seq: l.seq,
    leafHash: l.leafHash,
    lotId: l.lotId,
    massG: l.massG,
    rateFenPerT: l.rateFenPerT,
    amountFen: l.amountFen,
  }));
  const excluded = c.exclusions.map((x) => ({ seq: x.seq, lotId: x.lotId, massG: x.massG, reason: x.reason }));
  const parts = Math.max(
    1,
    Math.ceil(lines.length / INCENTIVE_LINES_PER_PART),
    Math.ceil(excluded.length / INCENTIVE_LINES_PER_PART),
  );
  const entries: NewEntry[] = [];
  for (let i = 0; i < parts; i++) {
    const slice = (xs: unknown[]) => xs.slice(i * INCENTIVE_LINES_PER_PART, (i + 1) * INCENTIVE_LINES_PER_PART);
    const body: EventBody<'incentive_statement.issued'> = {
      statementId,
      part: i + 1,
      parts,
      scheme: c.scheme.code,
      schemeSeq: c.scheme.definedSeq,
      site: c.site.code,
      from: c.from,
      to: c.to,
      treeSize,
      lineCount: c.totals.lineCount,
      paidG: c.totals.paidG,
      subtotalFen: c.totals.subtotalFen,
      capRemainingFen: c.totals.capRemainingFen,
      payableFen: c.totals.payableFen,
      excludedG: c.totals.excludedG,
      lines: slice(lines) as typeof lines,
      excluded: slice(excluded) as typeof excluded,
    };
    entries.push({ kind: 'incentive_statement.issued', site: c.site.code, actor, body });
  }
  return entries;
}

/** The receipt at a recycler of each lot: from the site (a collection point) or at it (a recycler). */
function receiptsOf(db: AppDb, site: string, lotIds: readonly string[]): Map<string, { seq: number; at: string }> {
  const out = new Map<string, { seq: number; at: string }>();
  for (let i = 0; i < lotIds.length; i += 500) {
    for (const r of db
      .select({ lotId: dispatchLots.lotId, seq: dispatchLots.receivedSeq, at: ledgerEntries.occurredAt })
      .from(dispatchLots)
      .innerJoin(dispatches, eq(dispatches.dispatchId, dispatchLots.dispatchId))
      .innerJoin(ledgerEntries, eq(ledgerEntries.seq, dispatchLots.receivedSeq))
      .where(
        and(
          inArray(dispatchLots.lotId, lotIds.slice(i, i + 500)),
          eq(dispatches.voided, false),
          or(eq(dispatches.fromSite, site), eq(dispatches.toSite, site)),
        ),
      )
      .all())
      if (r.seq !== null && !out.has(r.lotId)) out.set(r.lotId, { seq: r.seq, at: r.at });
  }
  return out;
}

function firstCheckpointCovering(ledger: Ledger, size: number): CheckpointView {
  const row = ledger.db
    .select({ treeSize: ledgerCheckpoints.treeSize })
    .from(ledgerCheckpoints)
    .where(gte(ledgerCheckpoints.treeSize, size))
    .orderBy(asc(ledgerCheckpoints.treeSize))
    .limit(1)
    .get();
  const found = row ? ledger.checkpointAt(row.treeSize) : null;
  return found ?? ledger.signCheckpoint();
}

export function listIssuedStatements(
  db: AppDb,
  filter: { scheme?: string | undefined; site?: string | undefined },
): IssuedIncentiveStatementSummary[] {
  const where = and(
    filter.scheme ? eq(incentiveStatements.schemeCode, filter.scheme) : undefined,
    filter.site ? eq(incentiveStatements.site, filter.site) : undefined,
  );
  return db
    .select()
    .from(incentiveStatements)
    .where(where)
    .orderBy(desc(incentiveStatements.firstSeq))
    .all()
    .map((r) => ({
      statementId: r.statementId,
      scheme: r.schemeCode,
      site: r.site,
      from: r.fromDay,
      to: r.toDay,
      issuedSeq: r.firstSeq,
      parts: r.parts,
      issuedAt: r.issuedAt,
      lineCount: r.lineCount,
      paidG: r.paidG,
      subtotalFen: r.subtotalFen,
      payableFen: r.payableFen,
    }));
}

/**
 * An issued statement as its entries record it. Its checkpoint is the
 * first signed one that covers all its entries (signed now if there is none
 * yet), so the statement names the same checkpoint however often it is
 * read, and a reader can prove its entries are in the log.
 */
export function readIssuedStatement(deps: IncentiveDeps, statementId: string): IncentiveStatementView {
  const db = deps.ledger.db;
  const row = db.select().from(incentiveStatements).where(eq(incentiveStatements.statementId, statementId)).get();
  if (!row) throw new AppError('INCENTIVE_STATEMENT_UNKNOWN', { statement: statementId });
  const checkpoint = firstCheckpointCovering(deps.ledger, row.firstSeq + row.parts);
  const bodies = deps.ledger
    .readRange(row.firstSeq, row.firstSeq + row.parts)
    .map((e) => incentiveStatementIssuedBody.parse(e.entry.body));
  const head = bodies[0];
  if (!head || bodies.some((b) => b.statementId !== statementId)) {
    throw new Error(`the entries of statement ${statementId} are not at ${row.firstSeq}…`);
  }
  const lines = bodies.flatMap((b) => b.lines);
  const excluded = bodies.flatMap((b) => b.excluded);
  const lotIds = [...new Set([...lines, ...excluded].map((l) => l.lotId))];
  const lotInfo = new Map<
    string,
    { grade: string | null; family: string | null; sourceClass: string | null; at: string }
  >();
  for (let i = 0; i < lotIds.length; i += 500) {
    for (const l of db
      .select({
        lotId: lots.lotId,
        grade: lots.grade,
        family: lots.family,
        sourceClass: lots.sourceClass,
        at: ledgerEntries.occurredAt,
      })
      .from(lots)
      .innerJoin(ledgerEntries, eq(ledgerEntries.seq, lots.createdSeq))
      .where(inArray(lots.lotId, lotIds.slice(i, i + 500)))
      .all())
      lotInfo.set(l.lotId, l);
  }
  const receipts = receiptsOf(db, head.site, lotIds);
  const leafOf = new Map<number, string>();
  for (const x of excluded) {
    const e = deps.ledger.entryBySeq(x.seq);
    if (e) leafOf.set(x.seq, e.leafHash);
  }
  const scheme = findScheme(db, head.scheme);
  const site = findSite(db, head.site);
  if (!scheme || !site) throw new Error(`statement ${statementId} names an unknown scheme or site`);
  const info = (lotId: string) => lotInfo.get(lotId);
  // The day a line counts for: the receipt's at a recycler, the collection's at a collection point.
  const dayOf = (lotId: string): string => {
    const at = site.kind === 'recycler' ? receipts.get(lotId)?.at : info(lotId)?.at;
    return at ? shanghaiDay(at) : '';
  };
  const issuedSeq = row.firstSeq;
  const capPaidBefore = Math.max(0, scheme.capFen - head.capRemainingFen);
  const byReason = EXCLUSION_REASONS.map((reason) => {
    const of = excluded.filter((x) => x.reason === reason);
    return { reason, lots: of.length, massG: of.reduce((s, x) => s + x.massG, 0) };
  }).filter((r) => r.lots > 0);
  return {
    status: 'issued',
    statementId,
    issuedSeq,
    issuedAt: row.issuedAt,
    scheme: {
      code: scheme.code,
      nameZh: scheme.nameZh,
      nameEn: scheme.nameEn,
      from: scheme.from,
      to: scheme.to,
      definedSeq: head.schemeSeq,
      capFen: scheme.capFen,
    },
    site: {
      code: site.code,
      kind: site.kind,
      nameZh: site.nameZh,
      nameEn: site.nameEn,
      district: site.district,
      licence: site.licence,
    },
    from: head.from,
    to: head.to,
    lines: lines.map((l) => {
      const i = info(l.lotId);
      return {
        seq: l.seq,
        leafHash: l.leafHash,
        lotId: l.lotId,
        grade: i?.grade ?? null,
        family: (i?.family ?? null) as GradeFamily | null,
        sourceClass: (i?.sourceClass ?? null) as SourceClass | null,
        day: dayOf(l.lotId),
        receiptSeq: receipts.get(l.lotId)?.seq ?? null,
        massG: l.massG,
        rateFenPerT: l.rateFenPerT,
        amountFen: l.amountFen,
      };
    }),
    exclusions: excluded.map((x) => {
      const i = info(x.lotId);
      return {
        seq: x.seq,
        leafHash: leafOf.get(x.seq) ?? '',
        lotId: x.lotId,
        family: (i?.family ?? null) as GradeFamily | null,
        sourceClass: (i?.sourceClass ?? null) as SourceClass | null,
        day: dayOf(x.lotId),
        massG: x.massG,
        reason: x.reason as ExclusionReason,
        paidBy: null,
      };
    }),
    excludedByReason: byReason,
    totals: {
      lineCount: head.lineCount,
      paidG: head.paidG,
      subtotalFen: head.subtotalFen,
      capFen: scheme.capFen,
      capPaidBeforeFen: capPaidBefore,
      capRemainingFen: head.capRemainingFen,
      capReductionFen: head.subtotalFen - head.payableFen,
      payableFen: head.payableFen,
      excludedCount: excluded.length,
      excludedG: head.excludedG,
    },
    provenance: provenanceOf(checkpoint, 'log', deps.now()),
  };
}
