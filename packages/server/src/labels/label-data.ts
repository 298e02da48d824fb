// What a printed label says about a lot, read with the visibility of
// lots.get: a lot the reader may not see is as unknown as one that does not
// exist (LOT_UNKNOWN). Reading a label records nothing in the ledger.
import { BYPRODUCT_KIND_NAMES, type ByproductKind, LOT_ID_PATTERN, labelUrl } from '@alutrace/shared';
import { eq, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { perDatabase } from '../db/per-database';
import { grades, sites } from '../db/schema';
import { getLotView, type Reader } from '../domain/lots/read-lots';
import { AppError } from '../errors';

export interface LabelData {
  lotId: string;
  /** What the QR code holds: `{public URL}/l/{lot id}?d={digest}`. */
  url: string;
  /** The grade's Chinese name, the alloy of recycled metal, or the by-product's Chinese name. */
  material: string;
  massG: number;
  /** When the lot was created (ISO-8601 UTC); shown as its Asia/Shanghai date. */
  createdAt: string;
  siteCode: string;
  siteName: string;
}

/** The most lots one print page or PDF sheet takes. */
export const MAX_LABELS_PER_REQUEST = 100;

const queries = perDatabase((db) => ({
  grade: db
    .select({ nameZh: grades.nameZh })
    .from(grades)
    .where(eq(grades.code, sql.placeholder('code')))
    .prepare(),
  site: db
    .select({ nameZh: sites.nameZh })
    .from(sites)
    .where(eq(sites.code, sql.placeholder('code')))
    .prepare(),
}));

export function readLabel(db: AppDb, reader: Reader, publicUrl: string, lotId: string): LabelData {
  if (!LOT_ID_PATTERN.test(lotId)) throw new AppError('LOT_UNKNOWN', { lot: lotId.slice(0, 40) });
  const lot = getLotView(db, reader, lotId);
  const q = queries(db);
  return {
    lotId: lot.lotId,
    url: labelUrl(publicUrl, lot.lotId, lot.labelDigest),
    material: materialOf(lot, (code) => q.grade.get({ code })?.nameZh ?? null),
    massG: lot.massG,
    createdAt: lot.createdAt,
    siteCode: lot.originSite,
    siteName: q.site.get({ code: lot.originSite })?.nameZh ?? '',
  };
}

function materialOf(
  lot: { grade: string | null; alloy: string | null; byproductKind: string | null },
  gradeName: (code: string) => string | null,
): string {
  if (lot.grade) return gradeName(lot.grade) ?? lot.grade;
  if (lot.alloy) return lot.alloy;
  if (lot.byproductKind) return BYPRODUCT_KIND_NAMES[lot.byproductKind as ByproductKind]?.zh ?? lot.byproductKind;
  return '';
}

/**
 * The lot ids of `?lots=A,B,…`, in order, without repeats; refused when
 * empty or longer than MAX_LABELS_PER_REQUEST.
 */
export function parseLotList(raw: unknown): string[] {
  const text = typeof raw === 'string' ? raw : '';
  const ids = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) {
    throw new AppError('BAD_REQUEST', { detail: 'name the lots to print as ?lots=A,B,… (at least one lot id)' });
  }
  if (ids.length > MAX_LABELS_PER_REQUEST) {
    throw new AppError('BAD_REQUEST', {
      detail: `at most ${MAX_LABELS_PER_REQUEST} labels per request; this asks for ${ids.length}: print them in smaller groups`,
    });
  }
  return ids;
}
