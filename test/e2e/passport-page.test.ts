// The public passport page, /l/{lot id}?d={digest}, in a real browser with no
// sign-in: a shipped ingot's figures and trace, checked in the browser with
// the shared verifier; a wrong digest and an unknown lot alike "could not be
// verified"; nothing sealed in the page or anything it receives; a response
// altered on the way fails the badge and says which check failed.
import type { Passport } from '@alutrace/shared';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { saveScreenshot } from './browser';
import { DESKTOP, test, textOf } from './fixtures';
import { recordPassportWorld, SECRETS } from './passport-world';

const PHONE_360 = { width: 360, height: 780 };

function flipOneByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  // A digit of the entry's JSON: still readable, but not the bytes that were hashed.
  const at = bytes.findIndex((b) => b >= 0x31 && b <= 0x38);
  bytes[at] = (bytes[at] as number) + 1;
  return bytes.toString('base64');
}

/** Alters the passport answer before the page sees it. */
async function tamper(page: Page, change: (passport: Passport) => void): Promise<void> {
  await page.route('**/trpc/lots.passport?**', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { result: { data: Passport } };
    change(body.result.data);
    await route.fulfill({ response, json: body });
  });
}

async function verdict(page: Page): Promise<string> {
  const badge = page.getByTestId('verification');
  await badge.waitFor();
  return (await badge.getAttribute('data-verdict')) ?? '';
}

