// targets.*: the plan's targets (README "Targets"). Officials and
// administrators define them (each a target.defined entry; a redefinition
// supersedes, never edits) and follow their progress against the reports.
import { defineTargetInput, listTargetsInput, type TargetView, targetProgressInput } from '@alutrace/shared';
import { actorOf } from '../auth/principal';
import { defineTarget } from '../reports/targets/define-target';
import { targetProgressView } from '../reports/targets/target-progress-view';
import { listTargets } from '../reports/targets/target-rows';
import { procedure, router } from '../trpc/trpc';

const read = procedure({ permission: 'targets:read' });
// A target is a decision of a person in office, not of a device: no API tokens.
const define = procedure({ permission: 'targets:define', usersOnly: true });

export const targetsRouter = router({
  define: define
    .input(defineTargetInput)
    .mutation(({ ctx, input }): Promise<TargetView> => defineTarget(ctx.app, actorOf(ctx.principal), input)),
  list: read.input(listTargetsInput).query(({ ctx, input }): TargetView[] => listTargets(ctx.app.db, input)),
  progress: read.input(targetProgressInput).query(({ ctx, input }) => targetProgressView(ctx.app, input)),
});
