// The browser witness end to end in Chromium (README "The browser witness"):
// an official makes a witness key in the browser (IndexedDB, never sent) and
// cosigns the server's checkpoint, then again once the log has grown (the
// consistency proof checked in the browser); the verification view verifies
// the whole ledger and then incrementally, lists the cosigner it checked, and
// its export file passes `alutrace verify-export`; the passport page names the
// cosigner. Then the ledger is rewritten behind the server's back (an entry
// forged into the middle, every hash after it recomputed, the server restarted
// on the same data and port): the browser's next cosigning attempt is refused
// in red in both languages with the evidence kept and downloadable, and
// `pnpm alutrace monitor`, which watched the server before, exits 1.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { databasePath, openDatabase } from '@alutrace/server';
import {
  createSite,
  createToken,
  insertForgedEntry,
  makeTempDir,
  startTestServer,
  systemActor,
  type TestServer,
} from '@alutrace/server/testing';
import {
  type ForkEvidence,
  hexToBytes,
  parseCosignerKey,
  parseVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
  verifyCosignatures,
} from '@alutrace/shared';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { cli } from '../cli/run-cli';
import { saveScreenshot } from './browser';
import { addUser, DESKTOP_WIDE, signInWithCookie, test, textOf } from './fixtures';
import { recordPassportWorld } from './passport-world';

const PHONE_360 = { width: 360, height: 780 };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WITNESS = 'baise.gov.cn/witness-li';

let siteNo = 0;
async function addSites(server: TestServer, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const n = ++siteNo;
    await createSite(server.app, systemActor('cli'), {
      code: `WB${String(n).padStart(2, '0')}`,
      kind: 'buyer',
      nameZh: `买方${n}`,
      nameEn: `Buyer ${n}`,
    });
  }
}

