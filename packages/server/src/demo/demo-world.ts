// The demo's Baise: who is where, who may sign in, and how each grade and
// alloy behaves. Everything here is invented for the demonstration (names,
// licence numbers, companies); districts, parks and vehicle plates (桂L is
// Baise) are real, so the figures group the way real ones would.
import type { DownstreamChain, Park, ProcessKind, Role, SiteKind } from '@alutrace/shared';

export interface DemoSite {
  code: string;
  kind: SiteKind;
  nameZh: string;
  nameEn: string;
  district?: string;
  park?: Park;
  licence?: string;
}

/** A collection point with its trade: weighings per ordinary weekday and where its trucks go. */
export interface CollectionPointProfile {
  code: string;
  /** Mean weighings on an ordinary weekday. */
  perDay: number;
  /** Recyclers its trucks go to, with relative frequencies. */
  recyclers: readonly (readonly [string, number])[];
  /** The 6-digit address code on the ID cards of most of its sellers (issued before 2019, old county codes). */
  idArea: string;
  towns: readonly string[];
}

export const COLLECTION_POINTS: readonly (DemoSite & CollectionPointProfile)[] = [
  cp('PG01', '平果市马头镇再生资源回收站', 'Pingguo Matou collection point', '平果市', 14, [['RC01', 1]], '451023', [
    '马头镇',
    '新安镇',
    '果化镇',
    '太平镇',
  ]),
  cp(
    'YJ01',
    '右江区四塘再生资源回收站',
    'Youjiang Sitang collection point',
    '右江区',
    11,
    [
      ['RC02', 7],
      ['RC01', 3],
    ],
    '451002',
    ['龙景街道', '百城街道', '四塘镇', '阳圩镇'],
  ),
  cp(
    'TY01',
    '田阳区百育再生资源回收站',
    'Tianyang Baiyu collection point',
    '田阳区',
    10,
    [
      ['RC02', 6],
      ['RC01', 4],
    ],
    '451021',
    ['田州镇', '百育镇', '那坡镇'],
  ),
  cp('TD01', '田东县平马再生资源回收站', 'Tiandong Pingma collection point', '田东县', 9, [['RC01', 1]], '451022', [
    '平马镇',
    '祥周镇',
    '林逢镇',
  ]),
  cp('DB01', '德保县城关再生资源回收站', 'Debao Chengguan collection point', '德保县', 8, [['RC03', 1]], '451024', [
    '城关镇',
    '足荣镇',
    '隆桑镇',
  ]),
  cp('JX01', '靖西市新靖再生资源回收站', 'Jingxi Xinjing collection point', '靖西市', 8, [['RC03', 1]], '451025', [
    '新靖镇',
    '化峒镇',
    '湖润镇',
  ]),
  cp('NP01', '那坡县城厢再生资源回收站', 'Napo Chengxiang collection point', '那坡县', 3, [['RC03', 1]], '451026', [
    '城厢镇',
    '平孟镇',
  ]),
  cp('LY01', '凌云县泗城再生资源回收站', 'Lingyun Sicheng collection point', '凌云县', 3, [['RC02', 1]], '451027', [
    '泗城镇',
    '逻楼镇',
  ]),
  cp('LE01', '乐业县同乐再生资源回收站', 'Leye Tongle collection point', '乐业县', 3, [['RC02', 1]], '451028', [
    '同乐镇',
    '甘田镇',
  ]),
  cp('TL01', '田林县乐里再生资源回收站', 'Tianlin Leli collection point', '田林县', 4, [['RC02', 1]], '451029', [
    '乐里镇',
    '旧州镇',
  ]),
  cp('XL01', '西林县八达再生资源回收站', 'Xilin Bada collection point', '西林县', 3, [['RC02', 1]], '451030', [
    '八达镇',
    '古障镇',
  ]),
  cp(
    'LL01',
    '隆林各族自治县新州再生资源回收站',
    'Longlin Xinzhou collection point',
    '隆林各族自治县',
    4,
    [['RC02', 1]],
    '451031',
    ['新州镇', '桠杈镇'],
  ),
];

