import type { SessionView } from '@alutrace/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FLASH } from '../../app/flash';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import { describeApiError } from '../../lib/api-error';
import { LOGIN_PATH } from '../../lib/next-path';
import { useTRPC } from '../../lib/trpc';
import { describeUserAgent } from '../../lib/user-agent';
import { SessionRow } from './session-row';

/** Where I am signed in; any of it can be ended, this device's after a confirmation (it signs me out). */
export function SessionsCard(): ReactElement {
  const { t } = useTranslation();
  const language = apiLanguage(useAppLanguage());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const [confirmCurrent, setConfirmCurrent] = useState<SessionView | null>(null);
  /** The device whose session was just ended, for the confirmation. */
  const [ended, setEnded] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.auth.revokeSession.mutationOptions({
      onSuccess: (_result, { sessionId }) => {
        if (sessionId === confirmCurrent?.id) {
          // As at sign-out: the sign-in page forgets the person once it shows (see LoginPage).
          void navigate(LOGIN_PATH, { state: FLASH.signedOut });
          return;
        }
        const target = sessions.data?.find((s) => s.id === sessionId);
        setEnded(describeUserAgent(target?.userAgent ?? null) ?? t('sessions.unknownDevice'));
        void queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() });
      },
    }),
  );
  const onRevoke = (target: SessionView): void => {
    setEnded(null);
    if (target.current) setConfirmCurrent(target);
    else revoke.mutate({ sessionId: target.id });
  };
  const failure = revoke.isError
    ? (describeApiError(revoke.error, language)?.message ?? t('errors.unreachable'))
    : null;

  return (
    <section className="card card-wide" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      <p className="hint">{t('sessions.intro')}</p>
      {sessions.isPending && <LoadingNotice />}
      {sessions.isError && <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {ended && !revoke.isError && (
        <p className="status status-ok" role="status" data-testid="session-ended">
          {t('sessions.ended', { device: ended })}
        </p>
      )}
      {!confirmCurrent && failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      {sessions.data && (
        <div className="table-wrap">
          <table className="data-table" data-testid="sessions">
            <thead>
              <tr>
                <th scope="col">{t('sessions.device')}</th>
                <th scope="col">{t('sessions.ip')}</th>
                <th scope="col">{t('sessions.signedInAt')}</th>
                <th scope="col">{t('sessions.lastSeen')}</th>
                <th scope="col">{t('sessions.endsAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((item) => (
                <SessionRow
                  key={item.id}
                  session={item}
                  revoking={revoke.isPending && revoke.variables.sessionId === item.id}
                  onRevoke={() => onRevoke(item)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirmCurrent && (
        <ConfirmDialog
          title={t('sessions.confirmCurrentTitle')}
          message={t('sessions.confirmCurrent')}
          confirmLabel={t('sessions.signOutHere')}
          danger
          pending={revoke.isPending}
          error={failure}
          onConfirm={() => revoke.mutate({ sessionId: confirmCurrent.id })}
          onClose={() => {
            revoke.reset();
            setConfirmCurrent(null);
          }}
        />
      )}
    </section>
  );
}
