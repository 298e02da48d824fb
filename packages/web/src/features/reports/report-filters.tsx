// The filters of a report page: period, dates, up to two groupings and the
// report's own filters. The form edits a copy; "Show" puts it in the address,
// which the page reads (so the export links and a reload see the same).
// Problems show next to their field: the form's own checks at once, and the
// server's answer to the last query.
import {
  BAISE_DISTRICTS,
  formatScaled,
  GRADE_FAMILIES,
  GRADE_FAMILY_NAMES,
  PARK_NAMES,
  PARKS,
  PERIOD_GRANULARITIES,
  SOURCE_CLASS_NAMES,
  SOURCE_CLASSES,
} from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { useMe } from '../../auth/use-session';
import { Field } from '../../components/field';
import { useNames } from '../../i18n/use-names';
import { type FieldErrors, mergeFieldErrors } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import type { FilterKey, ReportSpec } from './report-catalogue';
import type { ReportFilterValues } from './report-query';
import { type ReportWords, reportEn, reportZh } from './report-words';
import { useOwnReportSite } from './use-report';

interface ReportFiltersProps {
  spec: ReportSpec;
  values: ReportFilterValues;
  /** Problems the server found with the last query, by field. */
  serverErrors: FieldErrors;
  onApply: (values: ReportFilterValues) => void;
  onReset: () => void;
}

function ownChecks(values: ReportFilterValues, w: ReportWords): FieldErrors {
  const errors: FieldErrors = {};
  if (values.from && values.to && values.from > values.to) errors.to = [w.fromAfterTo];
  if (values.group1 && values.group1 === values.group2) errors.group2 = [w.sameDims];
  return errors;
}

