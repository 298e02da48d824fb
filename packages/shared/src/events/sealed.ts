// Sealed fields: what an event knows that the public must not (DOMAIN.md
// "What is public and what is sealed"). The entry carries only
// `sealed` = hex SHA-256 of the RFC 8785 JSON of { salt, …fields }, with a
// 16-byte random salt (hex), so the entry's bytes can be shown to anyone and
// the values checked later against the commitment by those who may read them.
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { bytesToHex } from '../bytes';
import { canonicalBytes, type JsonObject } from '../canonical-json';
import { creditCodeProblem } from '../identity/credit-code';
import { residentIdProblem } from '../identity/resident-id';
import { textField } from '../text/text-field';

export const SALT_HEX = /^[0-9a-f]{32}$/;

/**
 * The commitment to sealed values; `salt` is 32 hex characters. `hash` is
 * SHA-256 (the server may pass node:crypto's, faster on its hot path; the
 * browser and offline verifiers use the default).
 */
export function sealedCommitmentOf(
  salt: string,
  fields: JsonObject,
  hash: (bytes: Uint8Array) => Uint8Array = sha256,
): string {
  if (!SALT_HEX.test(salt)) throw new Error('the salt is 16 bytes in lower-case hex');
  if ('salt' in fields) throw new Error('sealed fields may not be named "salt"');
  return bytesToHex(hash(canonicalBytes({ salt, ...fields })));
}

/** An identifier typed by a person: spaces dropped, upper-cased, then checked with a message per problem. */
function checkedIdentifier<P extends string>(
  problemOf: (text: string) => P | null,
  messages: Record<P, { en: string; zh: string }>,
) {
  return z
    .string()
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .superRefine((v, ctx) => {
      const problem = problemOf(v);
      if (problem)
        ctx.addIssue({ code: 'custom', message: messages[problem].en, params: { zh: messages[problem].zh } });
    });
}

const WRONG_LENGTH_ID = {
  en: 'a resident ID number has 17 digits and a last digit or X',
  zh: '身份证号码为 17 位数字加 1 位数字或 X',
};

/** What is wrong with a resident ID number, in both languages (also for `sellers.search`). */
export const RESIDENT_ID_MESSAGES = {
  length: WRONG_LENGTH_ID,
  characters: WRONG_LENGTH_ID,
  birth_date: { en: 'digits 7–14 are not a birth date', zh: '第 7–14 位不是有效的出生日期' },
  check_character: {
    en: 'the check character does not match: a digit was mistyped',
    zh: '校验码不符，可能输错了某一位',
  },
} as const;

const residentId = checkedIdentifier(residentIdProblem, RESIDENT_ID_MESSAGES);

const WRONG_FORM_CODE = {
  en: 'a unified social credit code has 18 characters (digits and capital letters except I, O, Z, S, V)',
  zh: '统一社会信用代码为 18 位（数字和除 I、O、Z、S、V 外的大写字母）',
};

/** What is wrong with a unified social credit code, in both languages (also for `sellers.search`). */
export const CREDIT_CODE_MESSAGES = {
  length: WRONG_FORM_CODE,
  characters: WRONG_FORM_CODE,
  check_character: {
    en: 'the check character does not match: a character was mistyped',
    zh: '校验码不符，可能输错了某一位',
  },
} as const;

const creditCode = checkedIdentifier(creditCodeProblem, CREDIT_CODE_MESSAGES);

/** The seller of a collection: an individual or an enterprise, as the recycling regulations require. */
export const sellerFields = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('individual'),
    name: textField({ max: 50 }),
    residentId,
    address: textField({ max: 200 }).optional(),
  }),
  z.object({
    kind: z.literal('enterprise'),
    name: textField({ max: 100 }),
    creditCode,
    handlingPerson: textField({ max: 50 }),
    address: textField({ max: 200 }).optional(),
  }),
]);
export type SellerFields = z.output<typeof sellerFields>;

export const vehiclePlate = textField({ max: 12 });
export const documentNumber = textField({ max: 40 });
export const note = textField({ max: 500, multiline: true });
/** Money in integer fen (分). */
export const fen = z.number().int('whole fen').nonnegative().max(100_000_000_000);
