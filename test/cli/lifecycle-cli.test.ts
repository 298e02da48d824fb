// The lifecycle commands against a real server over HTTP, acting as the
// holders of API tokens: a lot is collected, dispatched, received, melted
// into an ingot and dross, and the ingot shipped. Refusals come back as the
// server's code in both languages with exit 1; a retry with the same key
// records nothing twice. Masses typed with units are read exactly.
import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  createSite,
  createToken,
  makeTempDir,
  startTestServer,
  systemActor,
  type TestServer,
} from '@alutrace/server/testing';
import type { BackwardTrace, LotView, RecordedView } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';

let server: TestServer;
const tokens: Record<'operator' | 'recycler' | 'utiliser' | 'official', string> = {
  operator: '',
  recycler: '',
  utiliser: '',
  official: '',
};

beforeAll(async () => {
  server = await startTestServer();
  const { app } = server;
  const actor = systemActor('cli');
  for (const [code, kind, zh, en] of [
    ['PG01', 'collection_point', '平果回收站', 'Pingguo collection point'],
    ['RC01', 'recycler', '平果再生铝', 'Pingguo recycler'],
    ['UT01', 'utiliser', '平果铝灰利用', 'Pingguo dross utiliser'],
    ['BY01', 'buyer', '柳州汽车零部件', 'Liuzhou auto parts'],
  ] as const) {
    await createSite(app, actor, { code, kind, nameZh: zh, nameEn: en });
  }
  const make = async (role: keyof typeof tokens, site?: string) =>
    (await createToken(app, actor, { name: `${role} scale`, role, ...(site ? { site } : {}) })).secret;
  tokens.operator = await make('operator', 'PG01');
  tokens.recycler = await make('recycler', 'RC01');
  tokens.utiliser = await make('utiliser', 'UT01');
  tokens.official = await make('official');
});

afterAll(async () => {
  await server?.stop();
});

function as(role: keyof typeof tokens) {
  return (args: string[]) => cli(args, { ALUTRACE_SERVER: server.url, ALUTRACE_TOKEN: tokens[role] });
}
const operator = as('operator');
const recycler = as('recycler');

const SELLER = ['--seller-kind', 'individual', '--seller-name', '李明', '--seller-id', '451002198506151230'];

function lotIdIn(text: string): string {
  const m = /lot ([A-Z0-9]+-\d{6}-\d{4})/.exec(text);
  if (!m?.[1]) throw new Error(`no lot id in:\n${text}`);
  return m[1];
}

async function collect(gross: string, tare: string, extra: string[] = []): Promise<string> {
  const r = await operator(['collect', '--grade', 'UBC', '--gross', gross, '--tare', tare, ...SELLER, ...extra]);
  expect(r.code, r.err).toBe(0);
  return lotIdIn(r.out);
}

