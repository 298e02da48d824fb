// collection.record inputs as a weighbridge sends them: a seeded mix of
// grades, vehicles and repeat sellers, each with the sealed seller data the
// regulations require (a valid resident ID or credit code, a name, often a
// plate, a ticket number and the price). The same seed gives the same
// inputs, so that two runs compare like with like.
import { creditCodeCheckCharacter, type recordCollectionInput, residentIdCheckCharacter } from '@alutrace/shared';
import type { z } from 'zod';
import { SeededRandom } from '../data/seeded-random';

/** The JSON a client sends (before zod fills in defaults). */
export type CollectionRequest = z.input<typeof recordCollectionInput>;

type Weighted<T> = readonly (readonly [T, number])[];

// Seeded catalogue codes (src/domain/reference/seed-catalogue.ts) and how often a collection point sees each.
const GRADES: Weighted<string> = [
  ['UBC', 22],
  ['CANS-MIXED', 6],
  ['SHEET-OLD', 10],
  ['EXTR-6063', 12],
  ['EXTR-OLD', 6],
  ['CLIP-NEW', 5],
  ['WIRE-BARE', 4],
  ['WIRE-INSUL', 3],
  ['CAST-MIXED', 10],
  ['CAST-AUTO', 6],
  ['WHEELS', 6],
  ['TURN-MIXED', 4],
  ['RADIATORS', 2],
  ['MIXED', 4],
];

interface Vehicle {
  tareKg: readonly [number, number];
  loadKg: readonly [number, number];
  stepKg: number;
  plated: number;
}

// Tricycles weigh on a platform scale (1 kg steps), trucks on a weighbridge (20 kg steps).
const VEHICLES: Weighted<Vehicle> = [
  [{ tareKg: [280, 420], loadKg: [150, 900], stepKg: 1, plated: 0.4 }, 55],
  [{ tareKg: [2_400, 4_200], loadKg: [800, 4_500], stepKg: 20, plated: 1 }, 35],
  [{ tareKg: [9_000, 15_000], loadKg: [6_000, 30_000], stepKg: 20, plated: 1 }, 10],
];

// Baise's county-level address codes (GB/T 2260): the first six digits of a local resident ID.
const ADDRESS_CODES = ['451002', '451003', '451022', '451024', '451026', '451081', '451082'] as const;
const SURNAMES = [...'李王张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁韦蓝覃莫农黎'];
const GIVEN = [...'明华强军平伟芳敏静丽勇杰涛斌超鹏辉刚健波宁海燕玲红云峰'];
const TOWNS = ['马头镇', '新安镇', '果化镇', '太平镇', '坡造镇', '四塘镇', '旧城镇', '榜圩镇'] as const;
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

type Seller = NonNullable<CollectionRequest['sealed']>['seller'];

export class CollectionInputs {
  private readonly random: SeededRandom;
  private readonly sellers: { seller: Seller; plate: string }[];
  private ticket = 0;

  constructor(seed = 20261128, sellerPool = 3_000) {
    this.random = new SeededRandom(seed);
    this.sellers = Array.from({ length: sellerPool }, () => ({ seller: this.newSeller(), plate: this.newPlate() }));
  }

  /** The next collection at `site`, weighed at `occurredAt` when given (else the server's now). */
  next(site: string, occurredAt?: string): CollectionRequest {
    const r = this.random;
    const vehicle = r.weighted(VEHICLES);
    const stepG = vehicle.stepKg * 1000;
    const tareG = Math.round((r.int(vehicle.tareKg[0], vehicle.tareKg[1]) * 1000) / stepG) * stepG;
    const grossG = tareG + Math.round((r.int(vehicle.loadKg[0], vehicle.loadKg[1]) * 1000) / stepG) * stepG;
    // Moisture, oil and attached steel: 0.5–5 % of the load, to the kilogram.
    const deductionG = Math.round(((grossG - tareG) * r.int(5, 50)) / 1000 / 1000) * 1000;
    const netG = grossG - tareG - deductionG;
    const { seller, plate } = r.pick(this.sellers);
    this.ticket++;
    return {
      site,
      grade: r.weighted(GRADES),
      grossG,
      tareG,
      deductionG,
      netG,
      ...(occurredAt ? { occurredAt } : {}),
      // A weighbridge retries with the same key after a lost answer (DOMAIN.md rule 6).
      idempotencyKey: `wb-${r.hex(32)}`,
      photoHashes: r.next() < 0.7 ? [r.hex(64)] : [],
      sealed: {
        seller,
        ...(r.next() < vehicle.plated ? { vehiclePlate: plate } : {}),
        ticketNumber: `${site}-WB-${String(this.ticket).padStart(7, '0')}`,
        priceFen: Math.round((netG / 1000) * r.int(900, 1_800)),
      },
    };
  }

  /**
   * A household's cans on a platform scale: 8–60 kg net in a bag or cart of
   * 0–3 kg (the trace graph is built of these, so that 10,000 of them fit
   * through the 100 t limit of a lot, DOMAIN.md rule 1).
   */
  nextSmall(site: string): CollectionRequest {
    const r = this.random;
    const tareG = r.int(0, 3) * 1000;
    const netG = r.int(8_000, 60_000);
    const base = this.next(site);
    const sealed = { ...base.sealed, priceFen: Math.round((netG / 1000) * r.int(1_300, 1_450)) };
    return { ...base, grade: 'UBC', grossG: tareG + netG, tareG, deductionG: 0, netG, sealed };
  }

  private newSeller(): Seller {
    const r = this.random;
    if (r.next() < 0.85) {
      const birth = new Date(Date.UTC(r.int(1955, 2003), r.int(0, 11), r.int(1, 28)));
      const first17 = `${r.pick(ADDRESS_CODES)}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${r.digits(3)}`;
      return {
        kind: 'individual',
        name: `${r.pick(SURNAMES)}${r.pick(GIVEN)}${r.next() < 0.6 ? r.pick(GIVEN) : ''}`,
        residentId: `${first17}${residentIdCheckCharacter(first17)}`,
        ...(r.next() < 0.5 ? { address: `广西百色市平果市${r.pick(TOWNS)}${r.int(1, 200)}号` } : {}),
      };
    }
    let organisation = '';
    for (let i = 0; i < 9; i++) organisation += CREDIT_ALPHABET[r.int(0, CREDIT_ALPHABET.length - 1)];
    const first17 = `91${r.pick(ADDRESS_CODES)}${organisation}`;
    return {
      kind: 'enterprise',
      name: `百色市${r.pick(GIVEN)}${r.pick(GIVEN)}再生资源回收有限公司`,
      creditCode: `${first17}${creditCodeCheckCharacter(first17)}`,
      handlingPerson: `${r.pick(SURNAMES)}${r.pick(GIVEN)}`,
    };
  }

  private newPlate(): string {
    const r = this.random;
    let plate = `桂${PLATE_LETTERS[r.int(0, PLATE_LETTERS.length - 1)]}·`;
    for (let i = 0; i < 5; i++) plate += r.next() < 0.8 ? r.digits(1) : PLATE_LETTERS[r.int(0, 23)];
    return plate;
  }
}
