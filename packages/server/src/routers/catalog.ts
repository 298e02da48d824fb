// grades.* and alloys.*: the reference catalogue. Everyone signed in reads it
// (every form that records material picks from it); administrators change it.
import {
  type AlloyView,
  createAlloyInput,
  createGradeInput,
  type GradeView,
  listCatalogInput,
  updateAlloyInput,
  updateGradeInput,
} from '@alutrace/shared';
import { actorOf } from '../auth/principal';
import { listAlloys, listGrades } from '../domain/reference/catalog-rows';
import { createAlloy, createGrade, updateAlloy, updateGrade } from '../domain/reference/define-catalog';
import { procedure, router } from '../trpc/trpc';

const read = procedure({ permission: 'reference:read' });
const manage = procedure({ permission: 'reference:manage' });

export const gradesRouter = router({
  list: read.input(listCatalogInput).query(({ ctx, input }): GradeView[] => listGrades(ctx.app.db, input)),
  create: manage
    .input(createGradeInput)
    .mutation(({ ctx, input }) => createGrade(ctx.app, actorOf(ctx.principal), input)),
  update: manage
    .input(updateGradeInput)
    .mutation(({ ctx, input }) => updateGrade(ctx.app, actorOf(ctx.principal), input)),
});

export const alloysRouter = router({
  list: read.input(listCatalogInput).query(({ ctx, input }): AlloyView[] => listAlloys(ctx.app.db, input)),
  create: manage
    .input(createAlloyInput)
    .mutation(({ ctx, input }) => createAlloy(ctx.app, actorOf(ctx.principal), input)),
  update: manage
    .input(updateAlloyInput)
    .mutation(({ ctx, input }) => updateAlloy(ctx.app, actorOf(ctx.principal), input)),
});
