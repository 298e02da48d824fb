// Field schemas shared by the event kinds: masses, lot ids, commitments and
// the closed vocabularies of DOMAIN.md, each with its names in both languages
// for every screen and export that shows them.
import { z } from 'zod';
import { SITE_CODE_RE } from '../ledger/entry';
import { LOT_ID_PATTERN } from '../lots/lot-id';

/** A single lot over 100 t is an input error (DOMAIN.md rule 1). */
export const MAX_LOT_MASS_G = 100_000_000;

/** A mass in integer grams, positive, at most 100 t. */
export const massG = z
  .number()
  .int('a whole number of grams')
  .positive('more than 0 g')
  .max(MAX_LOT_MASS_G, 'at most 100 t (100,000,000 g) in one lot');

export const lotId = z.string().regex(LOT_ID_PATTERN, 'a lot id like PG01-261128-0007');
export const siteCodeField = z.string().regex(SITE_CODE_RE, 'a site code like PG01');
export const catalogCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,23}$/, 'a code of capital letters, digits, ".", "_" and "-"');
/** The commitment to an event's sealed fields: hex SHA-256 of JCS({salt, …fields}). */
export const sealedCommitment = z.string().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256 commitment');
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256');

type Names<K extends string> = Record<K, { en: string; zh: string }>;

export const SOURCE_CLASSES = ['post_consumer', 'pre_consumer'] as const;
export type SourceClass = (typeof SOURCE_CLASSES)[number];
export const SOURCE_CLASS_NAMES: Names<SourceClass> = {
  post_consumer: { en: 'Post-consumer', zh: '消费后' },
  pre_consumer: { en: 'Pre-consumer', zh: '消费前（生产过程）' },
};

/** GB/T 13586-2021 families, plus used beverage cans and mixed scrap. */
export const GRADE_FAMILIES = ['wrought', 'cast', 'turnings', 'fragments', 'ash_dross', 'ubc', 'mixed'] as const;
export type GradeFamily = (typeof GRADE_FAMILIES)[number];
export const GRADE_FAMILY_NAMES: Names<GradeFamily> = {
  wrought: { en: 'Wrought scrap', zh: '变形铝及铝合金废料' },
  cast: { en: 'Cast-alloy scrap', zh: '铸造铝合金废料' },
  turnings: { en: 'Turnings', zh: '铝屑' },
  fragments: { en: 'Fragments', zh: '碎铝' },
  ash_dross: { en: 'Ash and dross', zh: '铝灰渣' },
  ubc: { en: 'Used beverage cans', zh: '废铝易拉罐' },
  mixed: { en: 'Mixed scrap', zh: '混合废铝' },
};

export const PROCESS_KINDS = ['sorting', 'shredding', 'decoating', 'melting', 'refining', 'casting'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];
export const PROCESS_KIND_NAMES: Names<ProcessKind> = {
  sorting: { en: 'Sorting', zh: '分选' },
  shredding: { en: 'Shredding', zh: '破碎' },
  decoating: { en: 'Decoating', zh: '脱漆' },
  melting: { en: 'Melting', zh: '熔炼' },
  refining: { en: 'Refining', zh: '精炼' },
  casting: { en: 'Casting', zh: '铸造' },
};

export const ADDITION_KINDS = ['primary_aluminium', 'alloying_element', 'flux'] as const;
export type AdditionKind = (typeof ADDITION_KINDS)[number];
export const ADDITION_KIND_NAMES: Names<AdditionKind> = {
  primary_aluminium: { en: 'Primary aluminium', zh: '原铝' },
  alloying_element: { en: 'Alloying element', zh: '合金元素' },
  flux: { en: 'Flux', zh: '熔剂' },
};

export const PRODUCT_FORMS = ['ingot', 'billet', 'slab', 'sow', 'liquid', 'sorted_scrap'] as const;
export type ProductForm = (typeof PRODUCT_FORMS)[number];
export const PRODUCT_FORM_NAMES: Names<ProductForm> = {
  ingot: { en: 'Ingot', zh: '铝锭' },
  billet: { en: 'Billet', zh: '铝棒' },
  slab: { en: 'Slab', zh: '铝板锭' },
  sow: { en: 'Sow', zh: '大铝锭' },
  liquid: { en: 'Liquid metal', zh: '铝液' },
  sorted_scrap: { en: 'Sorted or shredded scrap', zh: '分选/破碎后废铝' },
};

export const BYPRODUCT_KINDS = ['dross', 'salt_slag', 'filter_dust', 'other'] as const;
export type ByproductKind = (typeof BYPRODUCT_KINDS)[number];
export const BYPRODUCT_KIND_NAMES: Names<ByproductKind> = {
  dross: { en: 'Dross', zh: '铝渣' },
  salt_slag: { en: 'Salt slag', zh: '盐渣' },
  filter_dust: { en: 'Filter dust', zh: '除尘灰' },
  other: { en: 'Other by-product', zh: '其他副产物' },
};

export const BYPRODUCT_ROUTES = ['aluminium_recovery', 'cement_refractory', 'disposal'] as const;
export type ByproductRoute = (typeof BYPRODUCT_ROUTES)[number];
export const BYPRODUCT_ROUTE_NAMES: Names<ByproductRoute> = {
  aluminium_recovery: { en: 'Aluminium recovery', zh: '回收金属铝' },
  cement_refractory: { en: 'Cement or refractory raw material', zh: '水泥或耐火材料原料' },
  disposal: { en: 'Disposal', zh: '无害化处置' },
};

export const DOWNSTREAM_CHAINS = [
  'transport',
  'industrial',
  'packaging',
  'construction',
  'electronics_appliances',
  'other',
] as const;
export type DownstreamChain = (typeof DOWNSTREAM_CHAINS)[number];
export const DOWNSTREAM_CHAIN_NAMES: Names<DownstreamChain> = {
  transport: { en: 'Transport', zh: '交通运输' },
  industrial: { en: 'Industrial', zh: '工业' },
  packaging: { en: 'Packaging', zh: '包装' },
  construction: { en: 'Construction', zh: '建筑' },
  electronics_appliances: { en: 'Electronics and appliances', zh: '电子电器' },
  other: { en: 'Other', zh: '其他' },
};

export const CORRECTION_REASONS = ['weighing_error', 'wrong_grade', 'wrong_lot', 'duplicate', 'other'] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];
export const CORRECTION_REASON_NAMES: Names<CorrectionReason> = {
  weighing_error: { en: 'Weighing error', zh: '称重错误' },
  wrong_grade: { en: 'Wrong grade', zh: '品级错误' },
  wrong_lot: { en: 'Wrong lot', zh: '批次错误' },
  duplicate: { en: 'Recorded twice', zh: '重复录入' },
  other: { en: 'Other', zh: '其他' },
};
