// lots.*: reading lots. Operating roles see the lots of their sites; the
// public passport (lots.passport) is in passport.ts.
import { type LotPage, type LotView, listLotsInput, lotIdInput } from '@alutrace/shared';
import { getLotView, listLots, type Reader } from '../domain/lots/read-lots';
import type { Authorised } from '../trpc/access';
import { procedure, router } from '../trpc/trpc';

const read = procedure({ permission: 'lots:read', site: 'resource' });

export function readerOf(auth: Authorised): Reader {
  return { reach: auth.reach, sites: auth.principal.sites };
}

export const lotsRouter = router({
  get: read
    .input(lotIdInput)
    .query(({ ctx, input }): LotView => getLotView(ctx.app.db, readerOf(ctx.auth), input.lotId)),
  list: read.input(listLotsInput).query(({ ctx, input }): LotPage => listLots(ctx.app.db, readerOf(ctx.auth), input)),
});