function cp(
  code: string,
  nameZh: string,
  nameEn: string,
  district: string,
  perDay: number,
  recyclers: readonly (readonly [string, number])[],
  idArea: string,
  towns: readonly string[],
): DemoSite & CollectionPointProfile {
  return {
    code,
    kind: 'collection_point',
    nameZh,
    nameEn,
    district,
    licence: `百商再生备${idArea}-${code}`,
    perDay,
    recyclers,
    idArea,
    towns,
  };
}

/** A recycler's melt shop: furnace size and the hours heats start (local time). */
export interface RecyclerProfile {
  code: string;
  furnaceG: number;
  heatHours: readonly number[];
  /** Die-casting alloys it makes from cast and mixed scrap, with relative frequencies. */
  dieCastAlloys: readonly (readonly [string, number])[];
  /** A rotary furnace with salt flux: part of its dross is salt slag. */
  saltFlux: boolean;
}

export const RECYCLERS: readonly (DemoSite & RecyclerProfile)[] = [
  {
    code: 'RC01',
    kind: 'recycler',
    nameZh: '平果再生铝业有限公司',
    nameEn: 'Pingguo Recycled Aluminium Co.',
    district: '平果市',
    park: 'pingguo_industrial',
    licence: '排污许可 91451023MA5PG0001X',
    furnaceG: 30_000_000,
    heatHours: [9, 11, 13, 15, 17, 19],
    dieCastAlloys: [
      ['ADC12', 6],
      ['A380', 2],
      ['ALSI9CU3', 2],
    ],
    saltFlux: false,
  },
  {
    code: 'RC02',
    kind: 'recycler',
    nameZh: '百色新山再生铝有限公司',
    nameEn: 'Baise Xinshan Recycled Aluminium Co.',
    district: '田阳区',
    park: 'xinshan_aluminium',
    licence: '排污许可 91451021MA5XS0002K',
    furnaceG: 25_000_000,
    heatHours: [9, 12, 15, 18],
    dieCastAlloys: [
      ['ADC12', 5],
      ['YL113', 3],
      ['ALSI9CU3', 2],
    ],
    saltFlux: true,
  },
  {
    code: 'RC03',
    kind: 'recycler',
    nameZh: '德保再生铝合金有限公司',
    nameEn: 'Debao Recycled Aluminium Alloys Co.',
    district: '德保县',
    park: 'debao_aluminium',
    licence: '排污许可 91451024MA5DB0003P',
    furnaceG: 20_000_000,
    heatHours: [10, 13, 16, 19],
    dieCastAlloys: [
      ['ADC12', 7],
      ['YL113', 3],
    ],
    saltFlux: false,
  },
];

export const UTILISERS: readonly DemoSite[] = [
  {
    code: 'UT01',
    kind: 'utiliser',
    nameZh: '平果铝灰渣综合利用有限公司',
    nameEn: 'Pingguo Dross Recovery Co.',
    district: '平果市',
    park: 'pingguo_industrial',
    licence: '危废经营许可 GX4510230001',
  },
  {
    code: 'UT02',
    kind: 'utiliser',
    nameZh: '田东水泥有限公司（协同处置）',
    nameEn: 'Tiandong Cement Co. (co-processing)',
    district: '田东县',
    licence: '危废经营许可 GX4510220002',
  },
];

export interface BuyerProfile {
  chain: DownstreamChain;
}

export const BUYERS: readonly (DemoSite & BuyerProfile)[] = [
  buyer('BY01', '柳州汽车压铸件有限公司', 'Liuzhou Auto Die-castings Co.', '柳州市', 'transport'),
  buyer('BY02', '百色铝合金轮毂有限公司', 'Baise Alloy Wheels Co.', '右江区', 'transport'),
  buyer('BY03', '平果铝型材有限公司', 'Pingguo Aluminium Extrusions Co.', '平果市', 'construction'),
  buyer('BY04', '南宁工业铝材有限公司', 'Nanning Industrial Aluminium Co.', '南宁市', 'industrial'),
  buyer('BY05', '广西铝箔包装材料有限公司', 'Guangxi Foil Packaging Co.', '南宁市', 'packaging'),
  buyer('BY06', '玉林家电压铸有限公司', 'Yulin Appliance Die-castings Co.', '玉林市', 'electronics_appliances'),
];

