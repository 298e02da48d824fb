// What the collection form remembers on this device between weighings: the
// last grade used and the site chosen (for operators of several sites).

const GRADE_KEY = 'alutrace.collect.grade';
const SITE_KEY = 'alutrace.collect.site';

function read(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    // Storage can be disabled; the form then starts without defaults.
    return '';
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered; nothing else depends on it.
  }
}

export const rememberedGrade = (): string => read(GRADE_KEY);
export const rememberGrade = (code: string): void => write(GRADE_KEY, code);
export const rememberedSite = (): string => read(SITE_KEY);
export const rememberSite = (code: string): void => write(SITE_KEY, code);

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
