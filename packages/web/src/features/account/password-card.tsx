import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './change-password-form';

export function PasswordCard(): ReactElement {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      {changed && (
        <p className="status status-ok" role="status" data-testid="password-changed">
          {t('flash.passwordChanged')}
        </p>
      )}
      <ChangePasswordForm onChanged={() => setChanged(true)} />
    </section>
  );
}
