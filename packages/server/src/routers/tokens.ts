import { createTokenInput, revokeTokenInput, type TokenView } from '@alutrace/shared';
import { actorOf } from '../auth/principal';
import { createToken } from '../domain/tokens/create-token';
import { revokeToken } from '../domain/tokens/revoke-token';
import { listTokens } from '../domain/tokens/token-rows';
import { procedure, router } from '../trpc/trpc';

const admin = procedure({ permission: 'tokens:manage' });

export const tokensRouter = router({
  list: admin.query(({ ctx }): TokenView[] => listTokens(ctx.app.db)),

  /** The secret is in the answer once and never again. */
  create: admin
    .input(createTokenInput)
    .mutation(({ ctx, input }) => createToken(ctx.app, actorOf(ctx.principal), input)),

  revoke: admin
    .input(revokeTokenInput)
    .mutation(({ ctx, input }) => revokeToken(ctx.app, actorOf(ctx.principal), input.tokenId)),
});
