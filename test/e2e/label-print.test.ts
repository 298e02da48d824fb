// The label print page printed by a real browser: Chromium's print-to-PDF
// must honour the page's CSS `@page` (one 60 × 40 mm page per label), and
// each printed page's QR code must hold the lot's label URL. The first page
// is saved as test-results/labels-print-page1.png.
import { writeFileSync } from 'node:fs';
import { labelDigest, type RecordedView } from '@alutrace/shared';
import jsQR from 'jsqr';
import * as mupdf from 'mupdf';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data } from '../api/http-client';
import { buildWorld, type World } from '../api/world';
import { launchChromium, SCREENSHOT_DIR } from './browser';

const PUBLIC_URL = 'https://alutrace.example.cn';
let world: World;
let browser: Browser;
const lots: { lotId: string; digest: string }[] = [];

beforeAll(async () => {
  world = await buildWorld({ env: { ALUTRACE_PUBLIC_URL: PUBLIC_URL } });
  for (let i = 0; i < 2; i++) {
    const r = data(
      await world.clientFor('operator').mutate<RecordedView>('collection.record', {
        site: 'PG01',
        grade: 'UBC',
        grossG: 600_000,
        tareG: 100_000,
        deductionG: i,
        netG: 500_000 - i,
        sealed: { seller: { kind: 'individual', name: '黄伟', residentId: '451002198506151230' } },
      }),
    );
    lots.push({ lotId: r.lots[0]?.lotId ?? '', digest: labelDigest(r.leafHashes[0] ?? '') });
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

describe('the label print page in a browser', () => {
  it('prints one 60 × 40 mm page per label, each with its lot’s QR code', async () => {
    // The session cookie as a header: with an https public URL it is a __Host- cookie, which a
    // browser would keep only over https, and this server speaks plain http.
    const context = await browser.newContext({
      extraHTTPHeaders: { cookie: world.clientFor('operator').cookie ?? '' },
    });
    const page = await context.newPage();
    const res = await page.goto(`${world.server.url}/labels/print?lots=${lots.map((l) => l.lotId).join(',')}`);
    expect(res?.status()).toBe(200);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await context.close();

    const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
    expect(doc.countPages()).toBe(2);
    for (const [i, lot] of lots.entries()) {
      const p = doc.loadPage(i);
      const [x0, y0, x1, y1] = p.getBounds();
      // 60 × 40 mm in points, to a tenth of a millimetre.
      expect((x1 - x0) / (72 / 25.4)).toBeCloseTo(60, 0);
      expect((y1 - y0) / (72 / 25.4)).toBeCloseTo(40, 0);
      const pix = p.toPixmap(mupdf.Matrix.scale(203 / 72, 203 / 72), mupdf.ColorSpace.DeviceRGB, false);
      if (i === 0) writeFileSync(`${SCREENSHOT_DIR}labels-print-page1.png`, pix.asPNG());
      const [w, h, rgb] = [pix.getWidth(), pix.getHeight(), pix.getPixels()];
      const rgba = new Uint8ClampedArray(w * h * 4).fill(255);
      for (let k = 0; k < w * h; k++) rgba.set(rgb.subarray(k * 3, k * 3 + 3), k * 4);
      const code = jsQR(rgba, w, h, { inversionAttempts: 'dontInvert' });
      expect(code?.data).toBe(`${PUBLIC_URL}/l/${lot.lotId}?d=${lot.digest}`);
    }
  });
});
