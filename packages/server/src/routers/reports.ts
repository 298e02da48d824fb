// reports.*: the figures officials ask for, each a ReportTable computed at a
// signed checkpoint (packages/server/src/reports/). Officials and admins read
// every site. Operators, recyclers and utilisers read their own sites'
// figures and must name the site: a recycler follows its own yield and
// dross, a collection point its own volumes, but a site's volumes are
// commercial information its competitors must not read.
import {
  defineEmissionFactorsInput,
  discrepanciesInput,
  drossInput,
  type EmissionFactorVersion,
  emissionsInput,
  type ReportTable,
  shipmentsInput,
  volumesInput,
  yieldInput,
} from '@alutrace/shared';
import { actorOf } from '../auth/principal';
import { computeReport } from '../reports/compute-report';
import { defineEmissionFactors, listEmissionFactors } from '../reports/emission-factors';
import { field } from '../trpc/access';
import { procedure, router } from '../trpc/trpc';

const read = procedure({ permission: 'reports:read', site: field('site') });

export const reportsRouter = router({
  volumes: read.input(volumesInput).query(({ ctx, input }): ReportTable => computeReport(ctx.app, 'volumes', input)),
  yield: read.input(yieldInput).query(({ ctx, input }): ReportTable => computeReport(ctx.app, 'yield', input)),
  dross: read.input(drossInput).query(({ ctx, input }): ReportTable => computeReport(ctx.app, 'dross', input)),
  discrepancies: read
    .input(discrepanciesInput)
    .query(({ ctx, input }): ReportTable => computeReport(ctx.app, 'discrepancies', input)),
  shipments: read
    .input(shipmentsInput)
    .query(({ ctx, input }): ReportTable => computeReport(ctx.app, 'shipments', input)),
  emissions: read
    .input(emissionsInput)
    .query(({ ctx, input }): ReportTable => computeReport(ctx.app, 'emissions', input)),
  /** Every version of the emission factors, oldest first: public reference figures, for anyone signed in. */
  emissionFactors: procedure({ signedIn: true }).query(({ ctx }): EmissionFactorVersion[] =>
    listEmissionFactors(ctx.app.db),
  ),
  /** A new version (one more than the latest); reports computed with older versions keep them. */
  defineEmissionFactors: procedure({ permission: 'reports:factors' })
    .input(defineEmissionFactorsInput)
    .mutation(({ ctx, input }) => defineEmissionFactors(ctx.app, actorOf(ctx.principal), input)),
});