async function lotView(lotId: string): Promise<LotView> {
  const r = await as('official')(['lot', lotId, '--json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as LotView;
}

describe('a day recorded from the command line', () => {
  it('collects, dispatches, receives, melts and ships, each as the token of its site', async () => {
    // 1523 kg − 200 kg − 12 kg = 1311 kg.
    const c = await operator([
      'collect',
      '--site',
      'PG01',
      '--grade',
      'UBC',
      '--gross',
      '1523kg',
      '--tare',
      '200kg',
      '--deduction',
      '12kg',
      ...SELLER,
      '--plate',
      '桂L12345',
      '--ticket',
      'T-1',
      '--price',
      '12345.00yuan',
    ]);
    expect(c.code, c.err).toBe(0);
    const first = lotIdIn(c.out);
    expect(first).toMatch(/^PG01-\d{6}-\d{4}$/);
    expect(c.out).toContain(
      'net 1311 kg (1311000 g) = gross 1523 kg (1523000 g) − tare 200 kg (200000 g) − deduction 12 kg',
    );
    expect(c.out).toMatch(new RegExp(`label /l/${first}\\?d=([a-z2-7]{10})  \\(digest \\1\\)`));
    expect(c.err).toMatch(
      /^idempotency key [0-9a-f-]{36} \(to retry this request safely: --idempotency-key [0-9a-f-]{36}\)$/m,
    );

    // The token's only site is the default; 0.5 t − 0.1 t = 400 kg.
    const second = await collect('0.5t', '100kg');

    const d = await operator(['dispatch', '--to', 'RC01', first, second, '--plate', '桂L54321', '--waybill', 'WB-1']);
    expect(d.code, d.err).toBe(0);
    expect(d.out).toContain('dispatched 2 lots from PG01 to RC01: 1711 kg (1711000 g)');
    const dispatchId = /dispatch ([0-9a-f-]{36})/.exec(d.out)?.[1] as string;
    expect(dispatchId).toBeDefined();
    expect(await lotView(first)).toMatchObject({ state: 'in_transit', transitTo: 'RC01', balanceG: 0 });

    // The first arrives 2 % light: over the 1 % tolerance, accepted and flagged.
    const r = await recycler(['receive', '--dispatch', dispatchId, `${first}=1284.78kg`, `${second}=400kg`]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('received 2 lots at RC01');
    expect(r.out).toContain(
      `flagged: transit discrepancy / 在途差异 on lot ${first}: dispatched 1311 kg (1311000 g), received 1284.78 kg (1284780 g)`,
    );

    // In: 1284.78 + 400 + 15.22 (primary) = 1700 kg; out: 1.5 t ingot + 120 kg dross; loss 80 kg.
    const p = await recycler([
      'process',
      '--process',
      'melting',
      '--input',
      `${first}=1284.78kg`,
      '--input',
      `${second}=400kg`,
      '--add',
      'primary_aluminium=15.22kg',
      '--output',
      'ingot:ADC12=1.5t',
      '--byproduct',
      'dross=120kg:HW48 321-026-48',
    ]);
    expect(p.code, p.err).toBe(0);
    expect(p.out).toContain('in 1700 kg (1700000 g), out 1620 kg (1620000 g), loss 80 kg (80000 g) (4.7059 %)');
    const made = [...p.out.matchAll(/lot ([A-Z0-9]+-\d{6}-\d{4}) {2}([\d.]+ kg)/g)].map((m) => [m[1], m[2]]);
    expect(made.map(([, mass]) => mass)).toEqual(['1500 kg', '120 kg']);
    const [ingot, dross] = made.map(([id]) => id as string) as [string, string];
    expect(await lotView(ingot)).toMatchObject({ kind: 'product', alloy: 'ADC12', balanceG: 1_500_000 });
    expect(await lotView(dross)).toMatchObject({ hazardousWasteCode: 'HW48 321-026-48', balanceG: 120_000 });

    const s = await recycler(['ship', ingot, '--buyer', 'BY01', '--chain', 'transport', '--invoice', 'INV-1']);
    expect(s.code, s.err).toBe(0);
    expect(s.out).toContain(`shipped lot ${ingot} (1500 kg (1500000 g)) from RC01 to BY01, chain transport`);
    expect(await lotView(ingot)).toMatchObject({ state: 'shipped', shippedTo: { buyer: 'BY01', chain: 'transport' } });

    // The dross goes to the utiliser, arrives, and goes to aluminium recovery.
    const toUt = await recycler(['dispatch', '--to', 'UT01', dross]);
    expect(toUt.code, toUt.err).toBe(0);
    const utiliser = as('utiliser');
    expect((await utiliser(['lots', '--state', 'in_transit'])).out).toContain(`${dross}  `);
    const utDispatch = /dispatch ([0-9a-f-]{36})/.exec(toUt.out)?.[1] as string;
    expect((await utiliser(['receive', '--dispatch', utDispatch, `${dross}=120kg`])).code).toBe(0);
    const u = await utiliser([
      'utilise',
      dross,
      '--route',
      'aluminium_recovery',
      '--mass',
      '120kg',
      '--manifest',
      '4510-2026-0001',
    ]);
    expect(u.code, u.err).toBe(0);
    expect(await lotView(dross)).toMatchObject({ state: 'utilised', route: { route: 'aluminium_recovery' } });

    // The ingot back to its two collection lots: 1500 kg of the 1620 kg made carries 1500/1620 of
    // each input consumed (1284.78 kg → 1189.611 kg, 400 kg → 370.370 kg) and of the 15.22 kg primary.
    const back = await recycler(['trace', ingot]);
    expect(back.code, back.err).toBe(0);
    expect(back.out).toContain(`lot ${ingot}: ingot / 铝锭 ADC12, shipped (已出售)`);
    expect(back.out).toMatch(new RegExp(`${first}\\s+1189\\.61\\d? kg`));
    expect(back.out).toMatch(new RegExp(`${second}\\s+370\\.37\\d? kg`));
    expect(back.out).toMatch(/melting\s+RC01/);
    const traced = JSON.parse((await recycler(['trace', ingot, '--json'])).out) as BackwardTrace;
    expect(traced.sources.map((s) => s.lotId)).toEqual([first, second]);
    // What the ingot carries is its share of everything that went in: 1,700,000 g × 1500/1620.
    expect(traced.totalG).toBe(1_574_074);
    expect(traced.sources.reduce((n, s) => n + s.grams, 0) + traced.additionsG + traced.untracedG).toBe(traced.totalG);

    const forward = await as('official')(['trace', first, '--forward']);
    expect(forward.code, forward.err).toBe(0);
    expect(forward.out).toMatch(new RegExp(`${ingot}\\s+carries\\s+1189\\.611 kg`));
    // The ingot's link: of the 1284.78 kg the melt took of the collection lot, 1189.611 kg went into the
    // ingot (1500/1620 of it), all of it the traced lot's own.
    expect(forward.out).toMatch(
      new RegExp(
        `from ${first}: 1189\\.611 kg \\(1189611 g\\) went in, 1189\\.611 kg \\(1189611 g\\) of it this lot's`,
      ),
    );
    expect(forward.out).toContain('shipped to BY01, Transport / 交通运输');
    expect(forward.out).toContain('Aluminium recovery / 回收金属铝');

    const shown = await recycler(['lot', first]);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain(`lot ${first}: scrap UBC (post_consumer), consumed (已投料)`);
    expect(shown.out).toMatch(/created\s+PG01\s+1311 kg/);
    expect(shown.out).toMatch(/consumed\s+RC01\s+1284\.78 kg/);
  });
});

describe('refusals', () => {
  it("prints the server's code with its English and Chinese messages, and exits 1", async () => {
    const lot = await collect('600kg', '100kg');
    const r = await as('recycler')([
      'process',
      '--site',
      'RC01',
      '--process',
      'melting',
      '--input',
      `${lot}=500kg`,
      '--output',
      'ingot:ADC12=450kg',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^LOT_NOT_HELD: Lot ${lot} is not held by RC01 .*$`, 'm'));
    expect(r.err).toContain(`  批次 ${lot} 不在 RC01`);

    const other = await operator([
      'collect',
      '--site',
      'RC01',
      '--grade',
      'UBC',
      '--gross',
      '1t',
      '--tare',
      '0kg',
      ...SELLER,
    ]);
    expect(other.code).toBe(1);
    expect(other.err).toContain('SITE_NOT_ALLOWED: You do not act for site RC01.');
    expect(other.err).toContain('您无权代表站点 RC01 操作。');
  });

  it('names the option behind a field the server found invalid, in both languages', async () => {
    const r = await operator([
      'collect',
      '--grade',
      'UBC',
      '--gross',
      '1t',
      '--tare',
      '100kg',
      ...SELLER.slice(0, 4),
      '--seller-id',
      '451002198506151231',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('VALIDATION_FAILED: ');
    expect(r.err).toContain(
      '--seller-id (sealed.seller.residentId): The check character does not match: a digit was mistyped. / 校验码不符',
    );
  });

  it('refuses a net mass that is not positive, as the server decides (rule 1)', async () => {
    const r = await operator(['collect', '--grade', 'UBC', '--gross', '100kg', '--tare', '100kg', ...SELLER]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^MASS_NOT_POSITIVE: gross − tare − deduction must be a whole number of grams above 0 \(it is 0\)/m,
    );
  });

  it('says when a lot has nothing left to dispatch', async () => {
    const lot = await collect('300kg', '100kg');
    expect((await operator(['dispatch', '--to', 'RC01', lot])).code).toBe(0);
    const again = await operator(['dispatch', '--to', 'RC01', lot]);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`lot ${lot} has nothing left to dispatch: it is in transit`);
    expect(again.err).toContain('已无余量可发运');
  });
});

describe('masses typed with units', () => {
  // A server that is not running: refusing locally, these never reach it.
  const offline = (args: string[]) =>
    cli(args, { ALUTRACE_SERVER: 'http://127.0.0.1:9', ALUTRACE_TOKEN: tokens.operator });

  it.each([
    ['1523', 'has no unit'],
    ['0.0005kg', 'is not a whole number of grams'],
    ['1,5t', 'without separators'],
    ['2ton', 'ambiguous'],
    ['3斤', '1 斤 = 0.5 kg'],
  ])('refuses --gross %s before sending anything (exit 2)', async (gross, reason) => {
    const r = await offline([
      'collect',
      '--site',
      'PG01',
      '--grade',
      'UBC',
      '--gross',
      gross,
      '--tare',
      '0kg',
      ...SELLER,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--gross ${gross}: `);
    expect(r.err).toContain(reason);
    expect(r.err).toMatch(/[\u4e00-\u9fff]/);
  });

  it('sends exact grams: 1.5t, 0.0125t and 12.345kg', async () => {
    const r = await operator([
      'collect',
      '--json',
      '--grade',
      'UBC',
      '--gross',
      '1.5t',
      '--tare',
      '0.0125t',
      '--deduction',
      '12.345kg',
      ...SELLER,
    ]);
    expect(r.code, r.err).toBe(0);
    const view = JSON.parse(r.out) as RecordedView;
    // 1,500,000 − 12,500 − 12,345 = 1,475,155 g.
    expect(view.lots[0]?.massG).toBe(1_475_155);
  });

  it('reads a price in yuan into fen, and refuses a bare one', async () => {
    const bare = await offline([
      'collect',
      '--site',
      'PG01',
      '--grade',
      'UBC',
      '--gross',
      '1t',
      '--tare',
      '0kg',
      ...SELLER,
      '--price',
      '100',
    ]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('--price 100: 100 has no unit: write yuan or fen');
    const ok = await operator([
      'collect',
      '--grade',
      'UBC',
      '--gross',
      '1t',
      '--tare',
      '0kg',
      ...SELLER,
      '--price',
      '0.01yuan',
    ]);
    expect(ok.code, ok.err).toBe(0);
  });
});

describe('retries', () => {
  it('replays a request sent again with the same idempotency key, and refuses the key for another one', async () => {
    const key = 'pg01-ticket-T-0042';
    const args = [
      'collect',
      '--grade',
      'UBC',
      '--gross',
      '800kg',
      '--tare',
      '100kg',
      ...SELLER,
      '--idempotency-key',
      key,
    ];
    const first = await operator(args);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain(`idempotency key ${key}`);
    const size = server.app.ledger.size;
    const again = await operator(args);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(
      /^replayed: this idempotency key was used before for the same request; nothing new was recorded/,
    );
    expect(lotIdIn(again.out)).toBe(lotIdIn(first.out));
    expect(server.app.ledger.size).toBe(size);

    const changed = await operator([...args.slice(0, 4), '900kg', ...args.slice(5)]);
    expect(changed.code).toBe(1);
    expect(changed.err).toContain(
      `IDEMPOTENCY_CONFLICT: Idempotency key ${key} was already used for a different request.`,
    );
    expect(changed.err).toContain('幂等键');
  });

  it('replays a dispatch retried after it went through, although the lot is now in transit', async () => {
    const lot = await collect('700kg', '100kg');
    const first = await operator(['dispatch', '--to', 'RC01', lot, '--idempotency-key', 'wb-0099-retry']);
    expect(first.code, first.err).toBe(0);
    const again = await operator(['dispatch', '--to', 'RC01', lot, '--idempotency-key', 'wb-0099-retry']);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('replayed');
    expect(/dispatch ([0-9a-f-]{36})/.exec(again.out)?.[1]).toBe(/dispatch ([0-9a-f-]{36})/.exec(first.out)?.[1]);
  });
});

describe('connecting', () => {
  async function closedPort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((done) => probe.close(() => done()));
    return port;
  }

  it('explains that no server is running at the address, and exits 3', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = await cli(['lots'], { ALUTRACE_SERVER: url, ALUTRACE_TOKEN: tokens.operator });
    expect(r.code).toBe(3);
    expect(r.err).toContain(`the server is not running at ${url} (connection refused)`);
    expect(r.err).toContain('上没有运行服务器');
  });

  it('says a change may or may not be recorded when the connection breaks, and how to retry it', async () => {
    // Accepts the request and hangs up without answering, as a dropped mobile link does.
    const hangUp = createServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((done) => hangUp.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(hangUp.address() as { port: number }).port}`;
    try {
      const args = ['collect', '--site', 'PG01', '--grade', 'UBC', '--gross', '1t', '--tare', '0kg', ...SELLER];
      const r = await cli(args, { ALUTRACE_SERVER: url, ALUTRACE_TOKEN: tokens.operator });
      expect(r.code).toBe(3);
      const key = /idempotency key ([0-9a-f-]{36})/.exec(r.err)?.[1];
      expect(r.err).toContain(`the connection to ${url} failed before an answer arrived`);
      expect(r.err).toContain(`Run the same command again with --idempotency-key ${key}`);
      expect(r.err).toContain('使用相同的键重试不会重复记录');
    } finally {
      await new Promise<void>((done) => hangUp.close(() => done()));
    }
  });

  it('says when the address answers but is not an alutrace server', async () => {
    const other = createHttpServer((_req, res) =>
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'),
    );
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
    try {
      const r = await cli(['lots'], { ALUTRACE_SERVER: url, ALUTRACE_TOKEN: tokens.operator });
      expect(r.code).toBe(3);
      expect(r.err).toContain(`the answer from ${url} (HTTP 502, text/html) is not an alutrace API answer`);
    } finally {
      await new Promise<void>((done) => other.close(() => done()));
    }
  });

  it('refuses to start without a token, and says where one comes from', async () => {
    const r = await cli(['lots'], { ALUTRACE_SERVER: server.url });
    expect(r.code).toBe(2);
    expect(r.err).toContain('no API token: set ALUTRACE_TOKEN or give --token-file FILE');
  });

  it('reads the token from --token-file, and warns when others can read the file', async () => {
    const dir = makeTempDir('alutrace-token-');
    const file = join(dir, 'pg01.token');
    writeFileSync(file, `${tokens.operator}\n`, { mode: 0o600 });
    const ok = await cli(['lots', '--token-file', file], { ALUTRACE_SERVER: server.url });
    expect(ok.code, ok.err).toBe(0);
    expect(ok.err).toBe('');
    writeFileSync(`${file}.open`, tokens.operator, { mode: 0o644 });
    const open = await cli(['lots', '--token-file', `${file}.open`], { ALUTRACE_SERVER: server.url });
    expect(open.code).toBe(0);
    expect(open.err).toContain('can be read by other users');
  });

  it('warns that a token given on the command line lands in the shell history', async () => {
    const r = await cli(['lots', '--token', tokens.operator], { ALUTRACE_SERVER: server.url });
    expect(r.code).toBe(0);
    expect(r.err).toContain('stays in the shell history');
  });

  it('explains a token the server does not accept', async () => {
    const r = await cli(['lots'], { ALUTRACE_SERVER: server.url, ALUTRACE_TOKEN: 'alt_not-a-real-token' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('UNAUTHENTICATED: ');
    expect(r.err).toContain('The server does not accept this API token');
  });

  it('asks for --site when the token has no site of its own', async () => {
    const r = await as('official')(['collect', '--grade', 'UBC', '--gross', '1t', '--tare', '0kg', ...SELLER]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('say which site: --site CODE (the token acts for no site)');
  });
});

describe('help', () => {
  const names = ['collect', 'dispatch', 'receive', 'process', 'utilise', 'ship', 'correct', 'lot', 'lots', 'trace'];

  it('lists the lifecycle commands', async () => {
    const r = await cli(['--help']);
    for (const name of names) expect(r.out).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it.each(names)('explains "%s" with an example that keeps the token off the command line', async (name) => {
    const r = await cli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: alutrace ${name} `));
    expect(r.out).toMatch(/^Examples?:$/m);
    expect(r.out).toContain('--token-file FILE');
    expect(r.out).not.toMatch(/--token alt_|alt_[A-Za-z0-9_-]{10}/);
  });
});
