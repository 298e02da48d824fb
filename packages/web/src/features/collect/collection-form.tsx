import type { GradeView, SiteView } from '@alutrace/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { FormAlert } from '../../components/form-alert';
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import { useNames } from '../../i18n/use-names';
import { useTRPC } from '../../lib/trpc';
import { newIdempotencyKey } from '../lifecycle-forms/use-idempotency-key';
import { rememberGrade, rememberSite, todayInShanghai } from './collect-storage';
import { type CollectionDraft, type DraftField, draftToInput, edited, idCheck, netOf } from './collection-draft';
import { CollectionFields } from './collection-fields';
import { collectionRefusal, type Refusal, withoutField } from './collection-refusal';
import { enterToNext } from './enter-to-next';
import { useCollectionWords } from './use-collection-words';

export interface SavedCollection {
  lotId: string;
  netG: number;
  replayed: boolean;
}

interface CollectionFormProps {
  sites: SiteView[];
  grades: GradeView[];
  initialSite: string;
  initialGrade: string;
  onSaved: (saved: SavedCollection) => void;
}

function emptyDraft(site: string, grade: string): CollectionDraft {
  return {
    site,
    date: todayInShanghai(),
    grade,
    sourceClass: '',
    gross: '',
    tare: '',
    deduction: '',
    sellerKind: 'individual',
    sellerName: '',
    residentId: '',
    creditCode: '',
    handlingPerson: '',
    address: '',
    plate: '',
    ticket: '',
    price: '',
  };
}

/** One weighing: grade, weights with the net worked out as they are typed, seller, and the rest; saved once however often it is sent. */
export function CollectionForm({
  sites,
  grades,
  initialSite,
  initialGrade,
  onSaved,
}: CollectionFormProps): ReactElement {
  const { t } = useTranslation();
  const language = apiLanguage(useAppLanguage());
  const names = useNames();
  const collectionWords = useCollectionWords();
  const trpc = useTRPC();
  const [draft, setDraft] = useState(() => emptyDraft(initialSite, initialGrade));
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // One key for this form however many times it is sent: a double tap or a retry after a
  // dropped connection gets the first answer back, never a second lot (rule 6).
  const idempotencyKey = useRef(newIdempotencyKey('collect'));
  const sending = useRef(false);
  const [focusError, setFocusError] = useState(0);
  const record = useMutation(trpc.collection.record.mutationOptions());
  const today = todayInShanghai();

  const check = draftToInput(draft, language, collectionWords.draftWords(draft), today);
  const id = idCheck(draft, language);
  const idField: DraftField = draft.sellerKind === 'individual' ? 'residentId' : 'creditCode';

  const errorsOf = (field: DraftField): string[] => {
    const client = check.ok ? [] : (check.fields[field] ?? []);
    // The ID is judged as soon as all 18 characters are in; other fields once left or on save.
    const live = field === idField && id !== null;
    const net = field === 'net' && netOf(draft, language) !== null;
    const shown = submitted || touched.has(field) || live || net ? client : [];
    return [...shown, ...(refusal?.fields[field] ?? [])];
  };

  // With the grade already chosen (the last one used), the first thing typed is the gross.
  useEffect(() => {
    if (initialGrade) document.querySelector<HTMLElement>('[data-testid="collect-gross"]')?.focus();
  }, [initialGrade]);

  useEffect(() => {
    if (focusError === 0) return;
    document
      .querySelector<HTMLElement>('.collect-form [aria-invalid="true"], .collect-form .field-invalid input')
      ?.focus();
  }, [focusError]);

  const set = (field: keyof CollectionDraft, value: string): void => {
    setDraft((d) => edited(d, field, value));
    setRefusal((r) => withoutField(r, field));
  };
  const touch = (field: DraftField): void => setTouched((s) => new Set(s).add(field));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setSubmitted(true);
    if (!check.ok) {
      setFocusError((n) => n + 1);
      return;
    }
    if (sending.current) return;
    sending.current = true;
    setRefusal(null);
    record.mutate(
      { ...check.input, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (answer) => {
          const lot = answer.lots[0];
          if (!lot) return;
          rememberGrade(draft.grade);
          rememberSite(draft.site);
          onSaved({ lotId: lot.lotId, netG: lot.massG, replayed: answer.replayed });
        },
        onError: (error) => {
          setRefusal(collectionRefusal(error, language, collectionWords.refusalWords));
          setFocusError((n) => n + 1);
        },
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  const chosenSite = sites.find((s) => s.code === draft.site);

  return (
    <form
      className="form collect-form"
      onSubmit={submit}
      onKeyDown={enterToNext.onKeyDown}
      onFocus={enterToNext.onFocus}
      noValidate
      data-testid="collect-form"
    >
      <div className="collect-row">
        {sites.length > 1 ? (
          <Field label={t('collect.site')} errors={errorsOf('site')}>
            {(control) => (
              <select
                {...control}
                className="input"
                data-testid="collect-site"
                value={draft.site}
                onChange={(event) => set('site', event.target.value)}
              >
                {sites.map((site) => (
                  <option key={site.code} value={site.code}>
                    {names.siteLabel(site)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <div className="field">
            <span className="field-label">{t('collect.site')}</span>
            <p className="field-note" data-testid="collect-site">
              {chosenSite ? names.siteLabel(chosenSite) : draft.site}
            </p>
            {errorsOf('site').length > 0 && <p className="field-error">{errorsOf('site').join(' ')}</p>}
          </div>
        )}
        <Field
          label={t('collect.date')}
          hint={draft.date !== today ? t('collect.dateHint') : undefined}
          errors={errorsOf('date')}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              max={today}
              value={draft.date}
              onChange={(event) => set('date', event.target.value || today)}
            />
          )}
        </Field>
      </div>

      <CollectionFields draft={draft} grades={grades} language={language} set={set} touch={touch} errorsOf={errorsOf} />

      <FormAlert
        message={
          refusal ? (refusal.general ?? t('collect.fixFields')) : submitted && !check.ok ? t('collect.fixFields') : null
        }
      />
      <div className="collect-submit">
        <button
          type="submit"
          className="button button-primary button-big"
          disabled={record.isPending}
          data-testid="collect-save"
        >
          {record.isPending ? t('collect.saving') : t('collect.save')}
        </button>
      </div>
    </form>
  );
}
