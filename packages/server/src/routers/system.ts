// system.info: public facts about this installation (demo data or not, the
// log's name, the public address), for the web app's banner and for clients.
import type { SystemInfo } from '@alutrace/shared';
import { publicProcedure, router } from '../trpc/trpc';

export const systemRouter = router({
  info: publicProcedure.query(({ ctx }): SystemInfo => {
    const { demo, config } = ctx.app;
    return {
      demo: demo !== null,
      demoPeriod: demo?.from && demo.to ? { from: demo.from, to: demo.to } : null,
      origin: config.origin,
      publicUrl: config.publicUrl,
      rules: {
        transitTolerancePct: ctx.app.rules.transitTolerancePct,
        meltLossFlagPct: ctx.app.rules.meltLossFlagPct,
      },
    };
  }),
});
