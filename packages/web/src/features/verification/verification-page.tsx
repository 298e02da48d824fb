// /verification — an official verifies the ledger in the browser (README "The
// verification view"): full or incremental from the last checkpoint this
// browser verified, with a progress bar; the head checkpoint and who
// cosigned it, checked here; the export file; an account of what was checked.
import './verification.css';
import {
  formatVerifyFailure,
  hexToBytes,
  isHashHex,
  parseVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
} from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useEffect, useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormat } from '../../i18n/use-format';
import { type ApiClient, useTRPC, useTRPCClient } from '../../lib/trpc';
import { useErrorMessage } from '../../lib/use-form-errors';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { deleteValue, readValue, writeValue } from '../witness/browser-store';
import { type BrowserVerifyResult, type VerifiedMark, VerifyKeyChanged, verifyInBrowser } from './browser-verify';
import { type CosignedCheckpointInput, checkCosignedBy } from './cosigned-by';
import { type VerificationWords, verificationEn, verificationZh } from './verification-words';

const MARK_KEY = 'verification:last';
/** Where the server answers the export file (packages/server/src/http/ledger-export-route.ts). */
export const EXPORT_PATH = '/ledger/export.jsonl';

export function VerificationPage(): ReactElement {
  const w = useWords(verificationZh, verificationEn);
  useDocumentTitle(w.title);
  return (
    <div className="page verification-page" data-testid="verification-page">
      <h1>{w.title}</h1>
      <p className="hint">{w.intro}</p>
      <HeadCard w={w} />
      <RunCard w={w} />
      <section className="card" data-testid="verification-export">
        <h2>{w.exportTitle}</h2>
        <p className="hint">{w.exportHint}</p>
        <p>
          <a className="button" href={EXPORT_PATH} download>
            {w.exportButton}
          </a>
        </p>
      </section>
    </div>
  );
}

