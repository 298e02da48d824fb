// A lot's id: `{site code}-{YYMMDD in Asia/Shanghai}-{daily sequence, 4 digits}`,
// e.g. `PG01-261128-0007`: short enough to type from a damaged label, unique
// forever (the server assigns the sequence inside the append transaction).

export const LOT_ID_PATTERN = /^([A-Z][A-Z0-9]{1,11})-(\d{6})-(\d{4})$/;
export const MAX_LOTS_PER_SITE_DAY = 9999;

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has kept UTC+8 all year since 1991

/** The calendar day in Asia/Shanghai of an instant, as YYMMDD. */
export function shanghaiDay(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const yy = String(local.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

export function formatLotId(site: string, day: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_LOTS_PER_SITE_DAY) {
    throw new RangeError(`a lot sequence runs from 1 to ${MAX_LOTS_PER_SITE_DAY}, not ${sequence}`);
  }
  return `${site}-${day}-${String(sequence).padStart(4, '0')}`;
}

export interface LotIdParts {
  site: string;
  day: string;
  sequence: number;
}

/** Splits a lot id (upper-cased, spaces dropped, as people type them); null when it is not one. */
export function parseLotId(text: string): LotIdParts | null {
  const m = LOT_ID_PATTERN.exec(text.replace(/\s+/g, '').toUpperCase());
  if (!m) return null;
  const sequence = Number(m[3]);
  return sequence >= 1 ? { site: m[1] as string, day: m[2] as string, sequence } : null;
}
