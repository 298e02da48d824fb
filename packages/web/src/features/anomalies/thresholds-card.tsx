import { type AnomalyThresholds, type AnomalyThresholdsView, formatMassKg } from '@alutrace/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { ErrorNotice } from '../../components/error-notice';
import { Field } from '../../components/field';
import { FormAlert } from '../../components/form-alert';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormat } from '../../i18n/use-format';
import { type FieldErrors, formErrors, mergeFieldErrors, NO_FORM_ERRORS } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import {
  parseGrams,
  parsePercentPpm,
  parseSiteHours,
  parseWhole,
  ppmPercentText,
  siteHoursText,
} from './threshold-text';
import { useAnomaliesWords } from './use-anomalies-words';

type Values = Record<(typeof FIELDS)[number], string>;
const FIELDS = [
  'meltLossPpm',
  'transitTolerancePpm',
  'notReceivedDays',
  'sellerDailyG',
  'sellerMonthlyG',
  'siteCorrections30d',
  'userCorrections30d',
  'start',
  'end',
  'siteHours',
] as const;

function valuesOf(t: AnomalyThresholds): Values {
  // Whole tonnes as t (30t), anything else in kg.
  const kg = (g: number) => (g % 1_000_000 === 0 ? `${g / 1_000_000}t` : formatMassKg(g).replace(' kg', 'kg'));
  return {
    meltLossPpm: ppmPercentText(t.meltLossPpm),
    transitTolerancePpm: ppmPercentText(t.transitTolerancePpm),
    notReceivedDays: String(t.notReceivedDays),
    sellerDailyG: kg(t.sellerDailyG),
    sellerMonthlyG: kg(t.sellerMonthlyG),
    siteCorrections30d: String(t.siteCorrections30d),
    userCorrections30d: String(t.userCorrections30d),
    start: t.usualHours.start,
    end: t.usualHours.end,
    siteHours: siteHoursText(t.siteHours),
  };
}

/** The thresholds in force, and a form to change them (each change one ledger entry). */
export function ThresholdsCard(): ReactElement {
  const { w } = useAnomaliesWords();
  const trpc = useTRPC();
  const format = useFormat();
  const view = useQuery(trpc.anomalies.thresholds.queryOptions());
  return (
    <section className="card" aria-labelledby="thresholds-title" data-testid="thresholds-card">
      <h2 id="thresholds-title">{w.thresholds}</h2>
      <p className="hint">{w.thresholdsIntro}</p>
      {view.isPending && <LoadingNotice />}
      {view.isError && <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && (
        <>
          <p data-testid="thresholds-source">
            {view.data.setSeq === null || view.data.setAt === null
              ? w.thresholdsDefaults
              : w.thresholdsSet(view.data.setSeq, format.dateTime(view.data.setAt))}
          </p>
          <ThresholdsForm view={view.data} />
        </>
      )}
    </section>
  );
}

function ThresholdsForm({ view }: { view: AnomalyThresholdsView }): ReactElement {
  const { w, language } = useAnomaliesWords();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(view.thresholds));
  const [local, setLocal] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.anomalies.setThresholds.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.anomalies.thresholds.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.anomalies.list.queryKey() });
      },
    }),
  );
  const server = save.isError
    ? formErrors(save.error, language, {
        fields: [...FIELDS, 'usualHours'],
        texts: { unreachable: w.unreachable, checkFields: w.checkFields },
      })
    : NO_FORM_ERRORS;
  const errors = mergeFieldErrors(local, server.fields);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSaved(false);
    const problems: FieldErrors = {};
    const need = <T,>(field: string, value: T | null, problem: string): T | undefined => {
      if (value === null) problems[field] = [problem];
      return value ?? undefined;
    };
    const input = {
      meltLossPpm: need('meltLossPpm', parsePercentPpm(values.meltLossPpm), w.percentProblem),
      transitTolerancePpm: need('transitTolerancePpm', parsePercentPpm(values.transitTolerancePpm), w.percentProblem),
      notReceivedDays: need('notReceivedDays', parseWhole(values.notReceivedDays), w.wholeProblem),
      sellerDailyG: need('sellerDailyG', parseGrams(values.sellerDailyG), w.massProblem),
      sellerMonthlyG: need('sellerMonthlyG', parseGrams(values.sellerMonthlyG), w.massProblem),
      siteCorrections30d: need('siteCorrections30d', parseWhole(values.siteCorrections30d), w.wholeProblem),
      userCorrections30d: need('userCorrections30d', parseWhole(values.userCorrections30d), w.wholeProblem),
      usualHours: { start: values.start, end: values.end },
      siteHours: need('siteHours', parseSiteHours(values.siteHours), w.hoursProblem),
    };
    if (
      input.sellerDailyG !== undefined &&
      input.sellerMonthlyG !== undefined &&
      input.sellerDailyG > input.sellerMonthlyG
    ) {
      problems.sellerMonthlyG = [w.monthlyBelowDaily];
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(input);
  };

  const text = (field: (typeof FIELDS)[number], label: string, type: 'text' | 'time' = 'text') => (
    <Field
      label={label}
      errors={errors[field] ?? (field === 'start' || field === 'end' ? errors.usualHours : undefined)}
    >
      {(control) => (
        <input
          {...control}
          name={field}
          type={type}
          className="input"
          value={values[field]}
          onChange={(e) => setValues({ ...values, [field]: e.currentTarget.value })}
          autoComplete="off"
        />
      )}
    </Field>
  );

  return (
    <form className="thresholds-form" onSubmit={submit} noValidate data-testid="thresholds-form">
      <div className="thresholds-wide">
        <FormAlert message={Object.keys(local).length > 0 ? w.checkFields : server.general} />
      </div>
      {text('meltLossPpm', w.meltLoss)}
      {text('transitTolerancePpm', w.transit)}
      {text('notReceivedDays', w.notReceivedDays)}
      {text('sellerDailyG', w.sellerDaily)}
      {text('sellerMonthlyG', w.sellerMonthly)}
      {text('siteCorrections30d', w.siteCorrections)}
      {text('userCorrections30d', w.userCorrections)}
      {text('start', w.hoursStart, 'time')}
      {text('end', w.hoursEnd, 'time')}
      <div className="thresholds-wide">
        <Field label={w.siteHours} errors={errors.siteHours}>
          {(control) => (
            <textarea
              {...control}
              name="siteHours"
              className="input"
              rows={3}
              value={values.siteHours}
              onChange={(e) => setValues({ ...values, siteHours: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <div className="thresholds-wide">
        <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="thresholds-save">
          {save.isPending ? w.saving : w.save}
        </button>
        {saved && (
          <span className="notice-inline" role="status" data-testid="thresholds-saved">
            {' '}
            {w.saved}
          </span>
        )}
      </div>
    </form>
  );
}
