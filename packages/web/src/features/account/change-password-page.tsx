import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FLASH } from '../../app/flash';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { safeNextPath } from '../../lib/next-path';
import { ChangePasswordForm } from './change-password-form';

/**
 * `/account/password?next=…`: where someone whose password was set by an
 * administrator (or generated at first run) is held until they choose their own.
 */
export function ChangePasswordPage(): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const forced = me?.mustChangePassword ?? false;
  useDocumentTitle(t(forced ? 'password.forcedTitle' : 'password.title'));
  const next = safeNextPath(params.get('next'));
  return (
    <section className="page page-narrow">
      <h1>{t(forced ? 'password.forcedTitle' : 'password.title')}</h1>
      {forced && (
        <p className="status status-info" data-testid="password-forced">
          {t('password.forcedIntro')}
        </p>
      )}
      <div className="card">
        <ChangePasswordForm onChanged={() => void navigate(next, { replace: true, state: FLASH.passwordChanged })} />
      </div>
    </section>
  );
}
