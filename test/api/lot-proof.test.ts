// A lot's proof file (GET /l/{lot}/proof?d=…) over real HTTP, checked with
// the shared offline verifier (verifyLotProof): accepted as served; refused
// with any one byte changed in an entry, a proof hash, the index, the
// checkpoint text or the log's signature, or with the summary changed; the
// same refusal as the passport for a wrong digest or an unknown lot; nothing
// sealed in it; a witness's cosignature demanded and found.
import { createHash } from 'node:crypto';
import {
  addCosignatures,
  base64Decode,
  base64Encode,
  cosign,
  cosignerFromSecretKey,
  formatCosignerKey,
  formatTlogProof,
  generateCosigner,
  type LotProofFile,
  noteBody,
  type Passport,
  type PublicKeyView,
  parseTlogProof,
  verifyLotProof,
  verifyPassport,
} from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data } from './http-client';
import { type LotRef, SELLER, Stock } from './lifecycle-stock';
import { buildWorld, type World } from './world';

let world: World;
let key: string;
let ingot: LotRef & { digest: string };
let text: string;
let file: LotProofFile;

const digestOf = (lotId: string): string =>
  (
    world.server.app.db.$client.prepare('SELECT label_digest FROM lots WHERE lot_id = ?').get(lotId) as {
      label_digest: string;
    }
  ).label_digest;

const fetchProof = (lotId: string, d: string) => fetch(`${world.server.url}/l/${lotId}/proof?d=${d}`);

beforeAll(async () => {
  world = await buildWorld();
  const stock = new Stock(world);
  key = data(await world.anonymous().query<PublicKeyView>('ledger.publicKey')).verifierKey;
  const made = await stock.productAt('RC01');
  ingot = { ...made, digest: digestOf(made.lotId) };
  // A later event about the ingot, so the file rests on more than its creating entry.
  data(
    await world.clientFor('recycler').mutate('shipments.record', {
      site: 'RC01',
      lotId: ingot.lotId,
      buyer: 'BY01',
      chain: 'construction',
      massG: ingot.massG,
    }),
  );
  const res = await fetchProof(ingot.lotId, ingot.digest);
  expect(res.status).toBe(200);
  text = await res.text();
  file = JSON.parse(text) as LotProofFile;
});
afterAll(async () => {
  await world?.stop();
});

const check = (f: LotProofFile, options: Parameters<typeof verifyLotProof>[1] = { verifierKey: key }) =>
  verifyLotProof(JSON.stringify(f), options);

/** The file with proof `i` rebuilt after `change` edits its parsed parts. */
function withProof(i: number, change: (p: ReturnType<typeof parseTlogProof>) => void): LotProofFile {
  const proofs = file.proofs.map((t, j) => {
    if (j !== i) return t;
    const p = parseTlogProof(t);
    change(p);
    return formatTlogProof(p);
  });
  return { ...file, proofs };
}

const flip = (bytes: Uint8Array, at: number): Uint8Array => {
  const out = bytes.slice();
  out[at] = (out[at] as number) ^ 0x01;
  return out;
};