function Choice({
  label,
  value,
  onChange,
  options,
  anyLabel,
  errors,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  anyLabel?: string;
  errors?: string[] | undefined;
  testId: string;
}): ReactElement {
  return (
    <Field label={label} errors={errors}>
      {(control) => (
        <select
          {...control}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        >
          {anyLabel !== undefined && <option value="">{anyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function ReportFilters({ spec, values, serverErrors, onApply, onReset }: ReportFiltersProps): ReactElement {
  const w = useWords(reportZh, reportEn);
  const lang = useLang();
  const names = useNames();
  const trpc = useTRPC();
  const [draft, setDraft] = useState(values);
  const [checked, setChecked] = useState(false);
  const wants = (key: FilterKey) => spec.filters.includes(key);
  const sites = useQuery({
    ...trpc.sites.list.queryOptions(undefined, { staleTime: 300_000 }),
    enabled: wants('site'),
  });
  const grades = useQuery({
    ...trpc.grades.list.queryOptions({ includeInactive: true }, { staleTime: 300_000 }),
    enabled: wants('grade'),
  });
  // Operating roles read only their own sites' figures: only those are offered, and one must be named.
  const me = useMe();
  const ownOnly = useOwnReportSite() !== undefined;
  const siteChoices = (sites.data ?? []).filter((s) => !ownOnly || me?.sites.some((m) => m.code === s.code));
  const factors = useQuery({
    ...trpc.reports.emissionFactors.queryOptions(undefined, { staleTime: 300_000 }),
    enabled: wants('factorVersion'),
  });
  const own = ownChecks(draft, w);
  const errors = mergeFieldErrors(checked ? own : {}, serverErrors);
  const set = (key: string) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const dimOptions = spec.dims.map((d) => ({ value: d, label: w.dims[d as keyof ReportWords['dims']] ?? d }));

  function submit(event: FormEvent): void {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(own).length === 0) onApply(draft);
  }

  return (
    <form
      className="card report-filters no-print"
      onSubmit={submit}
      aria-label={w.filters}
      data-testid="report-filters"
    >
      <div className="report-filter-grid">
        {spec.periods && (
          <Choice
            label={w.period}
            value={draft.period ?? 'month'}
            onChange={set('period')}
            options={PERIOD_GRANULARITIES.map((p) => ({ value: p, label: w.periods[p] }))}
            errors={errors.period}
            testId="filter-period"
          />
        )}
        <Field label={w.from} errors={errors.from}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={draft.from}
              onChange={(e) => set('from')(e.target.value)}
              data-testid="filter-from"
            />
          )}
        </Field>
        <Field label={w.to} errors={errors.to}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={draft.to}
              onChange={(e) => set('to')(e.target.value)}
              data-testid="filter-to"
            />
          )}
        </Field>
        {spec.maxGroups >= 1 && (
          <Choice
            label={w.groupBy}
            value={draft.group1 ?? ''}
            onChange={set('group1')}
            options={dimOptions}
            anyLabel={w.noGroup}
            errors={errors.groupBy}
            testId="filter-group1"
          />
        )}
        {spec.maxGroups >= 2 && (
          <Choice
            label={w.thenBy}
            value={draft.group2 ?? ''}
            onChange={set('group2')}
            options={dimOptions}
            anyLabel={w.noGroup}
            errors={errors.group2}
            testId="filter-group2"
          />
        )}
        {wants('site') && (
          <Choice
            label={w.site}
            value={draft.site ?? ''}
            onChange={set('site')}
            options={siteChoices.map((s) => ({ value: s.code, label: names.siteLabel(s) }))}
            {...(ownOnly ? {} : { anyLabel: w.any })}
            errors={errors.site}
            testId="filter-site"
          />
        )}
        {wants('district') && (
          <Choice
            label={w.district}
            value={draft.district ?? ''}
            onChange={set('district')}
            options={BAISE_DISTRICTS.map((d) => ({ value: d.zh, label: d[lang] }))}
            anyLabel={w.any}
            errors={errors.district}
            testId="filter-district"
          />
        )}
        {wants('park') && (
          <Choice
            label={w.park}
            value={draft.park ?? ''}
            onChange={set('park')}
            options={PARKS.map((p) => ({ value: p, label: PARK_NAMES[p][lang] }))}
            anyLabel={w.any}
            errors={errors.park}
            testId="filter-park"
          />
        )}
        {wants('grade') && (
          <Choice
            label={w.grade}
            value={draft.grade ?? ''}
            onChange={set('grade')}
            options={(grades.data ?? []).map((g) => ({
              value: g.code,
              label: `${g.code} ${lang === 'zh' ? g.nameZh : g.nameEn}`,
            }))}
            anyLabel={w.any}
            errors={errors.grade}
            testId="filter-grade"
          />
        )}
        {wants('family') && (
          <Choice
            label={w.family}
            value={draft.family ?? ''}
            onChange={set('family')}
            options={GRADE_FAMILIES.map((f) => ({ value: f, label: GRADE_FAMILY_NAMES[f][lang] }))}
            anyLabel={w.any}
            errors={errors.family}
            testId="filter-family"
          />
        )}
        {wants('sourceClass') && (
          <Choice
            label={w.sourceClass}
            value={draft.sourceClass ?? ''}
            onChange={set('sourceClass')}
            options={SOURCE_CLASSES.map((c) => ({ value: c, label: SOURCE_CLASS_NAMES[c][lang] }))}
            anyLabel={w.any}
            errors={errors.sourceClass}
            testId="filter-source-class"
          />
        )}
        {wants('status') && (
          <Choice
            label={w.status}
            value={draft.status || 'all'}
            onChange={set('status')}
            options={(['all', 'open', 'resolved'] as const).map((s) => ({ value: s, label: w.statuses[s] }))}
            errors={errors.status}
            testId="filter-status"
          />
        )}
        {wants('factorVersion') && (
          <Choice
            label={w.factorVersion}
            value={draft.factorVersion ?? ''}
            onChange={set('factorVersion')}
            options={(factors.data ?? []).map((f) => ({
              value: String(f.version),
              // kg CO2e per t, shown as t per t: 13200 → 13.2.
              label: w.factorOption(f.version, formatScaled(f.primaryKgPerT, 3), formatScaled(f.recycledKgPerT, 3)),
            }))}
            anyLabel={w.latestFactors}
            errors={errors.factorVersion}
            testId="filter-factor-version"
          />
        )}
        {wants('asOf') && (
          <Field label={w.asOf} errors={errors.asOf}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="date"
                value={draft.asOf ?? ''}
                onChange={(e) => set('asOf')(e.target.value)}
                data-testid="filter-as-of"
              />
            )}
          </Field>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="filter-apply">
          {w.apply}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setChecked(false);
            onReset();
          }}
        >
          {w.reset}
        </button>
      </div>
    </form>
  );
}
