// QR labels over real HTTP: the PNG, the SVG, the print page and the A4 PDF
// sheet. The QR codes are read back with decoders the label code does not
// use (jsQR on pixels from pngjs, and on pages rendered by MuPDF), and the
// URL they hold must open the lot's public passport. Renders are saved as
// test-results/labels-*.png to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createToken, systemActor } from '@alutrace/server/testing';
import { labelDigest, type Passport, type RecordedView } from '@alutrace/shared';
import jsQR from 'jsqr';
import * as mupdf from 'mupdf';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, data } from './http-client';
import { buildWorld, type World } from './world';

const PUBLIC_URL = 'https://alutrace.example.cn';
const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const UBC_ZH = '废铝易拉罐（打包）';

let world: World;
let token: string;
/** The lots collected at PG01, with the label digest worked out here from each creating entry's leaf hash. */
const lots: { lotId: string; digest: string }[] = [];

beforeAll(async () => {
  world = await buildWorld({ env: { ALUTRACE_PUBLIC_URL: PUBLIC_URL } });
  const operator = world.clientFor('operator');
  for (let i = 0; i < 21; i++) {
    const r = data(
      await operator.mutate<RecordedView>('collection.record', {
        site: 'PG01',
        grade: 'UBC',
        grossG: 1_523_000 + i,
        tareG: 200_000,
        deductionG: 12_000,
        netG: 1_311_000 + i,
        sealed: { seller: { kind: 'individual', name: '李明', residentId: '451002198506151230' } },
      }),
    );
    lots.push({ lotId: r.lots[0]?.lotId ?? '', digest: labelDigest(r.leafHashes[0] ?? '') });
  }
  token = (
    await createToken(world.server.app, systemActor('cli'), { name: 'PG01 printer', role: 'operator', site: 'PG01' })
  ).secret;
  mkdirSync(RESULTS, { recursive: true });
});
afterAll(async () => {
  await world?.stop();
});

const first = () => lots[0] as { lotId: string; digest: string };

function siteToken(): Client {
  const c = world.anonymous();
  c.bearer = token;
  return c;
}

/** A signed-in operator of PG02, which never saw PG01's lots. */
function otherSiteOperator(): Client {
  const c = world.anonymous();
  const { token: session } = world.server.app.auth.sessions.create(world.target.id, { ip: null, userAgent: 'test' });
  c.cookie = `${world.server.app.auth.cookieName}=${session}`;
  return c;
}

async function get(client: Client, path: string): Promise<Response> {
  return fetch(`${world.server.url}${path}`, {
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.bearer ? { authorization: `Bearer ${client.bearer}` } : {}),
    },
  });
}

/** The status alone, the body read to its end so that the connection is free again (and the server stops promptly). */
async function statusOf(client: Client, path: string): Promise<number> {
  const res = await get(client, path);
  await res.arrayBuffer();
  return res.status;
}

function decodeQr(rgba: Uint8ClampedArray, width: number, height: number): string {
  const code = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  if (!code) throw new Error('no QR code found');
  return code.data;
}

