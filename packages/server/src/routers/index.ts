import { router } from '../trpc/trpc';
import { ledgerRouter } from './ledger';

export const appRouter = router({
  ledger: ledgerRouter,
});

export type AppRouter = typeof appRouter;
