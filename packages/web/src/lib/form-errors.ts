// A failed form submission, split into what belongs next to a field and what
// belongs above the form. Validation errors name their field (`fields` from
// the server); some domain errors are about one field too (a username that
// exists, sites that do not fit the role) and are placed by their code.
import type { ErrorCode, Language } from '@alutrace/shared';
import { describeApiError } from './api-error';

export type FieldErrors = Record<string, string[]>;

export interface FormErrors {
  /** Shown above the form; null when everything went next to a field and nothing else needs saying. */
  general: string | null;
  /** Form field name → its problems. */
  fields: FieldErrors;
}

export interface FormErrorOptions {
  /** The form's field names; a server field path like `sites.0` belongs to `sites`. */
  fields: readonly string[];
  /** Errors about one field, shown next to it: code → field name. */
  codeFields?: Partial<Record<ErrorCode, string>>;
  /** The form's own wording for some codes, where it can say more than the server's generic message. */
  messages?: Partial<Record<ErrorCode, string>>;
  /** The words for when the server gave no answer, and for "see the marked fields". */
  texts: { unreachable: string; checkFields: string };
}

export const NO_FORM_ERRORS: FormErrors = { general: null, fields: {} };

export function formErrors(error: unknown, language: Language, options: FormErrorOptions): FormErrors {
  const view = describeApiError(error, language);
  if (!view) return { general: options.texts.unreachable, fields: {} };
  const fields: FieldErrors = {};
  const add = (field: string, problems: string[]): void => {
    fields[field] = [...(fields[field] ?? []), ...problems];
  };
  const message = options.messages?.[view.code] ?? view.message;
  const codeField = options.codeFields?.[view.code];
  if (codeField) {
    add(codeField, [message]);
    return { general: options.texts.checkFields, fields };
  }
  let unplaced = false;
  for (const [path, problems] of Object.entries(view.fields)) {
    const field = path.split('.')[0] ?? path;
    if (options.fields.includes(field)) add(field, problems);
    else unplaced = true;
  }
  // The server's message lists every field; it is only needed when some of them are not on the form.
  const allPlaced = Object.keys(fields).length > 0 && !unplaced;
  return { general: allPlaced ? options.texts.checkFields : message, fields };
}

/** Joins client-side checks and server errors field by field. */
export function mergeFieldErrors(...all: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const errors of all) {
    for (const [field, problems] of Object.entries(errors)) out[field] = [...(out[field] ?? []), ...problems];
  }
  return out;
}
