// What one lifecycle event adds to the report aggregates: a list of
// contributions, each a measure at a site on an Asia/Shanghai day with the
// key columns the reports group by. Pure: the projection (report-facts.ts)
// looks lots up in the derived tables, the log replay of `--at`
// (reports/log-source.ts) in its own fold of the entries, and both get the
// same contributions from the same event.
//
// Measures (grams; count = lots or runs):
//   collected             net mass of a collection, at the collection point
//   received              scrap received (any site; scrap goes to recyclers)
//   consumed              scrap consumed by runs that made metal (melting, refining, casting):
//                         a sorting or shredding run's input is still scrap when it comes out, so
//                         it is counted when its output is melted, never twice; also the yield's
//                         denominator
//   produced              new metal made (ingot, billet …; not sorted scrap): a run's metal out less the metal lots it took in
//   shipped               metal shipped, detail = downstream chain, counterpart = buyer
//   yield_metal_out       metal those runs made, less metal put in (product inputs,
//                         primary aluminium, alloying elements): the yield's numerator
//   byproduct_generated   dross, slag, dust made by runs; detail = by-product kind
//   byproduct_dispatched  … sent away from a site; byproduct_received … arriving at one
//   byproduct_routed      … utilised or disposed, counterpart = route
//   transit_open          lots in transit: + at dispatch, − at receipt, both keyed by the
//                         dispatch's day, site = from, counterpart = to (count = lots, mass =
//                         dispatched): what stays non-zero is still on its way
//   transit_arrived       lots received, keyed by their dispatch: day = the dispatch's day,
//                         site = from, counterpart = to, detail = their age in days (dispatch
//                         day to day received), so a month of them sums into a few rows
//   transit_arrived_sent  the same lots' dispatched grams (their difference is the transit loss)
//   transit_flagged       of those, the lots beyond the tolerance in force (count; mass 0)
// Columns that do not apply hold ''. Recycled grams follow the lots' content
// (ISO 22095 mass balance), post-consumer apart (ISO 14021). A processed scrap
// lot (sorted, shredded) has no source class of its own: its mass is split
// by its content into post-consumer, pre-consumer and, for any primary metal
// in it, '' (ISO 14021 never merges the classes).
import { type DomainEvent, gramsOfPpm, runBalance } from '@alutrace/shared';
import { outsideTolerance } from '../domain/lifecycle/rules';

export const REPORT_MEASURES = [
  'collected',
  'received',
  'consumed',
  'produced',
  'shipped',
  'yield_metal_out',
  'byproduct_generated',
  'byproduct_dispatched',
  'byproduct_received',
  'byproduct_routed',
  'transit_open',
  'transit_arrived',
  'transit_arrived_sent',
  'transit_flagged',
] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

export interface Contribution {
  measure: ReportMeasure;
  day: string;
  site: string;
  grade: string;
  sourceClass: string;
  family: string;
  detail: string;
  counterpart: string;
  massG: number;
  count: number;
  recycledG: number;
  postConsumerG: number;
}

/** A lot's attributes that never change once it exists. */
export interface LotAttributes {
  kind: 'scrap' | 'product' | 'byproduct';
  grade: string | null;
  family: string | null;
  sourceClass: string | null;
  byproductKind: string | null;
  recycledPpm: number;
  postConsumerPpm: number;
}

/** A lot of a dispatch, as dispatched (none of it changes later). */
export interface DispatchedLot {
  fromSite: string;
  occurredAt: string;
  dispatchedG: number;
}