describe('the proof file as served', () => {
  it('downloads as a named JSON attachment with a C2SP tlog-proof per entry, all to the served checkpoint', async () => {
    const res = await fetchProof(ingot.lotId, ingot.digest.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${ingot.lotId}.lot-proof.json"`);
    expect(file).toMatchObject({ format: 'alutrace/lot-proof@v1', lotId: ingot.lotId, digest: ingot.digest });
    expect(file.log.verifierKey).toBe(key);
    expect(file.proofs).toHaveLength(2);
    const head = world.server.app.ledger.head();
    for (const t of file.proofs) {
      expect(t.startsWith('c2sp.org/tlog-proof@v1\nextra ')).toBe(true);
      const p = parseTlogProof(t);
      expect(p.checkpoint).toBe(head?.note);
      const stored = world.server.app.ledger.entryBySeq(p.index);
      expect(Buffer.from(p.extra as Uint8Array).equals(Buffer.from(stored?.canonical as Uint8Array))).toBe(true);
    }
  });

  it('verifies offline with the key the reader trusts, every check passing', () => {
    const v = check(file);
    expect(v.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.passport?.lot).toMatchObject({ lotId: ingot.lotId, state: 'shipped', massG: 850_000 });
    expect(v.checkpoint?.treeSize).toBe(world.server.app.ledger.head()?.treeSize);
  });

  it('says the same as the passport it was made from', async () => {
    const p = data(
      await world.anonymous().query<Passport>('lots.passport', { lotId: ingot.lotId, digest: ingot.digest }),
    );
    expect(verifyPassport(p, key, { digest: ingot.digest }).valid).toBe(true);
    const v = check(file);
    expect(v.passport?.entries.map((e) => [e.seq, e.role, e.leafHash])).toEqual(
      p.entries.map((e) => [e.seq, e.role, e.leafHash]),
    );
    expect(v.passport?.lot).toEqual(p.lot);
  });

  it('holds nothing sealed', () => {
    expect(text).not.toContain(SELLER.name);
    expect(text).not.toContain(SELLER.residentId);
    const entries = file.proofs.map((t) => new TextDecoder().decode(parseTlogProof(t).extra as Uint8Array)).join('\n');
    expect(entries).not.toContain(SELLER.name);
    expect(entries).not.toContain(SELLER.residentId);
  });

  it('is refused under another key', () => {
    const other = key.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect(check(file, { verifierKey: other }).valid).toBe(false);
  });
});

describe('one byte changed anywhere that matters is refused', () => {
  it('in any entry byte', () => {
    let tried = 0;
    for (let i = 0; i < file.proofs.length; i++) {
      const extra = parseTlogProof(file.proofs[i] as string).extra as Uint8Array;
      for (let at = 0; at < extra.length; at++) {
        const v = check(withProof(i, (p) => (p.extra = flip(extra, at))));
        expect(v.valid, `entry ${i} byte ${at}`).toBe(false);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });

  it('in any proof hash byte, and with a hash left out or the index changed', () => {
    for (let i = 0; i < file.proofs.length; i++) {
      const { hashes } = parseTlogProof(file.proofs[i] as string);
      expect(hashes.length).toBeGreaterThan(0);
      for (let h = 0; h < hashes.length; h++) {
        for (let at = 0; at < 32; at++) {
          const v = check(withProof(i, (p) => (p.hashes[h] = flip(hashes[h] as Uint8Array, at))));
          expect(v.valid, `proof ${i} hash ${h} byte ${at}`).toBe(false);
        }
      }
      expect(check(withProof(i, (p) => p.hashes.pop())).valid).toBe(false);
      expect(check(withProof(i, (p) => (p.index += 1))).valid).toBe(false);
    }
  });

  it('in any byte of the checkpoint text or of the log signature, changed in every proof alike', () => {
    const note = parseTlogProof(file.proofs[0] as string).checkpoint;
    const body = noteBody(note);
    const everywhere = (changed: string): LotProofFile => ({
      ...file,
      proofs: file.proofs.map((t) => {
        const p = parseTlogProof(t);
        p.checkpoint = changed;
        return formatTlogProof(p);
      }),
    });
    const bodyBytes = new TextEncoder().encode(body);
    for (let at = 0; at < bodyBytes.length; at++) {
      const changed = new TextDecoder().decode(flip(bodyBytes, at)) + note.slice(body.length);
      expect(check(everywhere(changed)).valid, `checkpoint byte ${at}`).toBe(false);
    }
    // The signature line: "— name base64(key id ‖ signature)".
    const sigLine = note.slice(body.length + 1).split('\n')[0] as string;
    const b64 = sigLine.slice(sigLine.lastIndexOf(' ') + 1);
    const sig = base64Decode(b64);
    for (let at = 0; at < sig.length; at++) {
      const changed = note.replace(b64, base64Encode(flip(sig, at)));
      expect(check(everywhere(changed)).valid, `signature byte ${at}`).toBe(false);
    }
  });

  it('in any character of a proof as text (header, lines, newlines, checkpoint)', () => {
    const t = file.proofs[0] as string;
    for (let at = 0; at < t.length; at++) {
      const c = t[at] as string;
      const changed = t.slice(0, at) + (c === 'A' ? 'B' : 'A') + t.slice(at + 1);
      const v = check({ ...file, proofs: [changed, ...file.proofs.slice(1)] });
      expect(v.valid, `character ${at} (${JSON.stringify(c)})`).toBe(false);
    }
  });

  it('in the summary the entries contradict: mass, state, label digest, lot', () => {
    const lot = file.passport.lot;
    const cases: LotProofFile[] = [
      { ...file, passport: { ...file.passport, lot: { ...lot, massG: lot.massG + 1 } } },
      { ...file, passport: { ...file.passport, lot: { ...lot, state: 'on_hand' } } },
      { ...file, passport: { ...file.passport, lot: { ...lot, shippedTo: null } } },
      { ...file, digest: 'aaaaaaaaaa' },
      { ...file, lotId: 'RC01-991231-0001' },
      { ...file, proofs: file.proofs.slice(1) },
    ];
    for (const c of cases) expect(check(c).valid).toBe(false);
  });

  it('when it is not a proof file at all', () => {
    for (const bad of [
      '',
      'null',
      '{}',
      '[]',
      text.slice(0, text.length / 2),
      JSON.stringify({ ...file, format: 'x' }),
    ]) {
      const v = verifyLotProof(bad, { verifierKey: key });
      expect(v.valid).toBe(false);
      expect(v.checks[0]?.status).toBe('fail');
    }
  });
});

describe('witnesses', () => {
  const witness = cosignerFromSecretKey(
    'official.example/li',
    new Uint8Array(createHash('sha256').update('witness li').digest()),
  );
  const vkey = formatCosignerKey(witness);
  const cosigned = (): LotProofFile => {
    const note = parseTlogProof(file.proofs[0] as string).checkpoint;
    const withLine = addCosignatures(note, [cosign(noteBody(note), witness, 1_764_590_400)]);
    return {
      ...file,
      proofs: file.proofs.map((t) => {
        const p = parseTlogProof(t);
        p.checkpoint = withLine;
        return formatTlogProof(p);
      }),
    };
  };

  it('a cosigned checkpoint passes when its witness is demanded; the log signature still holds', () => {
    const v = check(cosigned(), { verifierKey: key, witnessKeys: [vkey] });
    expect(v.witnesses).toEqual([
      { name: 'official.example/li', status: 'pass', timestamp: 1_764_590_400, detail: 'cosigned the checkpoint' },
    ]);
    expect(v.valid).toBe(true);
  });

  it('without the cosignature, or with it altered, the demanded witness fails the file', () => {
    const missing = check(file, { verifierKey: key, witnessKeys: [vkey] });
    expect(missing.valid).toBe(false);
    expect(missing.witnesses[0]?.status).toBe('fail');
    const c = cosigned();
    const p = parseTlogProof(c.proofs[0] as string);
    const lines = p.checkpoint.split('\n');
    const last = lines[lines.length - 2] as string;
    const b64 = last.slice(last.lastIndexOf(' ') + 1);
    const altered = base64Encode(flip(base64Decode(b64), 40));
    const bad = { ...c, proofs: c.proofs.map((t) => t.replace(b64, altered)) };
    const v = check(bad, { verifierKey: key, witnessKeys: [vkey] });
    expect(v.valid).toBe(false);
    expect(v.witnesses[0]?.status).toBe('fail');
  });
});

describe('a checkpoint an official cosigned on the server', () => {
  it('is the one the file proves to, with the cosignature on it, checked by the official key', async () => {
    const official = world.clientFor('official');
    const w = generateCosigner('baise.gov.cn/witness-proof');
    const vkey = formatCosignerKey(w);
    data(await official.mutate('witness.register', { name: w.name, vkey }));
    const head = world.server.app.ledger.head() as { note: string; treeSize: number };
    const line = cosign(noteBody(head.note), w);
    data(await official.mutate('witness.cosign', { checkpoint: head.note, cosignature: line }));
    // The ledger grows past the cosigned checkpoint; the ingot's entries are all inside it.
    await new Stock(world).collect('PG01');
    expect(world.server.app.ledger.head()?.treeSize).toBeGreaterThan(head.treeSize);

    const f = (await (await fetchProof(ingot.lotId, ingot.digest)).json()) as LotProofFile;
    const p = parseTlogProof(f.proofs[0] as string);
    expect(p.checkpoint).toBe(head.note + line);
    expect(f.log.witnesses).toEqual([{ name: w.name, vkey }]);
    const v = check(f, { verifierKey: key, witnessKeys: [vkey] });
    expect(v.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.checkpoint?.treeSize).toBe(head.treeSize);
    expect(v.witnesses.map((x) => [x.name, x.status])).toEqual([[w.name, 'pass']]);
    expect(v.cosigners.map((x) => [x.name, x.status])).toEqual([[w.name, 'pass']]);

    // A lot made after it is proved to the head instead, which no one has cosigned.
    const later = await new Stock(world).collect('PG01');
    const lot = later.lots[0] as { lotId: string; labelDigest: string };
    const g = (await (await fetchProof(lot.lotId, lot.labelDigest)).json()) as LotProofFile;
    const h = check(g, { verifierKey: key, witnessKeys: [vkey] });
    expect(h.checkpoint?.treeSize).toBeGreaterThan(head.treeSize);
    expect(h.witnesses[0]?.status).toBe('fail');
    expect(h.valid).toBe(false);
    expect(check(g).valid).toBe(true);
  });
});

describe('refusals reveal nothing', () => {
  it('a wrong digest answers exactly what an unknown lot answers', async () => {
    const wrong = await fetchProof(ingot.lotId, ingot.digest === 'aaaaaaaaaa' ? 'bbbbbbbbbb' : 'aaaaaaaaaa');
    const unknown = await fetchProof('RC01-991231-0001', ingot.digest);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [w, u] = [await wrong.json(), await unknown.json()];
    expect(w.error.data.app.code).toBe('LOT_UNKNOWN');
    expect(JSON.stringify(w).replaceAll(ingot.lotId, 'X')).toBe(JSON.stringify(u).replaceAll('RC01-991231-0001', 'X'));
  });

  it('a malformed digest or lot id is a bad request, never a 500', async () => {
    for (const [lot, d] of [
      [ingot.lotId, ''],
      [ingot.lotId, 'short'],
      ['not-a-lot', ingot.digest],
      [ingot.lotId, '!!!!!!!!!!'],
    ] as const) {
      const res = await fetch(`${world.server.url}/l/${encodeURIComponent(lot)}/proof?d=${encodeURIComponent(d)}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.data.app.code).toBe('VALIDATION_FAILED');
    }
    for (const raw of [
      '/l/%ZZ/proof?d=aaaaaaaaaa',
      `/l/${ingot.lotId}/proof?d=${'a'.repeat(5000)}`,
      `/l/${ingot.lotId}/proof?d[]=x`,
    ]) {
      const res = await fetch(`${world.server.url}${raw}`);
      expect(res.status, raw).toBeGreaterThanOrEqual(400);
      expect(res.status, raw).toBeLessThan(500);
    }
  });

  it('an entry newer than the newest checkpoint is proved after one is signed, writing no ledger entry', async () => {
    const { app } = world.server;
    const made = await new Stock(world).productAt('RC01');
    const size = app.ledger.size;
    const res = await fetchProof(made.lotId, digestOf(made.lotId));
    expect(res.status).toBe(200);
    expect(app.ledger.size).toBe(size);
    expect(check((await res.json()) as LotProofFile).valid).toBe(true);
  });
});
