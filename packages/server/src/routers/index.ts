import { router } from '../trpc/trpc';
import { anomaliesRouter, scansRouter } from './anomalies';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { alloysRouter, gradesRouter } from './catalog';
import { incentivesRouter } from './incentives';
import { ledgerRouter } from './ledger';
import {
  byproductsRouter,
  collectionRouter,
  correctionsRouter,
  processingRouter,
  shipmentsRouter,
  transfersRouter,
} from './lifecycle';
import { lotsRouter } from './lots';
import { reportsRouter } from './reports';
import { sealedRouter, sellersRouter } from './sealed';
import { sitesRouter } from './sites';
import { systemRouter } from './system';
import { targetsRouter } from './targets';
import { tokensRouter } from './tokens';
import { usersRouter } from './users';
import { witnessRouter } from './witness';

export const appRouter = router({
  alloys: alloysRouter,
  anomalies: anomaliesRouter,
  audit: auditRouter,
  auth: authRouter,
  byproducts: byproductsRouter,
  collection: collectionRouter,
  corrections: correctionsRouter,
  grades: gradesRouter,
  incentives: incentivesRouter,
  ledger: ledgerRouter,
  lots: lotsRouter,
  processing: processingRouter,
  reports: reportsRouter,
  sealed: sealedRouter,
  scans: scansRouter,
  sellers: sellersRouter,
  shipments: shipmentsRouter,
  transfers: transfersRouter,
  sites: sitesRouter,
  system: systemRouter,
  targets: targetsRouter,
  tokens: tokensRouter,
  users: usersRouter,
  witness: witnessRouter,
});

export type AppRouter = typeof appRouter;
