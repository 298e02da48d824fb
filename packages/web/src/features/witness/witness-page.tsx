// /witness — an official's browser witness (README "The browser witness"): a
// key kept in IndexedDB, one cosigning round at a time through the shared
// cosignRound, with an account of what was checked; on an inconsistency a
// loud refusal in both languages and the evidence kept and downloadable.
import './witness.css';
import { type CosignRound, type ForkEvidence, generateCosigner, WitnessRefusal } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, type ReactElement, useCallback, useEffect, useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { CopyButton } from '../../components/copy-button';
import { Field } from '../../components/field';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormat } from '../../i18n/use-format';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { useErrorMessage } from '../../lib/use-form-errors';
import { useWords } from '../lifecycle-forms/use-words';
import { cosignOnce } from './cosign-once';
import {
  backupText,
  type CosignedRound,
  downloadText,
  evidenceFilename,
  evidenceText,
  forgetWitness,
  fromCosigner,
  loadEvidence,
  loadRounds,
  loadWitness,
  readBackup,
  type StoredEvidence,
  type StoredWitness,
  saveWitness,
} from './witness-keeper';
import { REFUSAL, type WitnessWords, witnessEn, witnessZh } from './witness-words';

const NAME = /^[^\s+]{1,200}$/u;

interface Local {
  witness: StoredWitness | null;
  rounds: CosignedRound[];
  evidence: StoredEvidence[];
}

export function WitnessPage(): ReactElement {
  const w = useWords(witnessZh, witnessEn);
  useDocumentTitle(w.title);
  const me = useMe();
  const owner = me ? `${me.kind}:${me.id}` : null;
  const [local, setLocal] = useState<Local | null>(null);
  const reload = useCallback(async () => {
    if (!owner) return;
    const [witness, rounds, evidence] = await Promise.all([loadWitness(owner), loadRounds(owner), loadEvidence(owner)]);
    setLocal({ witness, rounds, evidence });
  }, [owner]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return (
    <div className="page witness-page" data-testid="witness-page">
      <h1>{w.title}</h1>
      <p className="hint">{w.intro}</p>
      {!owner || !local ? (
        <LoadingNotice />
      ) : (
        <>
          {local.witness ? (
            <WitnessKey w={w} owner={owner} witness={local.witness} rounds={local.rounds} onChange={reload} />
          ) : (
            <NewKey
              w={w}
              owner={owner}
              suggested={`${window.location.hostname}/witness-${me?.name ?? ''}`}
              onChange={reload}
            />
          )}
          {local.evidence.length > 0 && <EvidenceList w={w} evidence={local.evidence} />}
        </>
      )}
    </div>
  );
}

function NewKey(props: {
  w: WitnessWords;
  owner: string;
  suggested: string;
  onChange: () => Promise<void>;
}): ReactElement {
  const { w } = props;
  const [name, setName] = useState(props.suggested.replace(/[\s+]/gu, '-').slice(0, 200));
  const [error, setError] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const create = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!NAME.test(trimmed)) return setError(w.nameProblem);
    setError(null);
    await saveWitness(props.owner, fromCosigner(generateCosigner(trimmed)));
    await props.onChange();
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      const stored = readBackup(await file.text());
      await saveWitness(props.owner, stored);
      setImportError(null);
      await props.onChange();
    } catch (err) {
      setImportError(w.importProblem + (err instanceof Error ? err.message : String(err)));
    }
  };
  return (
    <section className="card" data-testid="witness-new">
      <p>{w.noKey}</p>
      <form onSubmit={(e) => void create(e)} noValidate>
        <Field label={w.name} hint={w.nameHint} errors={error ? [error] : undefined}>
          {(c) => <input {...c} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <p>
          <button type="submit" className="button button-primary">
            {w.create}
          </button>
        </p>
      </form>
      <Field label={w.importLabel} errors={importError ? [importError] : undefined}>
        {(c) => (
          <input {...c} type="file" accept=".witness,.json,application/json" onChange={(e) => void importFile(e)} />
        )}
      </Field>
    </section>
  );
}

type RoundView =
  | { kind: 'ok'; round: Extract<CosignRound, { ok: true }> }
  | { kind: 'refused'; evidence: ForkEvidence; reason: string }
  | { kind: 'error'; message: string };

