import { router } from '../trpc/trpc';
import { authRouter } from './auth';
import { alloysRouter, gradesRouter } from './catalog';
import { ledgerRouter } from './ledger';
import { sitesRouter } from './sites';
import { tokensRouter } from './tokens';
import { usersRouter } from './users';

export const appRouter = router({
  alloys: alloysRouter,
  auth: authRouter,
  grades: gradesRouter,
  ledger: ledgerRouter,
  sites: sitesRouter,
  tokens: tokensRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
