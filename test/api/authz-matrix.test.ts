// The authorisation matrix, built from the router itself: every procedure ×
// every role × own site / another site, anonymous, and API tokens of each
// token role. The expected outcome
// is written out by hand in authz-policy.txt — never derived from the
// permission table the server enforces, which is what is under test. A
// procedure without an access rule, without a sample input here, or without
// a row in that file fails this test; so does a row for a procedure that is gone.
import { readFileSync } from 'node:fs';

import { appRouter } from '@alutrace/server';
import type { Access } from '@alutrace/server/testing';
import {
  createToken,
  defineScheme,
  draftStatement,
  incentiveDeps,
  issueStatement,
  systemActor,
} from '@alutrace/server/testing';
import {
  cosign,
  formatCosignerKey,
  generateCosigner,
  noteBody,
  PERMISSIONS,
  ROLES,
  type Role,
  TOKEN_ROLES,
} from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './http-client';
import { collectionInput, isCollectionPoint, isRecycler, isUtiliser, type LotRef, Stock } from './lifecycle-stock';
import { buildWorld, PASSWORD, type World } from './world';

type Variant = 'own' | 'other';
type CallerKind = 'user' | 'token';
interface Procedure {
  _def: { type: 'query' | 'mutation' | 'subscription'; meta?: { access?: Access } };
}

let world: World;
/** Fresh lots where a sample needs them (lifecycle-stock.ts). */
let stock: Stock;
let counter = 0;
/** The current password of each role's user, as auth.changePassword's sample changes it. */
const passwords = new Map<string, string>();

/** An API token per token role, for the same sites as that role's user (operator PG01, recycler RC01, utiliser UT01). */
const tokens = new Map<Role, string>();

beforeAll(async () => {
  world = await buildWorld();
  stock = new Stock(world);
  for (const role of TOKEN_ROLES) {
    const site = role === 'official' ? undefined : world.ownSite[role];
    const created = await createToken(world.server.app, systemActor('cli'), {
      name: `matrix ${role}`,
      role,
      ...(site ? { site } : {}),
    });
    tokens.set(role, created.secret);
  }
});

function tokenClient(role: Role): Client {
  const client = new Client(world.server.url);
  client.bearer = tokens.get(role) ?? null;
  return client;
}
afterAll(async () => {
  await world?.stop();
});

