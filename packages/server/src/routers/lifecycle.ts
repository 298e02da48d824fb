// The scrap lifecycle: collection.record, transfers.dispatch/receive,
// processing.record, byproducts.utilise, shipments.record,
// corrections.record. Each acts for the input's `site`, which the caller
// must act for (rule 7); the rules themselves live in domain/lifecycle/.
import {
  dispatchLotsInput,
  type IncomingDispatchView,
  incomingInput,
  type RecordedView,
  receiveLotsInput,
  recordCollectionInput,
  recordCorrectionInput,
  recordProcessingInput,
  recordShipmentInput,
  utiliseByproductInput,
} from '@alutrace/shared';
import type { App } from '../app/create-app';
import { actorOf, type Principal } from '../auth/principal';
import type { Caller, LifecycleDeps } from '../domain/lifecycle/context';
import {
  dispatchLots,
  receiveLots,
  recordCollection,
  recordCorrection,
  recordProcessing,
  recordShipment,
  utiliseByproduct,
} from '../domain/lifecycle/procedures';
import { incomingDispatches } from '../domain/lots/incoming';
import { field } from '../trpc/access';
import { procedure, router } from '../trpc/trpc';

export function lifecycleDeps(app: App): LifecycleDeps {
  return { ledger: app.ledger, vault: app.vault, now: app.now, rules: app.rules };
}

export function callerOf(p: Principal): Caller {
  return { actor: actorOf(p), scope: `${p.kind}:${p.id}`, isAdmin: p.role === 'admin' };
}

const atSite = field('site');

export const collectionRouter = router({
  record: procedure({ permission: 'collections:record', site: atSite })
    .input(recordCollectionInput)
    .mutation(
      ({ ctx, input }): Promise<RecordedView> =>
        recordCollection(lifecycleDeps(ctx.app), callerOf(ctx.principal), input),
    ),
});

export const transfersRouter = router({
  dispatch: procedure({ permission: 'transfers:dispatch', site: atSite })
    .input(dispatchLotsInput)
    .mutation(({ ctx, input }) => dispatchLots(lifecycleDeps(ctx.app), callerOf(ctx.principal), input)),
  receive: procedure({ permission: 'transfers:receive', site: atSite })
    .input(receiveLotsInput)
    .mutation(({ ctx, input }) => receiveLots(lifecycleDeps(ctx.app), callerOf(ctx.principal), input)),
  /** What is on its way to the site: the dispatches to receive, with their lots. */
  incoming: procedure({ permission: 'transfers:receive', site: atSite })
    .input(incomingInput)
    .query(({ ctx, input }): IncomingDispatchView[] => incomingDispatches(ctx.app.db, input.site)),
});

export const processingRouter = router({
  record: procedure({ permission: 'processing:record', site: atSite })
    .input(recordProcessingInput)
    .mutation(({ ctx, input }) => recordProcessing(lifecycleDeps(ctx.app), callerOf(ctx.principal), input)),
});

export const byproductsRouter = router({
  utilise: procedure({ permission: 'byproducts:utilise', site: atSite })
    .input(utiliseByproductInput)
    .mutation(({ ctx, input }) => utiliseByproduct(lifecycleDeps(ctx.app), callerOf(ctx.principal), input)),
});

export const shipmentsRouter = router({
  record: procedure({ permission: 'shipments:record', site: atSite })
    .input(recordShipmentInput)
    .mutation(({ ctx, input }) => recordShipment(lifecycleDeps(ctx.app), callerOf(ctx.principal), input)),
});

export const correctionsRouter = router({
  record: procedure({ permission: 'corrections:record', site: atSite })
    .input(recordCorrectionInput)
    .mutation(({ ctx, input }) => recordCorrection(lifecycleDeps(ctx.app), callerOf(ctx.principal), input)),
});
