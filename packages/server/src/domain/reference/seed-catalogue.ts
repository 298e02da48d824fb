// The catalogue a new installation starts with, recorded in the ledger on
// first start by the system actor (so that any report can be reproduced from
// the log alone). Families follow GB/T 13586-2021 《回收铝》; ISRI names are
// the nearest grade of the ISRI Scrap Specifications Circular; yield bands
// are the metal yields a melt shop expects of clean material of the grade,
// used only to flag runs for a second look — an administrator adjusts them.
import type { alloyDefinedBody, gradeDefinedBody } from '@alutrace/shared';
import type { z } from 'zod';

type GradeDefinition = z.input<typeof gradeDefinedBody>;
type AlloyDefinition = z.input<typeof alloyDefinedBody>;

type Row = [
  code: string,
  zh: string,
  en: string,
  family: GradeDefinition['family'],
  source: 'post' | 'pre',
  min: number,
  max: number,
  isri: string | null,
];

const GRADES: Row[] = [
  ['UBC', '废铝易拉罐（打包）', 'Used beverage cans, baled', 'ubc', 'post', 80, 88, 'Taldon'],
  ['UBC-SHRED', '废铝易拉罐（破碎）', 'Used beverage cans, shredded', 'ubc', 'post', 82, 90, 'Talcred'],
  ['CANS-MIXED', '废铝罐（含食品罐）', 'Post-consumer aluminium cans', 'ubc', 'post', 78, 88, 'Talc'],
  ['SHEET-OLD', '旧铝板（混合牌号）', 'Old mixed alloy sheet', 'wrought', 'post', 85, 92, 'Taint/Tabor'],
  ['SIDING', '喷涂铝板（建筑外墙）', 'Painted aluminium siding', 'wrought', 'post', 85, 92, 'Tale'],
  ['EXTR-OLD', '旧铝型材（单一牌号）', 'Old extrusions, one alloy', 'wrought', 'post', 90, 96, 'Tutu'],
  ['EXTR-6063', '6063 型材（含少量喷涂）', '6063 extrusions 10/10', 'wrought', 'post', 92, 97, 'Toto'],
  ['CLIP-NEW', '新铝边角料（混合牌号）', 'New mixed alloy clippings', 'wrought', 'pre', 94, 98, 'Tough'],
  ['CLIP-LOWCU', '新铝边角料（低铜）', 'New low-copper clippings', 'wrought', 'pre', 94, 98, 'Taboo'],
  ['WIRE-BARE', '裸铝线（电缆）', 'Bare aluminium wire and cable', 'wrought', 'post', 96, 99, 'Talon'],
  ['WIRE-INSUL', '带皮铝线', 'Insulated aluminium wire', 'wrought', 'post', 55, 75, 'Twang'],
  ['CAST-MIXED', '混合铸铝', 'Mixed aluminium castings', 'cast', 'post', 82, 90, 'Tense'],
  ['CAST-AUTO', '汽车铸铝件', 'Aluminium auto castings', 'cast', 'post', 85, 92, 'Thigh'],
  ['WHEELS', '铝合金轮毂', 'Aluminium auto wheels', 'cast', 'post', 92, 96, 'Troma'],
  ['TURN-MIXED', '混合铝屑', 'Mixed borings and turnings', 'turnings', 'pre', 75, 88, 'Telic'],
  ['TURN-ONE', '单一牌号铝屑', 'Segregated borings and turnings', 'turnings', 'pre', 80, 90, 'Teens'],
  ['FRAG-ZORBA', '破碎有色金属混合料', 'Shredded non-ferrous, mixed', 'fragments', 'post', 60, 80, 'Zorba'],
  ['FRAG-FLOAT', '浮选破碎铝', 'Floated fragmentiser aluminium', 'fragments', 'post', 85, 92, 'Twitch'],
  ['RADIATORS', '铝铜散热器', 'Aluminium-copper radiators', 'mixed', 'post', 60, 75, 'Talk'],
  ['MIXED', '混合废铝', 'Mixed aluminium scrap', 'mixed', 'post', 70, 88, null],
  ['DROSS', '铝灰渣（撇渣）', 'Aluminium dross and skimmings', 'ash_dross', 'pre', 30, 70, 'Trump'],
];

export const SEED_GRADES: GradeDefinition[] = GRADES.map(([code, nameZh, nameEn, family, source, min, max, isri]) => ({
  code,
  nameZh,
  nameEn,
  family,
  defaultSourceClass: source === 'post' ? 'post_consumer' : 'pre_consumer',
  yieldMinPct: min,
  yieldMaxPct: max,
  isri,
  active: true,
}));

export const SEED_ALLOYS: AlloyDefinition[] = [
  {
    code: 'ADC12',
    standard: 'JIS H 5302',
    nameZh: 'ADC12 压铸铝合金',
    nameEn: 'ADC12 die-casting alloy',
    active: true,
  },
  {
    code: 'YL113',
    standard: 'GB/T 15115',
    nameZh: 'YL113 压铸铝合金',
    nameEn: 'YL113 die-casting alloy',
    active: true,
  },
  { code: 'A380', standard: 'ASTM B85', nameZh: 'A380 压铸铝合金', nameEn: 'A380 die-casting alloy', active: true },
  {
    code: 'ALSI9CU3',
    standard: 'EN 1706',
    nameZh: 'AlSi9Cu3(Fe) 铸造铝合金',
    nameEn: 'AlSi9Cu3(Fe) casting alloy',
    active: true,
  },
  {
    code: 'A356.2',
    standard: 'ASTM B179',
    nameZh: 'A356.2 铸造铝合金锭',
    nameEn: 'A356.2 casting ingot',
    active: true,
  },
  { code: 'ZL102', standard: 'GB/T 1173', nameZh: 'ZL102 铸造铝合金', nameEn: 'ZL102 casting alloy', active: true },
  { code: '6063', standard: 'GB/T 3190', nameZh: '6063 变形铝合金', nameEn: '6063 wrought alloy', active: true },
  { code: '6061', standard: 'GB/T 3190', nameZh: '6061 变形铝合金', nameEn: '6061 wrought alloy', active: true },
  {
    code: 'AL99.70',
    standard: 'GB/T 1196',
    nameZh: '重熔用铝锭 Al99.70',
    nameEn: 'Remelting ingot Al99.70',
    active: true,
  },
];
