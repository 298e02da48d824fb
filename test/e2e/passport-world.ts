// A lot with a whole public history for the passport page's tests and bench:
// two collections at PG01 with sealed seller details, dispatched to RC01,
// received, melted with primary aluminium into an ADC12 ingot and dross, the
// ingot shipped to a buyer. Recorded through the lifecycle procedures, as
// the API records them.
import {
  callerOf,
  createSite,
  createUser,
  dispatchLots,
  lifecycleDeps,
  receiveLots,
  recordCollection,
  recordProcessing,
  recordShipment,
  systemActor,
  type TestServer,
} from '@alutrace/server/testing';
import {
  dispatchLotsInput,
  type RecordedView,
  type Role,
  receiveLotsInput,
  recordCollectionInput,
  recordProcessingInput,
  recordShipmentInput,
  residentIdCheckCharacter,
} from '@alutrace/shared';

type Made = RecordedView['lots'][number];

/** Sealed values, distinctive enough to search for in everything the page receives. */
export const SECRETS = {
  sellerName: '欧阳秘密',
  residentId: `45102119900307461${residentIdCheckCharacter('45102119900307461')}`,
  plate: '桂L·99887',
  ticket: 'TICKET-7788-Q',
  priceFen: 98_765_431,
  waybill: 'WB-SECRET-9911',
  invoice: 'INV-SECRET-5566',
};

export interface PassportWorld {
  ingot: Made;
  collections: [Made, Made];
}

export async function recordPassportWorld(server: TestServer): Promise<PassportWorld> {
  const { app } = server;
  const cli = systemActor('cli');
  for (const [code, kind, nameZh, nameEn, district, park] of [
    ['PG01', 'collection_point', '平果回收站', 'Pingguo collection point', '平果市', null],
    ['RC01', 'recycler', '平果再生铝', 'Pingguo recycler', '平果市', 'pingguo_industrial'],
    ['BY01', 'buyer', '柳州汽车零部件', 'Liuzhou auto parts', null, null],
  ] as const) {
    await createSite(app, cli, { code, kind, nameZh, nameEn, ...(district ? { district } : {}), park });
  }
  const as = async (username: string, role: Role, site: string) => {
    const { user } = await createUser(
      app,
      cli,
      { username, displayName: username, role, sites: [site], password: 'correct horse battery staple' },
      { passwordIsFinal: true },
    );
    return callerOf({ ...user, kind: 'user', sites: [site], mustChangePassword: false, sessionId: null });
  };
  const op = await as('op', 'operator', 'PG01');
  const rc = await as('rc', 'recycler', 'RC01');
  const deps = lifecycleDeps(app);
  const collect = async (netG: number): Promise<Made> => {
    const r = await recordCollection(
      deps,
      op,
      recordCollectionInput.parse({
        site: 'PG01',
        grade: 'UBC',
        grossG: netG + 100_000,
        tareG: 100_000,
        deductionG: 0,
        netG,
        sealed: {
          seller: { kind: 'individual', name: SECRETS.sellerName, residentId: SECRETS.residentId },
          vehiclePlate: SECRETS.plate,
          ticketNumber: SECRETS.ticket,
          priceFen: SECRETS.priceFen,
        },
      }),
    );
    return r.lots[0] as Made;
  };
  const a = await collect(600_000);
  const b = await collect(400_000);
  const d = await dispatchLots(
    deps,
    op,
    dispatchLotsInput.parse({
      site: 'PG01',
      to: 'RC01',
      lots: [a, b].map((l) => ({ lotId: l.lotId, massG: l.massG })),
      sealed: { vehiclePlate: SECRETS.plate, waybillNumber: SECRETS.waybill },
    }),
  );
  await receiveLots(
    deps,
    rc,
    receiveLotsInput.parse({
      site: 'RC01',
      dispatchId: d.dispatchId as string,
      lots: [a, b].map((l) => ({ lotId: l.lotId, receivedG: l.massG })),
    }),
  );
  // 1,000 kg of scrap and 50 kg of primary aluminium → a 900 kg ingot (95.2 % recycled) and 60 kg of dross.
  const melt = await recordProcessing(
    deps,
    rc,
    recordProcessingInput.parse({
      site: 'RC01',
      process: 'melting',
      inputs: [
        { lotId: a.lotId, consumedG: 600_000 },
        { lotId: b.lotId, consumedG: 400_000 },
      ],
      additions: [{ kind: 'primary_aluminium', massG: 50_000 }],
      outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 900_000 }],
      byproducts: [{ kind: 'dross', massG: 60_000, hazardousWasteCode: 'HW48 321-026-48' }],
    }),
  );
  const ingot = melt.lots[0] as Made;
  await recordShipment(
    deps,
    rc,
    recordShipmentInput.parse({
      site: 'RC01',
      lotId: ingot.lotId,
      buyer: 'BY01',
      chain: 'construction',
      massG: 900_000,
      sealed: { invoiceNumber: SECRETS.invoice, priceFen: SECRETS.priceFen },
    }),
  );
  return { ingot, collections: [a, b] };
}
