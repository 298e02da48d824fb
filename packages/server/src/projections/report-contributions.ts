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
//   consumed              scrap consumed by processing runs
//   produced              metal made (ingot, billet …; not sorted scrap), detail = alloy
//   shipped               metal shipped, detail = downstream chain, counterpart = buyer
//   yield_scrap_in        scrap consumed by runs that made metal (the yield's denominator)
//   yield_metal_out       metal those runs made, less metal put in (product inputs,
//                         primary aluminium, alloying elements): the yield's numerator
//   byproduct_generated   dross, slag, dust made by runs; detail = by-product kind
//   byproduct_dispatched  … sent away from a site; byproduct_received … arriving at one
//   byproduct_routed      … utilised or disposed, counterpart = route
// Columns that do not apply hold ''. Recycled grams follow the lots' content
// (ISO 22095 mass balance), post-consumer apart (ISO 14021).
import { type DomainEvent, gramsOfPpm, runBalance } from '@alutrace/shared';

export const REPORT_MEASURES = [
  'collected',
  'received',
  'consumed',
  'produced',
  'shipped',
  'yield_scrap_in',
  'yield_metal_out',
  'byproduct_generated',
  'byproduct_dispatched',
  'byproduct_received',
  'byproduct_routed',
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

export interface ContributionLookup {
  lot(lotId: string): LotAttributes;
  gradeFamily(code: string): string | null;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant (UTC+8 all year: no summer time since 1991). */
export function shanghaiDay(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

type Key = Omit<Contribution, 'massG' | 'count' | 'recycledG' | 'postConsumerG' | 'day'>;

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
    const k: Key = { site, grade: '', sourceClass: '', family: '', detail: '', counterpart: '', ...key };
    const id = [k.measure, k.site, k.grade, k.sourceClass, k.family, k.detail, k.counterpart].join('\u0000');
    const c = out.get(id);
    if (c) {
      c.massG += massG;
      c.count += count;
      c.recycledG += recycledG;
      c.postConsumerG += postG;
    } else out.set(id, { ...k, day, massG, count, recycledG, postConsumerG: postG });
  };
  const scrapKey = (lot: LotAttributes) => ({
    grade: lot.grade ?? '',
    sourceClass: lot.sourceClass ?? '',
    family: lot.family ?? '',
  });
  const content = (lot: LotAttributes, massG: number) =>
    [gramsOfPpm(massG, lot.recycledPpm), gramsOfPpm(massG, lot.postConsumerPpm)] as const;

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
      }
      break;
    case 'lots.received':
      for (const l of event.body.lots) {
        const lot = lookup.lot(l.lotId);
        if (lot.kind === 'scrap')
          add({ measure: 'received', ...scrapKey(lot) }, l.receivedG, 1, ...content(lot, l.receivedG));
        else if (lot.kind === 'byproduct')
          add({ measure: 'byproduct_received', detail: lot.byproductKind ?? '' }, l.receivedG, 1);
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
      for (const i of inputs) {
        if (i.lot.kind !== 'scrap') continue;
        add({ measure: 'consumed', ...scrapKey(i.lot) }, i.consumedG, 1, ...content(i.lot, i.consumedG));
        if (metalOutG > 0) add({ measure: 'yield_scrap_in', ...scrapKey(i.lot) }, i.consumedG, 1);
      }
      if (metalOutG > 0 && balance.scrapG > 0) {
        const metalInG =
          inputs.filter((i) => i.lot.kind === 'product').reduce((s, i) => s + i.consumedG, 0) + balance.primaryG;
        add({ measure: 'yield_metal_out' }, metalOutG - metalInG, 1);
      }
      for (const o of metal) {
        add(
          { measure: 'produced', detail: o.alloy ?? '' },
          o.massG,
          1,
          gramsOfPpm(o.massG, balance.recycledPpm),
          gramsOfPpm(o.massG, balance.postConsumerPpm),
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
