// sealed.read, sealed.accessLog and sellers.search (DOMAIN.md "What is
// public and what is sealed"; the work is in sealed/). sealed.read and
// sellers.search are mutations: each writes to the access log, and an ID
// number sent in a POST body stays out of URLs and request logs.
import {
  type AccessLogPage,
  accessLogInput,
  type SealedView,
  type SellerSearchResult,
  sealedReadInput,
  sellerSearchInput,
} from '@alutrace/shared';
import type { App } from '../app/create-app';
import { listAccessLog } from '../sealed/access-log';
import { readSealed, type SealedDeps, type SealedReader } from '../sealed/read-sealed';
import { searchSellers } from '../sealed/search-sellers';
import type { Authorised } from '../trpc/access';
import { procedure, router } from '../trpc/trpc';

function sealedDeps(app: App): SealedDeps {
  return { db: app.db, vault: app.vault, now: app.now, warn: (fields, message) => app.logger.warn(fields, message) };
}

function readerOf(auth: Authorised): SealedReader {
  return { principal: auth.principal, reach: auth.reach };
}

export const sealedRouter = router({
  /** The recording site, the counterpart site and officials; anyone else: NOT_FOUND, as for no record. */
  read: procedure({ permission: 'sealed:read', site: 'resource' })
    .input(sealedReadInput)
    .mutation(({ ctx, input }): SealedView => readSealed(sealedDeps(ctx.app), readerOf(ctx.auth), input)),
  accessLog: procedure({ permission: 'sealed:audit' })
    .input(accessLogInput)
    .query(({ ctx, input }): AccessLogPage => listAccessLog(ctx.app.db, input)),
});

export const sellersRouter = router({
  /** Operators: collections at their own sites; officials: all. */
  search: procedure({ permission: 'sellers:search', site: 'resource' })
    .input(sellerSearchInput)
    .mutation(({ ctx, input }): SellerSearchResult => searchSellers(sealedDeps(ctx.app), readerOf(ctx.auth), input)),
});
