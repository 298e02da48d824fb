import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies text to the clipboard. The Clipboard API exists only on secure
 * pages (https, localhost); a server reached by its LAN address over plain
 * http falls back to the older selection copy.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the fallback.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text }: { text: string }): ReactElement {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {state === 'copied' ? t('secret.copied') : t('secret.copy')}
      </button>
      <span className="copy-status" role="status">
        {state === 'failed' ? t('secret.copyFailed') : ''}
      </span>
    </>
  );
}
