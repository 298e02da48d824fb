// Where to go after signing in. The address travels in `?next=`, so only a
// path inside this app is accepted: anything else (another site, a
// protocol-relative `//host`) would turn the sign-in page into an open redirect.

/** Where a signed-in person starts when they came from nowhere: their role's daily tasks. */
export const HOME_PATH = '/home';
export const LOGIN_PATH = '/login';
export const CHANGE_PASSWORD_PATH = '/account/password';

/** `raw` when it is a path of this app other than the sign-in page itself; otherwise the home page. */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return HOME_PATH;
  // Control characters have no place in a path, and some browsers strip them (turning `/\t/host` into `//host`).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this is the check for them.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return HOME_PATH;
  const path = raw.split(/[?#]/)[0];
  if (path === LOGIN_PATH || path === CHANGE_PASSWORD_PATH) return HOME_PATH;
  return raw;
}

function withNext(path: string, next: string): string {
  const target = safeNextPath(next);
  return target === HOME_PATH ? path : `${path}?next=${encodeURIComponent(target)}`;
}

/** The sign-in page, returning to `next` afterwards. */
export function loginPath(next: string): string {
  return withNext(LOGIN_PATH, next);
}

/** The forced change of a password set by someone else, continuing to `next` afterwards. */
export function changePasswordPath(next: string): string {
  return withNext(CHANGE_PASSWORD_PATH, next);
}