/** An input for each procedure that succeeds for whoever may call it, so only access decides 401/403. */
const samples: Record<string, (role: Role | null, variant: Variant, kind: CallerKind) => unknown | Promise<unknown>> = {
  'auth.login': () => ({ username: 'rc', password: PASSWORD }),
  'auth.logout': () => undefined,
  'auth.me': () => undefined,
  'auth.changePassword': (role) => {
    // Each role's user changes its password in turn, so the sample tracks what it is now.
    const key = role ?? 'anonymous';
    const currentPassword = passwords.get(key) ?? PASSWORD;
    const newPassword = `${PASSWORD} ${++counter}`;
    if (role) passwords.set(key, newPassword);
    return { currentPassword, newPassword };
  },
  'auth.sessions': () => undefined,
  'auth.revokeSession': (role) => ({
    // Another session of the caller's own user, which it may end.
    sessionId: role
      ? world.server.app.auth.sessions.create(world.users[role].id, { ip: null, userAgent: 'matrix' }).session.id
      : '0192f000-0000-7000-8000-000000000000',
  }),
  'ledger.head': () => undefined,
  'ledger.publicKey': () => undefined,
  'system.info': () => undefined,
  'ledger.entries': (role, v) => ({ limit: 5, site: siteFor(role, v) }),
  'ledger.entry': (role, v) => ({ seq: seqOfSiteEntry(siteFor(role, v)) }),
  'ledger.inclusionProof': () => ({ seq: 0 }),
  'ledger.consistencyProof': () => ({ from: 1 }),
  'ledger.verify': () => ({}),
  // A sample at the newest signed checkpoint (there is always one: the sites were recorded), and the list to choose from.
  'audit.sample': () => ({ treeSize: world.server.app.ledger.head()?.treeSize, params: { count: 2, strata: 'site' } }),
  'audit.checkpoints': () => ({ limit: 5 }),
  'sites.list': () => undefined,
  'grades.list': () => ({ includeInactive: true }),
  'grades.create': () => ({
    code: `G${++counter}`,
    nameZh: '测试品级',
    nameEn: 'Test grade',
    family: 'mixed',
    defaultSourceClass: 'post_consumer',
    yieldMinPct: 70,
    yieldMaxPct: 90,
    isri: null,
  }),
  'grades.update': () => ({ code: 'MIXED', nameEn: `Mixed aluminium scrap ${++counter}` }),
  'alloys.list': () => undefined,
  'alloys.create': () => ({ code: `AL${++counter}`, standard: 'GB/T 1173', nameZh: '测试合金', nameEn: 'Test alloy' }),
  'alloys.update': () => ({ code: 'ZL102', nameEn: `ZL102 casting alloy ${++counter}` }),
  'sites.create': () => ({ code: `T${++counter}`, kind: 'buyer', nameZh: '买方', nameEn: 'Buyer' }),
  'sites.update': () => ({ code: 'RC02', nameEn: `Tiandong recycler ${++counter}` }),
  'users.list': () => undefined,
  'users.create': () => ({
    username: `u${++counter}`,
    displayName: 'New',
    role: 'official',
    password: 'a long enough password',
  }),
  'users.update': () => ({ userId: world.target.id, displayName: `Target ${++counter}` }),
  'users.resetPassword': () => ({ userId: world.target.id, password: `another long password ${++counter}` }),
  'tokens.list': () => undefined,
  'tokens.create': () => ({ name: `scale ${++counter}`, role: 'official' }),
  'tokens.revoke': async () => ({
    tokenId: (await createToken(world.server.app, systemActor('cli'), { name: 'to revoke', role: 'official' })).token
      .id,
  }),
  // ── The scrap lifecycle: each sample is valid at the site it names, with lots made for it there. ──
  'collection.record': (role, v) => collectionInput(siteFor(role, v)),
  'transfers.dispatch': async (role, v) => {
    const site = siteFor(role, v);
    const lot = await freshLotAt(site);
    return { site, to: DESTINATION[site], lots: [{ lotId: lot.lotId, massG: lot.massG }] };
  },
  'transfers.incoming': async (role, v) => ({ site: siteFor(role, v) }),
  'transfers.receive': async (role, v) => {
    const site = siteFor(role, v);
    // Collection points receive nothing: there the sample names a dispatch for RC01 (refused by access first).
    const inbound = await stock.inbound(isCollectionPoint(site) ? 'RC01' : site);
    return {
      site,
      dispatchId: inbound.dispatchId,
      lots: inbound.lots.map((l) => ({ lotId: l.lotId, receivedG: l.massG })),
    };
  },
  'processing.record': async (role, v) => {
    const site = siteFor(role, v);
    // Runs happen at recyclers: elsewhere the sample names scrap on hand at RC01 (refused by access first).
    const lot = await stock.scrapAt(isRecycler(site) ? site : 'RC01');
    return {
      site,
      process: 'melting',
      inputs: [{ lotId: lot.lotId, consumedG: lot.massG }],
      outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 850_000 }],
      byproducts: [{ kind: 'dross', massG: 100_000, hazardousWasteCode: 'HW48 321-026-48' }],
    };
  },
  'byproducts.utilise': async (role, v) => {
    const site = siteFor(role, v);
    // Collection points hold no by-products: there the sample names dross at RC01 (refused by access first).
    const lot = await stock.byproductAt(isCollectionPoint(site) ? 'RC01' : site);
    return { site, lotId: lot.lotId, route: 'aluminium_recovery', massG: lot.massG, manifestNumber: 'GX-2026-000123' };
  },
  'shipments.record': async (role, v) => {
    const site = siteFor(role, v);
    // Only recyclers make products: elsewhere the sample names an ingot at RC01 (refused by access first).
    const lot = await stock.productAt(isRecycler(site) ? site : 'RC01');
    return { site, lotId: lot.lotId, buyer: 'BY01', chain: 'construction', massG: lot.massG };
  },
  'corrections.record': async (role, v, kind) => {
    const site = siteFor(role, v);
    // An operating role corrects its own entry at its own site (a token its own, a user theirs); any other
    // caller names an entry the site's own user made, which only an administrator may correct.
    const own = role !== null && OPERATING_ROLES.includes(role) && v === 'own';
    const author = own ? (kind === 'token' ? tokenClient(role) : world.clientFor(role)) : await stock.clientAt(site);
    const target = isCollectionPoint(site)
      ? await stock.collect(site, author)
      : await stock.receive(site, await stock.inbound(site), author);
    return { site, targetSeq: target.seq, targetLeafHash: target.leafHashes[0], reason: 'weighing_error' };
  },
  'lots.get': async (role, v) => ({ lotId: (await lotHeldAt(siteFor(role, v))).lotId }),
  'lots.list': (role, v) => ({ site: siteFor(role, v), limit: 5 }),
  'lots.trace': async (role, v) => ({ lotId: (await lotHeldAt(siteFor(role, v))).lotId, direction: 'backward' }),
  // Public: anyone with the label (the lot's id and its digest) reads the passport.
  'lots.passport': async () => {
    const { lotId } = await lotHeldAt('PG01');
    const row = world.server.app.db.$client.prepare('SELECT label_digest FROM lots WHERE lot_id = ?').get(lotId) as {
      label_digest: string;
    };
    return { lotId, digest: row.label_digest };
  },
  // ── Reports: a year of one site's figures (officials and admins may name any site) ──
  'reports.volumes': (role, v) => ({ from: '2026-01-01', to: '2026-12-31', site: siteFor(role, v) }),
  'reports.yield': (role, v) => ({ from: '2026-01-01', to: '2026-12-31', site: siteFor(role, v) }),
  'reports.dross': (role, v) => ({ from: '2026-01-01', to: '2026-12-31', site: siteFor(role, v) }),
  'reports.discrepancies': (role, v) => ({ from: '2026-01-01', to: '2026-12-31', site: siteFor(role, v) }),
  'reports.shipments': (role, v) => ({ from: '2026-01-01', to: '2026-12-31', site: siteFor(role, v) }),
  'reports.emissions': (role, v) => ({ from: '2026-01-01', to: '2026-12-31', site: siteFor(role, v) }),
  'reports.emissionFactors': () => undefined,
  'reports.defineEmissionFactors': () => ({
    primaryKgPerT: 13_200,
    recycledKgPerT: 500,
    primarySource: 'matrix',
    recycledSource: 'matrix',
  }),
  // ── Sealed values: an entry with sealed values recorded at the site the caller names ──
  'sealed.read': async (role, v) => ({ seq: await sealedSeqAt(siteFor(role, v), role), purpose: 'matrix' }),
  'sealed.accessLog': () => ({ limit: 5 }),
  'sellers.search': () => ({ id: '451002198506151230' }),
  // ── Incentives: a scheme paying PG01's collections; an issue pays the lots received since the last one ──
  'incentives.schemes': () => undefined,
  'incentives.defineScheme': () => ({ ...MATRIX_SCHEME, code: `MX${++counter}` }),
  'incentives.statement': async () => ({ scheme: (await matrixScheme()).code, site: 'PG01' }),
  'incentives.issue': async () => {
    const scheme = (await matrixScheme()).code;
    // A fresh lot collected at PG01 and received in full at RC01, so that there is something to pay.
    await stock.scrapAt('RC01');
    const draft = draftStatement(incentiveDeps(world.server.app), { scheme, site: 'PG01' });
    return {
      scheme,
      site: 'PG01',
      expectedPayableFen: draft.totals.payableFen,
      expectedLineCount: draft.totals.lineCount,
    };
  },
  'incentives.statements': () => ({}),
  'incentives.issuedStatement': async () => ({ statementId: await matrixStatement() }),
  // ── Anomalies (README "Anomalies"): the list, its export and thresholds; a scanner's wrong-digest report ──
  'anomalies.list': () => ({ status: 'all' }),
  'anomalies.export': () => ({ status: 'all' }),
  'anomalies.thresholds': () => undefined,
  'anomalies.setThresholds': () => ({ notReceivedDays: 7 + (++counter % 50) }),
  'scans.reportMismatch': async (role, v) => ({
    lotId: (await lotHeldAt('PG01')).lotId,
    // Not the lot's digest (a digest has no 0, 1, 8 or 9: base32), so a report is stored.
    digest: 'zzzzzzzzz2',
    site: siteFor(role, v),
  }),
  // ── Cosigning checkpoints: each sample uses a new witness key, registered first by an official caller ──
  'ledger.checkpoint': () => ({}),
  'witness.list': () => undefined,
  'witness.register': () => {
    const w = generateCosigner(`matrix.example/w${++counter}`);
    return { name: w.name, vkey: formatCosignerKey(w) };
  },
  'witness.cosign': async (role, _v, kind) => {
    const w = await matrixWitness(role, kind);
    const head = world.server.app.ledger.head();
    if (!head) throw new Error('no head checkpoint');
    return { checkpoint: head.note, cosignature: cosign(noteBody(head.note), w) };
  },
  'witness.latest': async (role, _v, kind) => ({ vkey: formatCosignerKey(await matrixWitness(role, kind)) }),
  // ── Targets (README "Targets"): each define a new code; progress of one an administrator defined ──
  'targets.define': () => ({ ...MATRIX_TARGET, code: `MXT${++counter}` }),
  'targets.list': () => ({}),
  'targets.progress': async () => ({ code: await matrixTarget(), asOf: '2026-04-01' }),
};

