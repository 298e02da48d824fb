// Cosigning checkpoints over real HTTP: what the server accepts and refuses
// (README "Cosigning checkpoints"). A refusal stores nothing.

import { createHash } from 'node:crypto';
import { createUser, systemActor } from '@alutrace/server/testing';
import {
  type CosignedCheckpointView,
  type CosignResult,
  cosign,
  cosignerFromSecretKey,
  formatCosignerKey,
  formatVerifierKey,
  generateCosigner,
  noteBody,
  parseCosignerKey,
  signerFromSecretKey,
  verifyCosignatures,
  type WitnessLatestView,
  type WitnessView,
} from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './http-client';
import { buildWorld, PASSWORD, type World } from './world';

const seed = (s: string): Uint8Array => new Uint8Array(createHash('sha256').update(s).digest());

let world: World;
let official: Client;
let otherOfficial: Client;

beforeAll(async () => {
  world = await buildWorld();
  official = world.clientFor('official');
  await createUser(
    world.server.app,
    systemActor('cli'),
    { username: 'off2', displayName: 'Second official', role: 'official', sites: [], password: PASSWORD },
    { passwordIsFinal: true },
  );
  otherOfficial = world.anonymous();
  await otherOfficial.login('off2', PASSWORD);
});
afterAll(async () => {
  await world?.stop();
});

const rows = (): number =>
  (world.server.app.db.$client.prepare('SELECT count(*) AS n FROM cosignatures').get() as { n: number }).n;

async function head(): Promise<{ note: string; treeSize: number }> {
  const res = await official.query<{ note: string; treeSize: number }>('ledger.head');
  return res.body.result?.data as { note: string; treeSize: number };
}

