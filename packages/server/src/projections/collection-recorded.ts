// collection.recorded → a new scrap lot on hand at the collection point.
import { type EventBody, PPM } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import type { AppendedEntry } from '../ledger/types';
import { creation, gradeFamily, insertLot, lotEvent, noteLotSequence } from './lot-writes';

export function projectCollectionRecorded(body: EventBody<'collection.recorded'>, at: AppendedEntry, db: AppDb): void {
  const site = at.entry.site as string;
  insertLot(db, {
    lotId: body.lotId,
    kind: 'scrap',
    originSite: site,
    holder: site,
    state: 'on_hand',
    grade: body.grade,
    family: gradeFamily(db, body.grade),
    sourceClass: body.sourceClass,
    alloy: null,
    form: null,
    byproductKind: null,
    hazardousWasteCode: null,
    massG: body.netG,
    balanceG: body.netG,
    recycledPpm: PPM,
    postConsumerPpm: body.sourceClass === 'post_consumer' ? PPM : 0,
    dispatchId: null,
    transitTo: null,
    ...creation(at),
  });
  lotEvent(db, body.lotId, at, 'created', body.netG);
  noteLotSequence(db, body.lotId);
}