/** Scrap collected in 2026 ≥ 120 t, for the whole base. */
const MATRIX_TARGET = {
  nameZh: '矩阵测试目标',
  nameEn: 'Matrix target',
  metric: 'collected',
  period: '2026',
  value: 120_000_000,
};
let matrixTargetCode: Promise<string> | null = null;
/** One target defined by the administrator, once, for targets.progress. */
function matrixTarget(): Promise<string> {
  matrixTargetCode ??= world
    .clientFor('admin')
    .mutate('targets.define', { ...MATRIX_TARGET, code: 'MXT-PROGRESS' })
    .then((r) => {
      if (r.status !== 200) throw new Error(`targets.define failed: ${JSON.stringify(r.body)}`);
      return 'MXT-PROGRESS';
    });
  return matrixTargetCode;
}

const OPERATING_ROLES: readonly Role[] = ['operator', 'recycler', 'utiliser'];

const MATRIX_SCHEME = {
  code: 'MATRIX',
  nameZh: '矩阵测试补贴',
  nameEn: 'Matrix incentive',
  from: '2000-01-01',
  to: '2099-12-31',
  rates: [{ family: null, sourceClass: null, rateFenPerT: 10_000 }],
  siteKinds: ['collection_point'],
  capFen: 1_000_000_000,
} as const;
let matrixSchemeMade: ReturnType<typeof defineScheme> | null = null;
function matrixScheme() {
  matrixSchemeMade ??= defineScheme(world.server.app, systemActor('cli'), {
    ...MATRIX_SCHEME,
    rates: [...MATRIX_SCHEME.rates],
    siteKinds: [...MATRIX_SCHEME.siteKinds],
  });
  return matrixSchemeMade;
}
/** An issued statement to read (one, made the first time it is asked for). */
let matrixStatementMade: Promise<string> | null = null;
function matrixStatement(): Promise<string> {
  matrixStatementMade ??= (async () => {
    const scheme = (await matrixScheme()).code;
    await stock.scrapAt('RC01');
    const draft = draftStatement(incentiveDeps(world.server.app), { scheme, site: 'PG01' });
    const issued = await issueStatement(incentiveDeps(world.server.app), systemActor('cli'), {
      scheme,
      site: 'PG01',
      expectedPayableFen: draft.totals.payableFen,
      expectedLineCount: draft.totals.lineCount,
    });
    return issued.statementId;
  })();
  return matrixStatementMade;
}

