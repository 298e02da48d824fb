// Defining a target, redefining it, withdrawing it: each one target.defined
// entry carrying the whole definition. Nothing is edited: a redefinition
// names the seq of the definition in force (as the caller read it) and the
// new entry supersedes it; a caller who read an older one is refused with
// TARGET_STALE, so two officials changing a target at once cannot overwrite
// each other unseen. A refusal writes nothing.
import { type Actor, type DefineTargetInput, type TargetView, targetPeriodDays } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { sites } from '../../db/schema';
import { AppError } from '../../errors';
import type { Ledger } from '../../ledger/ledger';
import { currentTarget } from './target-rows';

export interface TargetDeps {
  ledger: Ledger;
}

/** The site kind whose sites a metric is measured at, for a site-scoped target. */
const METRIC_SITE_KINDS = {
  collected: 'collection_point',
  received: 'recycler',
  produced: 'recycler',
  shipped: 'recycler',
  yield: 'recycler',
  dross_utilisation: 'recycler',
} as const;

function checkScope(db: AppDb, input: DefineTargetInput): void {
  const scope = input.scope;
  if (scope.kind === 'site') {
    const site = db.select({ kind: sites.kind }).from(sites).where(eq(sites.code, scope.site)).get();
    if (!site) throw new AppError('SITE_UNKNOWN', { site: scope.site });
    const kind = METRIC_SITE_KINDS[input.metric];
    if (site.kind !== kind) throw new AppError('SITE_KIND_WRONG', { site: scope.site, kind: site.kind, kinds: kind });
  }
  if (scope.kind === 'district') {
    const any = db.select({ code: sites.code }).from(sites).where(eq(sites.district, scope.district)).get();
    if (!any) throw new AppError('TARGET_DISTRICT_UNKNOWN', { district: scope.district });
  }
}

export async function defineTarget(deps: TargetDeps, actor: Actor, input: DefineTargetInput): Promise<TargetView> {
  const days = targetPeriodDays(input.period);
  // The input schema refuses such a period already; this keeps the domain function safe on its own.
  if (!days) throw new AppError('VALIDATION_FAILED', { fields: 'period' });
  await deps.ledger.appendAsync((db) => {
    checkScope(db, input);
    const current = currentTarget(db, input.code);
    let supersedes: { seq: number; leafHash: string } | null = null;
    if (current) {
      if (input.supersedes === undefined)
        throw new AppError('TARGET_CODE_TAKEN', { code: input.code, seq: current.seq });
      if (input.supersedes !== current.seq) {
        throw new AppError('TARGET_STALE', { code: input.code, current: current.seq, given: input.supersedes });
      }
      const entry = deps.ledger.entryBySeq(current.seq);
      if (!entry) throw new Error(`target ${input.code} rests on entry ${current.seq}, which cannot be read`);
      supersedes = { seq: current.seq, leafHash: entry.leafHash };
    } else if (input.supersedes !== undefined) {
      throw new AppError('TARGET_UNKNOWN', { code: input.code });
    }
    return [
      {
        kind: 'target.defined',
        site: null,
        actor,
        body: {
          code: input.code,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          metric: input.metric,
          scope: input.scope,
          period: input.period.trim(),
          from: days.from,
          to: days.to,
          comparison: input.comparison,
          value: input.value,
          active: input.active,
          supersedes,
        },
      },
    ];
  });
  const now = currentTarget(deps.ledger.db, input.code);
  if (!now) throw new Error('a target was defined and cannot be read back');
  return now;
}
