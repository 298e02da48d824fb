// The sample's parameters: the signed checkpoint (newest first), how many
// lots per stratum, the strata, and the scope (sites, lot kinds, a range of
// lot dates). Checked here first, each problem next to its field in the
// reader's language; the server checks again.
import { type AuditCheckpointView, LOT_KINDS, type LotKind, type SiteView, type WitnessView } from '@alutrace/shared';
import { type FormEvent, type ReactElement, useState } from 'react';
import { Field } from '../../components/field';
import { SubmitActions } from '../../components/form-actions';
import { FormAlert } from '../../components/form-alert';
import { useNames } from '../../i18n/use-names';
import type { FieldErrors } from '../../lib/form-errors';
import { useWords } from '../lifecycle-forms/use-words';
import type { SampleQuery } from './sample-query';
import { sampleEn, sampleZh } from './sample-words';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (d: string): boolean => DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

const OTHER = 'other';

interface Draft {
  /** A listed tree size, or OTHER: then `otherSize`. */
  size: string;
  otherSize: string;
  count: string;
  strata: SampleQuery['strata'];
  sites: string[];
  kinds: LotKind[];
  from: string;
  to: string;
}

export function SampleForm({
  initial,
  checkpoints,
  witnesses,
  sites,
  pending,
  serverError,
  onDraw,
}: {
  initial: SampleQuery | null;
  checkpoints: AuditCheckpointView[];
  /** The officials' witnesses, each with the largest checkpoint it cosigned. */
  witnesses: WitnessView[];
  sites: SiteView[];
  pending: boolean;
  serverError: { general: string | null; size: string[] | undefined };
  onDraw: (q: SampleQuery) => void;
}): ReactElement {
  const w = useWords(sampleZh, sampleEn);
  const names = useNames();
  const cosigned = witnesses.flatMap((x) => (x.latest ? [{ name: x.name, treeSize: x.latest.treeSize }] : []));
  const listed = new Set([...checkpoints.map((c) => c.treeSize), ...cosigned.map((c) => c.treeSize)]);
  const [d, setD] = useState<Draft>(() => ({
    size:
      initial && !listed.has(initial.treeSize) ? OTHER : String(initial?.treeSize ?? checkpoints[0]?.treeSize ?? OTHER),
    otherSize: initial && !listed.has(initial.treeSize) ? String(initial.treeSize) : '',
    count: String(initial?.count ?? 5),
    strata: initial?.strata ?? 'site',
    sites: initial?.sites ?? [],
    kinds: initial?.kinds ?? [],
    from: initial?.from ?? '',
    to: initial?.to ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));
  // Lots are made at collection points and recyclers only.
  const lotSites = sites.filter((s) => s.kind === 'collection_point' || s.kind === 'recycler');

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found: FieldErrors = {};
    const sizeText = d.size === OTHER ? d.otherSize.trim() : d.size;
    if (!/^[1-9][0-9]*$/.test(sizeText)) found.size = [w.sizeProblem];
    const count = /^[0-9]+$/.test(d.count.trim()) ? Number(d.count.trim()) : Number.NaN;
    if (!Number.isInteger(count) || count < 1 || count > 500) found.count = [w.countProblem];
    if (d.from && !validDay(d.from)) found.from = [w.dateProblem];
    if (d.to && !validDay(d.to)) found.to = [w.dateProblem];
    if (!found.from && !found.to && d.from && d.to && d.from > d.to) found.to = [w.rangeProblem];
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onDraw({
      treeSize: Number(sizeText),
      count,
      strata: d.strata,
      sites: [...d.sites].sort(),
      kinds: [...d.kinds].sort(),
      from: d.from || null,
      to: d.to || null,
    });
  }

  return (
    <form className="form form-columns" onSubmit={submit} noValidate data-testid="sample-form">
      <FormAlert message={serverError.general} />
      <Field label={w.checkpoint} hint={w.checkpointHint} errors={errors.size ?? serverError.size}>
        {(c) => (
          <select
            {...c}
            className="input"
            value={d.size}
            onChange={(e) => set('size', e.target.value)}
            data-testid="sample-checkpoint"
          >
            {cosigned.length > 0 && (
              <optgroup label={w.cosignedGroup}>
                {cosigned.map((c) => (
                  <option key={`${c.name}-${c.treeSize}`} value={c.treeSize}>
                    {w.cosignedOption(c.treeSize, c.name)}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={w.newestGroup}>
              {checkpoints.map((cp) => (
                <option key={cp.treeSize} value={cp.treeSize}>
                  {w.checkpointOption(
                    cp.treeSize,
                    cp.createdAt.slice(0, 16).replace('T', ' '),
                    cp.rootHash.slice(0, 8),
                  )}
                </option>
              ))}
            </optgroup>
            <option value={OTHER}>{w.otherSize}</option>
          </select>
        )}
      </Field>
      {d.size === OTHER && (
        <Field label={w.treeSize} hint={w.treeSizeHint}>
          {(c) => (
            <input
              {...c}
              className="input"
              inputMode="numeric"
              value={d.otherSize}
              onChange={(e) => set('otherSize', e.target.value)}
              data-testid="sample-tree-size"
            />
          )}
        </Field>
      )}
      <Field label={w.count} hint={w.countHint} errors={errors.count}>
        {(c) => (
          <input
            {...c}
            className="input"
            inputMode="numeric"
            value={d.count}
            onChange={(e) => set('count', e.target.value)}
            data-testid="sample-count"
          />
        )}
      </Field>
      <Field label={w.strata}>
        {(c) => (
          <select
            {...c}
            className="input"
            value={d.strata}
            onChange={(e) => set('strata', e.target.value as Draft['strata'])}
            data-testid="sample-strata"
          >
            <option value="none">{w.strataNone}</option>
            <option value="site">{w.strataSite}</option>
            <option value="kind">{w.strataKind}</option>
          </select>
        )}
      </Field>
      <Field label={w.from} hint={w.dateHint} errors={errors.from}>
        {(c) => (
          <input
            {...c}
            className="input"
            placeholder="2026-01-01"
            value={d.from}
            onChange={(e) => set('from', e.target.value.trim())}
            data-testid="sample-from"
          />
        )}
      </Field>
      <Field label={w.to} errors={errors.to}>
        {(c) => (
          <input
            {...c}
            className="input"
            placeholder="2026-12-31"
            value={d.to}
            onChange={(e) => set('to', e.target.value.trim())}
            data-testid="sample-to"
          />
        )}
      </Field>
      <fieldset className="field choices" data-testid="sample-kinds">
        <legend>{w.kinds}</legend>
        <ul className="choice-list">
          {LOT_KINDS.map((k) => (
            <li key={k}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={d.kinds.includes(k)}
                  onChange={(e) => set('kinds', e.target.checked ? [...d.kinds, k] : d.kinds.filter((x) => x !== k))}
                />
                {w.kindNames[k]}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="field choices" data-testid="sample-sites">
        <legend>{w.sites}</legend>
        <ul className="choice-list">
          {lotSites.map((s) => (
            <li key={s.code}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  value={s.code}
                  checked={d.sites.includes(s.code)}
                  onChange={(e) =>
                    set('sites', e.target.checked ? [...d.sites, s.code] : d.sites.filter((x) => x !== s.code))
                  }
                />
                <code>{s.code}</code> {names.site(s)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitActions pending={pending} label={w.draw} pendingLabel={w.drawing} />
    </form>
  );
}
