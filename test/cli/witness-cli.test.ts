// The witness and the monitor from the command line, against real servers
// over HTTP (README "Cosigning checkpoints"): cosigning, a witness refusing a
// forked log (two ledgers sharing a prefix, signed by the same key), the
// monitor catching a rewrite of an old entry behind the server's back, and
// verify / verify-export with --witness-key.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath, openDatabase } from '@alutrace/server';
import {
  createSite,
  createToken,
  dropAppendOnlyTriggers,
  insertForgedEntry,
  makeTempDir,
  startTestServer,
  systemActor,
  type TestServer,
} from '@alutrace/server/testing';
import {
  bytesToHex,
  canonicalBytes,
  decodeEntry,
  formatCosignerKey,
  generateCosigner,
  hashLeaf,
  parseVerifierKey,
  verifyCheckpoint,
} from '@alutrace/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

let siteNo = 0;
async function addSites(server: TestServer, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const n = ++siteNo;
    await createSite(server.app, systemActor('cli'), {
      code: `W${String(n).padStart(3, '0')}`,
      kind: 'buyer',
      nameZh: `买方${n}`,
      nameEn: `Buyer ${n}`,
    });
  }
}

/** A server on `dataDir` (made when not given), registered for cleanup. */
async function serverOn(dataDir: string): Promise<TestServer> {
  const server = await startTestServer({ ALUTRACE_DATA_DIR: dataDir });
  cleanup.push(() => server.stop());
  return server;
}

