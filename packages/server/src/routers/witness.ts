// Cosigning checkpoints (README "Cosigning checkpoints"): officials register
// their witness keys and upload cosignatures; anyone lists the witnesses.
import {
  type CosignResult,
  cosignInput,
  registerWitnessInput,
  type WitnessLatestView,
  type WitnessView,
  witnessLatestInput,
} from '@alutrace/shared';
import type { App } from '../app/create-app';
import type { Principal } from '../auth/principal';
import {
  latestCosigned,
  listWitnesses,
  registerWitness,
  storeCosignature,
  type WitnessDeps,
} from '../domain/witness/witnesses';
import { procedure, publicProcedure, router } from '../trpc/trpc';

export function witnessDeps(app: App): WitnessDeps {
  return {
    db: app.db,
    checkpointAt: (size) => app.ledger.checkpointAt(size),
    head: () => app.ledger.head(),
    origin: app.config.origin,
    verifierKey: app.verifierKey,
    now: app.now,
  };
}

/** The owner of a witness key: the signed-in user or the API token that registered it. */
export const witnessOwner = (p: Principal): string => `${p.kind}:${p.id}`;

const official = procedure({ permission: 'witness:cosign' });

export const witnessRouter = router({
  /** Registers a witness key (its vkey) to the caller; the same key again is answered unchanged. */
  register: official
    .input(registerWitnessInput)
    .mutation(
      ({ ctx, input }): WitnessView => registerWitness(witnessDeps(ctx.app), witnessOwner(ctx.principal), input),
    ),

  /** Stores a cosignature by one of the caller's keys on a checkpoint this server signed. */
  cosign: official
    .input(cosignInput)
    .mutation(
      ({ ctx, input }): CosignResult => storeCosignature(witnessDeps(ctx.app), witnessOwner(ctx.principal), input),
    ),

  /** The largest checkpoint one of the caller's keys cosigned (the witness checks its own signature on it). */
  latest: official
    .input(witnessLatestInput)
    .query(
      ({ ctx, input }): WitnessLatestView =>
        latestCosigned(witnessDeps(ctx.app), witnessOwner(ctx.principal), input.vkey),
    ),

  /** Every registered witness with its latest cosignature: public, like the checkpoints they cosign. */
  list: publicProcedure.query(({ ctx }): WitnessView[] =>
    listWitnesses(witnessDeps(ctx.app), ctx.principal ? witnessOwner(ctx.principal) : null),
  ),
});
