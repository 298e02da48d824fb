// The languages the interface speaks, and how each maps to the API's
// message language and to an Intl locale.
import type { Language } from '@alutrace/shared';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type AppLanguage = (typeof LANGUAGES)[number];

// The people who weigh, haul and melt the scrap work in Chinese.
export const DEFAULT_LANGUAGE: AppLanguage = 'zh-CN';

export function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language code the server and @alutrace/shared use for messages. */
export function apiLanguage(language: AppLanguage): Language {
  return language === 'zh-CN' ? 'zh' : 'en';
}

/** en-GB rather than en-US: day before month and a 24-hour clock, as a Chinese reader expects. */
export function intlLocale(language: AppLanguage): string {
  return language === 'zh-CN' ? 'zh-CN' : 'en-GB';
}
