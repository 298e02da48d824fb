// Administrators keep the catalogue: create a grade or an alloy, change it,
// deactivate or reactivate it. Every change is one entry carrying the whole
// new definition (grade.defined / alloy.defined), projected into the
// catalogue tables; nothing is ever deleted, so a grade in use stays
// readable in every old record and report.
import type {
  Actor,
  AlloyView,
  createAlloyInput,
  createGradeInput,
  GradeView,
  updateAlloyInput,
  updateGradeInput,
} from '@alutrace/shared';
import type { z } from 'zod';
import { AppError } from '../../errors';
import type { Ledger } from '../../ledger/ledger';
import { findAlloy, findGrade } from './catalog-rows';

/** What catalogue changes need: the ledger (its db is the transaction inside an append). */
export interface CatalogDeps {
  ledger: Ledger;
}

export async function createGrade(
  deps: CatalogDeps,
  actor: Actor,
  input: z.output<typeof createGradeInput>,
): Promise<GradeView> {
  await deps.ledger.appendAsync((db) => {
    if (findGrade(db, input.code)) throw new AppError('CONFLICT', { what: 'grade', id: input.code });
    return [{ kind: 'grade.defined', site: null, actor, body: { ...input, active: true } }];
  });
  return found(findGrade(deps.ledger.db, input.code), 'grade', input.code);
}

export async function updateGrade(
  deps: CatalogDeps,
  actor: Actor,
  input: z.output<typeof updateGradeInput>,
): Promise<GradeView> {
  await deps.ledger.appendAsync((db) => {
    const current = found(findGrade(db, input.code), 'grade', input.code);
    const next = {
      code: current.code,
      nameZh: input.nameZh ?? current.nameZh,
      nameEn: input.nameEn ?? current.nameEn,
      family: input.family ?? current.family,
      defaultSourceClass: input.defaultSourceClass ?? current.defaultSourceClass,
      yieldMinPct: input.yieldMinPct ?? current.yieldMinPct,
      yieldMaxPct: input.yieldMaxPct ?? current.yieldMaxPct,
      isri: input.isri === undefined ? current.isri : input.isri,
      active: input.active ?? current.active,
    };
    if (next.yieldMinPct > next.yieldMaxPct) {
      throw new AppError('VALIDATION_FAILED', {
        fields: 'yieldMaxPct (the band runs from its minimum to its maximum)',
      });
    }
    // A change that changes nothing writes nothing.
    const same = (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === current[k]);
    return same ? [] : [{ kind: 'grade.defined', site: null, actor, body: next }];
  });
  return found(findGrade(deps.ledger.db, input.code), 'grade', input.code);
}

export async function createAlloy(
  deps: CatalogDeps,
  actor: Actor,
  input: z.output<typeof createAlloyInput>,
): Promise<AlloyView> {
  await deps.ledger.appendAsync((db) => {
    if (findAlloy(db, input.code)) throw new AppError('CONFLICT', { what: 'alloy', id: input.code });
    return [{ kind: 'alloy.defined', site: null, actor, body: { ...input, active: true } }];
  });
  return found(findAlloy(deps.ledger.db, input.code), 'alloy', input.code);
}

export async function updateAlloy(
  deps: CatalogDeps,
  actor: Actor,
  input: z.output<typeof updateAlloyInput>,
): Promise<AlloyView> {
  await deps.ledger.appendAsync((db) => {
    const current = found(findAlloy(db, input.code), 'alloy', input.code);
    const next = {
      code: current.code,
      standard: input.standard ?? current.standard,
      nameZh: input.nameZh ?? current.nameZh,
      nameEn: input.nameEn ?? current.nameEn,
      active: input.active ?? current.active,
    };
    const same = (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === current[k]);
    return same ? [] : [{ kind: 'alloy.defined', site: null, actor, body: next }];
  });
  return found(findAlloy(deps.ledger.db, input.code), 'alloy', input.code);
}

function found<T>(row: T | null, what: 'grade' | 'alloy', code: string): T {
  if (!row) throw new AppError('NOT_FOUND', { what, id: code });
  return row;
}