function buyer(
  code: string,
  nameZh: string,
  nameEn: string,
  district: string,
  chain: DownstreamChain,
): DemoSite & BuyerProfile {
  return { code, kind: 'buyer', nameZh, nameEn, district, chain };
}

export const AUTHORITY: DemoSite = {
  code: 'AU01',
  kind: 'authority',
  nameZh: '百色市工业和信息化局',
  nameEn: 'Baise Bureau of Industry and Information Technology',
  district: '右江区',
};

export const ALL_SITES: readonly DemoSite[] = [...COLLECTION_POINTS, ...RECYCLERS, ...UTILISERS, ...BUYERS, AUTHORITY];

// ── Demo accounts ─────────────────────────────────────────────────────────
// Passwords follow one pattern, written in the README: demo-<role>-<SITE>,
// and demo-official / demo-admin. Demo only: anyone who reads the README
// can sign in.

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  sites: string[];
  password: string;
}

const STAFF = [
  '黄春燕',
  '韦志强',
  '农秀兰',
  '陆建华',
  '梁海明',
  '罗桂芳',
  '覃永福',
  '蒙丽萍',
  '黎国荣',
  '王德新',
  '杨金凤',
  '陈伟东',
  '赵玉霞',
  '何光成',
  '邓美玲',
  '廖宝贵',
  '岑红梅',
];

export function demoUsers(): DemoUser[] {
  const site = (role: Role, s: DemoSite, prefix: string, i: number): DemoUser => ({
    username: `${prefix}-${s.code.toLowerCase()}`,
    displayName: `${STAFF[i % STAFF.length]}（${s.code}）`,
    role,
    sites: [s.code],
    password: `demo-${role}-${s.code}`,
  });
  let i = 0;
  return [
    ...COLLECTION_POINTS.map((s) => site('operator', s, 'op', i++)),
    ...RECYCLERS.map((s) => site('recycler', s, 'rc', i++)),
    ...UTILISERS.map((s) => site('utiliser', s, 'ut', i++)),
    {
      username: 'official',
      displayName: '百色市工信局 审核员',
      role: 'official',
      sites: [],
      password: 'demo-official',
    },
    { username: 'admin', displayName: '演示管理员', role: 'admin', sites: [], password: 'demo-admin' },
  ];
}

// ── Grades: what sellers bring and what it costs ─────────────────────────

/** Relative frequency of each grade brought by individuals (tricycles, small trucks). */
export const INDIVIDUAL_GRADES: readonly (readonly [string, number])[] = [
  ['UBC', 20],
  ['CANS-MIXED', 5],
  ['SHEET-OLD', 8],
  ['SIDING', 2],
  ['EXTR-OLD', 9],
  ['EXTR-6063', 4],
  ['WIRE-BARE', 4],
  ['WIRE-INSUL', 3],
  ['CAST-MIXED', 11],
  ['CAST-AUTO', 5],
  ['WHEELS', 4],
  ['FRAG-ZORBA', 1],
  ['FRAG-FLOAT', 1],
  ['RADIATORS', 3],
  ['MIXED', 12],
  ['TURN-MIXED', 1],
];

/** What an enterprise sells, by the trade it is in. */
export const ENTERPRISE_TRADES = [
  {
    zh: '铝型材加工',
    grades: [
      ['CLIP-NEW', 4],
      ['CLIP-LOWCU', 3],
      ['EXTR-6063', 3],
    ],
  },
  {
    zh: '门窗幕墙工程',
    grades: [
      ['EXTR-6063', 4],
      ['EXTR-OLD', 3],
      ['SIDING', 2],
    ],
  },
  {
    zh: '汽车配件',
    grades: [
      ['TURN-MIXED', 3],
      ['TURN-ONE', 2],
      ['CAST-AUTO', 4],
      ['WHEELS', 2],
    ],
  },
  {
    zh: '机械加工',
    grades: [
      ['TURN-MIXED', 5],
      ['TURN-ONE', 3],
      ['CLIP-NEW', 1],
    ],
  },
  {
    zh: '拆除工程',
    grades: [
      ['EXTR-OLD', 4],
      ['SHEET-OLD', 3],
      ['SIDING', 2],
      ['MIXED', 3],
      ['WIRE-INSUL', 1],
    ],
  },
  {
    zh: '废旧物资回收',
    grades: [
      ['UBC', 4],
      ['MIXED', 4],
      ['CAST-MIXED', 3],
      ['UBC-SHRED', 1],
      ['FRAG-ZORBA', 1],
      ['RADIATORS', 1],
      ['WIRE-BARE', 1],
    ],
  },
] as const satisfies readonly { zh: string; grades: readonly (readonly [string, number])[] }[];

