// alutrace verify-proof on a proof file downloaded from a real server:
// exit 0 and plain words when it verifies, 1 when a byte of it was changed or
// the key is not the log's or a demanded witness has not cosigned, 2 for
// wrong usage or an unreadable file. Also the real `pnpm alutrace` once.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '@alutrace/server/testing';
import {
  formatCosignerKey,
  formatVerifierKey,
  generateCosigner,
  type LotProofFile,
  parseTlogProof,
  signerFromSecretKey,
} from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data } from '../api/http-client';
import { Stock } from '../api/lifecycle-stock';
import { buildWorld, type World } from '../api/world';
import { cli } from './run-cli';

const root = join(import.meta.dirname, '..', '..');
let world: World;
let dir: string;
let key: string;
let good: string;
let text: string;
let lotId: string;

beforeAll(async () => {
  world = await buildWorld();
  dir = makeTempDir('alutrace-proof-');
  const recorded = await new Stock(world).collect('PG01');
  const lot = recorded.lots[0] as { lotId: string; labelDigest: string };
  lotId = lot.lotId;
  const res = await fetch(`${world.server.url}/l/${lot.lotId}/proof?d=${lot.labelDigest}`);
  text = await res.text();
  good = join(dir, `${lot.lotId}.lot-proof.json`);
  writeFileSync(good, text);
  key = data(await world.anonymous().query<{ verifierKey: string }>('ledger.publicKey')).verifierKey;
});
afterAll(async () => {
  await world?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function altered(change: (f: LotProofFile) => void): string {
  const f = JSON.parse(text) as LotProofFile;
  change(f);
  const path = join(dir, `altered-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(f));
  return path;
}

describe('alutrace verify-proof', () => {
  it('exits 0 and says what was checked when the file verifies under the key given', async () => {
    const r = await cli(['verify-proof', good, '--key', key]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain(`alutrace verify-proof: ${lotId} VERIFIED`);
    expect(r.out).toContain('已验证');
    expect(r.out).toMatch(/checkpoint {2}alutrace\.local\/ledger, tree size \d+, root [0-9a-f]{64}/);
    expect(r.out).toMatch(/(\d+) of \1 checks passed/);
    expect(r.out).not.toContain('pass --key');
  });

  it("without --key checks with the file's own key, and says that proves only self-consistency", async () => {
    const r = await cli(['verify-proof', good]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("the file's own");
    expect(r.out).toContain('pass --key');
  });

  it('exits 1 naming the failed check when an entry byte was changed', async () => {
    const path = altered((f) => {
      const t = f.proofs[0] as string;
      const p = parseTlogProof(t);
      const extra = p.extra as Uint8Array;
      const b64 = Buffer.from(extra).toString('base64');
      extra[20] = (extra[20] as number) ^ 1;
      f.proofs[0] = t.replace(b64, Buffer.from(extra).toString('base64'));
    });
    const r = await cli(['verify-proof', path, '--key', key]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('REFUSED');
    expect(r.out).toContain('未通过');
    expect(r.out).toMatch(/✗ inclusion \(entry \d+\)/);
  });

  it('exits 1 under another log key, and when a demanded witness has not cosigned', async () => {
    const otherLog = formatVerifierKey(signerFromSecretKey('alutrace.local/ledger', new Uint8Array(32).fill(7)));
    const wrong = await cli(['verify-proof', good, '--key', otherLog]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/✗ checkpoint: the checkpoint does not verify: the note carries no signature by/);
    const w = generateCosigner('baise.gov.cn/witness-x');
    const r = await cli(['verify-proof', good, '--key', key, '--witness-key', formatCosignerKey(w)]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('witness     baise.gov.cn/witness-x: has not cosigned this checkpoint');
  });

  it('exits 2 for no file, two files, a missing file, or a bad key; 1 for a file that is not a proof', async () => {
    expect((await cli(['verify-proof'])).code).toBe(2);
    expect((await cli(['verify-proof', good, good])).code).toBe(2);
    const missing = await cli(['verify-proof', join(dir, 'nope.json'), '--key', key]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read');
    expect((await cli(['verify-proof', good, '--key', 'nonsense'])).code).toBe(2);
    expect((await cli(['verify-proof', good, '--key', key.replace(/\+[0-9a-f]{8}\+/, '+00000000+')])).code).toBe(2);
    const notProof = join(dir, 'not-a-proof.json');
    writeFileSync(notProof, '{"hello": 1}');
    const r = await cli(['verify-proof', notProof, '--key', key]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('not a lot proof');
  });

  it('runs as `pnpm alutrace verify-proof` with the exit code', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('pnpm', ['-s', 'alutrace', 'verify-proof', good, '--key', key], { cwd: root });
    expect(stdout).toContain('VERIFIED');
    const bad = altered((f) => {
      f.passport.lot.massG += 1;
    });
    const failed = await run('pnpm', ['-s', 'alutrace', 'verify-proof', bad, '--key', key], { cwd: root }).then(
      () => 0,
      (e: { code: number }) => e.code,
    );
    expect(failed).toBe(1);
  }, 60_000);
});
