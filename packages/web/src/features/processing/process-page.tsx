// /process: a processing run (processing.record) with its live mass balance
// (rules 3 and 4), warned about before saving when the ledger will flag it.
import '../lifecycle-forms/lifecycle.css';
import {
  type LotView,
  PROCESS_KIND_NAMES,
  PROCESS_KINDS,
  type ProcessKind,
  type RecordedView,
  runBalance,
} from '@alutrace/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { Field } from '../../components/field';
import { useTRPC } from '../../lib/trpc';
import { ActingSitePicker } from '../lifecycle-forms/acting-site-picker';
import { CameraScanner } from '../lifecycle-forms/camera-scanner';
import { commonEn, commonZh } from '../lifecycle-forms/common-words';
import { LotEntryField } from '../lifecycle-forms/lot-entry-field';
import { LotFacts } from '../lifecycle-forms/lot-facts';
import { useLotNames } from '../lifecycle-forms/lot-names';
import { MassField } from '../lifecycle-forms/mass-field';
import { kgText } from '../lifecycle-forms/mass-text';
import { InlineProblem, ProblemNotice } from '../lifecycle-forms/problem-notice';
import { RecordedLots } from '../lifecycle-forms/recorded-lots';
import { fieldProblems, namesAField, problemForLot, useDescribeProblem } from '../lifecycle-forms/server-problem';
import { useActingSite } from '../lifecycle-forms/use-acting-site';
import { useIdempotencyKey } from '../lifecycle-forms/use-idempotency-key';
import { useRuleThresholds } from '../lifecycle-forms/use-rule-thresholds';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { processEn, processZh } from './process-words';
import { RunBalancePanel } from './run-balance-panel';
import { figuresOf, inputOf, type RunDraft } from './run-draft';
import { AdditionRows, ByproductRows, OutputRows, rowKey } from './run-rows';

const emptyDraft = (): RunDraft => ({
  inputs: [],
  additions: [],
  outputs: [{ key: rowKey(), form: 'ingot', code: '', mass: '' }],
  byproducts: [],
});

