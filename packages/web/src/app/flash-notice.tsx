import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { type FlashKey, readFlash } from './flash';

const TONE: Record<FlashKey, string> = {
  signedOut: 'status-ok',
  sessionEnded: 'status-info',
  passwordChanged: 'status-ok',
};

/** The message a navigation brought along, if any, until dismissed or navigated away from. */
export function FlashNotice(): ReactElement | null {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const flash = readFlash(location.state);
  if (!flash) return null;
  const dismiss = (): void => void navigate(location, { replace: true, state: null });
  return (
    <div className={`status flash ${TONE[flash]}`} role="status" data-testid="flash" data-flash={flash}>
      <p>{t(`flash.${flash}`)}</p>
      <button type="button" className="button button-small" onClick={dismiss}>
        {t('flash.dismiss')}
      </button>
    </div>
  );
}
