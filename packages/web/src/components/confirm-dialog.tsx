import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './form-alert';
import { ModalDialog } from './modal-dialog';

interface ConfirmDialogProps {
  title: ReactNode;
  message: ReactNode;
  confirmLabel: string;
  /** Red confirm button: the action ends something (a user's access, a token). */
  danger?: boolean;
  pending: boolean;
  /** Why the action failed, shown in the dialog so that it can be tried again or cancelled. */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" before an action that ends someone's access; the action's result stays in the caller. */
export function ConfirmDialog(props: ConfirmDialogProps): ReactElement {
  const { t } = useTranslation();
  return (
    <ModalDialog title={props.title} onClose={props.onClose}>
      <p>{props.message}</p>
      <FormAlert message={props.error} />
      <div className="form-actions">
        <button
          type="button"
          className={props.danger ? 'button button-danger' : 'button button-primary'}
          onClick={props.onConfirm}
          disabled={props.pending}
        >
          {props.pending ? t('common.working') : props.confirmLabel}
        </button>
        <button type="button" className="button" onClick={props.onClose} disabled={props.pending}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
