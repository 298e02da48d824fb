// The `web` scenario: the public passport page (/l/{lot id}?d=…) for a phone
// on a weak network. Its JavaScript, raw and gzipped, next to the main app's
// as the baseline; and the time until its verification badge shows, on a
// cold cache under emulated slow 4G, next to the same page unthrottled.
// Targets (issue 8): under 150 kB gzipped, under 3 s on slow 4G.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from '../bench-options';
import type { ScenarioIo, ScenarioOutput } from '../ledger/ledger-scenario';
import { passFail, type Section } from '../report/section';
import { median } from '../stats';
import { type BadgeRun, launchBrowser, type NetworkProfile, SLOW_4G, timeBadge, UNTHROTTLED } from './badge-timing';
import { type BundleSize, measureEntry } from './bundle-size';
import { recordShippedIngot, startBenchServer } from './passport-lot';

const DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
const SIZE_TARGET_BYTES = 150 * 1000;
const TIME_TARGET_MS = 3000;

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function runWebScenario(options: BenchOptions, io: ScenarioIo): Promise<ScenarioOutput> {
  if (!existsSync(join(DIST, 'passport.html'))) {
    throw new Error(`the web app is not built (${DIST}/passport.html is missing): run pnpm build first`);
  }
  const sections: Section[] = [];
  const emit = (s: Section) => {
    sections.push(s);
    io.emit(s);
  };
  emit(sizeSection(measureEntry(DIST, 'passport.html'), measureEntry(DIST, 'index.html')));

  io.progress('starting a server and recording a shipped ingot');
  const server = await startBenchServer(options.workDir);
  const browser = await launchBrowser();
  try {
    const ingot = await recordShippedIngot(server);
    const url = `${server.url}/l/${ingot.lotId}?d=${ingot.labelDigest}`;
    const runs = new Map<NetworkProfile, BadgeRun[]>();
    for (const profile of [UNTHROTTLED, SLOW_4G]) {
      const done: BadgeRun[] = [];
      // One warm-up per profile (the server's first answers, Chromium's first process), not counted.
      await timeBadge(browser, url, profile);
      for (let i = 0; i < options.repetitions; i++) {
        io.progress(`${profile.name}: run ${i + 1} of ${options.repetitions}`);
        done.push(await timeBadge(browser, url, profile));
      }
      runs.set(profile, done);
    }
    emit(timingSection(runs, options.repetitions));
  } finally {
    await browser.close();
    await server.stop();
  }
  return { header: [`web app: ${DIST}`], sections };
}

function sizeSection(passport: BundleSize, app: BundleSize): Section {
  const pass = passport.gzipBytes < SIZE_TARGET_BYTES;
  return {
    title: 'Passport page JavaScript (what /l/… loads before it runs), main app as baseline',
    headers: ['entry', 'files', 'raw', 'gzip', 'CSS gzip', 'target', 'verdict'],
    rows: [
      [
        'passport.html (/l/{lot id})',
        String(passport.files.length),
        kb(passport.rawBytes),
        kb(passport.gzipBytes),
        kb(passport.cssGzipBytes),
        '< 150 kB gzip',
        passFail(pass),
      ],
      [
        'index.html (the app, baseline)',
        String(app.files.length),
        kb(app.rawBytes),
        kb(app.gzipBytes),
        kb(app.cssGzipBytes),
        '—',
        '—',
      ],
    ],
    notes: [
      `passport files: ${passport.files.join(', ')}`,
      'entry script, modulepreloads and their static imports (lazy import() not counted); gzip -9 with node:zlib',
      `the passport loads ${((passport.gzipBytes / app.gzipBytes) * 100).toFixed(0)} % of the app's gzipped JavaScript`,
    ],
    verdicts: [{ what: 'passport page JavaScript, gzipped', target: '< 150 kB', pass }],
    figures: [
      {
        entry: 'passport',
        files: passport.files.length,
        rawBytes: passport.rawBytes,
        gzipBytes: passport.gzipBytes,
        cssGzipBytes: passport.cssGzipBytes,
      },
      {
        entry: 'app',
        files: app.files.length,
        rawBytes: app.rawBytes,
        gzipBytes: app.gzipBytes,
        cssGzipBytes: app.cssGzipBytes,
      },
    ],
  };
}

function timingSection(runs: Map<NetworkProfile, BadgeRun[]>, repetitions: number): Section {
  const rows: string[][] = [];
  const figures: Section['figures'] = [];
  let slowPass = false;
  for (const [profile, done] of runs) {
    const ms = median(done.map((r) => r.ms));
    const verdicts = [...new Set(done.map((r) => r.verdict))].join(', ');
    const isTarget = profile === SLOW_4G;
    const pass = ms < TIME_TARGET_MS && verdicts === 'verified';
    if (isTarget) slowPass = pass;
    rows.push([
      profile.name,
      seconds(ms),
      seconds(Math.min(...done.map((r) => r.ms))),
      seconds(Math.max(...done.map((r) => r.ms))),
      kb(median(done.map((r) => r.transferredBytes))),
      verdicts,
      isTarget ? '< 3 s' : 'baseline',
      isTarget ? passFail(pass) : '—',
    ]);
    figures.push({
      network: profile.name,
      medianMs: Math.round(ms),
      runs: done.length,
      transferredBytes: median(done.map((r) => r.transferredBytes)),
      verdicts,
    });
  }
  return {
    title: 'Time until the verified badge shows, cold cache, phone viewport (360 px)',
    headers: ['network', 'median', 'min', 'max', 'transferred', 'badge', 'target', 'verdict'],
    rows,
    notes: [
      `median of ${repetitions} runs after one warm-up, each in a fresh browser context with the cache disabled`,
      'from navigation start to the badge in the DOM: HTML, JS and CSS, the lots.passport GET, and verifyPassport in the page',
      'throttling: Chromium CDP Network.emulateNetworkConditions; transferred = encoded bytes received (compressed as served)',
    ],
    verdicts: [{ what: 'passport badge under slow 4G, cold cache', target: '< 3 s', pass: slowPass }],
    figures,
  };
}
