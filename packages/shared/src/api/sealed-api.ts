// Inputs and outputs of the sealed-data procedures (DOMAIN.md "What is
// public and what is sealed"): sealed.read, sealed.accessLog and
// sellers.search. Reading a record and searching by ID are mutations: each
// writes a row to the access log, and a mutation keeps the ID number out of
// URLs (request logs, proxies, browser history) and behind the CSRF check.
import { z } from 'zod';
import type { JsonObject } from '../canonical-json';
import { CREDIT_CODE_MESSAGES, RESIDENT_ID_MESSAGES } from '../events/sealed';
import { creditCodeProblem, normaliseCreditCode } from '../identity/credit-code';
import { residentIdProblem } from '../identity/resident-id';
import { textField } from '../text/text-field';
import type { LotState } from './lifecycle-api';

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const instant = z.string().datetime({ offset: false, message: 'an ISO-8601 UTC time like 2026-11-28T08:30:00Z' });

/** Why a record is read, as the access log shows it (kept as long as the log: no personal data). */
export const accessPurpose = textField({ max: 100 });

export const DEFAULT_READ_PURPOSE = 'view';
export const SELLER_SEARCH_PURPOSE = 'seller-search';

export const sealedReadInput = z.object({
  seq,
  /** Why it is read (e.g. "incentive audit 2026-Q4"); `view` when not given. */
  purpose: accessPurpose.default(DEFAULT_READ_PURPOSE),
});

/** The decrypted sealed fields of one entry, checked against the commitment in the ledger. */
export interface SealedView {
  seq: number;
  kind: string;
  /** The recording site, and the other site of the event (receiver, sender, buyer) or null. */
  site: string;
  counterpart: string | null;
  recordedAt: string;
  /** The fields as recorded (seller, plates, ticket, waybill, price in fen, invoice, note …). */
  fields: JsonObject;
  /** 32 hex characters: SHA-256 of RFC 8785 `{salt, …fields}` is `commitment`. */
  salt: string;
  /** The entry's `body.sealed`. */
  commitment: string;
  /** Always true: the server refuses (SEALED_COMMITMENT_MISMATCH) rather than answer unchecked values. */
  commitmentVerified: true;
}

export const accessLogInput = z
  .object({
    seq: seq.optional(),
    /** `user:<id>` or `token:<id>`. */
    principal: z
      .string()
      .regex(/^(user|token):[0-9a-f-]{1,64}$/, 'user:<id> or token:<id>')
      .optional(),
    /** Reads at or after / before (ISO-8601 UTC). */
    from: instant.optional(),
    to: instant.optional(),
    /** Exclusive: the page continues with older rows than this id. */
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });

export interface AccessLogRow {
  id: number;
  seq: number;
  principal: string;
  /** The user's username or the token's name, when it still exists. */
  principalName: string | null;
  role: string;
  /** The site the reader acted for (null for officials). */
  site: string | null;
  at: string;
  purpose: string;
}

export interface AccessLogPage {
  /** Newest first. */
  items: AccessLogRow[];
  nextCursor: number | null;
}

const BOTH_FORMS = {
  en: 'enter a resident ID number (17 digits and a last digit or X) or a unified social credit code (18 characters)',
  zh: '请输入身份证号码（17 位数字加 1 位数字或 X）或统一社会信用代码（18 位）',
};

/**
 * A resident ID number (18 characters, GB 11643-1999) or a unified social
 * credit code (18 characters, GB 32100-2015), as typed: spaces dropped,
 * upper-cased, then checked by its check character. Seventeen digits and a
 * last digit or X are read as an ID number, anything else as a code.
 */
export const sellerIdInput = z
  .string()
  .max(40, 'at most 40 characters')
  .transform(normaliseCreditCode)
  .superRefine((id, ctx) => {
    if (/^\d{17}[\dX]$/.test(id)) {
      const problem = residentIdProblem(id);
      if (problem === null) return;
      const m = RESIDENT_ID_MESSAGES[problem];
      ctx.addIssue({ code: 'custom', message: m.en, params: { zh: m.zh } });
      return;
    }
    const problem = creditCodeProblem(id);
    if (problem === null) return;
    const m = problem === 'check_character' ? CREDIT_CODE_MESSAGES.check_character : BOTH_FORMS;
    ctx.addIssue({ code: 'custom', message: m.en, params: { zh: m.zh } });
  });

export const sellerSearchInput = z.object({
  id: sellerIdInput,
  /** Exclusive: the page continues with older collections than this seq. */
  cursor: seq.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** A collection lot whose sealed seller named the ID searched for. */
export interface SellerLot {
  /** The collection entry. */
  seq: number;
  lotId: string;
  site: string;
  grade: string | null;
  massG: number;
  state: LotState;
  createdAt: string;
}

export interface SellerSearchResult {
  /** Newest first. */
  lots: SellerLot[];
  nextCursor: number | null;
}
