import { type ReactElement, type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

interface ModalDialogProps {
  title: ReactNode;
  children: ReactNode;
  /** Escape, or the caller's own cancel button. */
  onClose: () => void;
}

/**
 * A modal <dialog>: the browser keeps focus inside it, makes the page behind
 * it inert, and returns focus to where it was when it closes. Mount it to
 * open it; unmount it to close it. It is rendered into <body>, so that the
 * table cell or form it is opened from passes none of its styles on to it.
 */
export function ModalDialog({ title, children, onClose }: ModalDialogProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React unmount it, rather than the browser closing it under React's feet.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>,
    document.body,
  );
}
