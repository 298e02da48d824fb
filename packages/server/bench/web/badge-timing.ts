// Time until the passport page shows its verdict, in Chromium driven over
// the DevTools protocol: a fresh browser context per run (cold cache, and
// the cache disabled besides), Network.emulateNetworkConditions for the
// throttled runs, and the moment the badge appears taken in the page itself
// (performance.now(), from the start of the navigation) by a MutationObserver
// installed before any script runs.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser } from '../../../../test/node_modules/playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface NetworkProfile {
  name: string;
  /** Null: no throttling. */
  conditions: { latency: number; downloadThroughput: number; uploadThroughput: number } | null;
}

/** "Slow 4G" as the brief sets it: 1.6 Mbps down, 750 kbps up, 150 ms latency (bytes per second for CDP). */
export const SLOW_4G: NetworkProfile = {
  name: 'slow 4G (1.6 Mbps ↓, 750 kbps ↑, 150 ms)',
  conditions: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
};
export const UNTHROTTLED: NetworkProfile = { name: 'unthrottled (loopback)', conditions: null };

export interface BadgeRun {
  ms: number;
  verdict: string;
  transferredBytes: number;
}

// playwright-core is the browser tests' dependency (test/package.json): borrowed from there, not added here.
const fromTests = createRequire(fileURLToPath(new URL('../../../../test/package.json', import.meta.url)));

export function launchBrowser(): Promise<Browser> {
  // A CommonJS package: required, not imported.
  const { chromium } = fromTests('playwright-core') as typeof import('../../../../test/node_modules/playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
    ],
  });
}

const WATCH_BADGE = `
  new MutationObserver((_, observer) => {
    const badge = document.querySelector('[data-verdict], [data-testid="unverifiable"]');
    if (!badge) return;
    window.__badge = { ms: performance.now(), verdict: badge.getAttribute('data-verdict') || 'unverifiable' };
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
`;

export async function timeBadge(browser: Browser, url: string, profile: NetworkProfile): Promise<BadgeRun> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.conditions)
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.conditions });
    let transferredBytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      transferredBytes += e.encodedDataLength;
    });
    await page.addInitScript(WATCH_BADGE);
    await page.goto(url);
    // A function, not a string: the page's CSP forbids eval, and a string predicate is eval'd in the page.
    await page.waitForFunction(() => (globalThis as { __badge?: unknown }).__badge !== undefined, null, {
      timeout: 60_000,
    });
    const badge = (await page.evaluate(() => (globalThis as { __badge?: unknown }).__badge)) as {
      ms: number;
      verdict: string;
    };
    return { ms: badge.ms, verdict: badge.verdict, transferredBytes };
  } finally {
    await context.close();
  }
}
