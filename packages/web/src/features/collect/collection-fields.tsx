import type { GradeView, Language } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { type CollectionDraft, type DraftField, idCheck, netOf } from './collection-draft';
import { GradePicker } from './grade-picker';
import { SaleFields } from './sale-fields';
import { SellerFields } from './seller-fields';
import { SourceClassField } from './source-class-field';
import { WeightFields } from './weight-fields';

interface CollectionFieldsProps {
  draft: CollectionDraft;
  /** The grades to choose from: the active ones, and the draft's own even if retired. */
  grades: GradeView[];
  language: Language;
  set: (field: keyof CollectionDraft, value: string) => void;
  touch: (field: DraftField) => void;
  errorsOf: (field: DraftField) => string[];
}

/**
 * What a collection records, as the operator fills it in: grade, source
 * class, weights with the net worked out, seller, and the sale's details.
 * The collection form and the correction screen's corrected values.
 */
export function CollectionFields({
  draft,
  grades,
  language,
  set,
  touch,
  errorsOf,
}: CollectionFieldsProps): ReactElement {
  const grade = grades.find((g) => g.code === draft.grade);
  return (
    <>
      <GradePicker
        grades={grades.filter((g) => g.active || g.code === draft.grade)}
        value={draft.grade}
        onChange={(code) => set('grade', code)}
        errors={errorsOf('grade')}
      />
      {grade && (
        <SourceClassField
          grade={grade}
          value={draft.sourceClass}
          onChange={(value) => set('sourceClass', value)}
          errors={errorsOf('sourceClass')}
        />
      )}
      <WeightFields draft={draft} set={set} touch={touch} errorsOf={errorsOf} net={netOf(draft, language)} />
      <SellerFields
        draft={draft}
        set={set}
        touch={touch}
        errorsOf={errorsOf}
        idOk={idCheck(draft, language)?.ok === true}
      />
      <SaleFields draft={draft} set={set} touch={touch} errorsOf={errorsOf} />
    </>
  );
}
