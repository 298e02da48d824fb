// Realistic scrap collection records, the commonest entry the product will
// append: a weighbridge weighing at a collection site. Values vary the way
// real ones do (repeat sellers, several operators per site, trucks and
// tricycles, grades with their own prices), so the index B-trees and the
// canonical bytes are exercised as in production, not by one repeated row.
import type { NewEntry } from '../../src/ledger/types';
import { SeededRandom } from './seeded-random';

const SITES = ['PG01', 'PG02', 'NN01', 'NN02', 'LZ01', 'GL01', 'WZ01', 'BH01'] as const;
const OPERATORS_PER_SITE = 3;
const SELLER_POOL = 5_000;

interface Grade {
  grade: string;
  priceFenPerKg: number;
}

interface Vehicle {
  type: 'tricycle' | 'light_truck' | 'heavy_truck';
  tareKg: readonly [number, number];
  loadKg: readonly [number, number];
  stepKg: number;
}

type Weighted<T> = readonly (readonly [T, number])[];

// A plausible price (fen per kg) of each grade, and its relative frequency.
const GRADES: Weighted<Grade> = [
  [{ grade: 'UBC', priceFenPerKg: 1_380 }, 30],
  [{ grade: 'extrusion_6063', priceFenPerKg: 1_720 }, 20],
  [{ grade: 'cast_mixed', priceFenPerKg: 1_450 }, 15],
  [{ grade: 'wheels', priceFenPerKg: 1_690 }, 8],
  [{ grade: 'sheet_mixed', priceFenPerKg: 1_560 }, 12],
  [{ grade: 'wire_ec', priceFenPerKg: 1_810 }, 5],
  [{ grade: 'turnings', priceFenPerKg: 1_120 }, 6],
  [{ grade: 'foil', priceFenPerKg: 980 }, 4],
];

const SOURCE_CLASSES = [
  ['post_consumer', 70],
  ['pre_consumer', 22],
  ['industrial_return', 8],
] as const;

// Tricycles weigh on a platform scale (1 kg steps), trucks on a weighbridge (20 kg steps).
const VEHICLES: Weighted<Vehicle> = [
  [{ type: 'tricycle', tareKg: [280, 420], loadKg: [150, 900], stepKg: 1 }, 55],
  [{ type: 'light_truck', tareKg: [2_400, 4_200], loadKg: [800, 4_500], stepKg: 20 }, 35],
  [{ type: 'heavy_truck', tareKg: [9_000, 15_000], loadKg: [6_000, 30_000], stepKg: 20 }, 10],
];

const PROVINCES = ['桂', '桂', '桂', '桂', '粤', '湘', '黔', '滇'] as const;
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

interface Seller {
  kind: 'individual' | 'company';
  idHash: string;
  idLast4: string;
  plate: string;
}

const START = Date.parse('2026-11-28T00:30:00.000Z');
const CHINA_OFFSET_MS = 8 * 3600_000;

export class ScrapCollectionFeed {
  private readonly random: SeededRandom;
  private readonly sellers: Seller[];
  private readonly operators: Map<string, string[]>;
  private readonly lotCounters = new Map<string, number>();
  private clock = START;
  private ticket = 0;

  constructor(seed = 20261128) {
    this.random = new SeededRandom(seed);
    this.sellers = Array.from({ length: SELLER_POOL }, () => this.newSeller());
    this.operators = new Map(
      SITES.map((site) => [site, Array.from({ length: OPERATORS_PER_SITE }, () => this.uuidv7())]),
    );
  }

  next(): NewEntry {
    const r = this.random;
    this.clock += r.int(5_000, 90_000);
    const occurredAt = new Date(this.clock).toISOString();
    const site = r.pick(SITES);
    const day = new Date(this.clock + CHINA_OFFSET_MS).toISOString().slice(2, 10).replaceAll('-', '');
    const lotKey = `${site}-${day}`;
    const lotNumber = (this.lotCounters.get(lotKey) ?? 0) + 1;
    this.lotCounters.set(lotKey, lotNumber);
    if (this.lotCounters.size > 64) this.lotCounters.delete(this.lotCounters.keys().next().value as string);

    const { grade, priceFenPerKg } = r.weighted(GRADES);
    const vehicle = r.weighted(VEHICLES);
    const seller = r.pick(this.sellers);
    const stepG = vehicle.stepKg * 1000;
    const tareG = Math.round((r.int(vehicle.tareKg[0], vehicle.tareKg[1]) * 1000) / stepG) * stepG;
    const grossG = tareG + Math.round((r.int(vehicle.loadKg[0], vehicle.loadKg[1]) * 1000) / stepG) * stepG;
    // Moisture, oil and attached steel: 0.5–5 % of the load, to the kilogram.
    const deductionG = Math.round(((grossG - tareG) * r.int(5, 50)) / 1000 / 1000) * 1000;
    const netG = grossG - tareG - deductionG;
    const unitPrice = priceFenPerKg + r.int(-60, 60);
    this.ticket++;
    return {
      kind: 'collection.recorded',
      site,
      actor: { type: 'user', id: r.pick(this.operators.get(site) ?? []) },
      occurredAt,
      body: {
        lotId: `${lotKey}-${String(lotNumber).padStart(4, '0')}`,
        grade,
        sourceClass: r.weighted(SOURCE_CLASSES),
        grossG,
        tareG,
        deductionG,
        netG,
        seller: { kind: seller.kind, idHash: seller.idHash, idLast4: seller.idLast4 },
        // Most tricycles carry no plate.
        vehiclePlate: vehicle.type === 'tricycle' && r.next() < 0.6 ? null : seller.plate,
        weighbridgeTicket: `${site}-WB-${day}${String(this.ticket % 100_000).padStart(5, '0')}`,
        unitPriceFenPerKg: unitPrice,
        amountFen: Math.round((netG * unitPrice) / 1000),
      },
    };
  }

  batch(count: number): NewEntry[] {
    return Array.from({ length: count }, () => this.next());
  }

  private newSeller(): Seller {
    const r = this.random;
    const kind = r.next() < 0.85 ? 'individual' : 'company';
    // The last character of a PRC resident ID may be X; a company code ends in any alphanumeric.
    const idLast4 = r.digits(3) + (kind === 'individual' && r.next() < 0.09 ? 'X' : r.digits(1));
    let plate = `${r.pick(PROVINCES)}${PLATE_LETTERS[r.int(0, PLATE_LETTERS.length - 1)]}`;
    // Mostly digits, now and then a letter, as on real plates.
    for (let i = 0; i < 5; i++)
      plate += r.next() < 0.8 ? r.digits(1) : PLATE_LETTERS[r.int(0, PLATE_LETTERS.length - 1)];
    return { kind, idHash: r.hex(64), idLast4, plate };
  }

  private uuidv7(): string {
    const h = this.random.hex(32);
    const variant = '89ab'[this.random.int(0, 3)] as string;
    return `0192f${h.slice(0, 3)}-${h.slice(3, 7)}-7${h.slice(7, 10)}-${variant}${h.slice(10, 13)}-${h.slice(13, 25)}`;
  }
}
