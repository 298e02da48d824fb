// The deliberate anomalies of the demo (README "Demo data"): when each
// happens, and what it turned out to be once recorded, for the summary, the
// README and the tests. Every other operation of the demo stays inside the
// rules' tolerances, so these are the only flags an official finds.
import type { SellerFields } from '@alutrace/shared';

/** The day index of each anomaly: the same share of the way through however many days are loaded. */
export interface DemoPlan {
  correctionDay: number;
  duplicateDay: number;
  spikeDay: number;
  transitDay: number;
  lowYieldDay: number;
}

export function demoPlan(days: number): DemoPlan {
  const at = (share: number, min: number) => Math.min(days - 1, Math.max(min, Math.floor(days * share)));
  return {
    correctionDay: at(0.15, 2),
    duplicateDay: at(0.15, 2) + (days > 4 ? 1 : 0),
    spikeDay: at(0.4, 3),
    transitDay: at(0.55, 4),
    lowYieldDay: at(0.7, 5),
  };
}

export interface DemoAnomalies {
  /** A lot that arrived far lighter than it left (rule 5, transit_discrepancy). */
  transit: {
    lotId: string;
    from: string;
    to: string;
    dispatchId: string;
    dispatchedG: number;
    receivedG: number;
    date: string;
  } | null;
  /** A melt whose metal yield is below its grades' band (rule 3, yield_out_of_band). */
  lowYield: {
    site: string;
    date: string;
    liquidLot: string;
    scrapG: number;
    /** Metal out less the primary aluminium and alloying elements charged: what the scrap gave. */
    metalFromScrapG: number;
    bandMinPpm: number;
  } | null;
  /** A collection corrected with the right weighing (correction.recorded with a replacement). */
  correction: {
    site: string;
    date: string;
    targetSeq: number;
    voidedLot: string;
    voidedNetG: number;
    replacementLot: string;
    replacementNetG: number;
  } | null;
  /** A collection recorded twice, the second declared a duplicate (a correction without replacement). */
  duplicate: { site: string; date: string; targetSeq: number; voidedLot: string; keptLot: string } | null;
  /** One individual selling far above what a person sells in a day. */
  sellerSpike: { site: string; date: string; seller: SellerFields; lots: string[]; totalNetG: number } | null;
}

export function noAnomaliesYet(): DemoAnomalies {
  return { transit: null, lowYield: null, correction: null, duplicate: null, sellerSpike: null };
}
