// Lots in words, in the interface language: states, event kinds, grades and
// what a lot is made of. Grades come from grades.list (inactive ones too, so
// that an old lot of a retired grade still shows its name).
import {
  BYPRODUCT_KIND_NAMES,
  BYPRODUCT_ROUTE_NAMES,
  DOWNSTREAM_CHAIN_NAMES,
  type GradeView,
  LOT_STATE_NAMES,
  type LotState,
  type LotSummary,
  PROCESS_KIND_NAMES,
  PRODUCT_FORM_NAMES,
  type ProcessKind,
  SOURCE_CLASS_NAMES,
  type SourceClass,
} from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import { useTRPC } from '../../lib/trpc';

export interface LotWords {
  state(state: LotState): string;
  sourceClass(sourceClass: SourceClass): string;
  /** "UBC 废铝易拉罐": code and name, or the code alone while the catalogue loads. */
  grade(code: string): string;
  gradeName(grade: Pick<GradeView, 'nameZh' | 'nameEn'>): string;
  /** What the lot is: "废料 UBC 废铝易拉罐", "铝锭 ADC12", "副产品 铝渣". */
  material(lot: Pick<LotSummary, 'kind' | 'grade' | 'alloy' | 'form' | 'byproductKind'>): string;
  /** An event kind such as collection.recorded in words. */
  eventKind(kind: string): string;
  action(action: string): string;
  chain(chain: keyof typeof DOWNSTREAM_CHAIN_NAMES): string;
  route(route: keyof typeof BYPRODUCT_ROUTE_NAMES): string;
  process(kind: ProcessKind): string;
}

export function useGrades(): GradeView[] {
  const trpc = useTRPC();
  const grades = useQuery(trpc.grades.list.queryOptions({ includeInactive: true }, { staleTime: 5 * 60_000 }));
  return grades.data ?? [];
}

export function useLotWords(): LotWords {
  const { t } = useTranslation();
  const language = apiLanguage(useAppLanguage());
  const grades = useGrades();
  return useMemo(() => {
    const byCode = new Map(grades.map((g) => [g.code, g]));
    const gradeName = (g: Pick<GradeView, 'nameZh' | 'nameEn'>): string => (language === 'zh' ? g.nameZh : g.nameEn);
    const grade = (code: string): string => {
      const found = byCode.get(code);
      return found ? `${code} ${gradeName(found)}` : code;
    };
    const kinds = t('lots.kinds', { returnObjects: true }) as Record<string, string>;
    const actions = t('lots.actions', { returnObjects: true }) as Record<string, string>;
    return {
      state: (state) => LOT_STATE_NAMES[state][language],
      sourceClass: (sc) => SOURCE_CLASS_NAMES[sc][language],
      grade,
      gradeName,
      material: (lot) => {
        if (lot.kind === 'scrap') return `${t('lots.scrap')} ${lot.grade ? grade(lot.grade) : ''}`.trim();
        if (lot.kind === 'byproduct') {
          return `${t('lots.byproduct')} ${lot.byproductKind ? BYPRODUCT_KIND_NAMES[lot.byproductKind][language] : ''}`.trim();
        }
        const form = lot.form ? PRODUCT_FORM_NAMES[lot.form][language] : t('lots.product');
        return `${form} ${lot.alloy ?? (lot.grade ? grade(lot.grade) : '')}`.trim();
      },
      eventKind: (kind) => kinds[kind] ?? kind,
      action: (action) => actions[action] ?? action,
      chain: (chain) => DOWNSTREAM_CHAIN_NAMES[chain][language],
      route: (route) => BYPRODUCT_ROUTE_NAMES[route][language],
      process: (kind) => PROCESS_KIND_NAMES[kind][language],
    };
  }, [grades, language, t]);
}
