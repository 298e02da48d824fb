import type { SessionView } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { describeUserAgent } from '../../lib/user-agent';

interface SessionRowProps {
  session: SessionView;
  revoking: boolean;
  onRevoke: () => void;
}

export function SessionRow({ session, revoking, onRevoke }: SessionRowProps): ReactElement {
  const { t } = useTranslation();
  const format = useFormat();
  const time = (iso: string) => <time dateTime={iso}>{format.dateTime(iso)}</time>;
  return (
    <tr data-current={String(session.current)} data-testid="session-row">
      <td data-label={t('sessions.device')}>
        <span title={session.userAgent ?? undefined}>
          {describeUserAgent(session.userAgent) ?? t('sessions.unknownDevice')}
        </span>
        {session.current && (
          <>
            {' '}
            <span className="badge badge-accent">{t('sessions.thisDevice')}</span>
          </>
        )}
      </td>
      <td data-label={t('sessions.ip')}>
        <code>{session.ip ?? t('common.none')}</code>
      </td>
      <td data-label={t('sessions.signedInAt')}>{time(session.createdAt)}</td>
      <td data-label={t('sessions.lastSeen')}>{time(session.lastSeenAt)}</td>
      <td data-label={t('sessions.endsAt')}>{time(session.expiresAt)}</td>
      <td className="cell-actions">
        <button type="button" className="button button-small" onClick={onRevoke} disabled={revoking}>
          {revoking ? t('common.working') : session.current ? t('sessions.signOutHere') : t('sessions.revoke')}
        </button>
      </td>
    </tr>
  );
}
