// The corrected collection a correction may carry (corrections.record's
// `replacement`): the collection form's own fields, prefilled from the entry
// being corrected (grade, source class, gross, tare, deduction from its body;
// seller, plate, ticket and price from its sealed record, read with the
// purpose "correction", which the access log keeps). The browser checks them
// as the collection form does; the server's refusals land next to the field
// they name (paths under `replacement.input.`).
import { formatScaled, type GradeView, type JsonObject, type SealedView } from '@alutrace/shared';
import { useMutation } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import { useTRPC } from '../../lib/trpc';
import { todayInShanghai } from '../collect/collect-storage';
import {
  type CollectionDraft,
  type DraftField,
  type DraftResult,
  draftToInput,
  edited,
} from '../collect/collection-draft';
import { CollectionFields } from '../collect/collection-fields';
import { collectionRefusal, type Refusal, withoutField } from '../collect/collection-refusal';
import { useCollectionWords } from '../collect/use-collection-words';
import { kgText } from '../lifecycle-forms/mass-text';
import { useWords } from '../lifecycle-forms/use-words';
import { correctEn, correctZh } from './correct-words';

/** Where the corrected collection sits in corrections.record's input. */
export const REPLACEMENT_PREFIX = 'replacement.input.';

/** The purpose the sealed read is logged with. */
const PURPOSE = 'correction';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const grams = (value: unknown): string => (typeof value === 'number' && value > 0 ? kgText(value) : '');

/** The collection form as the entry recorded it: its body and its sealed fields. */
export function draftFromEntry(site: string, body: JsonObject, sealed: JsonObject): CollectionDraft {
  const seller = (sealed.seller ?? {}) as JsonObject;
  return {
    site,
    date: todayInShanghai(),
    grade: text(body.grade),
    sourceClass: body.sourceClass === 'post_consumer' || body.sourceClass === 'pre_consumer' ? body.sourceClass : '',
    gross: grams(body.grossG),
    tare: grams(body.tareG),
    deduction: grams(body.deductionG),
    sellerKind: seller.kind === 'enterprise' ? 'enterprise' : 'individual',
    sellerName: text(seller.name),
    residentId: text(seller.residentId),
    creditCode: text(seller.creditCode),
    handlingPerson: text(seller.handlingPerson),
    address: text(seller.address),
    plate: text(sealed.vehiclePlate),
    ticket: text(sealed.ticketNumber),
    price: typeof sealed.priceFen === 'number' ? formatScaled(sealed.priceFen, 2, 2) : '',
  };
}

export type CollectionReplacement = {
  kind: 'collection.recorded';
  input: Omit<Extract<DraftResult, { ok: true }>['input'], 'site'> & { occurredAt: string };
};

export interface ReplacementState {
  /** Whether the corrected values are to be recorded with the correction. */
  on: boolean;
  /** The corrected event, or null while it is off, loading, or has problems (then shown at the fields). */
  build(): { ok: true; replacement: CollectionReplacement | undefined } | { ok: false };
  /** Places a refusal of corrections.record at the corrected fields. */
  place(error: unknown): void;
  /** The last refusal was placed whole at the corrected fields (nothing else to say above the button). */
  placed: boolean;
  view: ReactElement | null;
}

/** The "record the corrected values" part of the correction screen, for a collection entry. */
export function useCollectionReplacement(
  seq: number,
  entry: { site: string; occurredAt: string; body: JsonObject },
  grades: GradeView[],
): ReplacementState {
  const w = useWords(correctZh, correctEn);
  const language = apiLanguage(useAppLanguage());
  const trpc = useTRPC();
  const words = useCollectionWords();
  const [on, setOn] = useState(false);
  const [draft, setDraft] = useState<CollectionDraft | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [placedWhole, setPlacedWhole] = useState(false);
  const read = useMutation(trpc.sealed.read.mutationOptions());

  const check = draft ? draftToInput(draft, language, words.draftWords(draft), todayInShanghai()) : null;
  const errorsOf = (field: DraftField): string[] => [
    ...(submitted && check && !check.ok ? (check.fields[field] ?? []) : []),
    ...(refusal?.fields[field] ?? []),
  ];
  const set = (field: keyof CollectionDraft, value: string): void => {
    setDraft((d) => (d ? edited(d, field, value) : d));
    setRefusal((r) => withoutField(r, field));
  };

  const turnOn = (next: boolean): void => {
    setOn(next);
    if (next && !draft && !read.isPending) {
      read.mutate(
        { seq, purpose: PURPOSE },
        { onSuccess: (sealed: SealedView) => setDraft(draftFromEntry(entry.site, entry.body, sealed.fields)) },
      );
    }
  };

  const view = (
    <fieldset className="collect-section" data-testid="correct-replacement">
      <legend>{w.replacementTitle}</legend>
      <label className="checkbox checkbox-big">
        <input
          type="checkbox"
          checked={on}
          onChange={(event) => turnOn(event.target.checked)}
          data-testid="correct-with-replacement"
        />
        {w.withReplacement}
      </label>
      <p className="hint">{on ? w.replacementNote : w.replacementOff}</p>
      {on && read.isPending && <p className="notice notice-loading">{w.loading}</p>}
      {on && read.isError && (
        <p className="notice notice-error" data-testid="correct-replacement-unread">
          {w.replacementUnread}
        </p>
      )}
      {on && draft && (
        <div className="correct-replacement-fields">
          <CollectionFields
            draft={draft}
            grades={grades}
            language={language}
            set={set}
            touch={() => {}}
            errorsOf={errorsOf}
          />
        </div>
      )}
    </fieldset>
  );

  return {
    on,
    view,
    placed: on && placedWhole,
    build: () => {
      if (!on) return { ok: true, replacement: undefined };
      setSubmitted(true);
      setRefusal(null);
      if (!check?.ok) return { ok: false };
      const { site: _site, ...input } = check.input;
      // The weighing keeps its own time; a note recorded with it stays with it.
      const note = read.data?.fields.note;
      return {
        ok: true,
        replacement: {
          kind: 'collection.recorded',
          input: {
            ...input,
            occurredAt: entry.occurredAt,
            sealed: { ...input.sealed, ...(typeof note === 'string' ? { note } : {}) },
          },
        },
      };
    },
    place: (error) => {
      if (!on) return;
      const placed = collectionRefusal(error, language, words.refusalWords, REPLACEMENT_PREFIX);
      // The site and the day are the correction's own, not fields here.
      delete placed.fields.site;
      delete placed.fields.date;
      setRefusal(placed);
      setPlacedWhole(placed.general === null && Object.keys(placed.fields).length > 0);
    },
  };
}