/** A new witness key, registered to the caller when it is an official (others are refused before it matters). */
async function matrixWitness(role: Role | null, kind: CallerKind) {
  const w = generateCosigner(`matrix.example/w${++counter}`);
  if (role === 'official') {
    const client = kind === 'token' ? tokenClient(role) : world.clientFor(role);
    const res = await client.mutate('witness.register', { name: w.name, vkey: formatCosignerKey(w) });
    if (res.status !== 200) throw new Error(`witness.register failed: ${JSON.stringify(res.body)}`);
  }
  return w;
}

/** Where a dispatch from each site goes: scrap to a recycler, dross from a utiliser to the other one. */
const DESTINATION: Record<string, string> = {
  PG01: 'RC01',
  PG02: 'RC01',
  RC01: 'RC02',
  RC02: 'RC01',
  UT01: 'UT02',
  UT02: 'UT01',
};

/** A new lot on hand at the site: scrap at a collection point or a recycler, dross at a utiliser. */
function freshLotAt(site: string): Promise<LotRef> {
  return isUtiliser(site) ? stock.byproductAt(site) : stock.scrapAt(site);
}

/**
 * An entry recorded at the site whose sealed values the caller could read only as that site (so not
 * one whose other site is the caller's own): made through a lot held there.
 */
async function sealedSeqAt(site: string, role: Role | null): Promise<number> {
  await lotHeldAt(site);
  const own = role ? world.ownSite[role] : '';
  const row = world.server.app.db.$client
    .prepare(
      'SELECT seq FROM sealed_records WHERE site = ? AND (counterpart IS NULL OR counterpart <> ?) ORDER BY seq LIMIT 1',
    )
    .get(site, own) as { seq: number };
  return row.seq;
}

