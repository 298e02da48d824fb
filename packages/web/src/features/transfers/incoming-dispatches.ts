// The dispatches on their way to a site, derived in the browser: the API has
// no list of dispatches, so this takes the lots in transit to the site
// (lots.list), finds each one's dispatch entry among its events (lots.get),
// and reads the dispatch id from that entry's public bytes in the lot's
// passport (the receiving site may not read the sender's ledger entries).
// A `transfers.incoming({site})` procedure would answer all of this in one
// call — dispatch id, sender, time, and each lot's dispatched mass — and
// would page beyond the 200 lots read here.
import { base64Decode, type LotSummary, utf8Decode } from '@alutrace/shared';
import type { ApiClient } from '../../lib/trpc';

export interface IncomingLot {
  lot: LotSummary;
  dispatchedG: number;
}

export interface IncomingDispatch {
  dispatchId: string;
  seq: number;
  fromSite: string;
  occurredAt: string;
  lots: IncomingLot[];
}

interface DispatchBody {
  dispatchId: string;
  to: string;
  lots: { lotId: string; massG: number }[];
}

export async function loadIncomingDispatches(client: ApiClient, site: string): Promise<IncomingDispatch[]> {
  const page = await client.lots.list.query({ state: 'in_transit', limit: 200 });
  const lots = page.lots.filter((l) => l.transitTo === site);
  const views = await Promise.all(lots.map((l) => client.lots.get.query({ lotId: l.lotId })));
  const bySeq = new Map<number, LotSummary[]>();
  for (const view of views) {
    const sent = view.events.filter((e) => e.kind === 'lots.dispatched' && e.correctedBy === null).at(-1);
    if (!sent) continue;
    bySeq.set(sent.seq, [...(bySeq.get(sent.seq) ?? []), view]);
  }
  const out: IncomingDispatch[] = [];
  for (const [seq, group] of bySeq) {
    const first = group[0] as LotSummary;
    const { labelDigest } = views.find((v) => v.lotId === first.lotId) as { labelDigest: string };
    const passport = await client.lots.passport.query({ lotId: first.lotId, digest: labelDigest });
    const stored = passport.entries.find((e) => e.seq === seq);
    if (!stored) continue;
    const entry = JSON.parse(utf8Decode(base64Decode(stored.canonicalBase64))) as {
      site: string;
      occurredAt: string;
      body: DispatchBody;
    };
    out.push({
      dispatchId: entry.body.dispatchId,
      seq,
      fromSite: entry.site,
      occurredAt: entry.occurredAt,
      lots: group.map((lot) => ({
        lot,
        dispatchedG: entry.body.lots.find((l) => l.lotId === lot.lotId)?.massG ?? lot.massG,
      })),
    });
  }
  return out.sort((a, b) => b.seq - a.seq);
}
