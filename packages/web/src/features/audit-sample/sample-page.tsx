// /audit/sample — lots drawn for physical inspection, seeded by a signed
// checkpoint (README "Sampling for physical inspection"): the parameters in
// the address, the draw by audit.sample, the same lots as `alutrace sample`.
import './audit-sample.css';
import { skipToken, useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../app/use-document-title';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useTRPC } from '../../lib/trpc';
import { useFormErrors } from '../../lib/use-form-errors';
import { useWords } from '../lifecycle-forms/use-words';
import { SampleForm } from './sample-form';
import { readSampleQuery, sampleSearch } from './sample-query';
import { SampleResult } from './sample-result';
import { sampleEn, sampleZh } from './sample-words';

export function SamplePage(): ReactElement {
  const w = useWords(sampleZh, sampleEn);
  useDocumentTitle(w.title);
  const trpc = useTRPC();
  const [search, setSearch] = useSearchParams();
  const query = readSampleQuery(search);
  const checkpoints = useQuery(trpc.audit.checkpoints.queryOptions({ limit: 50 }));
  const sites = useQuery(trpc.sites.list.queryOptions(undefined, { staleTime: 300_000 }));
  const witnesses = useQuery(trpc.witness.list.queryOptions());
  const sample = useQuery(
    trpc.audit.sample.queryOptions(
      query
        ? {
            treeSize: query.treeSize,
            params: {
              count: query.count,
              strata: query.strata,
              sites: query.sites,
              kinds: query.kinds,
              from: query.from,
              to: query.to,
            },
          }
        : skipToken,
      { staleTime: Number.POSITIVE_INFINITY, retry: false },
    ),
  );
  const server = useFormErrors(sample.error, {
    fields: ['size'],
    codeFields: { SAMPLE_CHECKPOINT_UNKNOWN: 'size' },
  });
  return (
    <div className="page audit-sample">
      <h1>{w.title}</h1>
      <p className="hint">{w.intro}</p>
      <section className="card">
        {checkpoints.isPending || sites.isPending ? (
          <LoadingNotice />
        ) : checkpoints.error || sites.error ? (
          <ErrorNotice error={checkpoints.error ?? sites.error} onRetry={() => void checkpoints.refetch()} />
        ) : (
          <SampleForm
            key={search.toString()}
            initial={query}
            checkpoints={checkpoints.data.items}
            witnesses={witnesses.data ?? []}
            sites={sites.data}
            pending={sample.isFetching}
            serverError={{ general: server.general, size: server.fields.size }}
            onDraw={(q) => setSearch(sampleSearch(q))}
          />
        )}
      </section>
      {query && sample.isFetching && <LoadingNotice />}
      {query && sample.data && <SampleResult view={sample.data} query={query} />}
    </div>
  );
}
