// processing.recorded → inputs consumed, output and by-product lots made at
// the run's site, the run's mass balance, and the trace edges: each input's
// consumed mass shared among the outputs and by-products in proportion to
// their masses (largest remainder, so the shares add up to the gram).
// Flags (rule 3): a loss above the share in force, a metal yield outside the
// consumption-weighted yield band of the input grades.
import { allocateLargestRemainder, type EventBody, runBalance } from '@alutrace/shared';
import { inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { perDatabase } from '../db/per-database';
import { anomalies, grades, runAllocations, runs } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';
import { creation, getLot, gradeFamily, insertLot, lotEvent, noteLotSequence, patchLot } from './lot-writes';

const queries = perDatabase((db) => ({
  allocation: db
    .insert(runAllocations)
    .values({
      runSeq: sql.placeholder('runSeq'),
      inputLot: sql.placeholder('inputLot'),
      outputLot: sql.placeholder('outputLot'),
      massG: sql.placeholder('massG'),
    })
    .prepare(),
}));

export function projectProcessingRecorded(body: EventBody<'processing.recorded'>, at: AppendedEntry, db: AppDb): void {
  const site = at.entry.site as string;
  const inputs = body.inputs.map((i) => ({ ...i, lot: getLot(db, i.lotId) }));
  for (const i of inputs) {
    const balanceG = i.lot.balanceG - i.consumedG;
    patchLot(db, i.lotId, at, balanceG === 0 ? { balanceG, state: 'consumed', holder: null } : { balanceG });
    lotEvent(db, i.lotId, at, 'consumed', i.consumedG);
  }
  // The same balance the run screen shows before saving (shared/lots/run-balance.ts).
  const balance = runBalance({
    inputs: inputs.map((i) => ({
      consumedG: i.consumedG,
      kind: i.lot.kind,
      grade: i.lot.grade,
      recycledPpm: i.lot.recycledPpm,
      postConsumerPpm: i.lot.postConsumerPpm,
    })),
    additions: body.additions,
    outputs: body.outputs.map((o) => ({ metal: o.form !== 'sorted_scrap', massG: o.massG })),
    byproductG: body.byproducts.reduce((s, b) => s + b.massG, 0),
    lossFlagPct: body.lossFlagPct,
    bands: gradeBands(db, inputs),
  });
  const content = { recycledPpm: balance.recycledPpm, postConsumerPpm: balance.postConsumerPpm };
  const base = {
    originSite: site,
    holder: site,
    state: 'on_hand' as const,
    dispatchId: null,
    transitTo: null,
    ...creation(at),
  };
  for (const o of body.outputs) {
    const family = o.grade ? gradeFamily(db, o.grade) : null;
    insertLot(db, {
      ...base,
      lotId: o.lotId,
      kind: o.form === 'sorted_scrap' ? 'scrap' : 'product',
      grade: o.grade,
      family,
      sourceClass: null,
      alloy: o.alloy,
      form: o.form,
      byproductKind: null,
      hazardousWasteCode: null,
      massG: o.massG,
      balanceG: o.massG,
      ...content,
    });
    lotEvent(db, o.lotId, at, 'created', o.massG);
    noteLotSequence(db, o.lotId);
  }
  for (const b of body.byproducts) {
    insertLot(db, {
      ...base,
      lotId: b.lotId,
      kind: 'byproduct',
      grade: null,
      family: null,
      sourceClass: null,
      alloy: null,
      form: null,
      byproductKind: b.kind,
      hazardousWasteCode: b.hazardousWasteCode,
      massG: b.massG,
      balanceG: b.massG,
      // Dross carries no recycled-content claim: it is not product.
      recycledPpm: 0,
      postConsumerPpm: 0,
    });
    lotEvent(db, b.lotId, at, 'created', b.massG);
    noteLotSequence(db, b.lotId);
  }

  // Trace edges.
  const made = [...body.outputs.map((o) => o), ...body.byproducts.map((b) => b)];
  const weights = made.map((m) => m.massG);
  for (const i of inputs) {
    const shares = allocateLargestRemainder(i.consumedG, weights);
    made.forEach((m, k) => {
      const massG = shares[k] as number;
      if (massG > 0) queries(db).allocation.run({ runSeq: at.seq, inputLot: i.lotId, outputLot: m.lotId, massG });
    });
  }

  // The run's mass balance, and its flags.
  const inputG = inputs.reduce((s, i) => s + i.consumedG, 0);
  const additionsG = balance.inG - inputG;
  const byproductG = body.byproducts.reduce((s, b) => s + b.massG, 0);
  db.insert(runs)
    .values({
      seq: at.seq,
      runId: body.runId,
      site,
      process: body.process,
      occurredAt: at.entry.occurredAt,
      inputG,
      scrapInputG: balance.scrapG,
      primaryG: balance.primaryG,
      additionsG,
      outputG: balance.outG - byproductG,
      byproductG,
      lossG: balance.lossG,
      voided: false,
    })
    .run();
  const firstOutput = made[0]?.lotId ?? (inputs[0]?.lotId as string);
  const flag = (kind: 'high_melt_loss' | 'yield_out_of_band', expected: number, actual: number) =>
    db.insert(anomalies).values({ seq: at.seq, kind, site, lotId: firstOutput, expected, actual, voided: false }).run();
  if (balance.lossFlagged) flag('high_melt_loss', body.lossFlagPct * 10_000, balance.lossPpm);
  if (balance.yieldOutOfBand && balance.yieldPpm !== null && balance.band) {
    const { minPpm, maxPpm } = balance.band;
    flag('yield_out_of_band', balance.yieldPpm < minPpm ? minPpm : maxPpm, balance.yieldPpm);
  }
}

/** The yield bands of the input lots' grades. */
function gradeBands(db: AppDb, inputs: { lot: { grade: string | null } }[]) {
  const codes = [...new Set(inputs.map((i) => i.lot.grade).filter((g): g is string => g !== null))];
  if (codes.length === 0) return new Map<string, { yieldMinPct: number; yieldMaxPct: number }>();
  return new Map(
    db
      .select({ code: grades.code, yieldMinPct: grades.yieldMinPct, yieldMaxPct: grades.yieldMaxPct })
      .from(grades)
      .where(inArray(grades.code, codes))
      .all()
      .map((g) => [g.code, g]),
  );
}
