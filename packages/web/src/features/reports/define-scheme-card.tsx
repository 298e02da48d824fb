// An administrator's form for an incentive scheme: names, period, the rates
// per tonne by grade family and/or source class, the eligible site kinds and
// the cap per enterprise. Saving records it in the ledger; the server refuses
// a change to a scheme a statement was issued under.
import {
  GRADE_FAMILIES,
  GRADE_FAMILY_NAMES,
  INCENTIVE_SITE_KINDS,
  type IncentiveSiteKind,
  SOURCE_CLASS_NAMES,
  SOURCE_CLASSES,
} from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { Field } from '../../components/field';
import { SubmitActions } from '../../components/form-actions';
import { FormAlert } from '../../components/form-alert';
import { type FieldErrors, mergeFieldErrors } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { useFormErrors } from '../../lib/use-form-errors';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { incentiveEn, incentiveZh } from './incentive-words';
import { fenOfYuan } from './typed-amounts';

interface RateRow {
  family: string;
  sourceClass: string;
  yuan: string;
}

const FIELDS = ['code', 'nameZh', 'nameEn', 'from', 'to', 'rates', 'siteKinds', 'capFen'];

export function DefineSchemeCard(): ReactElement {
  const w = useWords(incentiveZh, incentiveEn);
  const lang = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rates, setRates] = useState<RateRow[]>([{ family: '', sourceClass: '', yuan: '' }]);
  const [kinds, setKinds] = useState<IncentiveSiteKind[]>(['collection_point']);
  const [cap, setCap] = useState('');
  const [checks, setChecks] = useState<FieldErrors>({});
  const define = useMutation(
    trpc.incentives.defineScheme.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.incentives.schemes.queryKey() }),
    }),
  );
  const server = useFormErrors(define.error, { fields: FIELDS });
  const errors = mergeFieldErrors(checks, server.fields);

  function submit(event: FormEvent): void {
    event.preventDefault();
    define.reset();
    const found: FieldErrors = {};
    const rateFen = rates.map((r) => fenOfYuan(r.yuan));
    if (rateFen.some((f) => f === null)) found.rates = [w.yuanProblem];
    const capFen = fenOfYuan(cap);
    if (capFen === null) found.capFen = [w.yuanProblem];
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    define.mutate({
      code: code.trim(),
      nameZh: nameZh.trim(),
      nameEn: nameEn.trim(),
      from,
      to,
      rates: rates.map((r, i) => ({
        family: (r.family || null) as never,
        sourceClass: (r.sourceClass || null) as never,
        rateFenPerT: rateFen[i] as number,
      })),
      siteKinds: kinds,
      capFen: capFen as number,
    });
  }

  const setRate = (i: number, patch: Partial<RateRow>) =>
    setRates((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section className="card no-print" aria-labelledby="define-scheme">
      <h2 id="define-scheme">{w.defineTitle}</h2>
      <p className="hint">{w.defineHint}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="define-scheme">
        <FormAlert message={server.general} />
        {define.isSuccess && (
          <p className="notice notice-plain" role="status" data-testid="scheme-saved">
            {w.schemeSaved(define.variables?.code ?? '')}
          </p>
        )}
        <div className="report-filter-grid">
          <Field label={w.code} errors={errors.code}>
            {(c) => (
              <input
                {...c}
                className="input input-code"
                value={code}
                onChange={(e) => setCode(e.target.value.toUpperCase())}
              />
            )}
          </Field>
          <Field label={w.nameZh} errors={errors.nameZh}>
            {(c) => <input {...c} className="input" value={nameZh} onChange={(e) => setNameZh(e.target.value)} />}
          </Field>
          <Field label={w.nameEn} errors={errors.nameEn}>
            {(c) => <input {...c} className="input" value={nameEn} onChange={(e) => setNameEn(e.target.value)} />}
          </Field>
          <Field label={w.from} errors={errors.from}>
            {(c) => (
              <input {...c} className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <Field label={w.to} errors={errors.to}>
            {(c) => <input {...c} className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
          </Field>
          <Field label={w.capYuan} errors={errors.capFen}>
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={cap}
                onChange={(e) => setCap(e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset className="field">
          <legend>{w.siteKinds}</legend>
          {INCENTIVE_SITE_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input
                type="checkbox"
                checked={kinds.includes(k)}
                onChange={(e) => setKinds((ks) => (e.target.checked ? [...ks, k] : ks.filter((x) => x !== k)))}
              />
              {w.siteKindNames[k]}
            </label>
          ))}
          {errors.siteKinds && <p className="field-error">{errors.siteKinds.join(' ')}</p>}
        </fieldset>
        <fieldset className="field">
          <legend>{w.rates}</legend>
          {rates.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and removed by position.
            <div key={i} className="report-filter-grid scheme-rate-row">
              <Field label={w.family}>
                {(c) => (
                  <select
                    {...c}
                    className="input"
                    value={r.family}
                    onChange={(e) => setRate(i, { family: e.target.value })}
                  >
                    <option value="">{w.rateAny}</option>
                    {GRADE_FAMILIES.map((f) => (
                      <option key={f} value={f}>
                        {GRADE_FAMILY_NAMES[f][lang]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={w.sourceClass}>
                {(c) => (
                  <select
                    {...c}
                    className="input"
                    value={r.sourceClass}
                    onChange={(e) => setRate(i, { sourceClass: e.target.value })}
                  >
                    <option value="">{w.rateAny}</option>
                    {SOURCE_CLASSES.map((s) => (
                      <option key={s} value={s}>
                        {SOURCE_CLASS_NAMES[s][lang]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={w.rateYuan}>
                {(c) => (
                  <input
                    {...c}
                    className="input"
                    inputMode="decimal"
                    value={r.yuan}
                    onChange={(e) => setRate(i, { yuan: e.target.value })}
                  />
                )}
              </Field>
              {rates.length > 1 && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setRates((rows) => rows.filter((_, j) => j !== i))}
                >
                  {w.removeRate}
                </button>
              )}
            </div>
          ))}
          {errors.rates && <p className="field-error">{errors.rates.join(' ')}</p>}
          <button
            type="button"
            className="button button-small"
            onClick={() => setRates((rows) => [...rows, { family: '', sourceClass: '', yuan: '' }])}
          >
            {w.addRate}
          </button>
        </fieldset>
        <SubmitActions pending={define.isPending} label={w.saveScheme} />
      </form>
    </section>
  );
}
