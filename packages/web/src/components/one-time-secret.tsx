import { type ReactElement, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './copy-button';

interface OneTimeSecretProps {
  title: ReactNode;
  /** What the secret is: "Password", "Token". */
  label: string;
  secret: string;
  /** More to say: how to use it, who to give it to. */
  children?: ReactNode;
  onDone: () => void;
}

/**
 * A password or token the server returns once and never again: shown with a
 * copy button and a plain warning, until the person says they have kept it.
 */
export function OneTimeSecret({ title, label, secret, children, onDone }: OneTimeSecretProps): ReactElement {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Brought into view and focus: it may appear below the fold, and it is what matters now.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus();
  }, []);
  return (
    <div className="status status-secret one-time-secret" ref={ref} tabIndex={-1} data-testid="one-time-secret">
      <p className="status-title">{title}</p>
      <div className="secret-row">
        <span className="secret-label">{label}</span>
        <code className="secret-value" data-testid="secret-value">
          {secret}
        </code>
        <CopyButton text={secret} />
      </div>
      {children}
      <p className="secret-warning">
        <strong>{t('secret.onlyOnce')}</strong> {t('secret.keepIt')}
      </p>
      <button type="button" className="button" onClick={onDone}>
        {t('secret.done')}
      </button>
    </div>
  );
}
