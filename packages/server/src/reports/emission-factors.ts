// Emission factors as ledger entries (emission_factors.defined): version 1
// with DOMAIN.md's defaults on first start, a new version by an admin. A
// version is never changed; a report names the one it used.
import {
  type Actor,
  DEFAULT_EMISSION_FACTORS,
  type DefineEmissionFactorsInput,
  EMISSION_FACTORS_DEFINED,
  type EmissionFactorVersion,
} from '@alutrace/shared';
import { desc } from 'drizzle-orm';
import { systemActor } from '../auth/principal';
import type { AppDb } from '../db/open-database';
import { emissionFactors } from '../db/schema';
import type { Ledger } from '../ledger/ledger';
import { liveEmissionFactors } from './live-source';

function latestVersion(db: AppDb): number {
  return (
    db.select({ v: emissionFactors.version }).from(emissionFactors).orderBy(desc(emissionFactors.version)).get()?.v ?? 0
  );
}

/** Records the next version (one more than the latest, read in the append's transaction). */
export async function defineEmissionFactors(
  deps: { ledger: Ledger; db: AppDb },
  actor: Actor,
  input: DefineEmissionFactorsInput,
): Promise<EmissionFactorVersion> {
  const { entries } = await deps.ledger.appendAsync((db) => [
    { kind: EMISSION_FACTORS_DEFINED, site: null, actor, body: { version: latestVersion(db) + 1, ...input } },
  ]);
  const seq = entries[0]?.seq;
  const defined = liveEmissionFactors(deps.db).find((v) => v.seq === seq);
  if (!defined) throw new Error('the emission factors were not recorded');
  return defined;
}

/** On first start (no version in the log yet): version 1, DOMAIN.md's defaults and sources. */
export async function seedEmissionFactorsOnFirstStart(deps: { ledger: Ledger }): Promise<number> {
  const actor = systemActor('bootstrap');
  const { entries } = await deps.ledger.appendAsync((db) =>
    latestVersion(db) > 0
      ? []
      : [{ kind: EMISSION_FACTORS_DEFINED, site: null, actor, body: { version: 1, ...DEFAULT_EMISSION_FACTORS } }],
  );
  return entries.length;
}

export function listEmissionFactors(db: AppDb): EmissionFactorVersion[] {
  return liveEmissionFactors(db);
}
