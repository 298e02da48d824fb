// The editable rows of a run: additions, outputs and by-products.
import {
  ADDITION_KIND_NAMES,
  ADDITION_KINDS,
  type AlloyView,
  BYPRODUCT_KIND_NAMES,
  BYPRODUCT_KINDS,
  type GradeView,
  PRODUCT_FORM_NAMES,
  PRODUCT_FORMS,
} from '@alutrace/shared';
import type { ReactElement } from 'react';
import { Field } from '../../components/field';
import { MassField } from '../lifecycle-forms/mass-field';
import { fieldProblems, type Problem } from '../lifecycle-forms/server-problem';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { processEn, processZh } from './process-words';
import { type AdditionRow, type ByproductRow, DROSS_HW_CODE, type OutputRow } from './run-draft';

let nextKey = 1;
export const rowKey = (): number => nextKey++;

const at = (problem: Problem | null, list: string, k: number, field: string) =>
  fieldProblems(problem, `${list}.${k}.${field}`, `${list}[${k}].${field}`);

export function AdditionRows({
  rows,
  onChange,
  problem,
}: {
  rows: AdditionRow[];
  onChange: (rows: AdditionRow[]) => void;
  problem: Problem | null;
}): ReactElement {
  const w = useWords(processZh, processEn);
  const lang = useLang();
  const set = (key: number, patch: Partial<AdditionRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <section className="lc-run-section">
      <h2>{w.additions}</h2>
      {rows.map((r, k) => (
        <div key={r.key} className="lc-row-grid" data-testid="addition-row">
          <Field label={w.additionKind}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={r.kind}
                onChange={(e) => set(r.key, { kind: e.target.value as AdditionRow['kind'] })}
              >
                {ADDITION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {ADDITION_KIND_NAMES[kind][lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <MassField
            label={w.mass}
            value={r.mass}
            onChange={(mass) => set(r.key, { mass })}
            errors={at(problem, 'additions', k, 'massG')}
            testId={`addition-mass-${k}`}
          />
          <RemoveButton onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />
        </div>
      ))}
      <AddButton
        onClick={() => onChange([...rows, { key: rowKey(), kind: 'primary_aluminium', mass: '' }])}
        testId="add-addition"
      >
        {w.addAddition}
      </AddButton>
    </section>
  );
}

export function OutputRows({
  rows,
  onChange,
  alloys,
  grades,
  problem,
}: {
  rows: OutputRow[];
  onChange: (rows: OutputRow[]) => void;
  alloys: AlloyView[];
  grades: GradeView[];
  problem: Problem | null;
}): ReactElement {
  const w = useWords(processZh, processEn);
  const lang = useLang();
  const set = (key: number, patch: Partial<OutputRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <section className="lc-run-section">
      <h2>{w.outputs}</h2>
      {rows.map((r, k) => {
        const scrap = r.form === 'sorted_scrap';
        const kindProblem =
          problem?.code === 'OUTPUT_KIND_MISSING' && problem.params.index === k ? [problem.message] : undefined;
        return (
          <div key={r.key} className="lc-row-grid" data-testid="output-row">
            <Field label={w.form}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={r.form}
                  onChange={(e) => set(r.key, { form: e.target.value as OutputRow['form'], code: '' })}
                  data-testid={`output-form-${k}`}
                >
                  {PRODUCT_FORMS.map((form) => (
                    <option key={form} value={form}>
                      {PRODUCT_FORM_NAMES[form][lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={scrap ? w.grade : w.alloy}
              errors={kindProblem ?? at(problem, 'outputs', k, scrap ? 'grade' : 'alloy')}
            >
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={r.code}
                  onChange={(e) => set(r.key, { code: e.target.value })}
                  data-testid={`output-code-${k}`}
                >
                  <option value="">{scrap ? w.chooseGrade : w.chooseAlloy}</option>
                  {scrap
                    ? grades
                        .filter((g) => g.active)
                        .map((g) => (
                          <option key={g.code} value={g.code}>
                            {g.code} {lang === 'zh' ? g.nameZh : g.nameEn}
                          </option>
                        ))
                    : alloys.map((a) => (
                        <option key={a.code} value={a.code}>
                          {a.code} ({a.standard})
                        </option>
                      ))}
                </select>
              )}
            </Field>
            <MassField
              label={w.mass}
              value={r.mass}
              onChange={(mass) => set(r.key, { mass })}
              errors={at(problem, 'outputs', k, 'massG')}
              testId={`output-mass-${k}`}
            />
            <RemoveButton onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />
          </div>
        );
      })}
      <AddButton
        onClick={() => onChange([...rows, { key: rowKey(), form: 'ingot', code: '', mass: '' }])}
        testId="add-output"
      >
        {w.addOutput}
      </AddButton>
    </section>
  );
}

export function ByproductRows({
  rows,
  onChange,
  problem,
}: {
  rows: ByproductRow[];
  onChange: (rows: ByproductRow[]) => void;
  problem: Problem | null;
}): ReactElement {
  const w = useWords(processZh, processEn);
  const lang = useLang();
  const set = (key: number, patch: Partial<ByproductRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <section className="lc-run-section">
      <h2>{w.byproducts}</h2>
      {rows.map((r, k) => (
        <div key={r.key} className="lc-row-grid" data-testid="byproduct-row">
          <Field label={w.byproductKind}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={r.kind}
                onChange={(e) => {
                  const kind = e.target.value as ByproductRow['kind'];
                  set(r.key, { kind, hwCode: kind === 'dross' ? DROSS_HW_CODE : r.hwCode });
                }}
              >
                {BYPRODUCT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {BYPRODUCT_KIND_NAMES[kind][lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <MassField
            label={w.mass}
            value={r.mass}
            onChange={(mass) => set(r.key, { mass })}
            errors={at(problem, 'byproducts', k, 'massG')}
            testId={`byproduct-mass-${k}`}
          />
          <Field label={w.hwCode} hint={w.hwHint} errors={at(problem, 'byproducts', k, 'hazardousWasteCode')}>
            {(control) => (
              <input
                {...control}
                className="input input-code"
                value={r.hwCode}
                onChange={(e) => set(r.key, { hwCode: e.target.value })}
                data-testid={`byproduct-hw-${k}`}
              />
            )}
          </Field>
          <RemoveButton onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />
        </div>
      ))}
      <AddButton
        onClick={() => onChange([...rows, { key: rowKey(), kind: 'dross', mass: '', hwCode: DROSS_HW_CODE }])}
        testId="add-byproduct"
      >
        {w.addByproduct}
      </AddButton>
    </section>
  );
}

function RemoveButton({ onClick }: { onClick: () => void }): ReactElement {
  const w = useWords(processZh, processEn);
  return (
    <button type="button" className="button button-small lc-row-remove" onClick={onClick}>
      {w.remove}
    </button>
  );
}

function AddButton({
  onClick,
  children,
  testId,
}: {
  onClick: () => void;
  children: string;
  testId: string;
}): ReactElement {
  return (
    <button type="button" className="button button-small" onClick={onClick} data-testid={testId}>
      + {children}
    </button>
  );
}
