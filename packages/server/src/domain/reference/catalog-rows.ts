// Reading the catalogue (the grades and alloys tables, projections of the log).
import type { AlloyView, GradeView } from '@alutrace/shared';
import { asc, count, eq } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { alloys, grades } from '../../db/schema';

export function findGrade(db: AppDb, code: string): GradeView | null {
  return db.select().from(grades).where(eq(grades.code, code)).get() ?? null;
}

export function listGrades(db: AppDb, options: { includeInactive: boolean }): GradeView[] {
  const q = db.select().from(grades);
  return (options.includeInactive ? q : q.where(eq(grades.active, true))).orderBy(asc(grades.code)).all();
}

export function countGrades(db: AppDb): number {
  return db.select({ n: count() }).from(grades).get()?.n ?? 0;
}

export function findAlloy(db: AppDb, code: string): AlloyView | null {
  return db.select().from(alloys).where(eq(alloys.code, code)).get() ?? null;
}

export function listAlloys(db: AppDb, options: { includeInactive: boolean }): AlloyView[] {
  const q = db.select().from(alloys);
  return (options.includeInactive ? q : q.where(eq(alloys.active, true))).orderBy(asc(alloys.code)).all();
}
