// Whether this browser was signed in when it was last used. The session
// cookie is HttpOnly, so a page opened after the session ended elsewhere
// (signed out on another device, revoked, timed out) cannot tell that from
// "never signed in" by the cookie: this note, kept until the person signs
// out here, lets the sign-in page say why it is asking again.

const KEY = 'alutrace.signedIn';

// Storage can be unavailable (private modes, disabled cookies): the note is then simply not kept.
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const signedInMarker = {
  set(): void {
    try {
      storage()?.setItem(KEY, '1');
    } catch {
      // Full or refused: nothing to explain later.
    }
  },
  clear(): void {
    try {
      storage()?.removeItem(KEY);
    } catch {
      // As above.
    }
  },
  isSet(): boolean {
    try {
      return storage()?.getItem(KEY) === '1';
    } catch {
      return false;
    }
  },
};