function HeadCard({ w }: { w: VerificationWords }): ReactElement {
  const trpc = useTRPC();
  const format = useFormat();
  const head = useQuery(trpc.ledger.checkpoint.queryOptions({}));
  const key = useQuery(trpc.ledger.publicKey.queryOptions());
  const witnesses = useQuery(trpc.witness.list.queryOptions());
  // The newest checkpoint any official cosigned, when it is not the head (the log grew since).
  const newestCosigned = Math.max(0, ...(witnesses.data ?? []).map((x) => x.latest?.treeSize ?? 0));
  const older = useQuery(
    trpc.ledger.checkpoint.queryOptions(
      { treeSize: newestCosigned },
      { enabled: head.data !== undefined && newestCosigned > 0 && newestCosigned !== head.data.treeSize },
    ),
  );
  const proof = useQuery(
    trpc.ledger.consistencyProof.queryOptions(
      { from: newestCosigned, to: head.data?.treeSize ?? 0 },
      { enabled: older.data !== undefined && head.data !== undefined && newestCosigned < head.data.treeSize },
    ),
  );
  const error = head.error ?? key.error ?? witnesses.error;
  return (
    <section className="card" data-testid="verification-head">
      <h2>{w.headTitle}</h2>
      {error ? (
        <ErrorNotice error={error} onRetry={() => void head.refetch()} />
      ) : !head.data || !key.data || !witnesses.data ? (
        <LoadingNotice />
      ) : (
        <>
          <p>{w.headFacts(head.data.treeSize, format.dateTime(head.data.createdAt))}</p>
          <dl className="facts">
            <dt>{w.root}</dt>
            <dd>
              <code className="hash-full">{head.data.rootHash}</code>
            </dd>
            <dt>{w.logKey}</dt>
            <dd>
              <code className="hash-full">{key.data.verifierKey}</code>
            </dd>
          </dl>
          <Cosigners
            w={w}
            checkpoint={head.data}
            logKey={key.data.verifierKey}
            vkeys={witnesses.data.map((x) => x.vkey)}
            testId="verification-cosigners"
          />
          {older.data && (
            <div data-testid="verification-newest-cosigned">
              <h3>{w.newestCosigned(older.data.treeSize, format.dateTime(older.data.createdAt))}</h3>
              <Cosigners
                w={w}
                checkpoint={older.data}
                logKey={key.data.verifierKey}
                vkeys={witnesses.data.map((x) => x.vkey)}
                testId="verification-older-cosigners"
              />
              {proof.data && (
                <Extends
                  w={w}
                  older={older.data}
                  head={head.data}
                  proof={proof.data.proof}
                  logKey={key.data.verifierKey}
                />
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** Checked here: the head's tree contains the cosigned one (RFC 9162 consistency proof between the two signed roots). */
function Extends(props: {
  w: VerificationWords;
  older: { note: string };
  head: { note: string };
  proof: string[];
  logKey: string;
}): ReactElement {
  const { w } = props;
  let verdict: { ok: boolean; from: number; to: number } | null = null;
  try {
    const key = parseVerifierKey(props.logKey);
    const a = verifyCheckpoint(props.older.note, key);
    const b = verifyCheckpoint(props.head.note, key);
    const ok =
      props.proof.every(isHashHex) &&
      verifyConsistency(a.size, b.size, a.root, b.root, props.proof.map(hexToBytes)).valid;
    verdict = { ok, from: a.size, to: b.size };
  } catch {
    verdict = null;
  }
  if (!verdict) return <p className="notice notice-error">{w.extendsUnreadable}</p>;
  return verdict.ok ? (
    <p data-testid="verification-extends" data-ok="true">
      ✓ {w.extendsOk(verdict.from, verdict.to)}
    </p>
  ) : (
    <p className="notice notice-error" role="alert" data-testid="verification-extends" data-ok="false">
      ✗ {w.extendsBad(verdict.from, verdict.to)}
    </p>
  );
}

function Cosigners(props: {
  w: VerificationWords;
  checkpoint: CosignedCheckpointInput;
  logKey: string;
  vkeys: string[];
  testId: string;
}): ReactElement {
  const { w } = props;
  const format = useFormat();
  const lang = useLang();
  const checked = checkCosignedBy(props.checkpoint, props.logKey, props.vkeys);
  if (checked.signatureError) {
    return (
      <p className="notice notice-error">
        {w.signatureBad}
        {checked.signatureError}
      </p>
    );
  }
  return (
    <>
      <p>✓ {w.signatureOk}</p>
      {checked.cosigned.length === 0 ? (
        <p className="hint">{w.notCosigned}</p>
      ) : (
        <>
          <p>{w.cosignedBy}</p>
          <ul data-testid={props.testId}>
            {checked.cosigned.map((c) => (
              <li key={c.vkey}>✓ {w.cosignedRow(c.witness, format.dateTime(c.time))}</li>
            ))}
          </ul>
        </>
      )}
      {checked.problems.length > 0 && (
        <div className="notice notice-error">
          <p>{w.cosignProblems}</p>
          <ul>
            {checked.problems.map((p) => (
              <li key={`${p.witness}-${p.code}`}>{lang === 'zh' ? p.messageZh : p.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

type Run =
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; result: BrowserVerifyResult }
  | { kind: 'error'; message: string };

function sourceOf(client: ApiClient) {
  return {
    publicKey: () => client.ledger.publicKey.query(),
    head: () => client.ledger.checkpoint.query({}),
    entries: (cursor: number | undefined) =>
      client.ledger.entries.query({ order: 'oldest', limit: 100, ...(cursor === undefined ? {} : { cursor }) }),
  };
}

function RunCard({ w }: { w: VerificationWords }): ReactElement {
  const client = useTRPCClient();
  const format = useFormat();
  const message = useErrorMessage();
  const [mark, setMark] = useState<VerifiedMark | null | undefined>(undefined);
  const [run, setRun] = useState<Run | null>(null);
  useEffect(() => {
    void readValue<VerifiedMark>(MARK_KEY).then(setMark);
  }, []);
  const start = async (incremental: boolean): Promise<void> => {
    setRun({ kind: 'running', done: 0, total: 0 });
    try {
      const result = await verifyInBrowser(sourceOf(client), {
        mark: incremental ? (mark ?? null) : null,
        remembered: mark ?? null,
        onProgress: (done, total) => setRun({ kind: 'running', done, total }),
      });
      if (result.mark) {
        await writeValue(MARK_KEY, result.mark);
        setMark(result.mark);
      }
      setRun({ kind: 'done', result });
    } catch (e) {
      setRun({
        kind: 'error',
        message:
          e instanceof VerifyKeyChanged
            ? w.keyChanged(e.pinned, e.served)
            : e instanceof Error && !('data' in e)
              ? e.message
              : message(e),
      });
    }
  };
  const busy = run?.kind === 'running';
  return (
    <section className="card" data-testid="verification-run">
      <h2>{w.runTitle}</h2>
      {mark === undefined ? (
        <LoadingNotice />
      ) : (
        <>
          <p data-testid="verification-last">
            {mark ? w.lastVerified(mark.treeSize, format.dateTime(mark.verifiedAt)) : w.neverVerified}
          </p>
          <p className="verification-actions">
            {mark && (
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void start(true)}>
                {w.incremental(mark.treeSize)}
              </button>
            )}
            <button
              type="button"
              className={mark ? 'button' : 'button button-primary'}
              disabled={busy}
              onClick={() => void start(false)}
            >
              {w.full}
            </button>
            {mark && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => {
                  if (!window.confirm(w.forgetConfirm)) return;
                  void deleteValue(MARK_KEY).then(() => setMark(null));
                }}
              >
                {w.forget}
              </button>
            )}
          </p>
        </>
      )}
      <div aria-live="polite">
        {run?.kind === 'running' && (
          <div data-testid="verification-progress">
            <progress max={Math.max(run.total, 1)} value={run.done} className="verification-progress" />
            <p>{w.running(run.done, run.total)}</p>
          </div>
        )}
        {run?.kind === 'error' && (
          <p className="notice notice-error" role="alert">
            {w.failed}
            {run.message}
          </p>
        )}
        {run?.kind === 'done' && <Account w={w} result={run.result} />}
      </div>
    </section>
  );
}

function Account({ w, result }: { w: VerificationWords; result: BrowserVerifyResult }): ReactElement {
  const lang = useLang();
  const ok = result.failure === null;
  return (
    <div
      className={`status ${ok ? 'status-ok' : 'status-bad'}`}
      data-testid="verification-result"
      data-ok={String(ok)}
      data-from={result.from}
    >
      <p className="status-title">
        <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
        {ok ? w.okTitle : w.badTitle}
      </p>
      {result.failure ? (
        <p>
          <code>{result.failure.code}</code> {formatVerifyFailure(result.failure.code, result.failure.params, lang)}
        </p>
      ) : (
        <>
          <p>{w.accountTitle}</p>
          <ol data-testid="verification-account">
            <li>
              {result.entriesChecked === 0
                ? w.accountNone(result.treeSize)
                : w.accountEntries(result.entriesChecked, result.from, result.treeSize)}
            </li>
            {result.from > 0 && <li>{w.accountIncremental(result.from)}</li>}
            <li>{w.accountTree(result.treeSize, result.rootHash.slice(0, 16))}</li>
            <li>{w.accountSignature(result.logKey)}</li>
          </ol>
          <p className="hint">{w.accountNotChecked}</p>
          {result.mark && <p className="hint">{w.remembered}</p>}
        </>
      )}
    </div>
  );
}
