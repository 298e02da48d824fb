// Reads the label from the address and asks the server for the passport with
// one plain GET (no tRPC client: this page must stay small). Only the path
// and ?d= matter, so a label printed with another host's address still opens
// here. A wrong digest and an unknown lot are one answer (404 LOT_UNKNOWN),
// and this page keeps them one answer too.
import { LOT_ID_PATTERN, type Passport } from '@alutrace/shared';

export interface Label {
  lotId: string;
  digest: string;
}

export type Loaded =
  | { status: 'ok'; passport: Passport }
  /** Not a label, an unknown lot or a wrong digest: the page tells them apart no more than the server does. */
  | { status: 'unverifiable' }
  /** No answer, or an answer that is not a passport: worth trying again. */
  | { status: 'unreachable' };

const DIGEST = /^[A-Za-z2-7]{10}$/;

export function readLabel(location: { pathname: string; search: string }): Label | null {
  const m = /^\/l\/([^/]+)\/?$/.exec(location.pathname);
  if (!m) return null;
  let lotId: string;
  try {
    lotId = decodeURIComponent(m[1] as string).toUpperCase();
  } catch {
    return null;
  }
  const digest = new URLSearchParams(location.search).get('d') ?? '';
  if (!LOT_ID_PATTERN.test(lotId) || !DIGEST.test(digest)) return null;
  return { lotId, digest: digest.toLowerCase() };
}

export function passportUrl(label: Label): string {
  return `/trpc/lots.passport?input=${encodeURIComponent(JSON.stringify(label))}`;
}

export async function loadPassport(label: Label): Promise<Loaded> {
  let response: Response;
  try {
    response = await fetch(passportUrl(label), { headers: { accept: 'application/json' } });
  } catch {
    return { status: 'unreachable' };
  }
  if (response.status === 404 || response.status === 400) return { status: 'unverifiable' };
  if (!response.ok) return { status: 'unreachable' };
  try {
    const body = (await response.json()) as { result?: { data?: Passport } };
    const passport = body.result?.data;
    return passport?.lot && Array.isArray(passport.entries) ? { status: 'ok', passport } : { status: 'unreachable' };
  } catch {
    return { status: 'unreachable' };
  }
}
