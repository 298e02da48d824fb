// One-off messages that travel with a navigation (in the history entry's
// state), shown once above the page they lead to: "you have signed out".

export const FLASH_KEYS = ['signedOut', 'sessionEnded', 'passwordChanged'] as const;
export type FlashKey = (typeof FLASH_KEYS)[number];

/** Navigation states carrying each message: `navigate(path, { state: FLASH.signedOut })`. */
export const FLASH = {
  signedOut: { flash: 'signedOut' },
  sessionEnded: { flash: 'sessionEnded' },
  passwordChanged: { flash: 'passwordChanged' },
} as const satisfies Record<FlashKey, { flash: FlashKey }>;

export function readFlash(state: unknown): FlashKey | null {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return null;
  const { flash } = state;
  return (FLASH_KEYS as readonly unknown[]).includes(flash) ? (flash as FlashKey) : null;
}
