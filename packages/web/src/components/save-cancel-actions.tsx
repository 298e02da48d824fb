import { useTranslation } from 'react-i18next';

/** The Save / Cancel buttons of an edit dialog; both wait while the change is being saved. */
export function SaveCancelActions({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t('common.working') : t('common.save')}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={pending}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
