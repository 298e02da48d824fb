// A browser's User-Agent header, shortened to what a person recognises their
// device by in the list of sessions: "Chrome 131 · Android".

const BROWSERS: [name: string, pattern: RegExp][] = [
  // Order matters: these all claim to be Chrome or Safari too.
  ['WeChat', /MicroMessenger\/(\d+)/],
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /OPR\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: [name: string, pattern: RegExp][] = [
  ['Android', /Android/],
  ['iOS', /iPhone|iPad|iPod/],
  ['Windows', /Windows/],
  ['ChromeOS', /CrOS/],
  ['macOS', /Mac OS X|Macintosh/],
  ['Linux', /Linux|X11/],
];

/** E.g. "Firefox 133 · Windows"; the header itself (cut short) when nothing is recognised; null without one. */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([, pattern]) => pattern.test(userAgent));
  const system = SYSTEMS.find(([, pattern]) => pattern.test(userAgent));
  if (!browser && !system) return userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent;
  const version = browser ? browser[1].exec(userAgent)?.[1] : undefined;
  const parts = [browser ? `${browser[0]}${version ? ` ${version}` : ''}` : null, system?.[0] ?? null];
  return parts.filter((part) => part !== null).join(' · ');
}
