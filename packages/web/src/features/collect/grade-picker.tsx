import type { GradeView } from '@alutrace/shared';
import { type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLotWords } from '../lots/use-lot-words';

interface GradePickerProps {
  grades: GradeView[];
  value: string;
  onChange: (code: string) => void;
  errors: string[];
}

function matches(grade: GradeView, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [grade.code, grade.nameZh, grade.nameEn, grade.isri ?? ''].some((text) => text.toLowerCase().includes(q));
}

/** The active grades as big radio rows, narrowed by a search over code and both names; the chosen one always shows. */
export function GradePicker({ grades, value, onChange, errors }: GradePickerProps): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  const id = useId();
  const [query, setQuery] = useState('');
  const shown = grades.filter((g) => g.code === value || matches(g, query));
  const errorId = errors.length ? `${id}-error` : undefined;
  // The chosen grade (the last one used, or the entry's) in sight in the list, without moving the page.
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = list.current;
    const chosen = value ? box?.querySelector(`input[value="${CSS.escape(value)}"]`)?.closest('label') : null;
    if (!box || !chosen) return;
    const top = chosen.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + chosen.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top;
  }, [value]);
  return (
    <fieldset
      className={errorId ? 'field field-invalid grade-picker' : 'field grade-picker'}
      aria-describedby={errorId}
      data-testid="grade-picker"
    >
      <legend>{t('collect.grade')}</legend>
      <input
        className="input"
        type="search"
        aria-label={t('collect.gradeSearch')}
        placeholder={t('collect.gradeSearch')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="grade-options" role="radiogroup" aria-label={t('collect.grade')} ref={list}>
        {shown.map((grade) => (
          <label
            key={grade.code}
            className={grade.code === value ? 'grade-option grade-option-chosen' : 'grade-option'}
          >
            <input
              type="radio"
              name={`${id}-grade`}
              value={grade.code}
              checked={grade.code === value}
              onChange={() => onChange(grade.code)}
            />
            <span className="grade-code">{grade.code}</span>
            <span className="grade-name">{words.gradeName(grade)}</span>
          </label>
        ))}
        {shown.length === 0 && <p className="empty">{t('collect.gradeNone')}</p>}
      </div>
      {errorId && (
        <p className="field-error" id={errorId}>
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
