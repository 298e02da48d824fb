// /correct?seq=N: declare entry N wrong (corrections.record), reached from
// the timeline of a lot page. CORRECTION_CONFLICT names the later entries to
// correct first; each becomes a link to this page for it. For a collection
// the screen can also record the corrected values (collection-replacement.tsx).
import '../lifecycle-forms/lifecycle.css';
import {
  CORRECTION_REASON_NAMES,
  CORRECTION_REASONS,
  type CorrectionReason,
  type RecordedView,
} from '@alutrace/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../app/use-document-title';
import { Field } from '../../components/field';
import { useFormat } from '../../i18n/use-format';
import { useTRPC } from '../../lib/trpc';
import { ChoiceList } from '../lifecycle-forms/choice-list';
import { commonEn, commonZh } from '../lifecycle-forms/common-words';
import { ProblemNotice } from '../lifecycle-forms/problem-notice';
import { fieldProblems, useDescribeProblem } from '../lifecycle-forms/server-problem';
import { useIdempotencyKey } from '../lifecycle-forms/use-idempotency-key';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { lotPath } from '../lots/lot-links';
import { useGrades } from '../lots/use-lot-words';
import { useCollectionReplacement } from './collection-replacement';
import { correctEn, correctZh } from './correct-words';

export function CorrectPage(): ReactElement {
  const w = useWords(correctZh, correctEn);
  useDocumentTitle(w.title);
  const [params] = useSearchParams();
  const raw = params.get('seq');
  const seq = raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
  return (
    <div className="page page-narrow lifecycle-page" data-testid="correct-page">
      <h1>{w.title}</h1>
      <p className="lead">{w.intro}</p>
      {seq === null ? <p className="notice notice-error">{w.missingSeq}</p> : <CorrectionForm key={seq} seq={seq} />}
    </div>
  );
}

function CorrectionForm({ seq }: { seq: number }): ReactElement {
  const w = useWords(correctZh, correctEn);
  const c = useWords(commonZh, commonEn);
  const lang = useLang();
  const format = useFormat();
  const trpc = useTRPC();
  const describe = useDescribeProblem(c.unreachable);
  const entry = useQuery(trpc.ledger.entry.queryOptions({ seq }));
  const grades = useGrades();
  const e0 = entry.data?.entry;
  const replacement = useCollectionReplacement(
    seq,
    { site: e0?.site ?? '', occurredAt: e0?.occurredAt ?? '', body: e0?.body ?? {} },
    grades,
  );
  const offersReplacement = e0?.kind === 'collection.recorded' && e0.site !== null;
  const [reason, setReason] = useState<CorrectionReason | ''>('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<RecordedView | null>(null);
  const idem = useIdempotencyKey();
  const correct = useMutation(trpc.corrections.record.mutationOptions());
  const problem = describe(correct.error);

  if (entry.isPending) return <p className="notice notice-loading">{w.loading}</p>;
  if (entry.isError) return <ProblemNotice problem={describe(entry.error)} />;
  const e = entry.data.entry;
  if (done) return <CorrectionDone done={done} seq={seq} />;
  const later =
    problem?.code === 'CORRECTION_CONFLICT'
      ? String(problem.params.later ?? '')
          .split(/[,\s]+/)
          .filter((s) => /^\d+$/.test(s))
      : [];
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason || e.site === null) return;
        const built = offersReplacement ? replacement.build() : { ok: true as const, replacement: undefined };
        if (!built.ok) return;
        correct.mutate(
          {
            site: e.site,
            targetSeq: seq,
            targetLeafHash: entry.data.leafHash,
            reason,
            ...(built.replacement ? { replacement: built.replacement } : {}),
            idempotencyKey: idem.key,
            sealed: note.trim() ? { note: note.trim() } : {},
          },
          {
            onSuccess: (result) => {
              idem.renew();
              setDone(result);
            },
            onError: (error) => {
              replacement.place(error);
              idem.afterError(error);
            },
          },
        );
      }}
    >
      <dl className="facts" data-testid="correct-entry">
        <dt>{w.entry(seq)}</dt>
        <dd>
          <code>{e.kind}</code>
        </dd>
        <dt>{w.site}</dt>
        <dd>{e.site ?? '—'}</dd>
        <dt>{w.recordedAt}</dt>
        <dd>{format.dateTime(e.recordedAt)}</dd>
      </dl>
      <ChoiceList
        legend={w.reason}
        name="reason"
        value={reason}
        onChange={(v) => setReason(v as CorrectionReason)}
        options={CORRECTION_REASONS.map((r) => ({ value: r, label: CORRECTION_REASON_NAMES[r][lang] }))}
        errors={fieldProblems(problem, 'reason')}
        testId="correct-reason"
      />
      {offersReplacement && replacement.view}
      <Field label={w.note} hint={w.noteHint} errors={fieldProblems(problem, 'sealed.note')}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={3}
            value={note}
            onChange={(ev) => setNote(ev.target.value)}
            data-testid="correct-note"
          />
        )}
      </Field>
      <ProblemNotice problem={offersReplacement && replacement.placed ? null : problem} testId="correct-problem" />
      {later.length > 0 && (
        <div className="field-note" data-testid="correct-conflict">
          <p>{w.conflictTitle}</p>
          <ul className="plain-list">
            {later
              .map(Number)
              .sort((a, b) => b - a)
              .map((s) => (
                <li key={s}>
                  <Link to={`/correct?seq=${s}`}>{w.conflictLink(String(s))}</Link>
                </li>
              ))}
          </ul>
        </div>
      )}
      {!reason && <p className="hint">{w.needReason}</p>}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-danger"
          disabled={correct.isPending || !reason}
          data-testid="correct-save"
        >
          {correct.isPending ? c.saving : replacement.on && offersReplacement ? w.saveWithReplacement : w.save}
        </button>
      </div>
    </form>
  );
}

/** What the correction wrote: the voided entry, and the new lot of the corrected values with its label. */
function CorrectionDone({ done, seq }: { done: RecordedView; seq: number }): ReactElement {
  const w = useWords(correctZh, correctEn);
  const lot = done.lots[0];
  return (
    <div className="notice status-ok" data-testid="correct-done">
      <p>{w.doneText(done.seq, seq)}</p>
      {lot && (
        <>
          <p data-testid="correct-new-lot">{w.newLot(lot.lotId)}</p>
          <p className="form-actions">
            <Link className="button" to={lotPath(lot.lotId)}>
              {w.openNewLot}
            </Link>
            <a className="button button-primary" href={`/labels/print?lots=${lot.lotId}&print=1`}>
              {w.printNewLabel}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