/** The price paid at the scale, fen per kg (late 2025), and the usual deduction for moisture and dirt, in ‰. */
export const GRADE_TRADE: Record<string, { fenPerKg: number; deductionPermille: readonly [number, number] }> = {
  UBC: { fenPerKg: 1_350, deductionPermille: [10, 30] },
  'UBC-SHRED': { fenPerKg: 1_400, deductionPermille: [5, 20] },
  'CANS-MIXED': { fenPerKg: 1_250, deductionPermille: [20, 50] },
  'SHEET-OLD': { fenPerKg: 1_500, deductionPermille: [5, 20] },
  SIDING: { fenPerKg: 1_450, deductionPermille: [10, 20] },
  'EXTR-OLD': { fenPerKg: 1_650, deductionPermille: [0, 10] },
  'EXTR-6063': { fenPerKg: 1_720, deductionPermille: [0, 8] },
  'CLIP-NEW': { fenPerKg: 1_680, deductionPermille: [0, 5] },
  'CLIP-LOWCU': { fenPerKg: 1_750, deductionPermille: [0, 5] },
  'WIRE-BARE': { fenPerKg: 1_850, deductionPermille: [0, 5] },
  'WIRE-INSUL': { fenPerKg: 1_050, deductionPermille: [0, 0] },
  'CAST-MIXED': { fenPerKg: 1_480, deductionPermille: [5, 20] },
  'CAST-AUTO': { fenPerKg: 1_560, deductionPermille: [5, 15] },
  WHEELS: { fenPerKg: 1_700, deductionPermille: [5, 15] },
  'TURN-MIXED': { fenPerKg: 1_200, deductionPermille: [20, 60] },
  'TURN-ONE': { fenPerKg: 1_350, deductionPermille: [15, 45] },
  'FRAG-ZORBA': { fenPerKg: 1_000, deductionPermille: [10, 30] },
  'FRAG-FLOAT': { fenPerKg: 1_450, deductionPermille: [5, 20] },
  RADIATORS: { fenPerKg: 1_150, deductionPermille: [5, 20] },
  MIXED: { fenPerKg: 1_300, deductionPermille: [10, 40] },
};

// ── The melt shop ─────────────────────────────────────────────────────────

/** What a recycler does to a received grade before melting it, and what comes out. */
export interface Pretreatment {
  process: ProcessKind;
  /** Output grades and their shares of the output. */
  outputs: readonly (readonly [string, number])[];
  /** The share of the input that comes out as sorted scrap. */
  yield: readonly [number, number];
  /** A share of the input that comes out as a by-product (insulation granulate). */
  other?: readonly [number, number];
}

export function pretreatmentOf(grade: string): Pretreatment {
  switch (grade) {
    case 'UBC':
    case 'UBC-SHRED':
    case 'CANS-MIXED':
      return { process: 'decoating', outputs: [['UBC-SHRED', 1]], yield: [0.955, 0.975] };
    case 'TURN-MIXED':
    case 'TURN-ONE':
      // Swarf dried and de-oiled.
      return { process: 'decoating', outputs: [[grade, 1]], yield: [0.95, 0.97] };
    case 'MIXED':
      return {
        process: 'sorting',
        outputs: [
          ['CAST-MIXED', 0.58],
          ['SHEET-OLD', 0.42],
        ],
        yield: [0.93, 0.96],
      };
    case 'FRAG-ZORBA':
      // Heavy non-ferrous (zinc, copper, brass) sorted out and sold on.
      return { process: 'sorting', outputs: [['FRAG-FLOAT', 1]], yield: [0.84, 0.88] };
    case 'WIRE-INSUL':
      // Granulated; the PVC goes to the cement kiln as fuel.
      return { process: 'shredding', outputs: [['WIRE-BARE', 1]], yield: [0.64, 0.7], other: [0.28, 0.33] };
    default:
      return { process: 'sorting', outputs: [[grade, 1]], yield: [0.985, 0.996] };
  }
}

