// A refusal of collection.record placed next to the field it concerns. The
// server names the field in two ways: a validation error lists input paths
// (`sealed.seller.residentId`), a rule error names it in its params
// (`LOT_TOO_HEAVY {field: 'grossG'}`) or by its code (GRADE_INACTIVE).
import { type AppErrorData, formatMassKg, type Language } from '@alutrace/shared';
import { describeApiError, readAppError } from '../../lib/api-error';
import type { CollectionDraft, DraftField } from './collection-draft';

const PATH_FIELDS: Record<string, DraftField> = {
  site: 'site',
  occurredAt: 'date',
  grade: 'grade',
  sourceClass: 'sourceClass',
  grossG: 'gross',
  tareG: 'tare',
  deductionG: 'deduction',
  netG: 'net',
  'gross − tare − deduction': 'net',
  'sealed.seller.kind': 'sellerKind',
  'sealed.seller.name': 'sellerName',
  'sealed.seller.residentId': 'residentId',
  'sealed.seller.creditCode': 'creditCode',
  'sealed.seller.handlingPerson': 'handlingPerson',
  'sealed.seller.address': 'address',
  'sealed.vehiclePlate': 'plate',
  'sealed.ticketNumber': 'ticket',
  'sealed.priceFen': 'price',
};

export interface RefusalWords {
  tooHeavy: (value: string) => string;
  notPositive: string;
  negative: string;
  netMismatch: string;
  gradeInactive: (grade: string) => string;
  gradeUnknown: (grade: string) => string;
  unreachable: string;
}

export interface Refusal {
  /** Said above the button when nothing (or not everything) could be put next to a field. */
  general: string | null;
  fields: Partial<Record<DraftField, string[]>>;
}

function massMessage(app: AppErrorData, words: RefusalWords): string | null {
  const value = app.params.value;
  if (app.code === 'LOT_TOO_HEAVY') return words.tooHeavy(typeof value === 'number' ? formatMassKg(value) : '');
  if (app.code === 'MASS_NOT_POSITIVE') return words.notPositive;
  if (app.code === 'MASS_NEGATIVE') return words.negative;
  return null;
}

/**
 * `prefix`: where the collection's input sits in the request (`replacement.input.`
 * when it is the corrected event of corrections.record); paths outside it are
 * left to the caller (general stays null for them only when something was placed).
 */
export function collectionRefusal(error: unknown, language: Language, words: RefusalWords, prefix = ''): Refusal {
  const app = readAppError(error);
  const view = describeApiError(error, language);
  if (!app || !view) return { general: words.unreachable, fields: {} };
  const fields: Partial<Record<DraftField, string[]>> = {};
  const add = (field: DraftField, message: string): void => {
    fields[field] = [...(fields[field] ?? []), message];
  };
  const grade = String(app.params.grade ?? '');
  const mass = massMessage(app, words);
  const fieldOf = (path: string): DraftField | undefined =>
    path.startsWith(prefix) ? PATH_FIELDS[path.slice(prefix.length)] : undefined;
  const paramField =
    typeof app.params.field === 'string' ? (fieldOf(app.params.field) ?? PATH_FIELDS[app.params.field]) : undefined;
  if (mass && paramField) add(paramField, mass);
  else if (app.code === 'NET_MASS_MISMATCH') add('net', words.netMismatch);
  else if (app.code === 'GRADE_INACTIVE') add('grade', words.gradeInactive(grade));
  else if (app.code === 'GRADE_UNKNOWN') add('grade', words.gradeUnknown(grade));
  else if (app.code.startsWith('SITE_')) add('site', view.message);
  let unplaced = false;
  for (const [path, problems] of Object.entries(view.fields)) {
    const field = fieldOf(path);
    if (field) for (const p of problems) add(field, p);
    else unplaced = true;
  }
  const placed = Object.keys(fields).length > 0;
  return { general: placed && !unplaced ? null : view.message, fields };
}

/** The refusal once `field` is edited: its problems go (with the net's, for a weight). */
export function withoutField(refusal: Refusal | null, field: keyof CollectionDraft): Refusal | null {
  if (!refusal) return refusal;
  const fields = { ...refusal.fields };
  delete fields[field];
  if (field === 'gross' || field === 'tare' || field === 'deduction') delete fields.net;
  return { ...refusal, fields };
}
