import { useCallback, useState } from 'react';
import { readAppError } from '../../lib/api-error';

/**
 * The key of one submission (rule 6): the same across retries of the same
 * form, so a save whose answer was lost and is pressed again never records
 * twice. Renewed once the save succeeded, and after a refusal (a refused
 * event writes nothing, not even its key, and the corrected form is another
 * request); kept when the server never answered.
 */
export function useIdempotencyKey(): { key: string; renew: () => void; afterError: (error: unknown) => void } {
  const [key, setKey] = useState(newKey);
  const renew = useCallback(() => setKey(newKey()), []);
  const afterError = useCallback((error: unknown) => {
    if (readAppError(error) !== null) setKey(newKey());
  }, []);
  return { key, renew, afterError };
}

const newKey = (): string => newIdempotencyKey('web');

/**
 * A fresh idempotency key. getRandomValues rather than randomUUID: a yard PC
 * on plain http://192.168.… has no secure context, where randomUUID is missing.
 */
export function newIdempotencyKey(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