/** The URL must be the public URL's /l/{lot}?d={digest}, and open the lot's passport for anyone. */
async function expectLabelUrl(url: string, lot: { lotId: string; digest: string }): Promise<void> {
  expect(url).toBe(`${PUBLIC_URL}/l/${lot.lotId}?d=${lot.digest}`);
  const parsed = new URL(url);
  const lotId = decodeURIComponent(parsed.pathname.replace(/^\/l\//, ''));
  const digest = parsed.searchParams.get('d');
  const passport = data(await world.anonymous().query<Passport>('lots.passport', { lotId, digest }));
  expect(passport.lot.lotId).toBe(lot.lotId);
}

describe('a single label', () => {
  it('is a 480 × 320 PNG whose QR code opens the lot’s passport', async () => {
    const res = await get(siteToken(), `/labels/${first().lotId}.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    writeFileSync(`${RESULTS}labels-single.png`, bytes, { mode: 0o600 });
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([480, 320]);
    await expectLabelUrl(decodeQr(new Uint8ClampedArray(png.data), png.width, png.height), first());
  });

  it('is a 60 × 40 mm SVG for a signed-in user of the site, readable without any font', async () => {
    const res = await get(world.clientFor('operator'), `/labels/${first().lotId}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const svg = await res.text();
    expect(svg).toContain('width="60mm" height="40mm" viewBox="0 0 480 320"');
    expect(svg).not.toContain('<text');
    expect(svg).toContain(`<title>${first().lotId} ${UBC_ZH} 1311.0 kg `);
    expect(svg).toContain('PG01 平果回收站</title>');
  });

  it('shows the net mass exactly, from grams', async () => {
    const res = await get(siteToken(), `/labels/${(lots[7] as { lotId: string }).lotId}.svg`);
    expect(await res.text()).toContain(' 1311.007 kg ');
  });
});

describe('who may print a label', () => {
  const paths = () => [
    `/labels/${first().lotId}.png`,
    `/labels/${first().lotId}.svg`,
    `/labels/print?lots=${first().lotId}`,
    `/labels/sheet.pdf?lots=${first().lotId}`,
  ];

  it('answers 401 with the error envelope to an anonymous caller', async () => {
    for (const path of paths()) {
      const res = await get(world.anonymous(), path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const body = (await res.json()) as {
        error: { data: { httpStatus: number; app: { code: string; messageZh: string } } };
      };
      expect(body.error.data.app.code).toBe('UNAUTHENTICATED');
      expect(body.error.data.httpStatus).toBe(401);
      expect(body.error.data.app.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers an operator of another site exactly as for a lot that does not exist', async () => {
    const other = otherSiteOperator();
    for (const path of paths()) {
      const hidden = await get(other, path);
      const unknown = await get(other, path.replaceAll(first().lotId, 'PG01-990101-9999'));
      expect(hidden.status, path).toBe(404);
      expect(unknown.status).toBe(404);
      const [h, u] = [await hidden.text(), await unknown.text()];
      expect(h.replaceAll(first().lotId, 'X')).toBe(u.replaceAll('PG01-990101-9999', 'X'));
      expect(JSON.parse(h).error.data.app.code).toBe('LOT_UNKNOWN');
    }
  });

  it('answers the site’s API token and an official', async () => {
    for (const path of paths()) {
      expect(await statusOf(siteToken(), path), path).toBe(200);
      expect(await statusOf(world.clientFor('official'), path), path).toBe(200);
    }
  });
});

describe('the print page', () => {
  it('puts one label on each 60 × 40 mm page and opens the print dialog only when asked', async () => {
    const ids = lots.slice(0, 3).map((l) => l.lotId);
    const res = await get(siteToken(), `/labels/print?lots=${ids.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const html = await res.text();
    expect(html).toContain('@page { size: 60mm 40mm; margin: 0 }');
    expect(html.match(/<section class="label">/g)).toHaveLength(3);
    for (const id of ids) expect(html).toContain(`aria-label="${id} `);
    expect(html).not.toContain('<script');

    const printing = await (await get(siteToken(), `/labels/print?lots=${ids.join(',')}&print=1`)).text();
    expect(printing).toContain('<script src="/labels/print.js" defer></script>');
    const script = await fetch(`${world.server.url}/labels/print.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('window.print()');
  });

  it('refuses more than 100 lots, and none, with a message that says what to do', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `PG01-261128-${String(i + 1).padStart(4, '0')}`);
    for (const path of [`/labels/print?lots=${many.join(',')}`, `/labels/sheet.pdf?lots=${many.join(',')}`]) {
      const res = await get(siteToken(), path);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string; data: { app: { code: string } } } };
      expect(body.error.data.app.code).toBe('BAD_REQUEST');
      expect(body.error.message).toContain('at most 100 labels per request; this asks for 101');
    }
    expect(await statusOf(siteToken(), '/labels/sheet.pdf?lots=')).toBe(400);
    // The caller first: an anonymous request learns nothing, not even the limit.
    expect(await statusOf(world.anonymous(), `/labels/print?lots=${many.join(',')}`)).toBe(401);
  });
});

describe('the A4 sheet', () => {
  it('holds 21 labels on one small page whose QR codes open each lot’s passport, with the Chinese text embedded', async () => {
    const res = await get(siteToken(), `/labels/sheet.pdf?lots=${lots.map((l) => l.lotId).join(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.length).toBeLessThan(300_000);
    // The font is embedded as a subset (its name carries the six-letter subset tag).
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);

    const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
    expect(doc.countPages()).toBe(1);
    const page = doc.loadPage(0);
    const text = page.toStructuredText('preserve-whitespace').asText();
    expect(text).toContain(UBC_ZH);
    expect(text).toContain('平果回收站');

    const dpi = 203;
    const pix = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false);
    writeFileSync(`${RESULTS}labels-sheet-page1.png`, pix.asPNG(), { mode: 0o600 });
    const [w, samples] = [pix.getWidth(), pix.getPixels()];
    const mm = dpi / 25.4;
    // 3 × 7 labels of 60 × 40 mm, centred on the page: left 15 mm, top 8.5 mm.
    for (const [i, lot] of lots.entries()) {
      const [col, row] = [i % 3, Math.floor(i / 3)];
      const [x0, y0] = [Math.round((15 + col * 60) * mm), Math.round((8.5 + row * 40) * mm)];
      const [cw, ch] = [Math.floor(60 * mm), Math.floor(40 * mm)];
      // The page's RGB samples, cut to the label and given an opaque alpha for jsQR.
      const cell = new Uint8ClampedArray(cw * ch * 4).fill(255);
      for (let y = 0; y < ch; y++) {
        for (let x = 0; x < cw; x++) {
          const [from, to] = [((y0 + y) * w + x0 + x) * 3, (y * cw + x) * 4];
          cell[to] = samples[from] ?? 255;
          cell[to + 1] = samples[from + 1] ?? 255;
          cell[to + 2] = samples[from + 2] ?? 255;
        }
      }
      await expectLabelUrl(decodeQr(cell, cw, ch), lot);
    }
  });
});
