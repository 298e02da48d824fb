// On first start the catalogue is recorded in the ledger by the system
// actor, so that any report can be reproduced from the log alone. Only an
// installation whose log has never defined a grade is seeded.
import { systemActor } from '../../auth/principal';
import type { Ledger } from '../../ledger/ledger';
import { countGrades } from './catalog-rows';
import { SEED_ALLOYS, SEED_GRADES } from './seed-catalogue';

export async function seedCatalogueOnFirstStart(deps: { ledger: Ledger }): Promise<number> {
  const actor = systemActor('bootstrap');
  const { entries } = await deps.ledger.appendAsync((db) =>
    countGrades(db) > 0
      ? []
      : [
          ...SEED_GRADES.map((body) => ({ kind: 'grade.defined', site: null, actor, body })),
          ...SEED_ALLOYS.map((body) => ({ kind: 'alloy.defined', site: null, actor, body })),
        ],
  );
  return entries.length;
}
