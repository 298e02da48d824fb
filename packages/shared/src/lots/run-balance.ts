// A processing run's mass balance (DOMAIN.md rules 3 and 4): loss and its
// flag, the metal yield of the scrap against the consumption-weighted band of
// its grades, and the recycled content of the outputs. One function for the
// server's projection (which flags from it) and the run screen (which warns
// from it before saving), so that the screen warns exactly where the ledger
// flags. Integers only: grams, and parts per million rounded half up.

export const PPM = 1_000_000;

export interface RunInputLot {
  consumedG: number;
  kind: 'scrap' | 'product' | 'byproduct';
  grade: string | null;
  recycledPpm: number;
  postConsumerPpm: number;
}

export interface RunFigures {
  inputs: RunInputLot[];
  additions: { kind: 'primary_aluminium' | 'alloying_element' | 'flux'; massG: number }[];
  /** Metal outputs (ingot, billet …) and sorted scrap apart. */
  outputs: { metal: boolean; massG: number }[];
  byproductG: number;
  lossFlagPct: number;
  bands: ReadonlyMap<string, { yieldMinPct: number; yieldMaxPct: number }>;
}

export interface RunBalance {
  inG: number;
  outG: number;
  lossG: number;
  /** Loss over what went in, ppm. */
  lossPpm: number;
  lossFlagged: boolean;
  /** Out exceeds in: the server refuses it (RUN_MASS_EXCEEDED). */
  exceeded: boolean;
  scrapG: number;
  /** Primary aluminium and alloying elements added: metal not from scrap. */
  primaryG: number;
  /** Metal the scrap gave ÷ scrap consumed, ppm; null when there is no metal from scrap. */
  yieldPpm: number | null;
  band: { minPpm: number; maxPpm: number } | null;
  yieldOutOfBand: boolean;
  recycledPpm: number;
  postConsumerPpm: number;
}

/** Additions that are metal not from scrap: they count against recycled content and the scrap's yield. */
const PRIMARY = new Set(['primary_aluminium', 'alloying_element']);

export function ratioPpm(part: number, whole: number): number {
  return whole === 0 ? 0 : Number((2n * BigInt(part) * BigInt(PPM) + BigInt(whole)) / (2n * BigInt(whole)));
}

export function runBalance(f: RunFigures): RunBalance {
  const sum = (xs: { massG: number }[]) => xs.reduce((s, x) => s + x.massG, 0);
  const consumedG = f.inputs.reduce((s, i) => s + i.consumedG, 0);
  const additionsG = sum(f.additions);
  const primaryG = sum(f.additions.filter((a) => PRIMARY.has(a.kind)));
  const inG = consumedG + additionsG;
  const outG = sum(f.outputs) + f.byproductG;
  const lossG = inG - outG;
  const scrap = f.inputs.filter((i) => i.kind === 'scrap');
  const scrapG = scrap.reduce((s, i) => s + i.consumedG, 0);
  const metalOutG = sum(f.outputs.filter((o) => o.metal));
  const metalInG = f.inputs.filter((i) => i.kind === 'product').reduce((s, i) => s + i.consumedG, 0) + primaryG;
  const metalG = metalOutG - metalInG;
  const yieldPpm = metalOutG > 0 && scrapG > 0 && metalG > 0 ? ratioPpm(metalG, scrapG) : null;
  const band = weightedBand(scrap, f.bands);
  const content = runContent(f.inputs, primaryG);
  return {
    inG,
    outG,
    lossG,
    lossPpm: ratioPpm(Math.max(lossG, 0), inG),
    lossFlagged: lossG > 0 && lossG * 100 > inG * f.lossFlagPct,
    exceeded: outG > inG,
    scrapG,
    primaryG,
    yieldPpm,
    band,
    yieldOutOfBand: yieldPpm !== null && band !== null && (yieldPpm < band.minPpm || yieldPpm > band.maxPpm),
    ...content,
  };
}

/** The scrap inputs' yield bands weighted by the mass consumed of each (null if any grade is unknown). */
function weightedBand(scrap: RunInputLot[], bands: RunFigures['bands']): { minPpm: number; maxPpm: number } | null {
  const graded = scrap.filter((i) => i.grade !== null);
  if (graded.length === 0) return null;
  let total = 0n;
  let min = 0n;
  let max = 0n;
  for (const i of graded) {
    const b = bands.get(i.grade as string);
    if (!b) return null;
    const c = BigInt(i.consumedG);
    total += c;
    min += c * BigInt(b.yieldMinPct * 10_000);
    max += c * BigInt(b.yieldMaxPct * 10_000);
  }
  if (total === 0n) return null;
  return { minPpm: Number(min / total), maxPpm: Number(max / total) };
}

/** Rule 4 (ISO 22095): scrap consumed ÷ (scrap consumed + primary additions), post-consumer apart; ppm, half up. */
export function runContent(
  inputs: readonly Pick<RunInputLot, 'consumedG' | 'recycledPpm' | 'postConsumerPpm'>[],
  primaryG: number,
): { recycledPpm: number; postConsumerPpm: number } {
  let recycled = 0n;
  let post = 0n;
  let basis = BigInt(primaryG);
  for (const i of inputs) {
    const c = BigInt(i.consumedG);
    recycled += c * BigInt(i.recycledPpm);
    post += c * BigInt(i.postConsumerPpm);
    basis += c;
  }
  if (basis === 0n) return { recycledPpm: 0, postConsumerPpm: 0 };
  const round = (n: bigint) => Number((2n * n + basis) / (2n * basis));
  return { recycledPpm: round(recycled), postConsumerPpm: round(post) };
}

/** Grams of a lot that a content share in ppm stands for, rounded half up. */
export function gramsOfPpm(massG: number, ppm: number): number {
  return Number((2n * BigInt(massG) * BigInt(ppm) + BigInt(PPM)) / (2n * BigInt(PPM)));
}

/** 915000 ppm → "91.5 %". */
export function pctText(ppm: number): string {
  return `${(ppm / 10_000).toFixed(1)} %`;
}