function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function officialToken(server: TestServer): Promise<string> {
  return (await createToken(server.app, systemActor('cli'), { name: 'official laptop', role: 'official' })).secret;
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('alutrace witness', () => {
  it('makes a key (0600), cosigns the head, then cosigns again only what extends it', async () => {
    const dataDir = tempDir('alutrace-witness-');
    const server = await serverOn(dataDir);
    await addSites(server, 3);
    const env = { ALUTRACE_TOKEN: await officialToken(server) };
    const work = tempDir('alutrace-witness-files-');
    const keyFile = join(work, 'li.witness');

    const init = await cli(['witness', 'init', '--name', 'baise.gov.cn/witness-li', '--key-file', keyFile], {}, work);
    expect(init.code, init.err).toBe(0);
    expect(mode(keyFile)).toBe(0o600);
    const vkey = init.out.trim().split('\n').at(-1) as string;
    expect(vkey).toMatch(/^baise\.gov\.cn\/witness-li\+[0-9a-f]{8}\+/);
    // A key is never overwritten.
    expect((await cli(['witness', 'init', '--name', 'x.example/w', '--key-file', keyFile], {}, work)).code).toBe(2);

    const first = await cli(['witness', 'cosign', '--url', server.url, '--key-file', keyFile], env, work);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('the first checkpoint this witness cosigns');
    expect(mode(`${keyFile}.state`)).toBe(0o600);
    const size1 = server.app.ledger.head()?.treeSize as number;

    await addSites(server, 2);
    const second = await cli(['witness', 'cosign', '--url', server.url, '--key-file', keyFile], env, work);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain(`consistent with tree size ${size1}`);
    const size2 = server.app.ledger.head()?.treeSize as number;
    expect(size2).toBeGreaterThan(size1);

    const rows = server.app.db.$client.prepare('SELECT tree_size FROM cosignatures ORDER BY tree_size').all() as {
      tree_size: number;
    }[];
    expect(rows.map((r) => r.tree_size)).toEqual([size1, size2]);

    const show = await cli(['witness', 'show', '--key-file', keyFile, '--url', server.url], env, work);
    expect(show.code, show.err).toBe(0);
    expect(show.out).toContain(vkey);
    expect(show.out).toContain(`last cosigned: tree size ${size2}`);
    expect(show.out).toContain('on the server: 2 cosignatures');

    // verify (on the server's machine) reports who cosigned what; --witness-key requires it.
    const ok = await cli(['verify', '--data-dir', dataDir, '--witness-key', vkey]);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('baise.gov.cn/witness-li: 2 checkpoints');
    expect(ok.out).toContain(`tree size ${size2}: baise.gov.cn/witness-li at`);
    const stranger = formatCosignerKey(generateCosigner('baise.gov.cn/witness-nobody'));
    const missing = await cli(['verify', '--data-dir', dataDir, '--witness-key', vkey, '--witness-key', stranger]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('MISSING_COSIGNATURE');
    expect((await cli(['verify', '--data-dir', dataDir, '--witness-key', 'not-a-key'])).code).toBe(2);

    // The export carries the cosignatures; verify-export checks them with the file alone.
    const file = join(work, 'ledger.jsonl');
    expect((await cli(['export', '--data-dir', dataDir, '--out', file])).code).toBe(0);
    const header = JSON.parse(readFileSync(file, 'utf8').split('\n')[0] as string) as { witnessKeys: string[] };
    expect(header.witnessKeys).toEqual([vkey]);
    const key = server.app.verifierKey;
    const exported = await cli(['verify-export', file, '--key', key, '--witness-key', vkey]);
    expect(exported.code, exported.out).toBe(0);
    expect(exported.out).toContain('baise.gov.cn/witness-li: 2 checkpoints');
    expect((await cli(['verify-export', file, '--key', key, '--witness-key', stranger])).code).toBe(1);
    // One changed byte in a cosignature line is a forged cosignature.
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('— baise.gov.cn/witness-li ');
    expect(at).toBeGreaterThan(0);
    const sigAt = at + '— baise.gov.cn/witness-li '.length + 30;
    const forged = text.slice(0, sigAt) + (text[sigAt] === 'A' ? 'B' : 'A') + text.slice(sigAt + 1);
    const forgedFile = join(work, 'forged.jsonl');
    writeFileSync(forgedFile, forged);
    const bad = await cli(['verify-export', forgedFile, '--key', key]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('BAD_COSIGNATURE');

    // Cosignatures removed behind the server's back: --witness-key finds it out.
    const sqlite = server.app.db.$client;
    sqlite.exec('DROP TRIGGER IF EXISTS cosignatures_no_delete');
    sqlite.exec('DELETE FROM cosignatures');
    const gone = await cli(['verify', '--data-dir', dataDir, '--witness-key', vkey]);
    expect(gone.code).toBe(1);
    expect(gone.out).toContain('MISSING_COSIGNATURE');
    expect((await cli(['verify', '--data-dir', dataDir])).code).toBe(0);
  });

  it('refuses a forked log: two ledgers sharing a prefix, signed by the same key', async () => {
    // One history up to here…
    const dirA = tempDir('alutrace-fork-a-');
    const seed = await serverOn(dirA);
    await addSites(seed, 4);
    const token = await officialToken(seed);
    await seed.close();
    // … copied, so both ledgers share it and the signing key; then each goes its own way.
    const dirB = tempDir('alutrace-fork-b-');
    cpSync(dirA, dirB, { recursive: true });
    const a = await serverOn(dirA);
    const b = await serverOn(dirB);
    await addSites(a, 1);
    await addSites(b, 3);
    expect(a.app.verifierKey).toBe(b.app.verifierKey);
    const env = { ALUTRACE_TOKEN: token };
    const work = tempDir('alutrace-fork-files-');
    const keyFile = join(work, 'w.witness');
    expect((await cli(['witness', 'init', '--name', 'baise.gov.cn/w', '--key-file', keyFile], {}, work)).code).toBe(0);

    const onA = await cli(['witness', 'cosign', '--url', a.url, '--key-file', keyFile], env, work);
    expect(onA.code, onA.err).toBe(0);
    const cosignedOnA = a.app.ledger.head()?.note as string;

    const onB = await cli(['witness', 'cosign', '--url', b.url, '--key-file', keyFile], env, work);
    expect(onB.code).toBe(1);
    expect(onB.err).toContain('NOT CONSISTENT');
    expect(b.app.db.$client.prepare('SELECT count(*) AS n FROM cosignatures').get()).toEqual({ n: 0 });
    const evidenceName = readdirSync(work).find((f) => f.startsWith('w.witness.evidence-'));
    expect(evidenceName).toBeDefined();
    const evidencePath = join(work, evidenceName as string);
    expect(mode(evidencePath)).toBe(0o600);
    const evidence = JSON.parse(readFileSync(evidencePath, 'utf8')) as {
      previous: { note: string; treeSize: number };
      next: { note: string; treeSize: number };
      proof: { from: number; to: number; hashes: string[] };
    };
    // The evidence stands on its own: two notes signed by the same key, and the proof that does not join them.
    const key = parseVerifierKey(a.app.verifierKey);
    expect(evidence.previous.note).toBe(cosignedOnA);
    expect(verifyCheckpoint(evidence.previous.note, key).size).toBe(evidence.previous.treeSize);
    expect(verifyCheckpoint(evidence.next.note, key).size).toBe(evidence.next.treeSize);
    expect(evidence.next.treeSize).toBeGreaterThan(evidence.previous.treeSize);
    expect(evidence.proof.from).toBe(evidence.previous.treeSize);
    expect(evidence.proof.hashes.length).toBeGreaterThan(0);
    // The witness did not move on: A, which it trusts, still extends what it cosigned.
    await addSites(a, 1);
    expect((await cli(['witness', 'cosign', '--url', a.url, '--key-file', keyFile], env, work)).code).toBe(0);

    // A monitor that watched A, shown B (same key, same origin), fails closed on the consistency proof.
    const state = join(work, 'fork.monitor');
    expect((await cli(['monitor', '--url', a.url, '--state', state], env, work)).code).toBe(0);
    const shown = await cli(['monitor', '--url', b.url, '--state', state], env, work);
    expect(shown.code).toBe(1);
    expect(shown.err).toContain('INCONSISTENT');
  });

  it("refuses a ledger rewritten behind the server's back once the server signs the rewritten tree", async () => {
    const dataDir = tempDir('alutrace-rewrite-');
    const first = await serverOn(dataDir);
    await addSites(first, 4);
    const env = { ALUTRACE_TOKEN: await officialToken(first) };
    const work = tempDir('alutrace-rewrite-files-');
    const keyFile = join(work, 'w.witness');
    const init = await cli(['witness', 'init', '--name', 'baise.gov.cn/w2', '--key-file', keyFile], {}, work);
    const vkey = init.out.trim().split('\n').at(-1) as string;
    expect((await cli(['witness', 'cosign', '--url', first.url, '--key-file', keyFile], env, work)).code).toBe(0);
    await first.close();
    // An entry forged into the middle, every hash after it recomputed, as someone with the file would.
    const db = openDatabase(databasePath(dataDir));
    insertForgedEntry(db.$client, 3, { note: 'forged' });
    db.$client.close();
    const again = await serverOn(dataDir);
    await addSites(again, 1); // the server signs a checkpoint of the rewritten tree
    const refused = await cli(['witness', 'cosign', '--url', again.url, '--key-file', keyFile], env, work);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('NOT CONSISTENT');
    // verify on the server's machine finds it too, the cosigned checkpoint still matching its old tree.
    const verified = await cli(['verify', '--data-dir', dataDir, '--witness-key', vkey]);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain('ROOT_MISMATCH');
  });
});

describe('alutrace monitor', () => {
  it('passes on an honest log, run after run, and fails closed on a rewrite of an old entry', async () => {
    const server = await serverOn(tempDir('alutrace-monitor-'));
    await addSites(server, 5);
    const env = { ALUTRACE_TOKEN: await officialToken(server) };
    const work = tempDir('alutrace-monitor-files-');
    const state = join(work, 'baise.monitor');
    const run = (...extra: string[]) => cli(['monitor', '--url', server.url, '--state', state, ...extra], env, work);

    const first = await run();
    expect(first.code, first.err).toBe(0);
    expect(mode(state)).toBe(0o600);
    expect(mode(`${state}.leaves`)).toBe(0o600);
    const size1 = server.app.ledger.head()?.treeSize as number;
    expect(statSync(`${state}.leaves`).size).toBe(size1 * 32);

    await addSites(server, 3);
    const second = await run();
    expect(second.code, second.err).toBe(0);
    const size2 = server.app.ledger.head()?.treeSize as number;
    expect(second.out).toContain(`tree size ${size2} extends ${size1}; ${size2 - size1} new entries checked`);
    const full = await run('--full');
    expect(full.code, full.err).toBe(0);
    expect(full.out).toContain(`${size2} old entries re-read (all)`);

    // Behind the server's back: an old entry's bytes rewritten, its leaf hash recomputed to match.
    const seq = 3;
    const sqlite = server.app.db.$client;
    dropAppendOnlyTriggers(sqlite);
    const row = sqlite.prepare('SELECT canonical FROM ledger_entries WHERE seq = ?').get(seq) as { canonical: Buffer };
    const entry = decodeEntry(row.canonical);
    const altered = canonicalBytes({ ...entry, occurredAt: '2020-01-01T00:00:00.000Z' });
    sqlite
      .prepare('UPDATE ledger_entries SET canonical = ?, leaf_hash = ?, occurred_at = ? WHERE seq = ?')
      .run(Buffer.from(altered), Buffer.from(hashLeaf(altered)), '2020-01-01T00:00:00.000Z', seq);

    // --full reads every entry; a sample as large as the log reads them all too (a smaller one may miss it).
    for (const extra of [['--full'], ['--sample', String(size2)]]) {
      const caught = await run(...extra);
      expect(caught.code, caught.out).toBe(1);
      expect(caught.err).toContain('REWRITTEN');
      expect(caught.err).toContain(`entry ${seq} was rewritten`);
    }
    const evidenceFiles = readdirSync(work).filter((f) => f.startsWith('baise.monitor.evidence-'));
    expect(evidenceFiles.length).toBeGreaterThan(0);
    const evidence = JSON.parse(readFileSync(join(work, evidenceFiles[0] as string), 'utf8')) as {
      kind: string;
      seq: number;
      seenLeafHash: string;
      servedLeafHash: string;
    };
    expect(evidence).toMatchObject({ kind: 'REWRITTEN', seq, servedLeafHash: bytesToHex(hashLeaf(altered)) });
    // Fail closed: the state still holds what was seen, so the next run fails too.
    expect(statSync(`${state}.leaves`).size).toBe(size2 * 32);
    expect(existsSync(state)).toBe(true);
  });
});
