import { createSiteInput, type SiteView, updateSiteInput } from '@alutrace/shared';
import { actorOf } from '../auth/principal';
import { createSite } from '../domain/sites/create-site';
import { listSites } from '../domain/sites/site-rows';
import { updateSite } from '../domain/sites/update-site';
import { procedure, router } from '../trpc/trpc';

const manage = procedure({ permission: 'sites:manage' });

export const sitesRouter = router({
  list: procedure({ permission: 'sites:read' }).query(({ ctx }): SiteView[] => listSites(ctx.app.db)),
  create: manage
    .input(createSiteInput)
    .mutation(({ ctx, input }) => createSite(ctx.app, actorOf(ctx.principal), input)),
  update: manage
    .input(updateSiteInput)
    .mutation(({ ctx, input }) => updateSite(ctx.app, actorOf(ctx.principal), input)),
});