async function registered(client: Client, name: string) {
  const w = generateCosigner(name);
  const res = await client.mutate<WitnessView>('witness.register', { name, vkey: formatCosignerKey(w) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return w;
}

function refusal(res: { status: number; body: { error?: { data: { app: { code: string; messageZh: string } } } } }) {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  const app = res.body.error?.data.app;
  expect(app?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  return app?.code;
}

describe('witness.cosign', () => {
  it('stores a valid cosignature of the head and serves it on the checkpoint, verifiable with the vkey alone', async () => {
    const w = await registered(official, 'baise.gov.cn/witness-a');
    const { note, treeSize } = await head();
    const line = cosign(noteBody(note), w);
    const res = await official.mutate<CosignResult>('witness.cosign', { checkpoint: note, cosignature: line });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result?.data).toMatchObject({ treeSize, witness: w.name, duplicate: false });

    const cp = await world.anonymous().query<CosignedCheckpointView>('ledger.checkpoint', { treeSize });
    const view = cp.body.result?.data as CosignedCheckpointView;
    expect(view.cosignedNote).toBe(note + line);
    expect(view.cosignatures).toHaveLength(1);
    // A verifier needs only the witness's vkey (published by the official), not the server's word.
    const found = verifyCosignatures(view.cosignedNote, [parseCosignerKey(formatCosignerKey(w))]);
    expect(found).toHaveLength(1);

    const list = await world.anonymous().query<WitnessView[]>('witness.list');
    const mine = list.body.result?.data.find((x) => x.name === w.name);
    expect(mine?.latest?.treeSize).toBe(treeSize);
    expect(mine?.mine).toBe(false); // anonymous
    const latest = await official.query<WitnessLatestView>('witness.latest', { vkey: formatCosignerKey(w) });
    expect(latest.body.result?.data.latest?.line).toBe(line);
    expect(latest.body.result?.data.latest?.note).toBe(note);
  });

  it('answers the same cosignature again as a duplicate, writing nothing', async () => {
    const w = await registered(official, 'baise.gov.cn/witness-dup');
    const { note } = await head();
    const line = cosign(noteBody(note), w);
    expect((await official.mutate('witness.cosign', { checkpoint: noteBody(note), cosignature: line })).status).toBe(
      200,
    );
    const before = rows();
    const again = await official.mutate<CosignResult>('witness.cosign', { checkpoint: note, cosignature: line });
    expect(again.body.result?.data.duplicate).toBe(true);
    expect(rows()).toBe(before);
  });

  it('refuses a cosignature whose signature does not verify', async () => {
    const w = await registered(official, 'baise.gov.cn/witness-bad');
    const { note } = await head();
    const line = cosign(noteBody(note), w).trim();
    const b64 = line.slice(line.lastIndexOf(' ') + 1);
    const raw = Buffer.from(b64, 'base64');
    raw[50] = (raw[50] as number) ^ 0x01;
    const forged = `${line.slice(0, line.lastIndexOf(' ') + 1)}${raw.toString('base64')}`;
    const before = rows();
    const res = await official.mutate('witness.cosign', { checkpoint: note, cosignature: forged });
    expect(refusal(res)).toBe('COSIGNATURE_INVALID');
    // A valid signature over another checkpoint's text does not verify over this one either.
    const other = cosign(noteBody(note).replace(/\n\d+\n/, '\n999999\n'), w);
    expect(refusal(await official.mutate('witness.cosign', { checkpoint: note, cosignature: other }))).toBe(
      'COSIGNATURE_INVALID',
    );
    expect(rows()).toBe(before);
  });

  it('refuses a cosignature of a checkpoint the server never signed', async () => {
    const w = await registered(official, 'baise.gov.cn/witness-never');
    const { note, treeSize } = await head();
    const origin = noteBody(note).split('\n')[0] as string;
    const before = rows();
    // The head's size with another root: a fork's checkpoint, validly cosigned.
    const otherRoot = `${origin}\n${treeSize}\n${Buffer.alloc(32, 7).toString('base64')}\n`;
    const res = await official.mutate('witness.cosign', { checkpoint: otherRoot, cosignature: cosign(otherRoot, w) });
    expect(refusal(res)).toBe('CHECKPOINT_NOT_SIGNED');
    // A size the server never reached.
    const future = `${origin}\n${treeSize + 1000}\n${Buffer.alloc(32, 9).toString('base64')}\n`;
    expect(
      refusal(await official.mutate('witness.cosign', { checkpoint: future, cosignature: cosign(future, w) })),
    ).toBe('CHECKPOINT_NOT_SIGNED');
    // Another log's checkpoint, signed by a key that looks like the server's.
    const stranger = signerFromSecretKey(origin, seed('stranger'));
    expect(formatVerifierKey(stranger)).not.toBe(world.server.app.verifierKey);
    const elsewhere = `elsewhere.example/log\n${treeSize}\n${noteBody(note).split('\n')[2]}\n`;
    expect(
      refusal(await official.mutate('witness.cosign', { checkpoint: elsewhere, cosignature: cosign(elsewhere, w) })),
    ).toBe('CHECKPOINT_NOT_SIGNED');
    expect(rows()).toBe(before);
  });

  it("refuses a key that is not registered, or is another official's", async () => {
    const { note } = await head();
    const unregistered = generateCosigner('baise.gov.cn/witness-unknown');
    expect(
      refusal(
        await official.mutate('witness.cosign', {
          checkpoint: note,
          cosignature: cosign(noteBody(note), unregistered),
        }),
      ),
    ).toBe('WITNESS_NOT_REGISTERED');
    const theirs = await registered(otherOfficial, 'baise.gov.cn/witness-theirs');
    expect(
      refusal(
        await official.mutate('witness.cosign', { checkpoint: note, cosignature: cosign(noteBody(note), theirs) }),
      ),
    ).toBe('WITNESS_NOT_REGISTERED');
    expect(
      refusal(await official.mutate('witness.register', { name: theirs.name, vkey: formatCosignerKey(theirs) })),
    ).toBe('WITNESS_KEY_TAKEN');
    expect(refusal(await official.query('witness.latest', { vkey: formatCosignerKey(theirs) }))).toBe(
      'WITNESS_NOT_REGISTERED',
    );
  });

  it('refuses a cosignature dated over 10 minutes ahead of the server', async () => {
    const w = await registered(official, 'baise.gov.cn/witness-clock');
    const { note } = await head();
    const ahead = Math.floor(Date.now() / 1000) + 3600;
    expect(
      refusal(
        await official.mutate('witness.cosign', { checkpoint: note, cosignature: cosign(noteBody(note), w, ahead) }),
      ),
    ).toBe('COSIGNATURE_IN_FUTURE');
  });
});

describe('witness.register', () => {
  it('registers the same key twice as one, and refuses a mismatched name or a signed-note (0x01) key', async () => {
    const w = cosignerFromSecretKey('baise.gov.cn/witness-r', seed('witness r'));
    const vkey = formatCosignerKey(w);
    const a = await official.mutate<WitnessView>('witness.register', { name: w.name, vkey });
    const b = await official.mutate<WitnessView>('witness.register', { name: w.name, vkey });
    expect(a.body.result?.data).toEqual(b.body.result?.data);
    expect(a.body.result?.data.mine).toBe(true);
    expect(refusal(await official.mutate('witness.register', { name: 'baise.gov.cn/other', vkey }))).toBe(
      'WITNESS_KEY_INVALID',
    );
    const noteKey = formatVerifierKey(signerFromSecretKey(w.name, w.secretKey));
    expect(refusal(await official.mutate('witness.register', { name: w.name, vkey: noteKey }))).toBe(
      'WITNESS_KEY_INVALID',
    );
  });
});

describe('ledger.checkpoint', () => {
  it('answers a tree size with no signed checkpoint as not found, naming the head', async () => {
    const res = await world.anonymous().query('ledger.checkpoint', { treeSize: 10_000_000 });
    expect(res.status).toBe(404);
    expect(refusal(res)).toBe('CHECKPOINT_UNKNOWN');
  });

  it("tells an official which witness keys are theirs, and nobody else's owner", async () => {
    const w = await registered(official, 'baise.gov.cn/witness-mine');
    const mine = (await official.query<WitnessView[]>('witness.list')).body.result?.data ?? [];
    const theirs = (await otherOfficial.query<WitnessView[]>('witness.list')).body.result?.data ?? [];
    expect(mine.find((x) => x.name === w.name)?.mine).toBe(true);
    expect(theirs.find((x) => x.name === w.name)?.mine).toBe(false);
    expect(JSON.stringify(theirs)).not.toContain(world.users.official.id);
  });
});
