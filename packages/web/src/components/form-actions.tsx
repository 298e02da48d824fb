import { useTranslation } from 'react-i18next';

/** A form's submit button, which waits (and says so) while the request is on its way. */
export function SubmitActions({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? (pendingLabel ?? t('common.working')) : label}
      </button>
    </div>
  );
}

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
