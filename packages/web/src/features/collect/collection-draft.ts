// The collection form's values as typed, and what they become: integer grams
// and fen through the shared parsers (never a float), the seller's ID checked
// by its check character as it is typed, and the collection.record input.
import type { AppRouter } from '@alutrace/server';
import {
  CREDIT_CODE_MESSAGES,
  creditCodeProblem,
  type Language,
  parseMoneyText,
  RESIDENT_ID_MESSAGES,
  residentIdProblem,
  type SourceClass,
} from '@alutrace/shared';
import type { inferRouterInputs } from '@trpc/server';
import { readMass } from '../lifecycle-forms/mass-text';

export type RecordCollectionInput = inferRouterInputs<AppRouter>['collection']['record'];

export interface CollectionDraft {
  site: string;
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string;
  grade: string;
  /** Empty: the grade's default. */
  sourceClass: SourceClass | '';
  gross: string;
  tare: string;
  deduction: string;
  sellerKind: 'individual' | 'enterprise';
  sellerName: string;
  residentId: string;
  creditCode: string;
  handlingPerson: string;
  address: string;
  plate: string;
  ticket: string;
  price: string;
}

export type DraftField = keyof CollectionDraft | 'net';

/** The draft with one field edited; a new grade starts from its own default source class. */
export function edited(draft: CollectionDraft, field: keyof CollectionDraft, value: string): CollectionDraft {
  return { ...draft, [field]: value, ...(field === 'grade' ? { sourceClass: '' } : {}) };
}

export const DRAFT_FIELDS: readonly DraftField[] = [
  'site',
  'date',
  'grade',
  'sourceClass',
  'gross',
  'tare',
  'deduction',
  'net',
  'sellerKind',
  'sellerName',
  'residentId',
  'creditCode',
  'handlingPerson',
  'address',
  'plate',
  'ticket',
  'price',
];

export type Amount = { ok: true; value: number } | { ok: false; message: string } | { ok: 'empty' };

/** Grams from what was typed in a kg field (the one reader of masses, readMass); empty is its own answer. */
export function readKg(text: string, language: Language): Amount {
  const r = readMass(text);
  if (r.kind === 'empty') return { ok: 'empty' };
  return r.kind === 'ok' ? { ok: true, value: r.grams } : { ok: false, message: r.problem[language] };
}

/** Fen from what was typed in a yuan field: a number alone is yuan, a unit typed with it is honoured. */
export function readYuan(text: string, language: Language): Amount {
  const typed = text.normalize('NFKC').trim();
  if (typed === '') return { ok: 'empty' };
  const r = parseMoneyText(/^[\d.]+$/.test(typed) ? `${typed}yuan` : typed);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.problem[language] };
}

/** gross − tare − deduction in grams, or null while gross or tare cannot be read. */
export function netOf(draft: CollectionDraft, language: Language): number | null {
  const gross = readKg(draft.gross, language);
  const tare = readKg(draft.tare, language);
  const deduction = readKg(draft.deduction, language);
  if (gross.ok !== true || tare.ok === false || deduction.ok === false) return null;
  return gross.value - (tare.ok === true ? tare.value : 0) - (deduction.ok === true ? deduction.value : 0);
}

/** The seller's ID as typed: null while it is too short to judge, else its problem or 'ok'. */
export function idCheck(draft: CollectionDraft, language: Language): { ok: boolean; message: string } | null {
  if (draft.sellerKind === 'individual') {
    const typed = draft.residentId.replace(/\s+/g, '');
    if (typed.length < 18) return null;
    const problem = residentIdProblem(typed);
    return problem ? { ok: false, message: RESIDENT_ID_MESSAGES[problem][language] } : { ok: true, message: '' };
  }
  const typed = draft.creditCode.replace(/\s+/g, '');
  if (typed.length < 18) return null;
  const problem = creditCodeProblem(typed);
  return problem ? { ok: false, message: CREDIT_CODE_MESSAGES[problem][language] } : { ok: true, message: '' };
}

export interface DraftWords {
  required: string;
  gradeRequired: string;
  netNotPositive: string;
  idLength: string;
}

export type DraftResult =
  | { ok: true; input: Omit<RecordCollectionInput, 'idempotencyKey'> }
  | { ok: false; fields: Partial<Record<DraftField, string[]>> };

function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Everything the browser can check before sending; the server checks it all again. */
export function draftToInput(
  draft: CollectionDraft,
  language: Language,
  words: DraftWords,
  today: string,
): DraftResult {
  const fields: Partial<Record<DraftField, string[]>> = {};
  const problem = (field: DraftField, message: string): void => {
    fields[field] = [...(fields[field] ?? []), message];
  };
  if (!draft.grade) problem('grade', words.gradeRequired);
  const gross = readKg(draft.gross, language);
  const tare = readKg(draft.tare, language);
  const deduction = readKg(draft.deduction, language);
  if (gross.ok === 'empty') problem('gross', words.required);
  if (gross.ok === false) problem('gross', gross.message);
  if (tare.ok === false) problem('tare', tare.message);
  if (deduction.ok === false) problem('deduction', deduction.message);
  const net = netOf(draft, language);
  if (net !== null && net <= 0) problem('net', words.netNotPositive);
  if (!draft.sellerName.trim()) problem('sellerName', words.required);
  const id = idCheck(draft, language);
  const idField = draft.sellerKind === 'individual' ? 'residentId' : 'creditCode';
  const idTyped = draft.sellerKind === 'individual' ? draft.residentId : draft.creditCode;
  if (!idTyped.trim()) problem(idField, words.required);
  else if (id === null) problem(idField, words.idLength);
  else if (!id.ok) problem(idField, id.message);
  if (draft.sellerKind === 'enterprise' && !draft.handlingPerson.trim()) problem('handlingPerson', words.required);
  const price = readYuan(draft.price, language);
  if (price.ok === false) problem('price', price.message);
  if (Object.keys(fields).length > 0 || gross.ok !== true || net === null) return { ok: false, fields };

  const address = optionalText(draft.address);
  const seller =
    draft.sellerKind === 'individual'
      ? { kind: 'individual' as const, name: draft.sellerName.trim(), residentId: draft.residentId, address }
      : {
          kind: 'enterprise' as const,
          name: draft.sellerName.trim(),
          creditCode: draft.creditCode,
          handlingPerson: draft.handlingPerson.trim(),
          address,
        };
  const tareG = tare.ok === true ? tare.value : 0;
  const deductionG = deduction.ok === true ? deduction.value : 0;
  return {
    ok: true,
    input: {
      site: draft.site,
      // Noon in Shanghai (04:00 UTC) of an earlier day; today's weighing takes the server's clock.
      ...(draft.date && draft.date !== today ? { occurredAt: `${draft.date}T04:00:00.000Z` } : {}),
      grade: draft.grade,
      ...(draft.sourceClass ? { sourceClass: draft.sourceClass } : {}),
      grossG: gross.value,
      tareG,
      deductionG,
      netG: net,
      photoHashes: [],
      sealed: {
        seller,
        vehiclePlate: optionalText(draft.plate),
        ticketNumber: optionalText(draft.ticket),
        priceFen: price.ok === true ? price.value : undefined,
      },
    },
  };
}
