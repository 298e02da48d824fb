// A V8 CPU profile of one timed stretch of this process (not of its set-up),
// for --cpu-prof: the inspector's profiler runs only around `measure`.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { type CpuProfile, summarizeProfile } from '../report/cpu-profile';

export async function profiled<T>(file: string | undefined, measure: () => Promise<T>): Promise<T> {
  if (!file) return measure();
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const result = await measure();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    return result;
  } finally {
    session.disconnect();
  }
}

/** One line for a report's notes: where a profile's time went, by package. */
export function profileNote(name: string, file: string, watch: string[] = []): string {
  const s = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, 6, watch);
  const top = (list: { name: string; share: number }[]) =>
    list.map((c) => `${c.name} ${(c.share * 100).toFixed(0)} %`).join('; ');
  const inclusive = s.inclusive.length > 0 ? `; inclusive: ${top(s.inclusive)}` : '';
  return `     ${name} (${file}): by package: ${top(s.byPackage)}${inclusive}`;
}

/** The domain write path's stages, for profileNote's inclusive shares. */
export const WRITE_PATH = [
  'commitGroup',
  'appendInTransaction',
  'planCollection',
  'writeEntry',
  'projectEntries',
  'store',
  'recordedView',
  'resolvePrincipal',
];
