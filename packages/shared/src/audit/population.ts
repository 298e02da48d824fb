// The lots a sample is drawn from, from the log alone, so that anyone holding
// the entries (an export, the data directory) finds the same population the
// server does: every lot created by an entry with seq < tree size — a
// collection's lot, a run's outputs and by-products — whose creating entry
// no correction with seq < tree size declared wrong. (A correction names its
// target by seq and leaf hash; corrections themselves cannot be corrected.)
import type { LotKind } from '../api/lifecycle-api';
import { type DomainEvent, readDomainEvent } from '../events';
import type { LedgerEntry } from '../ledger/entry';
import { labelDigest } from '../lots/label';
import { lotIdSiteDay, type SampleCandidate } from './sample';

const CREATING_OR_VOIDING = new Set(['collection.recorded', 'processing.recorded', 'correction.recorded']);

export class SamplePopulation {
  private readonly created = new Map<number, { leafHash: string; lots: SampleCandidate[] }>();
  private readonly voided = new Set<number>();
  private next = 0;

  /** Feed every entry, in seq order from 0, up to (not including) the checkpoint's tree size. */
  add(entry: LedgerEntry, leafHashHex: string): void {
    if (entry.seq !== this.next) throw new Error(`entry ${entry.seq} given where entry ${this.next} was expected`);
    this.next++;
    if (!CREATING_OR_VOIDING.has(entry.kind)) return;
    let event: DomainEvent | null;
    try {
      event = readDomainEvent(entry);
    } catch {
      // An entry its kind's schema refuses creates no lot (verify reports it).
      return;
    }
    if (!event) return;
    const made: { lotId: string; kind: LotKind }[] = [];
    if (event.kind === 'collection.recorded') made.push({ lotId: event.body.lotId, kind: 'scrap' });
    else if (event.kind === 'processing.recorded') {
      for (const o of event.body.outputs)
        made.push({ lotId: o.lotId, kind: o.form === 'sorted_scrap' ? 'scrap' : 'product' });
      for (const b of event.body.byproducts) made.push({ lotId: b.lotId, kind: 'byproduct' });
    } else if (event.kind === 'correction.recorded') {
      const target = this.created.get(event.body.targetSeq);
      if (target && target.leafHash === event.body.targetLeafHash) this.voided.add(event.body.targetSeq);
      return;
    }
    if (made.length === 0) return;
    const digest = labelDigest(leafHashHex);
    const lots: SampleCandidate[] = [];
    for (const m of made) {
      const parts = lotIdSiteDay(m.lotId);
      if (!parts) continue;
      lots.push({
        lotId: m.lotId,
        site: parts.site,
        kind: m.kind,
        day: parts.day,
        createdSeq: entry.seq,
        labelDigest: digest,
      });
    }
    this.created.set(entry.seq, { leafHash: leafHashHex, lots });
  }

  /** How many entries were fed: the tree size the population is for. */
  get size(): number {
    return this.next;
  }

  *lots(): Iterable<SampleCandidate> {
    for (const [seq, c] of this.created) if (!this.voided.has(seq)) yield* c.lots;
  }
}
