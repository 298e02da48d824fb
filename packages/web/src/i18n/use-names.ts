// Names of roles, site kinds and sites in the interface language. Role and
// kind names come from @alutrace/shared, so that the CLI, the server's
// messages and the web app call them the same.
import {
  entryKindName,
  PARK_NAMES,
  type Park,
  ROLE_NAMES,
  type Role,
  SITE_KIND_NAMES,
  type SiteKind,
  type SiteView,
} from '@alutrace/shared';
import { useMemo } from 'react';
import { apiLanguage } from './languages';
import { useAppLanguage } from './use-app-language';

export interface Names {
  role(role: Role): string;
  siteKind(kind: SiteKind): string;
  park(park: Park): string;
  /** The site's name alone. */
  site(site: Pick<SiteView, 'nameZh' | 'nameEn'>): string;
  /** "PG01 平果回收站": code and name, as sites are listed everywhere. */
  siteLabel(site: Pick<SiteView, 'code' | 'nameZh' | 'nameEn'>): string;
  /** A ledger entry's kind in words ("回收登记" for `collection.recorded`); an unknown kind stays its code. */
  entryKind(kind: string): string;
}

export function useNames(): Names {
  const language = apiLanguage(useAppLanguage());
  return useMemo(() => {
    const site = (s: Pick<SiteView, 'nameZh' | 'nameEn'>) => (language === 'zh' ? s.nameZh : s.nameEn);
    return {
      role: (role) => ROLE_NAMES[role][language],
      siteKind: (kind) => SITE_KIND_NAMES[kind][language],
      park: (park) => PARK_NAMES[park][language],
      site,
      siteLabel: (s) => `${s.code} ${site(s)}`,
      entryKind: (kind) => entryKindName(kind, language),
    };
  }, [language]);
}
