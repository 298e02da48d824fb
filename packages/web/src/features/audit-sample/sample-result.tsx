// A drawn sample: the checkpoint and seed spelled out (what anyone needs to
// draw it again), the browser's own check of them, the command line that
// gives the same lots, and the lots per stratum with links to each lot and
// its public passport.
import type { AuditSampleView } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '../../components/copy-button';
import { useWords } from '../lifecycle-forms/use-words';
import { recheckSample } from './recheck-sample';
import { type SampleQuery, sampleCommand } from './sample-query';
import { sampleEn, sampleZh } from './sample-words';

export function SampleResult({ view, query }: { view: AuditSampleView; query: SampleQuery }): ReactElement {
  const w = useWords(sampleZh, sampleEn);
  const problem = recheckSample(view);
  const command = sampleCommand(query);
  return (
    <>
      <section className="card" aria-labelledby="sample-seed" data-testid="sample-seed">
        <h2 id="sample-seed">{w.seedTitle}</h2>
        <p>{w.seedLead(view.checkpoint.treeSize)}</p>
        <pre className="sample-code" data-testid="sample-seed-input">
          {view.seedInput}
        </pre>
        <p>
          {w.seed}: <code data-testid="sample-seed-hex">{view.seed}</code>
        </p>
        <p className="hint">{w.rankRule}</p>
        {problem === null ? (
          <p className="notice notice-plain" role="status" data-testid="sample-rechecked">
            ✓ {w.checkedHere}
          </p>
        ) : (
          <p className="notice notice-error" role="alert" data-testid="sample-recheck-failed">
            {w.checkFailed} {problem}
          </p>
        )}
        <p>{w.cli}</p>
        <pre className="sample-code" data-testid="sample-command">
          {command}
        </pre>
        <CopyButton text={command} />
        <details>
          <summary>{w.note}</summary>
          <pre className="sample-code">{view.note}</pre>
        </details>
      </section>
      <section className="card card-wide" aria-labelledby="sample-lots" data-testid="sample-lots">
        <h2 id="sample-lots">{w.eligible(view.eligible)}</h2>
        {view.strata.length === 0 && <p>{w.none}</p>}
        {view.strata.map((s) => (
          <div key={s.key} data-testid={`stratum-${s.key}`}>
            <h3>
              {w.stratum(
                view.params.strata === 'none'
                  ? w.all
                  : view.params.strata === 'kind'
                    ? (w.kindNames[s.key] ?? s.key)
                    : s.key,
                s.lots.length,
                s.eligible,
              )}
            </h3>
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{w.lot}</th>
                    <th scope="col">{w.kind}</th>
                    <th scope="col">{w.site}</th>
                    <th scope="col">{w.day}</th>
                    <th scope="col">{w.rank}</th>
                    <th scope="col">{w.passport}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.lots.map((l, i) => (
                    <tr key={l.lotId} data-testid="sampled-lot" data-lot={l.lotId}>
                      <td data-label="#">{i + 1}</td>
                      <th scope="row" data-label={w.lot}>
                        <Link to={`/lots/${l.lotId}`}>{l.lotId}</Link>
                      </th>
                      <td data-label={w.kind}>{w.kindNames[l.kind]}</td>
                      <td data-label={w.site}>{l.site}</td>
                      <td data-label={w.day}>{l.day}</td>
                      <td data-label={w.rank}>
                        <code title={l.rank}>{l.rank.slice(0, 12)}…</code>
                      </td>
                      <td data-label={w.passport}>
                        <a href={`/l/${l.lotId}?d=${l.labelDigest}`}>{w.openPassport}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>
    </>
  );
}
