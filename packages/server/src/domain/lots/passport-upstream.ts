// The passport's upstream summary: where a lot came from, summed — how many
// collection lots, from which collection points, how much by source class —
// from the backward trace, without its list of every collection lot.
import {
  PASSPORT_MAX_POINTS,
  type PassportUpstream,
  type PublicSite,
  ratioPpm,
  type SourceClass,
} from '@alutrace/shared';
import type { AppDb } from '../../db/open-database';

import { type LotRow, traceBackward } from './trace';

/** What the upstream summary is made from: the backward trace without its list of sources. */
export interface UpstreamFigures {
  collectionLots: number;
  totalG: number;
  bySourceClass: Record<SourceClass, number>;
  additionsG: number;
  untracedG: number;
  byCollectionPoint: { site: string; lots: number; grams: number }[];
}

/**
 * A lot's upstream never changes while the lot stands: correcting anything
 * upstream is refused once a later event rests on it, and a lot whose own
 * run is corrected is voided (and traced to nothing). So the public page,
 * which anyone may ask for as often as they like, traces each lot once; the
 * sites' names are read afresh every time.
 */
const UPSTREAM_CACHE_LOTS = 2_000;
const upstreamCache = new WeakMap<AppDb, Map<string, UpstreamFigures>>();

export function upstreamFigures(db: AppDb, row: LotRow): UpstreamFigures {
  let cache = upstreamCache.get(db);
  if (!cache) {
    cache = new Map();
    upstreamCache.set(db, cache);
  }
  const key = `${row.lotId}@${row.createdSeq}`;
  const hit = row.state === 'voided' ? undefined : cache.get(key);
  if (hit) {
    // Least recently used first out: a hit moves to the end.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const t = traceBackward(db, row);
  const figures: UpstreamFigures = {
    collectionLots: t.sources.length,
    totalG: t.totalG,
    bySourceClass: t.bySourceClass,
    additionsG: t.additionsG,
    untracedG: t.untracedG,
    byCollectionPoint: t.byCollectionPoint,
  };
  if (row.state !== 'voided') {
    cache.set(key, figures);
    if (cache.size > UPSTREAM_CACHE_LOTS) cache.delete(cache.keys().next().value as string);
  }
  return figures;
}

export function upstreamOf(trace: UpstreamFigures, site: (code: string) => PublicSite): PassportUpstream {
  const share = (grams: number) => ratioPpm(grams, trace.totalG);
  const named = trace.byCollectionPoint.slice(0, PASSPORT_MAX_POINTS);
  const others = trace.byCollectionPoint.slice(PASSPORT_MAX_POINTS);
  return {
    collectionLots: trace.collectionLots,
    totalG: trace.totalG,
    bySourceClass: {
      post_consumer: { grams: trace.bySourceClass.post_consumer, ppm: share(trace.bySourceClass.post_consumer) },
      pre_consumer: { grams: trace.bySourceClass.pre_consumer, ppm: share(trace.bySourceClass.pre_consumer) },
    },
    additionsG: trace.additionsG,
    untracedG: trace.untracedG,
    collectionPoints: named.map((p) => ({ site: site(p.site), lots: p.lots, grams: p.grams })),
    otherPoints:
      others.length === 0
        ? null
        : {
            points: others.length,
            lots: others.reduce((s, p) => s + p.lots, 0),
            grams: others.reduce((s, p) => s + p.grams, 0),
          },
  };
}