describe('the public passport page', () => {
  test('shows a shipped lot, its trace and a verified badge at 360 px, in Chinese and in English', async ({ e2e }) => {
    const server = await e2e.startServer();
    const { ingot, collections } = await recordPassportWorld(server);
    const received: string[] = [];
    const { page, errors } = await e2e.openPage(server, `/l/${ingot.lotId}?d=${ingot.labelDigest}`, {
      viewport: PHONE_360,
      beforeLoad: (p) => {
        p.on(
          'response',
          (r) =>
            void r.text().then(
              (t) => received.push(`${r.url()}\n${t}`),
              () => undefined,
            ),
        );
        return Promise.resolve();
      },
    });
    expect(await verdict(page)).toBe('verified');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await textOf(page.getByTestId('verification'))).toContain('已验证');
    // The key shown is the one the operator publishes (ledger.publicKey, `alutrace key`), for the reader to compare.
    const published = (await (await fetch(`${server.url}/trpc/ledger.publicKey`)).json()) as {
      result: { data: { verifierKey: string } };
    };
    expect(await textOf(page.getByTestId('verifier-key'))).toBe(published.result.data.verifierKey);
    expect(await textOf(page.getByTestId('lot-id'))).toBe(ingot.lotId);
    expect(await textOf(page.getByTestId('mass'))).toBe('900 kg');
    expect(await textOf(page.getByTestId('alloy'))).toContain('ADC12');
    expect(await textOf(page.getByTestId('origin-site'))).toContain('平果再生铝 (RC01)');
    expect(await textOf(page.getByTestId('origin-site'))).toContain('平果工业园区');
    // 1,000 kg of post-consumer scrap ÷ (1,000 + 50 kg primary) = 95.2 %.
    expect(await textOf(page.getByTestId('recycled'))).toContain('95.2 %');
    expect(await textOf(page.getByTestId('shipped'))).toContain('柳州汽车零部件 (BY01)');
    expect(await textOf(page.getByTestId('shipped'))).toContain('建筑');
    const trace = await textOf(page.getByTestId('trace'));
    expect(trace).toContain('来自 1 个回收站点的 2 个回收批次');
    expect(trace).toContain('平果回收站 (PG01)');
    for (const c of collections) {
      await expect
        .poll(() => page.getByRole('link', { name: c.lotId }).getAttribute('href'))
        .toBe(`/l/${c.lotId}?d=${c.labelDigest}`);
    }
    // No horizontal scrolling on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await saveScreenshot(page, 'passport-zh-360');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await textOf(page.getByTestId('verification'))).toContain('Verified');
    expect(await textOf(page.getByTestId('shipped'))).toContain('Liuzhou auto parts (BY01)');
    await saveScreenshot(page, 'passport-en-360');
    await page.setViewportSize(DESKTOP);
    await saveScreenshot(page, 'passport-en-1280');
    await page.getByRole('button', { name: '中文' }).click();
    await saveScreenshot(page, 'passport-zh-1280');

    // An input's link opens its own passport, which verifies too.
    await page.getByRole('link', { name: collections[0].lotId }).click();
    expect(await verdict(page)).toBe('verified');
    expect(await textOf(page.getByTestId('lot-id'))).toBe(collections[0].lotId);
    expect(await textOf(page.getByTestId('mass'))).toBe('600 kg');

    const html = await page.content();
    const everything = [html, ...received].join('\n');
    const entries = received.flatMap((r) => [...r.matchAll(/"canonicalBase64":"([^"]+)"/g)].map((m) => m[1] as string));
    expect(entries.length).toBeGreaterThan(0);
    const decoded = entries.map((e) => Buffer.from(e, 'base64').toString('utf8')).join('\n');
    for (const secret of Object.values(SECRETS)) {
      expect(everything).not.toContain(String(secret));
      expect(decoded).not.toContain(String(secret));
    }
    expect(errors).toEqual([]);
  });

  test('answers a wrong digest and an unknown lot with the same page that reveals nothing', async ({ e2e }) => {
    const server = await e2e.startServer();
    const { ingot } = await recordPassportWorld(server);
    const wrong = `${ingot.labelDigest.slice(0, 9)}${ingot.labelDigest.endsWith('a') ? 'b' : 'a'}`;
    const unknown = `${ingot.lotId.slice(0, -4)}0999`;
    const shown: string[] = [];
    for (const path of [`/l/${ingot.lotId}?d=${wrong}`, `/l/${unknown}?d=${ingot.labelDigest}`, `/l/${ingot.lotId}`]) {
      const { page } = await e2e.openPage(server, path, { viewport: PHONE_360 });
      expect(await textOf(page.getByTestId('unverifiable'))).toContain('无法验证此标签');
      shown.push(await page.locator('#passport').innerHTML());
      if (shown.length === 1) {
        await saveScreenshot(page, 'passport-unverifiable-zh-360');
        await page.getByRole('button', { name: 'English' }).click();
        expect(await textOf(page.getByTestId('unverifiable'))).toContain('This label could not be verified');
        await page.getByRole('button', { name: '中文' }).click();
      }
    }
    expect(shown[1]).toBe(shown[0]);
    expect(shown[2]).toBe(shown[0]);
    expect(shown[0]).not.toContain(ingot.lotId);
  });

  test('fails the badge and names the check when an entry’s bytes are altered on the way', async ({ e2e }) => {
    const server = await e2e.startServer();
    const { ingot } = await recordPassportWorld(server);
    const { page } = await e2e.openPage(server, `/l/${ingot.lotId}?d=${ingot.labelDigest}`, {
      viewport: PHONE_360,
      beforeLoad: (p) =>
        tamper(p, (passport) => {
          const entry = passport.entries[0] as Passport['entries'][number];
          entry.canonicalBase64 = flipOneByte(entry.canonicalBase64);
        }),
    });
    expect(await verdict(page)).toBe('failed');
    const failed = await textOf(page.getByTestId('failed-checks'));
    expect(failed).toContain('每条记录的哈希都由其原始字节重新算出');
    expect(failed).toContain('the bytes hash to');
    await saveScreenshot(page, 'passport-tampered-bytes-zh-360');
  });

  test('fails the badge when the summary’s mass is changed on the way', async ({ e2e }) => {
    const server = await e2e.startServer();
    const { ingot } = await recordPassportWorld(server);
    const { page } = await e2e.openPage(server, `/l/${ingot.lotId}?d=${ingot.labelDigest}`, {
      viewport: PHONE_360,
      beforeLoad: (p) =>
        tamper(p, (passport) => {
          passport.lot.massG += 100_000;
        }),
    });
    expect(await verdict(page)).toBe('failed');
    expect(await textOf(page.getByTestId('mass'))).toBe('1 t');
    await page.getByRole('button', { name: 'English' }).click();
    const failed = await textOf(page.getByTestId('failed-checks'));
    expect(failed).toContain('The creating entry makes this lot, with this mass and grade');
    expect(failed).toContain('it made 900000 g, not 1000000 g');
    await saveScreenshot(page, 'passport-tampered-mass-en-360');
  });
});
