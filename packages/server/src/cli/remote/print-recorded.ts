// What a person reads after recording: the entry, the lots made (with their
// label, to print or write on the bag), what the rules flagged, and whether
// this was a replay of an earlier request.
import { type AnomalyKind, formatMassKg, formatScaled, type RecordedView } from '@alutrace/shared';
import type { CliIo } from '../cli-kit';

// A transit discrepancy compares grams; the others compare shares in parts per million.
interface AnomalyWords {
  en: string;
  zh: string;
  expected: string;
  actual: string;
  show: (n: number) => string;
}
const ANOMALY_NAMES: Record<AnomalyKind, AnomalyWords> = {
  transit_discrepancy: {
    en: 'transit discrepancy',
    zh: '在途差异',
    expected: 'dispatched',
    actual: 'received',
    show: (g) => massText(g),
  },
  high_melt_loss: {
    en: 'melt loss above the limit',
    zh: '熔损超限',
    expected: 'limit',
    actual: 'loss',
    show: percentText,
  },
  yield_out_of_band: {
    en: "metal yield outside the grade's band",
    zh: '金属收得率超出品级范围',
    expected: 'band edge',
    actual: 'yield',
    show: percentText,
  },
};

/** Parts per million as a percentage: 986000 → "98.6 %". */
export function percentText(ppm: number): string {
  return `${formatScaled(ppm, 4)} %`;
}

/** Grams for people: "1311 kg (1311000 g)". */
export function massText(grams: number): string {
  return `${formatMassKg(grams)} (${grams} g)`;
}

/** The headline, what the command itself knows (`details`, indented lines), then what the server answered. */
export function printRecorded(io: CliIo, view: RecordedView, headline: string, details: string[] = []): void {
  if (view.replayed) {
    io.out(
      'replayed: this idempotency key was used before for the same request; nothing new was recorded (已重放：未重复记录)',
    );
  }
  io.out(headline);
  for (const line of details) io.out(`  ${line}`);
  io.out(
    `  ledger entry ${view.seq}${view.leafHashes.length > 1 ? `–${view.seq + view.leafHashes.length - 1}` : ''}, leaf hash ${view.leafHashes.join(', ')}`,
  );
  if (view.dispatchId)
    io.out(`  dispatch ${view.dispatchId}  (the receiving site needs this id / 收货时需要此发运单号)`);
  for (const lot of view.lots) {
    io.out(`  lot ${lot.lotId}  ${massText(lot.massG)}`);
    io.out(`      label ${lot.labelPath}  (digest ${lot.labelDigest})`);
  }
  for (const a of view.anomalies) {
    const w = ANOMALY_NAMES[a.kind] ?? { en: a.kind, zh: a.kind, expected: 'expected', actual: 'actual', show: String };
    io.out(
      `  flagged: ${w.en} / ${w.zh} on lot ${a.lotId}: ${w.expected} ${w.show(a.expected)}, ${w.actual} ${w.show(a.actual)}`,
    );
  }
}
