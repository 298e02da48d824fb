// Numbers, instants and durations for display, in the interface language.
// Instants are shown in Asia/Shanghai whatever the browser's zone: the
// ledger's users and its reports live in China Standard Time.
import { useMemo } from 'react';
import { intlLocale } from './languages';
import { useAppLanguage } from './use-app-language';

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

export interface Formatters {
  number(value: number): string;
  /** An ISO-8601 instant, e.g. "2026年11月28日 14:03:05" or "28 Nov 2026, 14:03:05". */
  dateTime(iso: string): string;
  /** A duration in milliseconds, as ms below one second and as seconds above. */
  duration(ms: number): string;
  /** "A、B和C" or "A, B and C". */
  list(items: readonly string[]): string;
}

export function useFormat(): Formatters {
  const locale = intlLocale(useAppLanguage());
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(locale);
    const instants = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'medium',
      hourCycle: 'h23',
      timeZone: DISPLAY_TIME_ZONE,
    });
    const millis = new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 });
    const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', maximumFractionDigits: 2 });
    const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
    return {
      number: (value) => numbers.format(value),
      dateTime: (iso) => instants.format(new Date(iso)),
      duration: (ms) => (ms < 1000 ? millis.format(ms) : seconds.format(ms / 1000)),
      list: (items) => lists.format(items),
    };
  }, [locale]);
}
