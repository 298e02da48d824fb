// lots.passport: what anyone with a lot's label sees (DOMAIN.md "What is
// public and what is sealed", "Lots and labels"), and everything a phone
// needs to check it against the signed ledger itself: the exact bytes of the
// entries the figures rest on, an inclusion proof of each to the newest
// signed checkpoint, that checkpoint's signed note and the verifier key. The
// check is verifyPassport (lots/verify-passport.ts). Only public fields: the
// entries hold their sealed values as one commitment, nothing more.
import { z } from 'zod';
import type { SiteKind } from '../auth/roles';
import type {
  ByproductKind,
  ByproductRoute,
  DownstreamChain,
  GradeFamily,
  ProductForm,
  SourceClass,
} from '../events/fields';
import { lotId } from '../events/fields';
import { LABEL_DIGEST_LENGTH } from '../lots/label';
import type { Park } from '../sites/baise';
import type { LotKind, LotState } from './lifecycle-api';

export const passportInput = z.object({
  lotId,
  /** The `d` of the label's URL (case does not matter). */
  digest: z
    .string()
    .regex(
      new RegExp(`^[A-Za-z2-7]{${LABEL_DIGEST_LENGTH}}$`),
      `the ${LABEL_DIGEST_LENGTH}-character code after ?d= on the label`,
    )
    .transform((d) => d.toLowerCase()),
});

/**
 * At most this many entries per passport: the creating entry, then the
 * newest of the others (and at most PASSPORT_MAX_ENTRY_BYTES of their bytes).
 * `omittedEntries` says how many more there are.
 */
export const PASSPORT_MAX_ENTRIES = 50;
/** At most this many bytes of entries (before base64) per passport; the creating entry (≤ 64 KiB) always fits. */
export const PASSPORT_MAX_ENTRY_BYTES = 1024 * 1024;
/** At most this many collection points named in the upstream summary; the rest are counted together. */
export const PASSPORT_MAX_POINTS = 50;

/** A site as the public sees it: its names and where it is, not its licence number. */
export interface PublicSite {
  code: string;
  kind: SiteKind;
  nameZh: string;
  nameEn: string;
  district: string | null;
  park: Park | null;
}

export interface PassportEntry {
  seq: number;
  /** Why it is listed: it created the lot, it moved or used the lot, or it declared one of those wrong. */
  role: 'created' | 'event' | 'correction';
  /** Hex SHA-256(0x00 ‖ bytes), RFC 6962 §2.1. */
  leafHash: string;
  /** The entry's stored RFC 8785 bytes, standard base64. */
  canonicalBase64: string;
  /**
   * RFC 9162 §2.1.3 inclusion proof (hex hashes) of leaf `seq` in the tree
   * of `checkpoint.treeSize`; null for an entry newer than the newest
   * checkpoint (ask again in a moment).
   */
  proof: string[] | null;
}

export interface PassportLot {
  lotId: string;
  kind: LotKind;
  state: LotState;
  labelDigest: string;
  grade: { code: string; nameZh: string; nameEn: string; family: GradeFamily } | null;
  sourceClass: SourceClass | null;
  alloy: { code: string; standard: string; nameZh: string; nameEn: string } | null;
  form: ProductForm | null;
  byproductKind: ByproductKind | null;
  hazardousWasteCode: string | null;
  /** Net mass at creation, and what is left of it. */
  massG: number;
  balanceG: number;
  /** ISO 22095 mass balance, parts per million, and the same as grams of this lot; the post-consumer part apart. */
  recycledPpm: number;
  postConsumerPpm: number;
  recycledG: number;
  postConsumerG: number;
  originSite: PublicSite;
  holder: PublicSite | null;
  transitTo: PublicSite | null;
  createdSeq: number;
  createdAt: string;
  /** When it last changed. */
  updatedAt: string;
  shippedTo: { buyer: PublicSite; chain: DownstreamChain; massG: number; occurredAt: string; seq: number } | null;
  routes: { route: ByproductRoute; massG: number; occurredAt: string; seq: number }[];
  /** The correction that voided the lot's creating entry, when one did. */
  voidedBy: number | null;
}

/** Where the lot came from, summed (lots.trace backward, without the list of every collection lot). */
export interface PassportUpstream {
  collectionLots: number;
  totalG: number;
  bySourceClass: Record<SourceClass, { grams: number; ppm: number }>;
  additionsG: number;
  untracedG: number;
  /** The largest collection points by grams, at most PASSPORT_MAX_POINTS. */
  collectionPoints: { site: PublicSite; lots: number; grams: number }[];
  /** The collection points beyond those, counted together; null when all are named. */
  otherPoints: { points: number; lots: number; grams: number } | null;
}

/** A direct input of the run that made the lot: open its passport with its digest to walk the trace. */
export interface PassportInput {
  lotId: string;
  labelDigest: string;
  kind: LotKind;
  grade: string | null;
  alloy: string | null;
  massG: number;
  consumedG: number;
}

export interface Passport {
  lot: PassportLot;
  upstream: PassportUpstream;
  inputs: PassportInput[];
  entries: PassportEntry[];
  /** Entries about the lot that are not listed (beyond PASSPORT_MAX_ENTRIES or PASSPORT_MAX_ENTRY_BYTES). */
  omittedEntries: number;
  checkpoint: { treeSize: number; rootHash: string; note: string; origin: string; verifierKey: string };
}
