// verifyInBrowser against a real server over HTTP (the tRPC procedures the
// verification page calls): the figures expected come from the server's own
// head, not from the verifier. A rewrite of the whole tail with every hash
// recomputed passes a full run (nothing to compare with) but not an
// incremental one from a tree this browser verified before; an entry's bytes
// changed without its leaf hash fail either way.
import { rmSync } from 'node:fs';
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
import { canonicalBytes, decodeEntry, type EntriesPage } from '@alutrace/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { type VerifiedMark, type VerifySource, verifyInBrowser } from './browser-verify';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

let siteNo = 0;
async function addSites(server: TestServer, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const n = ++siteNo;
    await createSite(server.app, systemActor('cli'), {
      code: `V${String(n).padStart(3, '0')}`,
      kind: 'buyer',
      nameZh: `买方${n}`,
      nameEn: `Buyer ${n}`,
    });
  }
}

function sourceOf(url: string, token: string): VerifySource {
  const get = async <T>(path: string, input?: unknown): Promise<T> => {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${url}/trpc/${path}${q}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { result: { data: T } };
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body.result.data;
  };
  return {
    publicKey: () => get('ledger.publicKey'),
    head: () => get('ledger.checkpoint', {}),
    entries: (cursor) =>
      get<EntriesPage>('ledger.entries', { order: 'oldest', limit: 100, ...(cursor === undefined ? {} : { cursor }) }),
  };
}

async function world(dataDir: string): Promise<{ server: TestServer; token: string }> {
  const server = await startTestServer({ ALUTRACE_DATA_DIR: dataDir });
  cleanup.push(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const token = (await createToken(server.app, systemActor('cli'), { name: 'verifier', role: 'official' })).secret;
  return { server, token };
}

const headOf = (server: TestServer) => server.app.ledger.head() as { treeSize: number; rootHash: string };

describe('verifyInBrowser', () => {
  it('verifies every entry, then only the new ones from the tree it remembered', async () => {
    const { server, token } = await world(makeTempDir('alutrace-bv-'));
    await addSites(server, 120); // more than one page of entries
    const progress: number[] = [];
    const full = await verifyInBrowser(sourceOf(server.url, token), {
      mark: null,
      onProgress: (done) => progress.push(done),
    });
    const head1 = headOf(server);
    expect(full.failure).toBeNull();
    expect(full).toMatchObject({ from: 0, treeSize: head1.treeSize, entriesChecked: head1.treeSize });
    expect(full.rootHash).toBe(head1.rootHash);
    expect(progress.at(-1)).toBe(head1.treeSize);
    expect(progress.length).toBeGreaterThan(2);
    const mark = full.mark as VerifiedMark;
    expect(mark.treeSize).toBe(head1.treeSize);

    await addSites(server, 5);
    const head2 = headOf(server);
    const inc = await verifyInBrowser(sourceOf(server.url, token), { mark });
    expect(inc.failure).toBeNull();
    expect(inc).toMatchObject({ from: head1.treeSize, treeSize: head2.treeSize, entriesChecked: 5 });
    expect(inc.rootHash).toBe(head2.rootHash);

    // Nothing new: nothing re-read, and the same root.
    const same = await verifyInBrowser(sourceOf(server.url, token), { mark: inc.mark });
    expect(same).toMatchObject({ failure: null, entriesChecked: 0, treeSize: head2.treeSize });
  });

  it('catches a rewritten tail from what it remembered (a run from scratch cannot), and bytes changed under their leaf hash', async () => {
    const dataDir = makeTempDir('alutrace-bv-rewrite-');
    const first = await world(dataDir);
    await addSites(first.server, 8);
    const before = await verifyInBrowser(sourceOf(first.server.url, first.token), { mark: null });
    expect(before.failure).toBeNull();
    await first.server.close();
    const db = openDatabase(databasePath(dataDir));
    insertForgedEntry(db.$client, 3, { note: 'forged' });
    db.$client.close();
    const { server, token } = await world(dataDir);
    await addSites(server, 1); // the server signs the rewritten tree

    const inc = await verifyInBrowser(sourceOf(server.url, token), { mark: before.mark });
    expect(inc.failure?.code).toMatch(/^(CHAIN_BROKEN|ROOT_MISMATCH)$/);
    expect(inc.mark).toBeNull();
    // A full run still holds the tree to the checkpoint this browser remembered.
    const full = await verifyInBrowser(sourceOf(server.url, token), { mark: null, remembered: before.mark });
    expect(full.failure).toMatchObject({ code: 'ROOT_MISMATCH', params: { size: before.treeSize } });
    expect(full.mark).toBeNull();
    // Whoever rewrote it recomputed every hash: read from scratch with no memory, it is self-consistent.
    expect((await verifyInBrowser(sourceOf(server.url, token), { mark: null })).failure).toBeNull();

    // An entry's bytes changed, its stored leaf hash left as it was.
    const sqlite = server.app.db.$client;
    dropAppendOnlyTriggers(sqlite);
    const row = sqlite.prepare('SELECT canonical FROM ledger_entries WHERE seq = 5').get() as { canonical: Buffer };
    const altered = canonicalBytes({ ...decodeEntry(row.canonical), occurredAt: '2020-01-01T00:00:00.000Z' });
    sqlite.prepare('UPDATE ledger_entries SET canonical = ? WHERE seq = 5').run(Buffer.from(altered));
    const bytes = await verifyInBrowser(sourceOf(server.url, token), { mark: null });
    expect(bytes.failure).toMatchObject({ code: 'LEAF_HASH_MISMATCH', seq: 5 });
  });
});
