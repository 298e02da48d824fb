import { createHash } from 'node:crypto';
import { startTestServer, type TestServer } from '@alutrace/server/testing';
import {
  type ConsistencyProofView,
  type EntriesPage,
  type EntryView,
  type HeadView,
  hexToBytes,
  type InclusionProofView,
  type PublicKeyView,
  parseVerifierKey,
  type VerifyReport,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, data } from './http-client';

let server: TestServer;
let base: string;
let anon: Client;
let admin: Client;
/** Entries the server wrote itself before the test's (the first administrator). */
let first: number;
let size: number;

beforeAll(async () => {
  server = await startTestServer();
  base = server.url;
  anon = new Client(base);
  admin = new Client(base);
  await admin.loginAndChangePassword(server.admin.username, server.admin.password);
  first = server.app.ledger.size;
  size = first + 25;
  for (let i = 0; i < 25; i++) {
    server.app.ledger.append([
      {
        kind: 'test.recorded',
        site: i % 2 ? 'PG01' : 'DB02',
        actor: { type: 'system', id: 'test' },
        // Non-ASCII text and keys out of order: canonical bytes differ from a naive JSON.stringify.
        body: { n: i, label: `废铝 № ${i}`, big: 1e21 },
      },
    ]);
  }
});

afterAll(async () => {
  await server?.stop();
});

