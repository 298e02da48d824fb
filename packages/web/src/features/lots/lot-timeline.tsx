import { formatMassKg, type LotView } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { useLotWords } from './use-lot-words';
import { useSiteLabel } from './use-site-names';

/** Every ledger entry that made, moved or used the lot, oldest first, with its seq and leaf hash to look it up. */
export function LotTimeline({ lot }: { lot: LotView }): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  const format = useFormat();
  const siteLabel = useSiteLabel();
  return (
    <section className="card card-wide lot-card" aria-labelledby="lot-timeline-title">
      <h2 id="lot-timeline-title">{t('lots.timeline')}</h2>
      <ol className="lot-timeline" data-testid="lot-timeline">
        {lot.events.map((event) => (
          <li
            key={`${event.seq}-${event.action}`}
            className={event.correctedBy !== null ? 'lot-event lot-event-corrected' : 'lot-event'}
          >
            <div className="lot-event-head">
              <strong>
                {words.eventKind(event.kind)} · {words.action(event.action)}
              </strong>
              <span className="lot-event-mass">{formatMassKg(event.massG)}</span>
            </div>
            <div className="lot-event-meta">
              <span>{format.dateTime(event.recordedAt)}</span>
              {event.site && <span>{siteLabel(event.site)}</span>}
              <span>
                {t('lots.seq')} {event.seq}
              </span>
              <code className="lot-event-hash" title={event.leafHash}>
                {event.leafHash.slice(0, 16)}…
              </code>
            </div>
            {event.correctedBy !== null && <p className="hint">{t('lots.correctedBy', { seq: event.correctedBy })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
