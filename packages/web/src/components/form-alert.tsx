import type { ReactElement } from 'react';

/** What went wrong with a form as a whole, above it; read out as soon as it appears. */
export function FormAlert({ message }: { message: string | null }): ReactElement | null {
  if (!message) return null;
  return (
    <p className="notice notice-error form-alert" role="alert" data-testid="form-alert">
      {message}
    </p>
  );
}
