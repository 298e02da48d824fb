import type { EntryView } from '@alutrace/shared';
import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ShortHash } from '../../components/short-hash';
import { useFormat } from '../../i18n/use-format';
import { useNames } from '../../i18n/use-names';
import { actorLabel } from './actor-label';
import { entryMatchesLeafHash } from './entry-matches-leaf-hash';

interface EntryRowProps {
  item: EntryView;
  /** Today's names of user and token actors, where the reader may see them (ledger.entries' `actorNames`). */
  actorNames: Readonly<Record<string, string>>;
}

/**
 * One entry: a summary line in words (the event's name, who made it) that
 * opens onto the whole entry as recorded, its leaf hash re-checked in the
 * browser. Codes and ids stay in the tooltips and the opened entry.
 */
export function EntryRow({ item, actorNames }: EntryRowProps): ReactElement {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const intact = useMemo(() => entryMatchesLeafHash(item), [item]);
  const { entry } = item;
  return (
    <li className={intact ? 'entry' : 'entry entry-altered'} data-seq={item.seq} data-intact={String(intact)}>
      <details>
        <summary className="entry-grid">
          <span data-label={t('ledger.entries.seq')} className="entry-seq">
            {item.seq}
          </span>
          <span data-label={t('ledger.entries.recordedAt')} className="entry-time">
            <time dateTime={entry.recordedAt}>{format.dateTime(entry.recordedAt)}</time>
          </span>
          <span
            data-label={t('ledger.entries.kind')}
            data-kind={entry.kind}
            title={t('ledger.entries.kindCode', { kind: entry.kind })}
          >
            {names.entryKind(entry.kind)}
          </span>
          <span data-label={t('ledger.entries.site')}>{entry.site ?? t('common.none')}</span>
          <span
            data-label={t('ledger.entries.actor')}
            className="entry-actor"
            title={`${entry.actor.type}:${entry.actor.id}`}
          >
            {actorLabel(t, entry.actor, actorNames)}
          </span>
          <span data-label={t('ledger.entries.leafHash')}>
            {!intact && (
              <span className="mismatch-mark" role="img" aria-label={t('ledger.entries.hashMismatchShort')}>
                ✗{' '}
              </span>
            )}
            <ShortHash hex={item.leafHash} />
          </span>
        </summary>
        <dl className="entry-detail">
          <dt>{t('ledger.entries.leafHash')}</dt>
          <dd>
            <code className="hash-full">{item.leafHash}</code>
            <p className={intact ? 'hash-check hash-check-ok' : 'hash-check hash-check-bad'}>
              <span aria-hidden="true">{intact ? '✓ ' : '✗ '}</span>
              {intact ? t('ledger.entries.hashMatches') : t('ledger.entries.hashMismatch')}
            </p>
          </dd>
          <dt>{t('ledger.entries.fullEntry')}</dt>
          <dd>
            <pre>{JSON.stringify(entry, null, 2)}</pre>
          </dd>
        </dl>
      </details>
    </li>
  );
}
