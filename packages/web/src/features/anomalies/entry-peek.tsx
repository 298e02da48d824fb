import { entryKindName } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormat } from '../../i18n/use-format';
import { useTRPC } from '../../lib/trpc';
import { useAnomaliesWords } from './use-anomalies-words';

/** A ledger entry an anomaly rests on, opened in place: its kind, time and public body, read with ledger.entry. */
export function EntryPeek({ seq }: { seq: number }): ReactElement {
  const { w, language } = useAnomaliesWords();
  const [open, setOpen] = useState(false);
  return (
    <span className="entry-peek">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-label={open ? w.hideEntry(seq) : w.showEntry(seq)}
        onClick={() => setOpen((o) => !o)}
        data-testid="entry-peek"
      >
        #{seq}
      </button>
      {open && <EntryBody seq={seq} language={language} />}
    </span>
  );
}

function EntryBody({ seq, language }: { seq: number; language: 'zh' | 'en' }): ReactElement {
  const { w } = useAnomaliesWords();
  const trpc = useTRPC();
  const format = useFormat();
  const entry = useQuery(trpc.ledger.entry.queryOptions({ seq }));
  if (entry.isPending) return <LoadingNotice />;
  if (entry.isError) return <ErrorNotice error={entry.error} onRetry={() => void entry.refetch()} />;
  const e = entry.data.entry;
  return (
    <span className="entry-peek-body" data-testid="entry-peek-body">
      <span>
        <strong>{w.entryKind}</strong> {entryKindName(e.kind, language)} <code>{e.kind}</code>
      </span>
      <span>
        <strong>{w.entryAt}</strong> {format.dateTime(e.occurredAt)}
      </span>
      <code className="entry-peek-json">{JSON.stringify(e.body)}</code>
    </span>
  );
}