export function ProcessPage(): ReactElement {
  const w = useWords(processZh, processEn);
  const c = useWords(commonZh, commonEn);
  const lang = useLang();
  useDocumentTitle(w.title);
  const trpc = useTRPC();
  const names = useLotNames();
  const alloys = useQuery(trpc.alloys.list.queryOptions({}, { staleTime: 300_000 })).data ?? [];
  const acting = useActingSite(['recycler']);
  const here = acting.site?.code ?? '';
  const [process, setProcess] = useState<ProcessKind>('melting');
  const [draft, setDraft] = useState<RunDraft>(emptyDraft);
  /** The lot last offered twice (its note follows the language). */
  const [note, setNote] = useState<string | null>(null);
  const [done, setDone] = useState<RecordedView | null>(null);
  const idem = useIdempotencyKey();
  const record = useMutation(trpc.processing.record.mutationOptions());
  const describe = useDescribeProblem(c.unreachable);
  const problem = describe(record.error);
  const { meltLossFlagPct } = useRuleThresholds();
  const balance = runBalance(figuresOf(draft, names.grades, meltLossFlagPct));
  const flagged = balance.lossFlagged || balance.yieldOutOfBand;

  const check = (lot: LotView): string | null => {
    if (draft.inputs.some((i) => i.lot.lotId === lot.lotId)) return null;
    if (lot.state !== 'on_hand') return w.notOnHand(lot.lotId, names.state(lot));
    if (lot.holder !== here) return w.notHere(lot.lotId);
    return null;
  };
  const add = (lot: LotView): void => {
    if (draft.inputs.some((i) => i.lot.lotId === lot.lotId)) {
      setNote(lot.lotId);
      return;
    }
    setNote(null);
    setDraft((d) =>
      d.inputs.some((i) => i.lot.lotId === lot.lotId)
        ? d
        : { ...d, inputs: [...d.inputs, { lot, consumed: kgText(lot.balanceG) }] },
    );
  };

  if (done) {
    return (
      <div className="page page-narrow lifecycle-page" data-testid="process-done">
        <h1>{w.done}</h1>
        <p className="notice status-ok">
          {c.recorded(done.seq)} {done.replayed ? c.replayed : ''}
        </p>
        {done.anomalies.length > 0 && (
          <p className="lc-notice-warn" data-testid="process-flagged">
            {w.flagged}: {done.anomalies.map((a) => a.kind).join(', ')}
          </p>
        )}
        <h2>{w.newLots}</h2>
        <RecordedLots lots={done.lots} printable />
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setDone(null);
            setDraft(emptyDraft());
            record.reset();
          }}
        >
          {w.another}
        </button>
      </div>
    );
  }

  const placedElsewhere =
    problem !== null &&
    (draft.inputs.some((i) => problemForLot(problem, i.lot.lotId)) ||
      problem.code === 'OUTPUT_KIND_MISSING' ||
      namesAField(problem));
  // A button, not a form's submit: the camera scanner inside has its own small form.
  const save = (): void => {
    if (!acting.site || draft.inputs.length === 0) return;
    record.mutate(inputOf(acting.site.code, process, draft, idem.key), {
      onSuccess: (result) => {
        idem.renew();
        setDone(result);
      },
      onError: idem.afterError,
    });
  };
  return (
    <div className="page lifecycle-page" data-testid="process-page">
      <h1>{w.title}</h1>
      <p className="lead">{w.intro}</p>
      <div className="lc-run-form">
        <div className="form">
          <ActingSitePicker sites={acting.sites} site={acting.site} onChange={acting.choose} />
          <Field label={w.process}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={process}
                onChange={(e) => setProcess(e.target.value as ProcessKind)}
                data-testid="process-kind"
              >
                {PROCESS_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {PROCESS_KIND_NAMES[kind][lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <section className="lc-run-section">
            <h2>{w.inputs}</h2>
            <LotEntryField
              hint={w.inputsHint}
              check={check}
              onLot={add}
              continuous
              testId="process-lot"
              renderScanner={(onScanned) => <CameraScanner continuous onScanned={onScanned} />}
            />
            {note && <p className="field-note">{w.repeat(note)}</p>}
            {draft.inputs.map((row, k) => (
              <div key={row.lot.lotId} className="lc-input-lot" data-testid="input-row">
                <div className="lc-lot-row">
                  <LotFacts lot={row.lot} />
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() =>
                      setDraft((d) => ({ ...d, inputs: d.inputs.filter((i) => i.lot.lotId !== row.lot.lotId) }))
                    }
                  >
                    {w.remove}
                  </button>
                </div>
                <MassField
                  label={w.consumed}
                  value={row.consumed}
                  onChange={(consumed) =>
                    setDraft((d) => ({
                      ...d,
                      inputs: d.inputs.map((i) => (i.lot.lotId === row.lot.lotId ? { ...i, consumed } : i)),
                    }))
                  }
                  errors={fieldProblems(problem, `inputs.${k}`, `inputs[${k}]`)}
                  testId={`consumed-${k}`}
                />
                <InlineProblem message={problemForLot(problem, row.lot.lotId)} />
              </div>
            ))}
          </section>
          <AdditionRows
            rows={draft.additions}
            onChange={(additions) => setDraft((d) => ({ ...d, additions }))}
            problem={problem}
          />
          <OutputRows
            rows={draft.outputs}
            onChange={(outputs) => setDraft((d) => ({ ...d, outputs }))}
            alloys={alloys}
            grades={names.grades}
            problem={problem}
          />
          <ByproductRows
            rows={draft.byproducts}
            onChange={(byproducts) => setDraft((d) => ({ ...d, byproducts }))}
            problem={problem}
          />
        </div>
        {/* Beside the form on a wide screen, kept in view while the rows are typed; after it on a phone. */}
        <div className="form lc-run-aside">
          <RunBalancePanel balance={balance} lossFlagPct={meltLossFlagPct} />
          <ProblemNotice problem={placedElsewhere ? null : problem} />
          {draft.inputs.length === 0 && <p className="hint">{w.needInput}</p>}
          <div className="form-actions">
            <button
              type="button"
              onClick={save}
              className="button button-primary"
              disabled={record.isPending || draft.inputs.length === 0 || !acting.site}
              data-testid="process-save"
            >
              {record.isPending ? c.saving : flagged ? w.saveFlagged : w.save}
            </button>
          </div>
          <p className="hint">{c.retryNote}</p>
        </div>
      </div>
    </div>
  );
}
