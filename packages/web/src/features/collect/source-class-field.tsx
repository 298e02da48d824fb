import { type GradeView, SOURCE_CLASSES, type SourceClass } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { useLotWords } from '../lots/use-lot-words';

/** Post- or pre-consumer, the grade's default marked and chosen while nothing else is. */
export function SourceClassField({
  grade,
  value,
  onChange,
  errors,
}: {
  grade: GradeView;
  value: SourceClass | '';
  onChange: (value: SourceClass) => void;
  errors: string[];
}): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  return (
    <Field label={t('collect.sourceClass')} errors={errors}>
      {(control) => (
        <select
          {...control}
          className="input"
          data-testid="collect-source-class"
          value={value || grade.defaultSourceClass}
          onChange={(event) => onChange(event.target.value as SourceClass)}
        >
          {SOURCE_CLASSES.map((sc) => (
            <option key={sc} value={sc}>
              {words.sourceClass(sc)}
              {sc === grade.defaultSourceClass ? ` ${t('collect.sourceClassDefault')}` : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