/** One lot held at each site, for the reads (which change nothing). */
const heldLots = new Map<string, Promise<LotRef>>();
function lotHeldAt(site: string): Promise<LotRef> {
  let lot = heldLots.get(site);
  if (!lot) {
    lot = freshLotAt(site);
    heldLots.set(site, lot);
  }
  return lot;
}

function siteFor(role: Role | null, v: Variant): string {
  return role ? (v === 'own' ? world.ownSite[role] : world.otherSite[role]) : 'PG01';
}

function seqOfSiteEntry(site: string): number {
  const row = world.server.app.db.$client
    .prepare("SELECT seq FROM ledger_entries WHERE kind = 'site.created' AND site = ?")
    .get(site) as { seq: number };
  return row.seq;
}

type Outcome = 'allowed' | 401 | 403 | 404;
const DENIALS = ['FORBIDDEN', 'SITE_NOT_ALLOWED', 'USERS_ONLY'];
/**
 * A thing of another site answers as if it did not exist (lots.get: a lot id runs in daily sequence,
 * so "not yours" would confirm it exists; sealed.read: NOT_FOUND, as for an entry without sealed
 * values). The samples name things that do exist, so here it is a denial.
 */
const HIDDEN = ['LOT_UNKNOWN', 'NOT_FOUND'];

