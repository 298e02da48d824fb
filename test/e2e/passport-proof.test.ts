// The passport page's offline proof in a real browser: the "download the
// proof file" link gives the file `alutrace verify-proof` accepts; with the
// network cut off, the page opens that file and verifies it on its own (the
// figures, the badge, where the checkpoint came from); the same file with one
// entry byte changed fails, a file that is not a proof is named as such.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@alutrace/server/testing';
import {
  cosign,
  formatCosignerKey,
  generateCosigner,
  type LotProofFile,
  noteBody,
  parseTlogProof,
} from '@alutrace/shared';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { cli } from '../cli/run-cli';
import { saveScreenshot } from './browser';
import { addUser, DESKTOP, test, textOf } from './fixtures';
import { recordPassportWorld } from './passport-world';

const PHONE_360 = { width: 360, height: 780 };

async function verdict(page: Page): Promise<string> {
  const badge = page.getByTestId('verification');
  await badge.waitFor();
  return (await badge.getAttribute('data-verdict')) ?? '';
}

describe('the passport page and its offline proof file', () => {
  test('downloads the proof, then checks it with the network cut off; a changed byte fails', async ({ e2e }) => {
    const server = await e2e.startServer();
    const { ingot } = await recordPassportWorld(server);
    const { page, context, errors } = await e2e.openPage(server, `/l/${ingot.lotId}?d=${ingot.labelDigest}`, {
      viewport: PHONE_360,
    });
    expect(await verdict(page)).toBe('verified');
    const link = page.getByTestId('proof-download');
    expect(await link.getAttribute('href')).toBe(`/l/${ingot.lotId}/proof?d=${ingot.labelDigest}`);
    await page.getByTestId('proof-card').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'passport-proof-card-zh-360');

    const dir = makeTempDir('alutrace-e2e-proof-');
    mkdirSync(dir, { recursive: true });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${ingot.lotId}.lot-proof.json`);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    // The file the browser saved is the one the command line accepts.
    const key = (await cli(['key', '--data-dir', server.dataDir])).out.trim();
    const checked = await cli(['verify-proof', file, '--key', key]);
    expect(checked.code, checked.out).toBe(0);

    // From here on nothing reaches the server.
    const requests: string[] = [];
    await context.setOffline(true);
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.getByTestId('proof-file').setInputFiles(file);
    await page.getByTestId('from-file').waitFor();
    expect(await verdict(page)).toBe('verified');
    expect(await textOf(page.getByTestId('from-file'))).toContain(`${ingot.lotId}.lot-proof.json`);
    expect(await textOf(page.getByTestId('from-file'))).toContain('离线核对');
    expect(await textOf(page.getByTestId('lot-id'))).toBe(ingot.lotId);
    expect(await textOf(page.getByTestId('mass'))).toBe('900 kg');
    expect(requests).toEqual([]);
    await saveScreenshot(page, 'passport-proof-offline-verified-zh-360');

    // One byte of the creating entry changed: the inclusion proof no longer leads to the signed root.
    const f = JSON.parse(readFileSync(file, 'utf8')) as LotProofFile;
    const t = f.proofs[0] as string;
    const extra = parseTlogProof(t).extra as Uint8Array;
    const before = Buffer.from(extra).toString('base64');
    const at = extra.findIndex((b) => b >= 0x31 && b <= 0x38);
    extra[at] = (extra[at] as number) + 1;
    f.proofs[0] = t.replace(before, Buffer.from(extra).toString('base64'));
    const altered = join(dir, 'altered.lot-proof.json');
    writeFileSync(altered, JSON.stringify(f));
    await page.getByTestId('proof-file').setInputFiles(altered);
    await expect.poll(() => verdict(page)).toBe('failed');
    expect(await textOf(page.getByTestId('failed-checks'))).toMatch(/包含证明|哈希/);
    await saveScreenshot(page, 'passport-proof-offline-altered-zh-360');

    // Not a proof at all: said so next to the file input, in the reader's language.
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByTestId('proof-file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    expect(await textOf(page.getByTestId('proof-unreadable'))).toContain('The proof file notes.json cannot be read');
    await saveScreenshot(page, 'passport-proof-unreadable-en-360');
    expect(requests).toEqual([]);
    expect(errors.filter((e) => !e.includes('net::ERR'))).toEqual([]);
  });

  test('a page that cannot verify its label can still check a proof file, on a desktop in English', async ({ e2e }) => {
    const server = await e2e.startServer();
    const { ingot } = await recordPassportWorld(server);
    const res = await fetch(`${server.url}/l/${ingot.lotId}/proof?d=${ingot.labelDigest}`);
    const text = await res.text();
    const { page } = await e2e.openPage(server, `/l/${ingot.lotId}?d=aaaaaaaaaa`, { viewport: DESKTOP });
    await page.getByTestId('unverifiable').waitFor();
    expect(await page.getByTestId('proof-download').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByTestId('proof-file')
      .setInputFiles({ name: 'ingot.lot-proof.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    expect(await verdict(page)).toBe('verified');
    expect(await textOf(page.getByTestId('from-file'))).toContain('checked offline on this device');
    expect(await textOf(page.getByTestId('from-file'))).toContain('No official has cosigned this checkpoint yet');
    await saveScreenshot(page, 'passport-proof-from-file-en-1280');
  });

  test('shows the officials who cosigned a checkpoint covering the lot, checked on the device', async ({ e2e }) => {
    const server = await e2e.startServer();
    const { ingot } = await recordPassportWorld(server);
    const official = await addUser(server, { username: 'gov', role: 'official' });
    const { token } = server.app.auth.sessions.create(official.id, { ip: '127.0.0.1', userAgent: 'e2e' });
    const call = async (path: string, input: unknown) => {
      const res = await fetch(`${server.url}/trpc/${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: server.url,
          cookie: `${server.app.auth.cookieName}=${token}`,
        },
        body: JSON.stringify(input),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    };
    const w = generateCosigner('baise.gov.cn/witness-li');
    await call('witness.register', { name: w.name, vkey: formatCosignerKey(w) });
    const head = server.app.ledger.head() as { note: string };
    await call('witness.cosign', { checkpoint: head.note, cosignature: cosign(noteBody(head.note), w, 1_764_590_400) });
    const { page } = await e2e.openPage(server, `/l/${ingot.lotId}?d=${ingot.labelDigest}`, { viewport: PHONE_360 });
    expect(await verdict(page)).toBe('verified');
    const witnessed = await textOf(page.getByTestId('witnessed'));
    expect(witnessed).toContain('官员副署');
    expect(witnessed).toContain('baise.gov.cn/witness-li · 2025-12-01 12:00 UTC');
    await page.getByTestId('witnessed').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'passport-witnessed-zh-360', false);
  });
});