/** Both widths, the page as it is now. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE_360);
  await saveScreenshot(page, `${name}-360`);
  await page.setViewportSize(DESKTOP_WIDE);
  await saveScreenshot(page, `${name}-1440`);
}

async function monitor(url: string, state: string, token: string): Promise<{ code: number; out: string }> {
  const run = promisify(execFile);
  return run('pnpm', ['-s', 'alutrace', 'monitor', '--url', url, '--state', state], {
    cwd: ROOT,
    env: { ...process.env, ALUTRACE_TOKEN: token },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

const cosignatureRows = (server: TestServer) =>
  server.app.db.$client.prepare('SELECT tree_size FROM cosignatures ORDER BY tree_size').all() as {
    tree_size: number;
  }[];

describe('the browser witness', () => {
  test('cosigns in the browser, is shown on the passport, and refuses a rewritten ledger as monitor does', async ({
    e2e,
  }) => {
    const dataDir = makeTempDir('alutrace-e2e-witness-');
    const work = makeTempDir('alutrace-e2e-witness-files-');
    let server = await startTestServer({ ALUTRACE_DATA_DIR: dataDir });
    try {
      const port = new URL(server.url).port;
      const { ingot } = await recordPassportWorld(server);
      const official = await addUser(server, { username: 'gov-li', role: 'official' });
      const token = (await createToken(server.app, systemActor('cli'), { name: 'monitor', role: 'official' })).secret;
      const state = join(work, 'li.monitor');

      // ── a key made in the browser, the first cosignature ────────────────────────
      const { page, context, errors } = await e2e.openPage(server, '/home', {
        viewport: DESKTOP_WIDE,
        signedInAs: official.id,
      });
      // The official's home leads to both pages.
      expect(await page.getByTestId('home-verify').getAttribute('href')).toBe('/verification');
      await page.getByTestId('home-witness').click();
      await page.getByTestId('witness-new').waitFor();
      await page.getByLabel('密钥名称').fill(WITNESS);
      await page.getByRole('button', { name: '生成见证密钥' }).click();
      const vkey = await textOf(page.getByTestId('witness-vkey'));
      const key = parseCosignerKey(vkey);
      expect(key.name).toBe(WITNESS);
      const size1 = server.app.ledger.head()?.treeSize as number;
      await page.getByRole('button', { name: '联署当前检查点' }).click();
      const first = await textOf(page.getByTestId('witness-checked'));
      expect(first).toContain(`树大小 ${size1}`);
      expect(first).toContain(server.app.verifierKey);
      expect(first).toContain('这是本见证端联署的第一个检查点');
      expect(cosignatureRows(server).map((r) => r.tree_size)).toEqual([size1]);
      // The secret key stayed in the browser: the server holds the vkey and the signature line only.
      const stored = server.app.db.$client.prepare('SELECT * FROM cosignatures').all() as Record<string, unknown>[];
      expect(JSON.stringify(stored)).not.toMatch(/secretKey/);

      // ── the log grows; the next cosignature rests on a consistency proof ─────────────
      await addSites(server, 3);
      const size2 = server.app.ledger.head()?.treeSize as number;
      expect(size2).toBe(size1 + 3);
      await page.getByRole('button', { name: '联署当前检查点' }).click();
      await page.getByTestId('witness-checked').getByText(`树大小 ${size2} 的账本延续了您在树大小 ${size1}`).waitFor();
      expect(cosignatureRows(server).map((r) => r.tree_size)).toEqual([size1, size2]);
      // Checked here with the shared verifier: the server now serves the head with our cosignature on it.
      const head = (await (await fetch(`${server.url}/trpc/ledger.checkpoint`)).json()) as {
        result: { data: { cosignedNote: string } };
      };
      expect(verifyCosignatures(head.result.data.cosignedNote, [key]).map((c) => c.key.name)).toEqual([WITNESS]);
      const history = await textOf(page.getByTestId('witness-history'));
      expect(history).toContain(`树大小 ${size2}（延续 ${size1}）`);
      expect(history).toContain(`树大小 ${size1}（首次）`);
      await shoot(page, 'witness-cosigned-zh');
      await page.getByRole('button', { name: '下载密钥备份' }).click();
      await page.getByText('备份文件含有私钥').waitFor();
      const backup = page.waitForEvent('download');
      await page.getByRole('button', { name: '我明白，下载备份' }).click();
      const backupPath = join(work, 'li.witness');
      await (await backup).saveAs(backupPath);
      expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({ format: 'alutrace-witness-key', vkey });

      // ── the verification view ──────────────────────────────────────────────────
      await page.goto(`${server.url}/verification`);
      await page.getByTestId('verification-cosigners').getByText(WITNESS).waitFor();
      await page.getByRole('button', { name: '完整核验（自第 0 条起）' }).click();
      const full = page.getByTestId('verification-result');
      await full.waitFor();
      expect(await full.getAttribute('data-ok')).toBe('true');
      expect(await textOf(page.getByTestId('verification-account'))).toContain(
        `全部 ${size2} 条记录（第 0 至 ${size2 - 1} 条）`,
      );
      await addSites(server, 2);
      await page.reload();
      // The head is not cosigned yet; the newest checkpoint that is, is shown with its cosigner checked here.
      await page.getByTestId('verification-older-cosigners').getByText(WITNESS).waitFor();
      expect(await textOf(page.getByTestId('verification-newest-cosigned'))).toContain(`树大小 ${size2}`);
      expect(await page.getByTestId('verification-extends').getAttribute('data-ok')).toBe('true');
      await page.getByRole('button', { name: `增量核验（自树大小 ${size2} 起）` }).click();
      await page.getByTestId('verification-result').waitFor();
      expect(await page.getByTestId('verification-result').getAttribute('data-ok')).toBe('true');
      const account = await textOf(page.getByTestId('verification-account'));
      expect(account).toContain(`第 ${size2} 至 ${size2 + 1} 条共 2 条新记录`);
      expect(account).toContain(`从本浏览器上次核验的树大小 ${size2} 的树继续计算`);
      await shoot(page, 'verification-zh');
      // The export file, downloaded as the official, passes verify-export with the witness key required.
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: '下载导出文件' }).click();
      const exportPath = join(work, 'ledger.jsonl');
      await (await download).saveAs(exportPath);
      const exported = await cli(['verify-export', exportPath, '--key', server.app.verifierKey, '--witness-key', vkey]);
      expect(exported.code, exported.out).toBe(0);
      expect(exported.out).toContain(`${WITNESS}: 2 checkpoints`);
      // Not for anyone else.
      expect((await fetch(`${server.url}/ledger/export.jsonl`)).status).toBe(401);

      // ── the passport names the cosigner ─────────────────────────────────────────────
      const passport = await context.newPage();
      await passport.setViewportSize(PHONE_360);
      await passport.goto(`${server.url}/l/${ingot.lotId}?d=${ingot.labelDigest}`);
      const witnessed = await textOf(passport.getByTestId('witnessed'));
      expect(witnessed).toContain('官员副署');
      expect(witnessed).toContain(WITNESS);
      await passport.getByTestId('witnessed').scrollIntoViewIfNeeded();
      await saveScreenshot(passport, 'witness-passport-cosigned-by-zh-360', false);
      await passport.setViewportSize(DESKTOP_WIDE);
      await saveScreenshot(passport, 'witness-passport-cosigned-by-zh-1440');
      await passport.close();

      // The monitor watches the honest server from elsewhere.
      const watched = await monitor(server.url, state, token);
      expect(watched.code, watched.out).toBe(0);

      // ── behind the server's back: an entry forged into the middle, every hash after it recomputed ──
      await server.close();
      const db = openDatabase(databasePath(dataDir));
      insertForgedEntry(db.$client, 3, { note: 'forged' });
      db.$client.close();
      server = await startTestServer({ ALUTRACE_DATA_DIR: dataDir, PORT: port });
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
      await addSites(server, 1); // the server signs a checkpoint of the rewritten tree
      const forgedSize = server.app.ledger.head()?.treeSize as number;

      await signInWithCookie(context, server, official.id);
      await page.goto(`${server.url}/witness`);
      await page.getByRole('button', { name: '联署当前检查点' }).click();
      const refusal = page.getByTestId('witness-refusal');
      const said = await textOf(refusal);
      expect(said).toContain('拒绝联署：账本已被改写或分叉');
      expect(said).toContain('Cosigning refused: the ledger has been rewritten or forked');
      expect(said).toContain('Do not trust this ledger');
      expect(said).toContain(`does not extend the tree of ${size2}`);
      // Nothing was cosigned on the rewritten tree.
      expect(cosignatureRows(server).map((r) => r.tree_size)).toEqual([size1, size2]);
      await shoot(page, 'witness-refusal-zh');

      const evidenceDownload = page.waitForEvent('download');
      await refusal.getByTestId('witness-evidence-download').click();
      const evidencePath = join(work, 'evidence.json');
      await (await evidenceDownload).saveAs(evidencePath);
      const evidence = JSON.parse(readFileSync(evidencePath, 'utf8')) as ForkEvidence;
      expect(evidence.format).toBe('alutrace-fork-evidence');
      expect(evidence.previous.treeSize).toBe(size2);
      expect(evidence.next.treeSize).toBe(forgedSize);
      // The evidence stands on its own: both checkpoints signed by the log's key, and the proof between them fails.
      const logKey = parseVerifierKey(server.app.verifierKey);
      const before = verifyCheckpoint(evidence.previous.note, logKey);
      const after = verifyCheckpoint(evidence.next.note, logKey);
      const check = verifyConsistency(
        before.size,
        after.size,
        before.root,
        after.root,
        evidence.proof.hashes.map(hexToBytes),
      );
      expect(check.valid).toBe(false);

      // Kept in IndexedDB: after a reload the evidence is still listed and downloadable.
      await page.reload();
      expect(await textOf(page.getByTestId('witness-evidence'))).toContain(`树大小 ${size2} → ${forgedSize} 不一致`);

      // The verification view holds the ledger to the tree it verified before: both runs fail.
      await page.goto(`${server.url}/verification`);
      // The head no longer extends the checkpoint the official cosigned: said before any run.
      const extendsNot = page.getByTestId('verification-extends');
      expect(await textOf(extendsNot)).toContain(`不延续官员在树大小 ${size2} 时联署的账本`);
      expect(await extendsNot.getAttribute('data-ok')).toBe('false');
      for (const [run, from] of [
        [`增量核验（自树大小 ${size2 + 2} 起）`, size2 + 2],
        ['完整核验（自第 0 条起）', 0],
      ] as const) {
        await page.getByRole('button', { name: run }).click();
        const result = page.locator(`[data-testid="verification-result"][data-from="${from}"]`);
        await result.waitFor();
        expect(await result.getAttribute('data-ok')).toBe('false');
        expect(await textOf(result)).toMatch(/CHAIN_BROKEN|ROOT_MISMATCH/);
      }
      await shoot(page, 'verification-rewritten-zh');

      // The backup brings the key into another browser; with no local state it takes the server's
      // record of its last cosignature (verified with its own key) and refuses the rewritten tree too.
      const other = await e2e.openPage(server, '/witness', { viewport: PHONE_360, signedInAs: official.id });
      await other.page.getByLabel('从备份文件导入密钥').setInputFiles(backupPath);
      expect(await textOf(other.page.getByTestId('witness-vkey'))).toBe(vkey);
      await other.page.getByRole('button', { name: '联署当前检查点' }).click();
      await other.page.getByTestId('witness-refusal').waitFor();
      expect(cosignatureRows(server).map((r) => r.tree_size)).toEqual([size1, size2]);
      await other.page.getByRole('button', { name: 'English' }).click();
      await other.page.getByRole('button', { name: 'Cosign the current checkpoint' }).waitFor();
      await shoot(other.page, 'witness-imported-refusal-en');

      // And the monitor, run against the server from elsewhere, fails closed.
      const caught = await monitor(server.url, state, token);
      expect(caught.code, caught.out).toBe(1);
      expect(errors).toEqual([]);
      expect(other.errors).toEqual([]);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  }, 180_000);
});
