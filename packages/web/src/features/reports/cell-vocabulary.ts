// Report rows carry the closed vocabularies' codes ('ubc', 'post_consumer',
// 'transport'…), as the exports do; the screen shows their names in the
// reader's language, from the same tables the rest of the app uses.
import {
  BAISE_DISTRICTS,
  BYPRODUCT_KIND_NAMES,
  BYPRODUCT_ROUTE_NAMES,
  DOWNSTREAM_CHAIN_NAMES,
  GRADE_FAMILY_NAMES,
  PARK_NAMES,
  SOURCE_CLASS_NAMES,
} from '@alutrace/shared';

type Names = Record<string, { en: string; zh: string }>;

/** Districts are kept by their official Chinese names (as sites record them). */
const DISTRICT_NAMES: Names = Object.fromEntries(BAISE_DISTRICTS.map((d) => [d.zh, d]));

/** The reports' own status words: the yield report's against its target, the discrepancies' open or resolved. */
const STATUS_NAMES: Names = {
  met: { en: 'Met', zh: '达标' },
  below: { en: 'Below target', zh: '未达标' },
  open: { en: 'Open', zh: '未结' },
  resolved: { en: 'Resolved', zh: '已结' },
};

const BY_COLUMN: Record<string, Names> = {
  family: GRADE_FAMILY_NAMES,
  sourceClass: SOURCE_CLASS_NAMES,
  source_class: SOURCE_CLASS_NAMES,
  chain: DOWNSTREAM_CHAIN_NAMES,
  route: BYPRODUCT_ROUTE_NAMES,
  kind: BYPRODUCT_KIND_NAMES,
  park: PARK_NAMES,
  status: STATUS_NAMES,
  district: DISTRICT_NAMES,
};

/** The name of a code in a vocabulary column, or the value itself. */
export function vocabularyText(columnKey: string, value: string, lang: 'zh' | 'en'): string {
  return BY_COLUMN[columnKey]?.[value]?.[lang] ?? value;
}
