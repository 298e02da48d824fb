// Incentive schemes: administrators define them, each definition one ledger
// entry (incentive_scheme.defined) carrying the whole scheme, projected into
// incentive_schemes. A scheme under which a statement was issued cannot
// change any more (INCENTIVE_SCHEME_FROZEN): what was paid stays explained
// by the scheme as it was. A new policy is a new scheme with a new code.
import type {
  Actor,
  defineIncentiveSchemeInput,
  IncentiveRate,
  IncentiveSchemeView,
  IncentiveSiteKind,
} from '@alutrace/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { incentiveSchemes, incentiveStatements } from '../../db/schema';
import { AppError } from '../../errors';
import type { Ledger } from '../../ledger/ledger';

export type SchemeRow = typeof incentiveSchemes.$inferSelect;

export interface Scheme {
  code: string;
  nameZh: string;
  nameEn: string;
  from: string;
  to: string;
  rates: IncentiveRate[];
  siteKinds: IncentiveSiteKind[];
  capFen: number;
  definedSeq: number;
  updatedAt: string;
}

export function schemeOf(row: SchemeRow): Scheme {
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    from: row.fromDay,
    to: row.toDay,
    rates: JSON.parse(row.rates) as IncentiveRate[],
    siteKinds: JSON.parse(row.siteKinds) as IncentiveSiteKind[],
    capFen: row.capFen,
    definedSeq: row.definedSeq,
    updatedAt: row.updatedAt,
  };
}

export function findScheme(db: AppDb, code: string): Scheme | null {
  const row = db.select().from(incentiveSchemes).where(eq(incentiveSchemes.code, code)).get();
  return row ? schemeOf(row) : null;
}

export function requireScheme(db: AppDb, code: string): Scheme {
  const scheme = findScheme(db, code);
  if (!scheme) throw new AppError('INCENTIVE_SCHEME_UNKNOWN', { scheme: code });
  return scheme;
}

export function listSchemes(db: AppDb): IncentiveSchemeView[] {
  const counts = new Map(
    db
      .select({ code: incentiveStatements.schemeCode, n: sql<number>`count(*)` })
      .from(incentiveStatements)
      .groupBy(incentiveStatements.schemeCode)
      .all()
      .map((r) => [r.code, Number(r.n)]),
  );
  return db
    .select()
    .from(incentiveSchemes)
    .orderBy(asc(incentiveSchemes.code))
    .all()
    .map((row) => {
      const issued = counts.get(row.code) ?? 0;
      return { ...schemeOf(row), issuedStatements: issued, frozen: issued > 0 };
    });
}

export interface SchemeDeps {
  ledger: Ledger;
}

/** Defines a new scheme or replaces the definition of one not yet paid under. */
export async function defineScheme(
  deps: SchemeDeps,
  actor: Actor,
  input: z.output<typeof defineIncentiveSchemeInput>,
): Promise<IncentiveSchemeView> {
  await deps.ledger.appendAsync((db) => {
    const issued = db
      .select({ id: incentiveStatements.statementId })
      .from(incentiveStatements)
      .where(eq(incentiveStatements.schemeCode, input.code))
      .limit(1)
      .get();
    if (issued) throw new AppError('INCENTIVE_SCHEME_FROZEN', { scheme: input.code, statement: issued.id });
    const body = {
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      from: input.from,
      to: input.to,
      rates: input.rates.map((r) => ({ family: r.family, sourceClass: r.sourceClass, rateFenPerT: r.rateFenPerT })),
      siteKinds: [...input.siteKinds],
      capFen: input.capFen,
    };
    const current = findScheme(db, input.code);
    // A definition that changes nothing writes nothing.
    if (current && sameDefinition(current, body)) return [];
    return [{ kind: 'incentive_scheme.defined', site: null, actor, body }];
  });
  const view = listSchemes(deps.ledger.db).find((s) => s.code === input.code);
  if (!view) throw new Error(`scheme ${input.code} was defined but is not in incentive_schemes`);
  return view;
}

function sameDefinition(a: Scheme, b: Omit<Scheme, 'definedSeq' | 'updatedAt'>): boolean {
  return (
    a.nameZh === b.nameZh &&
    a.nameEn === b.nameEn &&
    a.from === b.from &&
    a.to === b.to &&
    a.capFen === b.capFen &&
    JSON.stringify(a.rates) === JSON.stringify(b.rates) &&
    JSON.stringify(a.siteKinds) === JSON.stringify(b.siteKinds)
  );
}
