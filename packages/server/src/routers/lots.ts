// lots.*: reading lots. Operating roles see the lots of their sites; the
// public passport (lots.passport) answers anyone who has the lot's label.
import {
  type LotPage,
  type LotTrace,
  type LotView,
  listLotsInput,
  lotIdInput,
  type Passport,
  passportInput,
  traceInput,
} from '@alutrace/shared';
import { getPassport } from '../domain/lots/passport';
import { getLotView, listLots, type Reader } from '../domain/lots/read-lots';
import { traceLot } from '../domain/lots/trace';
import type { Authorised } from '../trpc/access';
import { procedure, publicProcedure, router } from '../trpc/trpc';

const read = procedure({ permission: 'lots:read', site: 'resource' });

export function readerOf(auth: Authorised): Reader {
  return { reach: auth.reach, sites: auth.principal.sites };
}

export const lotsRouter = router({
  get: read
    .input(lotIdInput)
    .query(({ ctx, input }): LotView => getLotView(ctx.app.db, readerOf(ctx.auth), input.lotId)),
  list: read.input(listLotsInput).query(({ ctx, input }): LotPage => listLots(ctx.app.db, readerOf(ctx.auth), input)),
  /** Backward to every collection lot, or forward to every lot, buyer and route; the lot as lots.get sees it. */
  trace: read.input(traceInput).query(({ ctx, input }): LotTrace => traceLot(ctx.app.db, readerOf(ctx.auth), input)),
  /** Anyone with the label: with the wrong digest, the same LOT_UNKNOWN as for no such lot. */
  passport: publicProcedure
    .input(passportInput)
    .query(
      ({ ctx, input }): Passport =>
        getPassport(
          { db: ctx.app.db, ledger: ctx.app.ledger, verifierKey: ctx.app.verifierKey, origin: ctx.app.config.origin },
          input,
        ),
    ),
});
