// Thresholds as people type and read them: percentages exactly to ppm,
// masses through the shared mass reader, site hours one a line.
import {
  type AnomalyThresholds,
  formatScaled,
  parseDecimalAmount,
  parseMassText,
  type UsualHours,
} from '@alutrace/shared';

const PERCENT = {
  units: { '%': 4 },
  refused: {},
  smallest: { en: 'millionths', zh: '百万分之一' },
  hint: { en: '%', zh: '%' },
  example: (digits: string) => `${digits}%`,
};

/** "20" or "1.5%" → 200000 / 15000 ppm; null when it is not a percentage up to 100. */
export function parsePercentPpm(text: string): number | null {
  const typed = text.replace(/\s+/g, '');
  const r = parseDecimalAmount(typed.endsWith('%') ? typed : `${typed}%`, PERCENT);
  return r.ok && r.value <= 1_000_000 ? r.value : null;
}

export function ppmPercentText(ppm: number): string {
  return formatScaled(ppm, 4);
}

export function parseGrams(text: string): number | null {
  const r = parseMassText(text);
  return r.ok && r.value > 0 ? r.value : null;
}

export function parseWhole(text: string): number | null {
  return /^\d{1,6}$/.test(text.trim()) && Number(text) > 0 ? Number(text) : null;
}

const HOURS_LINE = /^([A-Z][A-Z0-9]{1,11})\s+((?:[01]\d|2[0-3]):[0-5]\d)\s*[-–~]\s*((?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** "PG01 08:00-18:00" lines → the site hours; null if a line does not read. */
export function parseSiteHours(text: string): AnomalyThresholds['siteHours'] | null {
  const out: Record<string, UsualHours> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim().toUpperCase();
    if (line === '') continue;
    const m = HOURS_LINE.exec(line);
    if (!m) return null;
    out[m[1] as string] = { start: m[2] as string, end: m[3] as string };
  }
  return out;
}

export function siteHoursText(hours: AnomalyThresholds['siteHours']): string {
  return Object.entries(hours)
    .map(([site, h]) => `${site} ${h.start}-${h.end}`)
    .join('\n');
}
