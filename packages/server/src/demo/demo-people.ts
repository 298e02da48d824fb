// Sellers for the demo: individuals with resident ID numbers and
// enterprises with unified social credit codes, each with a check character
// computed as the standards say (so the server's checks accept them), names
// drawn from surnames common in Baise, and the vehicles they come in.
import { creditCodeCheckCharacter, residentIdCheckCharacter, type SellerFields } from '@alutrace/shared';
import { type CollectionPointProfile, ENTERPRISE_TRADES } from './demo-world';
import type { SeededRandom } from './seeded-random';

const SURNAMES = [
  '黄',
  '韦',
  '农',
  '陆',
  '李',
  '梁',
  '罗',
  '覃',
  '蒙',
  '黎',
  '王',
  '杨',
  '陈',
  '赵',
  '何',
  '邓',
  '廖',
  '卢',
  '莫',
  '潘',
  '周',
  '吴',
  '刘',
  '张',
  '谭',
  '凌',
  '岑',
  '班',
  '零',
  '闭',
];
const GIVEN = [...'春海明华勇强军平丽芳秀英红玲燕桂兰志国建文伟荣新德福金林超东光成宝贵珍凤梅云霞雄'];
const BRANDS = [
  '鑫源',
  '宏达',
  '恒通',
  '金桂',
  '永盛',
  '华丰',
  '兴旺',
  '广源',
  '鸿运',
  '盛达',
  '隆昌',
  '富民',
  '壮乡',
  '右江',
];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export type Vehicle = 'tricycle' | 'light_truck' | 'truck';

export interface Seller {
  fields: SellerFields;
  /** Trucks bring their own plate; tricycles mostly have none. */
  plate: string | null;
  vehicle: Vehicle;
  /** What it sells, with relative frequencies. */
  grades: readonly (readonly [string, number])[] | null;
  /** How often it comes compared with other sellers. */
  weight: number;
}

export function personName(r: SeededRandom): string {
  const given = r.chance(0.6) ? r.pick(GIVEN) + r.pick(GIVEN) : r.pick(GIVEN);
  return r.pick(SURNAMES) + given;
}

/** A resident ID number (GB 11643-1999) from `area`, born 1955–2002, with its check character. */
export function residentId(r: SeededRandom, area: string): string {
  const year = r.int(1955, 2002);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const first17 = `${area}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${r.digits(3)}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A unified social credit code (GB 32100-2015) of a company (91) or sole trader (92) registered in `area`. */
export function creditCode(r: SeededRandom, area: string, kind: '91' | '92' = '91'): string {
  const first17 = `${kind}${area}${r.chars(CODE_ALPHABET, 9)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export function plate(r: SeededRandom): string {
  return `桂L${r.pick([...PLATE_LETTERS])}${r.chars(`0123456789${PLATE_LETTERS}`, 1)}${r.digits(3)}`;
}

export function individual(r: SeededRandom, cp: CollectionPointProfile, districtZh: string): Seller {
  // Most sellers carry ID cards of the county they live in; some come from the next county.
  const vehicle: Vehicle = r.chance(0.72) ? 'tricycle' : 'light_truck';
  const name = personName(r);
  return {
    fields: {
      kind: 'individual',
      name,
      residentId: residentId(r, cp.idArea),
      ...(r.chance(0.6)
        ? { address: `广西百色市${districtZh}${r.pick(cp.towns)}${r.pick(GIVEN)}${r.pick(['屯', '村'])}` }
        : {}),
    },
    plate: vehicle === 'tricycle' && r.chance(0.85) ? null : plate(r),
    vehicle,
    grades: null,
    // A few regulars come daily; most now and then.
    weight: r.chance(0.1) ? r.between(4, 10) : r.between(0.3, 2),
  };
}

export function enterprise(r: SeededRandom, cp: CollectionPointProfile, districtZh: string): Seller {
  const trade = r.pick(ENTERPRISE_TRADES);
  const shortPlace = districtZh.replace(/(市|县|区|各族自治县)$/, '');
  const soleTrader = trade.zh === '废旧物资回收' && r.chance(0.5);
  return {
    fields: {
      kind: 'enterprise',
      name: soleTrader
        ? `${shortPlace}${r.pick(BRANDS)}废旧物资回收站`
        : `百色市${shortPlace}${r.pick(BRANDS)}${trade.zh}有限公司`,
      creditCode: creditCode(r, cp.idArea, soleTrader ? '92' : '91'),
      handlingPerson: personName(r),
      address: `广西百色市${districtZh}${r.pick(cp.towns)}工业路${r.int(1, 199)}号`,
    },
    plate: plate(r),
    vehicle: 'truck',
    grades: trade.grades,
    weight: r.between(0.5, 3),
  };
}