/** Which furnace charge a sorted grade goes into. */
export type MeltGroup = 'diecast' | 'wheel' | 'wrought' | 'wire';

export function meltGroupOf(grade: string): MeltGroup {
  switch (grade) {
    case 'WHEELS':
      return 'wheel';
    case 'EXTR-6063':
    case 'EXTR-OLD':
    case 'CLIP-NEW':
    case 'CLIP-LOWCU':
      return 'wrought';
    case 'WIRE-BARE':
      return 'wire';
    default:
      return 'diecast';
  }
}

/** An alloy's charge: additions as shares of the scrap charged, its cast form, and who buys it. */
export interface AlloyRecipe {
  primary: readonly [number, number];
  /** How often a heat takes primary aluminium at all. */
  primaryChance: number;
  alloying: readonly [number, number];
  flux: readonly [number, number];
  form: 'ingot' | 'billet';
  buyers: readonly (readonly [string, number])[];
}

export const ALLOY_RECIPES: Record<string, AlloyRecipe> = {
  ADC12: {
    primary: [0.01, 0.03],
    primaryChance: 0.5,
    alloying: [0.01, 0.03],
    flux: [0.008, 0.015],
    form: 'ingot',
    buyers: [
      ['BY01', 5],
      ['BY06', 5],
    ],
  },
  A380: {
    primary: [0.01, 0.03],
    primaryChance: 0.4,
    alloying: [0.01, 0.025],
    flux: [0.008, 0.015],
    form: 'ingot',
    buyers: [['BY01', 1]],
  },
  ALSI9CU3: {
    primary: [0.01, 0.03],
    primaryChance: 0.4,
    alloying: [0.015, 0.03],
    flux: [0.008, 0.015],
    form: 'ingot',
    buyers: [
      ['BY01', 7],
      ['BY04', 3],
    ],
  },
  YL113: {
    primary: [0.01, 0.02],
    primaryChance: 0.3,
    alloying: [0.01, 0.025],
    flux: [0.008, 0.015],
    form: 'ingot',
    buyers: [
      ['BY06', 6],
      ['BY04', 4],
    ],
  },
  'A356.2': {
    primary: [0.04, 0.08],
    primaryChance: 1,
    alloying: [0.005, 0.015],
    flux: [0.005, 0.01],
    form: 'ingot',
    buyers: [['BY02', 1]],
  },
  '6063': {
    primary: [0.03, 0.07],
    primaryChance: 1,
    alloying: [0.003, 0.008],
    flux: [0.005, 0.01],
    form: 'billet',
    buyers: [
      ['BY03', 17],
      ['BY04', 3],
    ],
  },
  '6061': {
    primary: [0.03, 0.07],
    primaryChance: 1,
    alloying: [0.004, 0.01],
    flux: [0.005, 0.01],
    form: 'billet',
    buyers: [
      ['BY04', 6],
      ['BY01', 4],
    ],
  },
  'AL99.70': {
    primary: [0.02, 0.05],
    primaryChance: 1,
    alloying: [0, 0],
    flux: [0.003, 0.006],
    form: 'ingot',
    buyers: [
      ['BY05', 6],
      ['BY04', 4],
    ],
  },
};

export function alloysOfGroup(group: MeltGroup, recycler: RecyclerProfile): readonly (readonly [string, number])[] {
  switch (group) {
    case 'diecast':
      return recycler.dieCastAlloys;
    case 'wheel':
      return [['A356.2', 1]];
    case 'wrought':
      return [
        ['6063', 7],
        ['6061', 3],
      ];
    case 'wire':
      return [['AL99.70', 1]];
  }
}

/** Hazardous-waste codes (国家危险废物名录 2025): dross and salt slag of secondary aluminium; its fume dust. */
export const HW_DROSS = 'HW48 321-026-48';
export const HW_DUST = 'HW48 321-034-48';

/** Price of recycled metal at the gate, fen per kg. */
export const METAL_FEN_PER_KG: Record<string, number> = {
  ADC12: 2_050,
  A380: 2_080,
  ALSI9CU3: 2_060,
  YL113: 2_000,
  'A356.2': 2_150,
  '6063': 2_010,
  '6061': 2_060,
  'AL99.70': 2_070,
};