export interface ContributionLookup {
  lot(lotId: string): LotAttributes;
  gradeFamily(code: string): string | null;
  dispatchedLot(dispatchId: string, lotId: string): DispatchedLot;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant (UTC+8 all year: no summer time since 1991). */
export function shanghaiDay(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

type Key = Omit<Contribution, 'massG' | 'count' | 'recycledG' | 'postConsumerG'>;

/** The contributions of one event (none for events that move no reported mass). */
export function contributionsOf(
  event: DomainEvent,
  entry: { site: string | null; occurredAt: string },
  lookup: ContributionLookup,
): Contribution[] {
  const day = shanghaiDay(entry.occurredAt);
  const site = entry.site ?? '';
  const out = new Map<string, Contribution>();
  const add = (key: Partial<Key> & Pick<Key, 'measure'>, massG: number, count: number, recycledG = 0, postG = 0) => {
    const k: Key = { day, site, grade: '', sourceClass: '', family: '', detail: '', counterpart: '', ...key };
    const id = [k.measure, k.day, k.site, k.grade, k.sourceClass, k.family, k.detail, k.counterpart].join('\u0000');
    const c = out.get(id);
    if (c) {
      c.massG += massG;
      c.count += count;
      c.recycledG += recycledG;
      c.postConsumerG += postG;
    } else out.set(id, { ...k, massG, count, recycledG, postConsumerG: postG });
  };
  const content = (lot: LotAttributes, massG: number) =>
    [gramsOfPpm(massG, lot.recycledPpm), gramsOfPpm(massG, lot.postConsumerPpm)] as const;
  /** A scrap lot's mass under its grade, by source class (split by content for a processed lot). */
  const addScrap = (measure: ReportMeasure, lot: LotAttributes, massG: number) => {
    const key = { measure, grade: lot.grade ?? '', family: lot.family ?? '' };
    const [recycledG, postG] = content(lot, massG);
    if (lot.sourceClass !== null) {
      add({ ...key, sourceClass: lot.sourceClass }, massG, 1, recycledG, postG);
      return;
    }
    const parts: [string, number, number][] = [
      ['post_consumer', postG, postG],
      ['pre_consumer', recycledG - postG, 0],
      ['', massG - recycledG, 0],
    ];
    for (const [sourceClass, g, post] of parts) {
      if (g > 0) add({ ...key, sourceClass }, g, 1, sourceClass === '' ? 0 : g, post);
    }
  };

  switch (event.kind) {
    case 'collection.recorded': {
      const b = event.body;
      const post = b.sourceClass === 'post_consumer' ? b.netG : 0;
      add(
        { measure: 'collected', grade: b.grade, sourceClass: b.sourceClass, family: lookup.gradeFamily(b.grade) ?? '' },
        b.netG,
        1,
        b.netG,
        post,
      );
      break;
    }
    case 'lots.dispatched':
      for (const l of event.body.lots) {
        const lot = lookup.lot(l.lotId);
        if (lot.kind === 'byproduct')
          add({ measure: 'byproduct_dispatched', detail: lot.byproductKind ?? '' }, l.massG, 1);
        add({ measure: 'transit_open', counterpart: event.body.to }, l.massG, 1);
      }
      break;
    case 'lots.received':
      for (const l of event.body.lots) {
        const lot = lookup.lot(l.lotId);
        if (lot.kind === 'scrap') addScrap('received', lot, l.receivedG);
        else if (lot.kind === 'byproduct')
          add({ measure: 'byproduct_received', detail: lot.byproductKind ?? '' }, l.receivedG, 1);
        const sent = lookup.dispatchedLot(event.body.dispatchId, l.lotId);
        const sentDay = shanghaiDay(sent.occurredAt);
        const ageDays = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${sentDay}T00:00:00Z`)) / 86_400_000);
        const transit = { site: sent.fromSite, counterpart: site, detail: String(ageDays), day: sentDay };
        add({ measure: 'transit_open', site: sent.fromSite, counterpart: site, day: sentDay }, -sent.dispatchedG, -1);
        add({ measure: 'transit_arrived', ...transit }, l.receivedG, 1);
        add({ measure: 'transit_arrived_sent', ...transit }, sent.dispatchedG, 1);
        if (outsideTolerance(sent.dispatchedG, l.receivedG, event.body.tolerancePct)) {
          add({ measure: 'transit_flagged', ...transit }, 0, 1);
        }
      }
      break;
    case 'processing.recorded': {
      const b = event.body;
      const inputs = b.inputs.map((i) => ({ ...i, lot: lookup.lot(i.lotId) }));
      const balance = runBalance({
        inputs: inputs.map((i) => ({ consumedG: i.consumedG, ...i.lot })),
        additions: b.additions,
        outputs: b.outputs.map((o) => ({ metal: o.form !== 'sorted_scrap', massG: o.massG })),
        byproductG: b.byproducts.reduce((s, x) => s + x.massG, 0),
        lossFlagPct: b.lossFlagPct,
        bands: new Map(),
      });
      const metal = b.outputs.filter((o) => o.form !== 'sorted_scrap');
      const metalOutG = metal.reduce((s, o) => s + o.massG, 0);
      if (metalOutG > 0) {
        for (const i of inputs) if (i.lot.kind === 'scrap') addScrap('consumed', i.lot, i.consumedG);
      }
      if (metalOutG > 0 && balance.scrapG > 0) {
        const metalInG =
          inputs.filter((i) => i.lot.kind === 'product').reduce((s, i) => s + i.consumedG, 0) + balance.primaryG;
        add({ measure: 'yield_metal_out' }, metalOutG - metalInG, 1);
      }
      // Produced is new metal: what a run made less the metal lots it melted or cast again,
      // so an ingot cast into billet is not counted twice (nor its recycled content, which
      // the emissions report credits). A run that only recasts metal adds nothing.
      const metalRemadeG = inputs.filter((i) => i.lot.kind === 'product').reduce((s, i) => s + i.consumedG, 0);
      const newMetalG = metalOutG - metalRemadeG;
      if (metal.length > 0 && newMetalG > 0) {
        add(
          { measure: 'produced' },
          newMetalG,
          1,
          gramsOfPpm(newMetalG, balance.recycledPpm),
          gramsOfPpm(newMetalG, balance.postConsumerPpm),
        );
      }
      for (const x of b.byproducts) add({ measure: 'byproduct_generated', detail: x.kind }, x.massG, 1);
      break;
    }
    case 'byproduct.utilised': {
      const lot = lookup.lot(event.body.lotId);
      add(
        { measure: 'byproduct_routed', detail: lot.byproductKind ?? '', counterpart: event.body.route },
        event.body.massG,
        1,
      );
      break;
    }
    case 'product.shipped': {
      const b = event.body;
      const lot = lookup.lot(b.lotId);
      add({ measure: 'shipped', detail: b.chain, counterpart: b.buyer }, b.massG, 1, ...content(lot, b.massG));
      break;
    }
    default:
      break;
  }
  return [...out.values()];
}