function WitnessKey(props: {
  w: WitnessWords;
  owner: string;
  witness: StoredWitness;
  rounds: CosignedRound[];
  onChange: () => Promise<void>;
}): ReactElement {
  const { w, witness } = props;
  const format = useFormat();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const message = useErrorMessage();
  const list = useQuery(trpc.witness.list.queryOptions());
  const mine = list.data?.find((k) => k.vkey === witness.vkey);
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<RoundView | null>(null);
  const [backupOpen, setBackupOpen] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);

  const register = async (): Promise<void> => {
    try {
      await client.witness.register.mutate({ name: witness.name, vkey: witness.vkey });
      setRegistered(w.registered);
      void list.refetch();
    } catch (e) {
      setRegistered(w.failed + message(e));
    }
  };
  const cosign = async (): Promise<void> => {
    setBusy(true);
    setView(null);
    try {
      const round = await cosignOnce(client, props.owner, witness);
      setView(round.ok ? { kind: 'ok', round } : { kind: 'refused', evidence: round.evidence, reason: round.reason });
    } catch (e) {
      setView({
        kind: 'error',
        message:
          e instanceof WitnessRefusal
            ? `${e.zh} / ${e.en}`
            : e instanceof Error && !('data' in e)
              ? e.message
              : message(e),
      });
    } finally {
      setBusy(false);
      void list.refetch();
      await props.onChange();
    }
  };
  const forget = async (): Promise<void> => {
    if (!window.confirm(w.forgetConfirm)) return;
    await forgetWitness(props.owner);
    await props.onChange();
  };

  return (
    <>
      <section className="card" data-testid="witness-key">
        <h2>{w.keyTitle}</h2>
        <p>
          <strong>{witness.name}</strong> · {w.createdAt} {format.dateTime(witness.createdAt)}
        </p>
        <p className="hint">{w.vkey}</p>
        <p className="witness-vkey">
          <code data-testid="witness-vkey">{witness.vkey}</code> <CopyButton text={witness.vkey} />
        </p>
        {mine && <p data-testid="witness-on-server">{w.onServer(mine.cosignatures)}</p>}
        <p className="witness-actions">
          <button type="button" className="button button-primary" onClick={() => void cosign()} disabled={busy}>
            {busy ? w.cosigning : w.cosign}
          </button>
          {!mine && (
            <button type="button" className="button" onClick={() => void register()}>
              {w.register}
            </button>
          )}
          <button type="button" className="button" onClick={() => setBackupOpen((x) => !x)} aria-expanded={backupOpen}>
            {w.backup}
          </button>
        </p>
        {registered && <p>{registered}</p>}
        {backupOpen && (
          <div className="notice witness-backup-warning" role="note">
            <p>{w.backupWarning}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                downloadText(`${witness.name.replace(/[^A-Za-z0-9._-]/gu, '_')}.witness`, backupText(witness));
                setBackupOpen(false);
              }}
            >
              {w.backupConfirm}
            </button>
          </div>
        )}
        <div aria-live="polite">{view && <RoundResult w={w} view={view} />}</div>
      </section>
      <section className="card" data-testid="witness-history">
        <h2>{w.historyTitle}</h2>
        {props.rounds.length === 0 ? (
          <p className="hint">{w.historyEmpty}</p>
        ) : (
          <ul className="witness-history">
            {props.rounds.map((r) => (
              <li key={`${r.treeSize}-${r.cosignedAt}`}>
                {w.historyRow(r.treeSize, r.from, format.dateTime(r.cosignedAt))}
              </li>
            ))}
          </ul>
        )}
        <p>
          <button type="button" className="button button-danger" onClick={() => void forget()}>
            {w.forget}
          </button>
        </p>
      </section>
    </>
  );
}

function RoundResult({ w, view }: { w: WitnessWords; view: RoundView }): ReactElement {
  const format = useFormat();
  if (view.kind === 'error') {
    return (
      <p className="notice notice-error" role="alert" data-testid="witness-error">
        {w.failed}
        {view.message}
      </p>
    );
  }
  if (view.kind === 'refused') return <Refusal evidence={view.evidence} reason={view.reason} />;
  const { round } = view;
  const size = round.result.treeSize;
  return (
    <div className="status status-ok" data-testid="witness-checked">
      <p className="status-title">{w.checkedTitle}</p>
      <ol>
        <li>{w.checkedSignature(size, round.rootHash.slice(0, 16), round.state.logKey)}</li>
        <li>
          {round.from === 0
            ? w.checkedFirst
            : round.from === size
              ? w.checkedSame(size)
              : w.checkedConsistency(round.from, size)}
        </li>
        <li>
          {w.checkedCosigned(size, format.dateTime(new Date(round.result.timestamp * 1000).toISOString()))}{' '}
          {round.result.duplicate && w.duplicate}
        </li>
      </ol>
      {round.ignoredServerRecord && <p>{w.ignoredRecord}</p>}
    </div>
  );
}

/** Loud, red, in both languages whatever the reader's language. */
function Refusal({ evidence, reason }: { evidence: ForkEvidence; reason: string }): ReactElement {
  return (
    <div className="witness-refusal" role="alert" data-testid="witness-refusal">
      <p className="witness-refusal-title" lang="zh-CN">
        {REFUSAL.zh.title}
      </p>
      <p lang="zh-CN">{REFUSAL.zh.body}</p>
      <p className="witness-refusal-title" lang="en">
        {REFUSAL.en.title}
      </p>
      <p lang="en">{REFUSAL.en.body}</p>
      <p className="witness-refusal-reason">
        <code>{reason}</code>
      </p>
      <EvidenceButton evidence={evidence} label="下载证据 / Download the evidence (JSON)" />
    </div>
  );
}

function EvidenceButton({ evidence, label }: { evidence: ForkEvidence; label: string }): ReactElement {
  return (
    <button
      type="button"
      className="button button-danger"
      data-testid="witness-evidence-download"
      onClick={() => downloadText(evidenceFilename(evidence), evidenceText(evidence))}
    >
      {label}
    </button>
  );
}

function EvidenceList({ w, evidence }: { w: WitnessWords; evidence: StoredEvidence[] }): ReactElement {
  const format = useFormat();
  return (
    <section className="card witness-evidence" data-testid="witness-evidence">
      <h2>{w.evidenceTitle}</h2>
      <ul>
        {evidence.map((e) => (
          <li key={e.savedAt}>
            {w.evidenceRow(e.evidence.previous.treeSize, e.evidence.next.treeSize, format.dateTime(e.savedAt))}{' '}
            <EvidenceButton evidence={e.evidence} label={w.downloadEvidence} />
          </li>
        ))}
      </ul>
    </section>
  );
}
