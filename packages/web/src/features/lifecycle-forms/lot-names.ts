// What a lot is, in the reader's language: its grade, alloy or by-product
// kind, and its state.
import {
  BYPRODUCT_KIND_NAMES,
  type GradeView,
  LOT_STATE_NAMES,
  type LotSummary,
  PRODUCT_FORM_NAMES,
} from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLang } from './use-words';

export interface LotNames {
  /** "UBC 废铝易拉罐", "ADC12 铝锭", "铝渣". */
  material(lot: LotSummary): string;
  state(lot: LotSummary): string;
  grades: GradeView[];
}

export function useLotNames(): LotNames {
  const trpc = useTRPC();
  const lang = useLang();
  const grades = useQuery(trpc.grades.list.queryOptions({ includeInactive: true }, { staleTime: 300_000 })).data ?? [];
  return {
    grades,
    material: (lot) => {
      if (lot.byproductKind) return BYPRODUCT_KIND_NAMES[lot.byproductKind][lang];
      if (lot.alloy) return `${lot.alloy} ${lot.form ? PRODUCT_FORM_NAMES[lot.form][lang] : ''}`.trim();
      const grade = grades.find((g) => g.code === lot.grade);
      if (grade) return `${grade.code} ${lang === 'zh' ? grade.nameZh : grade.nameEn}`;
      return lot.grade ?? '—';
    },
    state: (lot) => LOT_STATE_NAMES[lot.state][lang],
  };
}