// The expected outcomes: one row per procedure, one column per caller (anon, then each role on its
// own site and on another), `yes` for allowed, 401 or 403 for denied, 404 for hidden. Changing who may do what means
// editing this file on purpose.
const POLICY_COLUMNS = [
  'procedure',
  'anon',
  ...ROLES.flatMap((r) => [`${r}/own`, `${r}/other`]),
  ...TOKEN_ROLES.flatMap((r) => [`token:${r}/own`, `token:${r}/other`]),
];
const policyLines = readFileSync(new URL('./authz-policy.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const POLICY = new Map(
  policyLines.slice(1).map((line) => {
    const [path = '', ...cells] = line.trim().split(/\s+/);
    return [
      path,
      cells.map((c): Outcome => (c === 'yes' ? 'allowed' : c === '401' ? 401 : c === '404' ? 404 : 403)),
    ] as const;
  }),
);

async function call(client: Client, path: string, type: string, input: unknown) {
  return type === 'query' ? client.query(path, input) : client.mutate(path, input);
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

describe('the authorisation matrix', () => {
  it('covers a known set of procedures, each with an access rule, a sample input and a policy row', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(29);
    expect(policyLines[0]?.trim().split(/\s+/)).toEqual(POLICY_COLUMNS);
    for (const [path, proc] of procedures) {
      expect(proc._def.meta?.access, `${path} has no access rule`).toBeDefined();
      expect(samples[path], `${path} has no sample input in authz-matrix.test.ts`).toBeDefined();
      expect(POLICY.get(path)?.length, `${path} needs a row in authz-policy.txt saying who may call it`).toBe(
        POLICY_COLUMNS.length - 1,
      );
    }
    const gone = [...POLICY.keys()].filter((path) => !procedures.some(([p]) => p === path));
    expect(gone, 'rows in authz-policy.txt for procedures that no longer exist').toEqual([]);
  });

  it('every permission names only real roles', () => {
    for (const grants of Object.values(PERMISSIONS)) {
      for (const role of Object.keys(grants)) expect(ROLES).toContain(role);
    }
  });

  for (const [path, proc] of procedures) {
    it(`${path}: anonymous, and each role on its own site and another`, async () => {
      const wanted = POLICY.get(path) ?? [];
      const sample = samples[path] as (typeof samples)[string];
      // Users through their sessions, then API tokens of each role a token may have (for the same sites).
      const cases: [Role | null, Variant, 'user' | 'token'][] = [
        [null, 'own', 'user'],
        ...ROLES.flatMap((r): [Role, Variant, 'user'][] => [
          [r, 'own', 'user'],
          [r, 'other', 'user'],
        ]),
        ...TOKEN_ROLES.flatMap((r): [Role, Variant, 'token'][] => [
          [r, 'own', 'token'],
          [r, 'other', 'token'],
        ]),
      ];
      const results: string[] = [];
      const row: Outcome[] = [];
      for (const [role, variant, kind] of cases) {
        const client = role === null ? world.anonymous() : kind === 'user' ? world.clientFor(role) : tokenClient(role);
        const res = await call(client, path, proc._def.type, await sample(role, variant, kind));
        const want = wanted[row.length];
        const code = res.body.error?.data.app.code ?? '';
        // Denied by access control, as opposed to refused for another reason (a wrong password is a 401 too).
        const got: Outcome =
          code === 'UNAUTHENTICATED' ? 401 : DENIALS.includes(code) ? 403 : HIDDEN.includes(code) ? 404 : 'allowed';
        if (got !== 'allowed') expect(res.status).toBe(got);
        row.push(got);
        results.push(
          `${kind === 'token' ? 'token:' : ''}${role ?? 'anonymous'}/${variant}: want ${want}, got ${got} (${res.status} ${res.body.error?.data.app.code ?? 'ok'})`,
        );
        expect(got, results.join('\n')).toBe(want);
        expect(res.status, `${path} answered 500 for ${role}/${variant}`).toBeLessThan(500);
        // An allowed call does what it is for: the sample inputs are valid in the state they meet.
        if (got === 'allowed') expect(res.status, `${path} allowed but refused: ${results.at(-1)}`).toBeLessThan(300);
      }
    });
  }
});

describe('site-limited reading', () => {
  it('an operator must name their site to list entries', async () => {
    const res = await world.clientFor('operator').query('ledger.entries', { limit: 5 });
    expect(res.status).toBe(403);
    expect(res.body.error?.data.app.code).toBe('SITE_NOT_ALLOWED');
  });

  it("an operator's listing holds only their site's entries", async () => {
    const res = await world
      .clientFor('operator')
      .query<{ items: { entry: { site: string } }[] }>('ledger.entries', { site: 'PG01', limit: 100 });
    expect(res.status).toBe(200);
    expect(res.body.result?.data.items.every((i) => i.entry.site === 'PG01')).toBe(true);
  });
});