describe('the ledger API over HTTP', () => {
  it('reports health with the ledger size and the head checkpoint', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; ledger: { size: number }; head: { treeSize: number } };
    expect(body).toMatchObject({ status: 'ok', ledger: { size }, head: { treeSize: size } });
  });

  it('serves a head checkpoint whose signature checks with the published key', async () => {
    const head = data(await anon.query<HeadView>('ledger.head'));
    const key = data(await anon.query<PublicKeyView>('ledger.publicKey'));
    expect(key.verifierKey).toBe(head.verifierKey);
    expect(key.algorithm).toBe('Ed25519');
    const cp = verifyCheckpoint(head.note, parseVerifierKey(key.verifierKey), 'alutrace.local/ledger');
    expect(cp.size).toBe(size);
    expect(Buffer.from(cp.root).toString('hex')).toBe(head.rootHash);
  });

  it('pages entries in both orders without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: number | undefined;
    for (;;) {
      const page: EntriesPage = data(
        await admin.query<EntriesPage>('ledger.entries', { limit: 7, order: 'oldest', cursor }),
      );
      seen.push(...page.items.map((i) => i.seq));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: size }, (_, i) => i));
    const newest = data(await admin.query<EntriesPage>('ledger.entries', { limit: 3 }));
    expect(newest.items.map((i) => i.seq)).toEqual([size - 1, size - 2, size - 3]);
    expect(newest.nextCursor).toBe(size - 3);
  });

  it('filters entries by site', async () => {
    const page = data(await admin.query<EntriesPage>('ledger.entries', { site: 'PG01', limit: 100 }));
    expect(page.items).toHaveLength(12);
    expect(page.items.every((i) => i.entry.site === 'PG01')).toBe(true);
  });

  it('gives inclusion proofs that verify against the signed root', async () => {
    for (const seq of [0, 7, size - 1]) {
      const p = data(await anon.query<InclusionProofView>('ledger.inclusionProof', { seq, treeSize: size }));
      const check = verifyInclusion(seq, size, hexToBytes(p.leafHash), p.proof.map(hexToBytes), hexToBytes(p.rootHash));
      expect(check).toEqual({ valid: true });
      expect(p.checkpoint).toContain(`\n${size}\n`);
      const entry = data(await admin.query<{ leafHash: string }>('ledger.entry', { seq }));
      expect(entry.leafHash).toBe(p.leafHash);
    }
  });

  it('gives consistency proofs between any two signed sizes', async () => {
    const p = data(await anon.query<ConsistencyProofView>('ledger.consistencyProof', { from: 10, to: size }));
    const check = verifyConsistency(10, size, hexToBytes(p.fromRoot), hexToBytes(p.toRoot), p.proof.map(hexToBytes));
    expect(check).toEqual({ valid: true });
  });

  it('verifies the ledger on request', async () => {
    const report = data(await admin.mutate<VerifyReport>('ledger.verify'));
    expect(report).toMatchObject({ ok: true, treeSize: size, entriesChecked: size, failure: null });
  });

  it('returns the stored bytes of each entry, which hash to its leaf hash and parse to the entry', async () => {
    const page = data(
      await admin.query<EntriesPage>('ledger.entries', { limit: 5, order: 'oldest', cursor: first - 1 }),
    );
    const single = await Promise.all(
      [0, size - 1].map(async (seq) => data(await admin.query<EntryView>('ledger.entry', { seq }))),
    );
    const views = [...page.items, ...single];
    expect(views).toHaveLength(7);
    const stored = server.app.db.$client.prepare('SELECT canonical FROM ledger_entries WHERE seq = ?');
    for (const v of views) {
      expect(v.canonicalBase64).toMatch(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
      const bytes = Buffer.from(v.canonicalBase64, 'base64');
      // RFC 6962 §2.1: leaf hash = SHA-256(0x00 || entry bytes), computed here without the project's code.
      const leaf = createHash('sha256')
        .update(Buffer.from([0x00]))
        .update(bytes)
        .digest('hex');
      expect(leaf).toBe(v.leafHash);
      expect(JSON.parse(bytes.toString('utf8'))).toEqual(v.entry);
      expect(bytes.equals((stored.get(v.seq) as { canonical: Buffer }).canonical)).toBe(true);
    }
    const own = page.items[0];
    expect(own?.entry.body).toEqual({ n: 0, label: '废铝 № 0', big: 1e21 });
    expect(Buffer.from(own?.canonicalBase64 ?? '', 'base64').toString('utf8')).toContain(
      '"body":{"big":1e+21,"label":"废铝 № 0","n":0}',
    );
  });

  it('finds an entry by id and answers 404 with a code for an unknown one', async () => {
    const page = data(await admin.query<EntriesPage>('ledger.entries', { limit: 1 }));
    const id = page.items[0]?.entry.id;
    expect(data(await admin.query<{ seq: number }>('ledger.entry', { id })).seq).toBe(size - 1);
    const missing = await admin.query('ledger.entry', { id: '0192f000-0000-7000-8000-000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.data.app.code).toBe('NOT_FOUND');
  });
});

describe('bad input gets a clear error, never a 500', () => {
  it('answers 400 VALIDATION_FAILED with a message per field, in English and Chinese', async () => {
    const r = await admin.query('ledger.entries', { limit: 1000, site: 'pg 1' });
    expect(r.status).toBe(400);
    const app = r.body.error?.data.app;
    expect(app?.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(app?.fields ?? {}).sort()).toEqual(['limit', 'site']);
    expect(app?.fieldsZh?.limit?.[0]).toMatch(/不能大于 100/);
    expect(r.body.error?.message).toMatch(/limit/);
  });

  it('refuses a proof for a tree larger than the newest checkpoint', async () => {
    const r = await admin.query('ledger.inclusionProof', { seq: 1, treeSize: size + 1 });
    expect(r.status).toBe(400);
    expect(r.body.error?.data.app.code).toBe('TREE_SIZE_OUT_OF_RANGE');
  });

  it('refuses an inverted consistency range with its own code', async () => {
    const r = await admin.query('ledger.consistencyProof', { from: 20, to: 10 });
    expect(r.status).toBe(400);
    expect(r.body.error?.data.app.code).toBe('PROOF_RANGE_INVALID');
    expect(r.body.error?.data.app.messageZh).toMatch(/一致性证明/);
  });

  it('answers 400 for input that is not JSON', async () => {
    const res = await fetch(`${base}/trpc/ledger.entries?input=%7Bnot-json`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { app: { code: string } } } };
    expect(body.error.data.app.code).toBe('BAD_REQUEST');
  });

  it('refuses a body above the limit with 413', async () => {
    const r = await admin.mutate('ledger.verify', undefined, { body: JSON.stringify({ pad: 'x'.repeat(300_000) }) });
    expect(r.status).toBe(413);
    expect(r.body.error?.data.app.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a mutation sent as a form, and one sent as GET', async () => {
    const form = await admin.mutate('ledger.verify', undefined, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(form.status).toBe(415);
    expect(form.body.error?.data.app.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const get = await fetch(`${base}/trpc/ledger.verify`);
    expect(get.status).toBe(405);
  });

  it('answers 404 with a code for an unknown procedure or path', async () => {
    const r = await admin.query('ledger.nope');
    expect(r.status).toBe(404);
    expect(r.body.error?.data.app.code).toBe('ROUTE_NOT_FOUND');
    const res = await fetch(`${base}/api/unknown`);
    expect(res.status).toBe(404);
  });

  it('never puts a stack trace in a response', async () => {
    const responses = await Promise.all([
      admin.query('ledger.entries', { limit: 'x' }),
      admin.query('ledger.inclusionProof', { seq: -1 }),
      admin.query('ledger.nope'),
    ]);
    for (const r of responses) expect(JSON.stringify(r.body)).not.toMatch(/\bat .*\.ts:\d+|stack/i);
  });

  it('sends security headers', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
