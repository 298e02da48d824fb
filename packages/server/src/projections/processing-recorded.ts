// processing.recorded → inputs consumed, output and by-product lots made at
// the run's site, the run's mass balance, and the trace edges: each input's
// consumed mass shared among the outputs and by-products in proportion to
// their masses (largest remainder, so the shares add up to the gram).
// Flags (rule 3): a loss above the share in force, a metal yield outside the
// consumption-weighted yield band of the input grades.
import { allocateLargestRemainder, type EventBody } from '@alutrace/shared';
import { inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { perDatabase } from '../db/per-database';
import { anomalies, grades, runAllocations, runs } from '../db/schema';
import { lossAboveShare } from '../domain/lifecycle/rules';
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

import { PPM, runContent } from './recycled-content';

const PRIMARY_ADDITIONS = new Set(['primary_aluminium', 'alloying_element']);

export function projectProcessingRecorded(body: EventBody<'processing.recorded'>, at: AppendedEntry, db: AppDb): void {
  const site = at.entry.site as string;
  const inputs = body.inputs.map((i) => ({ ...i, lot: getLot(db, i.lotId) }));
  for (const i of inputs) {
    const balanceG = i.lot.balanceG - i.consumedG;
    patchLot(db, i.lotId, at, balanceG === 0 ? { balanceG, state: 'consumed', holder: null } : { balanceG });
    lotEvent(db, i.lotId, at, 'consumed', i.consumedG);
  }
  const primaryG = body.additions.filter((a) => PRIMARY_ADDITIONS.has(a.kind)).reduce((s, a) => s + a.massG, 0);
  const additionsG = body.additions.reduce((s, a) => s + a.massG, 0);
  const content = runContent(
    inputs.map((i) => ({
      consumedG: i.consumedG,
      recycledPpm: i.lot.recycledPpm,
      postConsumerPpm: i.lot.postConsumerPpm,
    })),
    primaryG,
  );
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

  // Mass balance and flags.
  const inputG = inputs.reduce((s, i) => s + i.consumedG, 0);
  const scrapInputG = inputs.filter((i) => i.lot.kind === 'scrap').reduce((s, i) => s + i.consumedG, 0);
  const outputG = body.outputs.reduce((s, o) => s + o.massG, 0);
  const byproductG = body.byproducts.reduce((s, b) => s + b.massG, 0);
  const lossG = inputG + additionsG - outputG - byproductG;
  db.insert(runs)
    .values({
      seq: at.seq,
      runId: body.runId,
      site,
      process: body.process,
      occurredAt: at.entry.occurredAt,
      inputG,
      scrapInputG,
      primaryG,
      additionsG,
      outputG,
      byproductG,
      lossG,
      voided: false,
    })
    .run();
  const firstOutput = made[0]?.lotId ?? (inputs[0]?.lotId as string);
  const flag = (kind: 'high_melt_loss' | 'yield_out_of_band', expected: number, actual: number) =>
    db.insert(anomalies).values({ seq: at.seq, kind, site, lotId: firstOutput, expected, actual, voided: false }).run();
  if (lossAboveShare(lossG, inputG + additionsG, body.lossFlagPct)) {
    flag('high_melt_loss', body.lossFlagPct * 10_000, ratioPpm(lossG, inputG + additionsG));
  }
  // The metal the scrap gave: metal out, less the metal that went in as metal (re-melted
  // products, primary aluminium, alloying elements), over the scrap consumed.
  const metalOutG = body.outputs.filter((o) => o.form !== 'sorted_scrap').reduce((s, o) => s + o.massG, 0);
  const metalInG = inputs.filter((i) => i.lot.kind === 'product').reduce((s, i) => s + i.consumedG, 0) + primaryG;
  const metalG = metalOutG - metalInG;
  if (metalOutG > 0 && scrapInputG > 0 && metalG > 0) {
    const band = weightedBand(
      db,
      inputs.filter((i) => i.lot.kind === 'scrap' && i.lot.grade !== null),
    );
    if (band) {
      const yieldPpm = ratioPpm(metalG, scrapInputG);
      if (yieldPpm < band.minPpm) flag('yield_out_of_band', band.minPpm, yieldPpm);
      else if (yieldPpm > band.maxPpm) flag('yield_out_of_band', band.maxPpm, yieldPpm);
    }
  }
}

function ratioPpm(part: number, whole: number): number {
  return whole === 0 ? 0 : Number((2n * BigInt(part) * BigInt(PPM) + BigInt(whole)) / (2n * BigInt(whole)));
}

/** The input grades' yield bands, weighted by the mass consumed of each. */
function weightedBand(
  db: AppDb,
  inputs: { consumedG: number; lot: { grade: string | null } }[],
): { minPpm: number; maxPpm: number } | null {
  if (inputs.length === 0) return null;
  const codes = [...new Set(inputs.map((i) => i.lot.grade as string))];
  const bands = new Map(
    db
      .select({ code: grades.code, min: grades.yieldMinPct, max: grades.yieldMaxPct })
      .from(grades)
      .where(inArray(grades.code, codes))
      .all()
      .map((g) => [g.code, g]),
  );
  let total = 0n;
  let min = 0n;
  let max = 0n;
  for (const i of inputs) {
    const b = bands.get(i.lot.grade as string);
    if (!b) return null;
    const c = BigInt(i.consumedG);
    total += c;
    min += c * BigInt(b.min * 10_000);
    max += c * BigInt(b.max * 10_000);
  }
  return { minPpm: Number(min / total), maxPpm: Number(max / total) };
}
