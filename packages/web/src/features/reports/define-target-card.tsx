// The form that defines a target, or redefines or withdraws one: typing the
// code of a target in force fills in its definition, and the new entry names
// the one it replaces (the server refuses with TARGET_STALE if someone else
// replaced it meanwhile). Values are typed in tonnes or percent and sent in
// grams or ppm.
import {
  BAISE_DISTRICTS,
  isRatioMetric,
  TARGET_METRIC_NAMES,
  TARGET_METRICS,
  type TargetMetric,
  type TargetView,
} from '@alutrace/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { Field } from '../../components/field';
import { SubmitActions } from '../../components/form-actions';
import { FormAlert } from '../../components/form-alert';
import { useNames } from '../../i18n/use-names';
import { type FieldErrors, mergeFieldErrors } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { useFormErrors } from '../../lib/use-form-errors';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { formatScaledPlain } from './format-cell';
import { targetEn, targetZh } from './target-words';
import { gramsOfTonnes, ppmOfPercent } from './typed-amounts';

const FIELDS = ['code', 'nameZh', 'nameEn', 'metric', 'scope', 'period', 'comparison', 'value', 'supersedes'];

interface Draft {
  code: string;
  nameZh: string;
  nameEn: string;
  metric: TargetMetric;
  scopeKind: 'all' | 'site' | 'district';
  site: string;
  district: string;
  period: string;
  comparison: 'at_least' | 'at_most';
  value: string;
  withdraw: boolean;
}

const EMPTY: Draft = {
  code: '',
  nameZh: '',
  nameEn: '',
  metric: 'produced',
  scopeKind: 'all',
  site: '',
  district: '',
  period: '',
  comparison: 'at_least',
  value: '',
  withdraw: false,
};

function draftOf(t: TargetView): Draft {
  return {
    code: t.code,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    metric: t.metric,
    scopeKind: t.scope.kind,
    site: t.scope.kind === 'site' ? t.scope.site : '',
    district: t.scope.kind === 'district' ? t.scope.district : '',
    period: t.period,
    comparison: t.comparison,
    value: isRatioMetric(t.metric) ? formatScaledPlain(t.value, 4) : formatScaledPlain(t.value, 6),
    withdraw: false,
  };
}

