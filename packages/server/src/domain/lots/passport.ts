// lots.passport: a lot's public page, for anyone holding its label. It opens
// only with the label's digest: lot ids run in daily sequence, so a page
// that answered to the id alone would let anyone count a site's daily
// volumes. A wrong digest gets exactly the answer an unknown lot gets — same
// code, same params, same status, after the same single look-up — so the
// two cannot be told apart. Public fields only: sealed_records is never
// read, sites appear without their licence numbers, and the entries' bytes
// hold their sealed values as one commitment each.
import {
  bytesEqual,
  type GradeFamily,
  gramsOfPpm,
  PASSPORT_MAX_POINTS,
  type Passport,
  type PassportInput,
  type PassportLot,
  type PublicSite,
  type passportInput,
  readDomainEvent,
  type SourceClass,
  utf8ToBytes,
} from '@alutrace/shared';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { alloys, corrections, grades, ledgerEntries, lotExits, lots, sites } from '../../db/schema';
import { AppError } from '../../errors';
import type { Ledger } from '../../ledger/ledger';

import { listEntries } from './passport-entries';
import { upstreamFigures, upstreamOf } from './passport-upstream';
import { chunks } from './trace-runs';

export interface PassportDeps {
  db: AppDb;
  ledger: Ledger;
  verifierKey: string;
  origin: string;
}

type LotRow = typeof lots.$inferSelect;

export function getPassport(deps: PassportDeps, input: z.output<typeof passportInput>): Passport {
  const { db } = deps;
  const found = db.select({ labelDigest: lots.labelDigest }).from(lots).where(eq(lots.lotId, input.lotId)).get();
  // Constant-time, and the same error either way: nothing tells "no such lot" from "wrong digest".
  if (!found || !bytesEqual(utf8ToBytes(found.labelDigest), utf8ToBytes(input.digest))) {
    throw new AppError('LOT_UNKNOWN', { lot: input.lotId });
  }
  const row = db.select().from(lots).where(eq(lots.lotId, input.lotId)).get() as LotRow;
  const voidedBy =
    db
      .select({ seq: corrections.correctionSeq })
      .from(corrections)
      .where(eq(corrections.targetSeq, row.createdSeq))
      .get()?.seq ?? null;
  const head = deps.ledger.head();
  if (!head) throw new Error('the ledger has no signed checkpoint');
  const listed = listEntries(db, deps.ledger, head.treeSize, row, voidedBy);
  const inputs = directInputs(db, listed.creating);
  const trace = upstreamFigures(db, row);
  const named = trace.byCollectionPoint.slice(0, PASSPORT_MAX_POINTS);
  const siteCodes = new Set<string>([row.originSite, ...named.map((p) => p.site)]);
  if (row.holder) siteCodes.add(row.holder);
  if (row.transitTo) siteCodes.add(row.transitTo);
  const exits = db.select().from(lotExits).where(eq(lotExits.lotId, row.lotId)).all();
  for (const x of exits) if (x.buyer) siteCodes.add(x.buyer);
  const publicSites = readSites(db, siteCodes);
  const site = (code: string): PublicSite => publicSites.get(code) as PublicSite;

  const shipped = exits.find((x) => x.exit === 'shipped');
  const updatedAt = db
    .select({ at: ledgerEntries.recordedAt })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.seq, row.lastSeq))
    .get()?.at as string;
  const lot: PassportLot = {
    lotId: row.lotId,
    kind: row.kind,
    state: row.state,
    labelDigest: row.labelDigest,
    grade: gradeOf(db, row.grade),
    sourceClass: row.sourceClass as SourceClass | null,
    alloy: alloyOf(db, row.alloy),
    form: row.form as PassportLot['form'],
    byproductKind: row.byproductKind as PassportLot['byproductKind'],
    hazardousWasteCode: row.hazardousWasteCode,
    massG: row.massG,
    balanceG: row.balanceG,
    recycledPpm: row.recycledPpm,
    postConsumerPpm: row.postConsumerPpm,
    recycledG: gramsOfPpm(row.massG, row.recycledPpm),
    postConsumerG: gramsOfPpm(row.massG, row.postConsumerPpm),
    originSite: site(row.originSite),
    holder: row.holder ? site(row.holder) : null,
    transitTo: row.transitTo ? site(row.transitTo) : null,
    createdSeq: row.createdSeq,
    createdAt: row.createdAt,
    updatedAt,
    shippedTo: shipped
      ? {
          buyer: site(shipped.buyer as string),
          chain: shipped.chain as NonNullable<PassportLot['shippedTo']>['chain'],
          massG: shipped.massG,
          occurredAt: shipped.occurredAt,
          seq: shipped.seq,
        }
      : null,
    routes: exits
      .filter((x) => x.exit !== 'shipped')
      .sort((a, b) => a.seq - b.seq)
      .map((x) => ({ route: x.exit as never, massG: x.massG, occurredAt: x.occurredAt, seq: x.seq })),
    voidedBy,
  };
  return {
    lot,
    upstream: upstreamOf(trace, site),
    inputs,
    entries: listed.entries,
    omittedEntries: listed.omitted,
    checkpoint: {
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      note: head.note,
      origin: deps.origin,
      verifierKey: deps.verifierKey,
    },
  };
}

/** The direct inputs of the run that made the lot, each with its own label digest. */
function directInputs(db: AppDb, creating: { kind: string; body: unknown } | null): PassportInput[] {
  const event = creating ? readDomainEvent(creating) : null;
  if (event?.kind !== 'processing.recorded') return [];
  const rows = new Map<string, LotRow>();
  for (const chunk of chunks(event.body.inputs.map((i) => i.lotId))) {
    for (const r of db.select().from(lots).where(inArray(lots.lotId, chunk)).all()) rows.set(r.lotId, r);
  }
  return event.body.inputs.map((i) => {
    const r = rows.get(i.lotId) as LotRow;
    return {
      lotId: i.lotId,
      labelDigest: r.labelDigest,
      kind: r.kind,
      grade: r.grade,
      alloy: r.alloy,
      massG: r.massG,
      consumedG: i.consumedG,
    };
  });
}

function readSites(db: AppDb, codes: Set<string>): Map<string, PublicSite> {
  const out = new Map<string, PublicSite>();
  for (const chunk of chunks([...codes])) {
    const rows = db
      .select({
        code: sites.code,
        kind: sites.kind,
        nameZh: sites.nameZh,
        nameEn: sites.nameEn,
        district: sites.district,
        park: sites.park,
      })
      .from(sites)
      .where(inArray(sites.code, chunk))
      .all();
    for (const r of rows) out.set(r.code, r);
  }
  return out;
}

function gradeOf(db: AppDb, code: string | null): PassportLot['grade'] {
  if (!code) return null;
  const g = db
    .select({ code: grades.code, nameZh: grades.nameZh, nameEn: grades.nameEn, family: grades.family })
    .from(grades)
    .where(eq(grades.code, code))
    .get();
  return g ? { ...g, family: g.family as GradeFamily } : null;
}

function alloyOf(db: AppDb, code: string | null): PassportLot['alloy'] {
  if (!code) return null;
  return (
    db
      .select({ code: alloys.code, standard: alloys.standard, nameZh: alloys.nameZh, nameEn: alloys.nameEn })
      .from(alloys)
      .where(eq(alloys.code, code))
      .get() ?? null
  );
}
