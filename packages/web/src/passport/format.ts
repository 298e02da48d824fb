// How the passport shows grams, shares, times and sites, in either language.
import { BAISE_DISTRICTS, formatMassKg, formatScaled, PARK_NAMES, type PublicSite } from '@alutrace/shared';
import type { PassportLanguage } from './passport-text';

export function mass(grams: number): string {
  // Integer grams scaled as decimal text, never through floating point; tonnes from 1 t up.
  return grams >= 1_000_000 ? `${formatScaled(grams, 6)} t` : formatMassKg(grams);
}

/** Parts per million as a percentage with one decimal (display only). */
export function percent(ppm: number): string {
  return `${(Math.round(ppm / 1000) / 10).toFixed(1)} %`;
}

export function dateTime(iso: string, language: PassportLanguage): string {
  // Reports and people in the region read China time, wherever the phone is.
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function siteName(site: PublicSite, language: PassportLanguage): string {
  return `${language === 'zh' ? site.nameZh : site.nameEn} (${site.code})`;
}

/** District and park, in the reader's language, when the site has them. */
export function sitePlace(site: PublicSite, language: PassportLanguage): string {
  const district = site.district
    ? language === 'zh'
      ? site.district
      : (BAISE_DISTRICTS.find((d) => d.zh === site.district)?.en ?? site.district)
    : null;
  const park = site.park ? PARK_NAMES[site.park][language] : null;
  return [district, park].filter(Boolean).join(language === 'zh' ? '，' : ', ');
}