export function DefineTargetCard({ targets }: { targets: TargetView[] }): ReactElement {
  const w = useWords(targetZh, targetEn);
  const lang = useLang();
  const names = useNames();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sites = useQuery(trpc.sites.list.queryOptions(undefined, { staleTime: 300_000 }));
  const [d, setD] = useState<Draft>(EMPTY);
  const [checks, setChecks] = useState<FieldErrors>({});
  const define = useMutation(
    trpc.targets.define.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() }),
    }),
  );
  const server = useFormErrors(define.error, { fields: FIELDS, codeFields: { TARGET_STALE: 'code' } });
  const errors = mergeFieldErrors(checks, server.fields);
  const existing = targets.find((t) => t.code === d.code.trim());
  const ratio = isRatioMetric(d.metric);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));

  function setCode(code: string): void {
    const found = targets.find((t) => t.code === code);
    setD(found ? draftOf(found) : { ...d, code });
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    define.reset();
    const found: FieldErrors = {};
    const value = ratio ? ppmOfPercent(d.value) : gramsOfTonnes(d.value);
    if (value === null) found.value = [ratio ? w.valueProblemPct : w.valueProblemT];
    if (d.scopeKind === 'site' && !d.site) found.scope = [w.chooseSite];
    if (d.scopeKind === 'district' && !d.district) found.scope = [w.chooseDistrict];
    setChecks(found);
    if (Object.keys(found).length > 0 || value === null) return;
    define.mutate({
      code: d.code.trim(),
      nameZh: d.nameZh.trim(),
      nameEn: d.nameEn.trim(),
      metric: d.metric,
      scope:
        d.scopeKind === 'site'
          ? { kind: 'site', site: d.site }
          : d.scopeKind === 'district'
            ? { kind: 'district', district: d.district }
            : { kind: 'all' },
      period: d.period.trim(),
      comparison: d.comparison,
      value,
      active: !d.withdraw,
      ...(existing ? { supersedes: existing.seq } : {}),
    });
  }

  return (
    <section className="card no-print" aria-labelledby="define-target">
      <h2 id="define-target">{w.defineTitle}</h2>
      <p className="hint">{w.defineHint}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="define-target">
        <FormAlert message={server.general} />
        {define.isSuccess && (
          <p className="notice notice-plain" role="status" data-testid="target-saved">
            {w.saved(define.variables?.code ?? '')}
          </p>
        )}
        <div className="report-filter-grid">
          <Field
            label={w.code}
            errors={errors.code}
            hint={existing ? w.redefines(existing.code, existing.seq) : undefined}
          >
            {(c) => (
              <input
                {...c}
                className="input input-code"
                list="target-codes"
                value={d.code}
                onChange={(e) => setCode(e.target.value.toUpperCase())}
                data-testid="target-code"
              />
            )}
          </Field>
          <datalist id="target-codes">
            {targets.map((t) => (
              <option key={t.code} value={t.code} />
            ))}
          </datalist>
          <Field label={w.nameZh} errors={errors.nameZh}>
            {(c) => <input {...c} className="input" value={d.nameZh} onChange={(e) => set('nameZh', e.target.value)} />}
          </Field>
          <Field label={w.nameEn} errors={errors.nameEn}>
            {(c) => <input {...c} className="input" value={d.nameEn} onChange={(e) => set('nameEn', e.target.value)} />}
          </Field>
          <Field label={w.metric} errors={errors.metric}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={d.metric}
                onChange={(e) => set('metric', e.target.value as TargetMetric)}
              >
                {TARGET_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {TARGET_METRIC_NAMES[m][lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={w.scopeKind} errors={errors.scope}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={d.scopeKind}
                onChange={(e) => set('scopeKind', e.target.value as Draft['scopeKind'])}
              >
                <option value="all">{w.scopeAll}</option>
                <option value="site">{w.site}</option>
                <option value="district">{w.district}</option>
              </select>
            )}
          </Field>
          {d.scopeKind === 'site' && (
            <Field label={w.site}>
              {(c) => (
                <select {...c} className="input" value={d.site} onChange={(e) => set('site', e.target.value)}>
                  <option value="">{w.chooseSite}</option>
                  {(sites.data ?? []).map((s) => (
                    <option key={s.code} value={s.code}>
                      {names.siteLabel(s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {d.scopeKind === 'district' && (
            <Field label={w.district}>
              {(c) => (
                <select {...c} className="input" value={d.district} onChange={(e) => set('district', e.target.value)}>
                  <option value="">{w.chooseDistrict}</option>
                  {BAISE_DISTRICTS.map((x) => (
                    <option key={x.zh} value={x.zh}>
                      {x[lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label={w.period} errors={errors.period} hint={w.periodHint}>
            {(c) => (
              <input
                {...c}
                className="input"
                value={d.period}
                onChange={(e) => set('period', e.target.value)}
                data-testid="target-period"
              />
            )}
          </Field>
          <Field label={w.comparison} errors={errors.comparison}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={d.comparison}
                onChange={(e) => set('comparison', e.target.value as Draft['comparison'])}
              >
                <option value="at_least">{w.atLeast}</option>
                <option value="at_most">{w.atMost}</option>
              </select>
            )}
          </Field>
          <Field label={ratio ? w.valuePercent : w.valueTonnes} errors={errors.value}>
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={d.value}
                onChange={(e) => set('value', e.target.value)}
                data-testid="target-value"
              />
            )}
          </Field>
        </div>
        {existing && (
          <label className="checkbox">
            <input type="checkbox" checked={d.withdraw} onChange={(e) => set('withdraw', e.target.checked)} />
            {w.withdraw}
          </label>
        )}
        <SubmitActions pending={define.isPending} label={w.save} />
      </form>
    </section>
  );
}
