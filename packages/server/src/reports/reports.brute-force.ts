// The reports computed by brute force from the raw entries, for the property
// test: every entry's canonical JSON parsed here, corrected entries dropped
// (a correction is accepted only when nothing later rests on its target, so
// dropping it is exact), every figure summed from scratch. Written apart from
// the engine on purpose: it imports nothing from src/reports or the
// projections, only the definitions in README "Reports".

export interface RawEntry {
  seq: number;
  kind: string;
  site: string | null;
  occurredAt: string;
  recordedAt: string;
  // biome-ignore lint/suspicious/noExplicitAny: the raw JSON of an entry's body, read field by field
  body: any;
}

type Row = Record<string, string | number | null>;
const M = 1_000_000n;

/** round half up of part × 10⁶ ÷ whole (part, whole ≥ 0). */
export function ppmOf(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Number((2n * BigInt(part) * M + BigInt(whole)) / (2n * BigInt(whole)));
}
/** round half up of mass × ppm ÷ 10⁶. */
function gramsAt(mass: number, ppm: number): number {
  return Number((2n * BigInt(mass) * BigInt(ppm) + M) / (2n * M));
}
export function dayOf(instant: string): string {
  const t = new Date(instant).getTime() + 8 * 60 * 60 * 1000;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
export function periodKey(day: string, period: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (period === 'day') return day;
  if (period === 'month') return day.slice(0, 7);
  if (period === 'year') return String(y);
  if (period === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  // ISO week: the Thursday of the week decides its year.
  const date = new Date(Date.UTC(y, m - 1, d));
  const dow = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - dow);
  const jan1 = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - jan1) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
function lastDayOf(period: string, kind: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (kind === 'day') return period;
  if (kind === 'year') return `${period}-12-31`;
  if (kind === 'month' || kind === 'quarter') {
    const y = Number(period.slice(0, 4));
    const m = kind === 'month' ? Number(period.slice(5, 7)) : Number(period.slice(6)) * 3;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${pad(m)}-${pad(last)}`;
  }
  // The Sunday of an ISO week: search the days around it.
  const y = Number(period.slice(0, 4));
  for (let t = Date.UTC(y - 1, 11, 20); t < Date.UTC(y + 1, 0, 10); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (periodKey(day, 'week') === period && new Date(t).getUTCDay() === 0) return day;
  }
  throw new Error(`no end for ${period}`);
}
const between = (day: string, from: string, to: string) => day >= from && day <= to;
const daysApart = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

interface Lot {
  kind: 'scrap' | 'product' | 'byproduct';
  grade: string | null;
  family: string | null;
  sourceClass: string | null;
  byproductKind: string | null;
  recPpm: number;
  postPpm: number;
}

/** A scrap mass by source class: its own, or split by its content (post, pre, and '' for primary metal). */
function byClass(lot: Lot, g: number): [string, number][] {
  if (lot.sourceClass) return [[lot.sourceClass, g]];
  const post = gramsAt(g, lot.postPpm);
  const rec = gramsAt(g, lot.recPpm);
  return (
    [
      ['post_consumer', post],
      ['pre_consumer', rec - post],
      ['', g - rec],
    ] as [string, number][]
  ).filter(([, x]) => x > 0);
}

interface Event {
  day: string;
  site: string;
  measure: string;
  grade: string;
  family: string;
  sourceClass: string;
  detail: string;
  counterpart: string;
  g: number;
  recycledG: number;
  postG: number;
}

export class BruteForce {
  readonly events: Event[] = [];
  readonly sites = new Map<string, { district: string | null; park: string | null }>();
  readonly factors: { version: number; primaryKgPerT: number; recycledKgPerT: number }[] = [];
  /** Every dispatched lot that counts, with its receipt if one counts. */
  readonly transit: {
    from: string;
    to: string;
    day: string;
    g: number;
    received: { day: string; g: number; beyond: boolean } | null;
  }[] = [];

  constructor(entries: RawEntry[]) {
    const corrected = new Set(entries.filter((e) => e.kind === 'correction.recorded').map((e) => e.body.targetSeq));
    const families = new Map<string, string>();
    const lots = new Map<string, Lot>();
    const sent = new Map<string, (typeof this.transit)[number]>();
    for (const e of entries) {
      if (e.kind === 'site.created') this.sites.set(e.body.code, { district: e.body.district, park: e.body.park });
      if (e.kind === 'site.updated') {
        const s = this.sites.get(e.body.code);
        if (s && 'district' in e.body.to) s.district = e.body.to.district;
        if (s && 'park' in e.body.to) s.park = e.body.to.park;
      }
      if (e.kind === 'grade.defined') families.set(e.body.code, e.body.family);
      if (e.kind === 'emission_factors.defined') this.factors.push(e.body);
      if (corrected.has(e.seq)) continue;
      const b = e.body;
      const day = dayOf(e.occurredAt);
      const site = e.site ?? '';
      const ev = (measure: string, g: number, more: Partial<Event> = {}) =>
        this.events.push({
          day,
          site,
          measure,
          grade: '',
          family: '',
          sourceClass: '',
          detail: '',
          counterpart: '',
          g,
          recycledG: 0,
          postG: 0,
          ...more,
        });
      switch (e.kind) {
        case 'collection.recorded': {
          const family = families.get(b.grade) ?? null;
          lots.set(b.lotId, {
            kind: 'scrap',
            grade: b.grade,
            family,
            sourceClass: b.sourceClass,
            byproductKind: null,
            recPpm: 1_000_000,
            postPpm: b.sourceClass === 'post_consumer' ? 1_000_000 : 0,
          });
          ev('collected', b.netG, { grade: b.grade, family: family ?? '', sourceClass: b.sourceClass });
          break;
        }
        case 'lots.dispatched':
          for (const l of b.lots) {
            const lot = lots.get(l.lotId) as Lot;
            if (lot.kind === 'byproduct') ev('bp_out', l.massG, { detail: lot.byproductKind ?? '' });
            const t = { from: site, to: b.to, day, g: l.massG, received: null };
            this.transit.push(t);
            sent.set(`${b.dispatchId}/${l.lotId}`, t);
          }
          break;
        case 'lots.received':
          for (const l of b.lots) {
            const lot = lots.get(l.lotId) as Lot;
            const t = sent.get(`${b.dispatchId}/${l.lotId}`);
            if (!t) throw new Error('receipt of an unknown dispatch');
            t.received = { day, g: l.receivedG, beyond: Math.abs(t.g - l.receivedG) * 100 > t.g * b.tolerancePct };
            if (lot.kind === 'scrap') {
              for (const [sourceClass, g] of byClass(lot, l.receivedG)) {
                ev('received', g, { grade: lot.grade ?? '', family: lot.family ?? '', sourceClass });
              }
            }
            if (lot.kind === 'byproduct') ev('bp_in', l.receivedG, { detail: lot.byproductKind ?? '' });
          }
          break;
        case 'processing.recorded': {
          const inputs = b.inputs.map((i: { lotId: string; consumedG: number }) => ({
            ...i,
            lot: lots.get(i.lotId) as Lot,
          }));
          const primary = b.additions
            .filter((a: { kind: string }) => a.kind !== 'flux')
            .reduce((s: number, a: { massG: number }) => s + a.massG, 0);
          const consumed = inputs.reduce((s: number, i: { consumedG: number }) => s + i.consumedG, 0);
          const basis = BigInt(consumed + primary);
          let rec = 0n;
          let post = 0n;
          for (const i of inputs) {
            rec += BigInt(i.consumedG) * BigInt(i.lot.recPpm);
            post += BigInt(i.consumedG) * BigInt(i.lot.postPpm);
          }
          const recPpm = Number((2n * rec + basis) / (2n * basis));
          const postPpm = Number((2n * post + basis) / (2n * basis));
          const metal = b.outputs.filter((o: { form: string }) => o.form !== 'sorted_scrap');
          const metalG = metal.reduce((s: number, o: { massG: number }) => s + o.massG, 0);
          const scrapIn = inputs.filter((i: { lot: Lot }) => i.lot.kind === 'scrap');
          if (metalG > 0) {
            for (const i of scrapIn) {
              for (const [sourceClass, g] of byClass(i.lot, i.consumedG)) {
                ev('consumed', g, { grade: i.lot.grade ?? '', family: i.lot.family ?? '', sourceClass });
              }
            }
            if (scrapIn.length > 0) {
              const productIn = inputs
                .filter((i: { lot: Lot }) => i.lot.kind === 'product')
                .reduce((s: number, i: { consumedG: number }) => s + i.consumedG, 0);
              ev('metal_out', metalG - productIn - primary);
            }
          }
          // New metal only: ingots melted or cast again are taken off what the run made.
          const remelted = inputs
            .filter((i: { lot: Lot }) => i.lot.kind === 'product')
            .reduce((s: number, i: { consumedG: number }) => s + i.consumedG, 0);
          if (metalG - remelted > 0) {
            const g = metalG - remelted;
            ev('produced', g, { recycledG: gramsAt(g, recPpm), postG: gramsAt(g, postPpm) });
          }
          for (const o of b.outputs) {
            const isMetal = o.form !== 'sorted_scrap';
            lots.set(o.lotId, {
              kind: isMetal ? 'product' : 'scrap',
              grade: o.grade,
              family: o.grade ? (families.get(o.grade) ?? null) : null,
              sourceClass: null,
              byproductKind: null,
              recPpm,
              postPpm,
            });
          }
          for (const x of b.byproducts) {
            lots.set(x.lotId, {
              kind: 'byproduct',
              grade: null,
              family: null,
              sourceClass: null,
              byproductKind: x.kind,
              recPpm: 0,
              postPpm: 0,
            });
            ev('bp_made', x.massG, { detail: x.kind });
          }
          break;
        }
        case 'byproduct.utilised':
          ev('bp_routed', b.massG, { detail: (lots.get(b.lotId) as Lot).byproductKind ?? '', counterpart: b.route });
          break;
        case 'product.shipped': {
          const lot = lots.get(b.lotId) as Lot;
          ev('shipped', b.massG, {
            detail: b.chain,
            counterpart: b.buyer,
            recycledG: gramsAt(b.massG, lot.recPpm),
            postG: gramsAt(b.massG, lot.postPpm),
          });
          break;
        }
      }
    }
  }

  private inScope(site: string, f: { site?: string; district?: string; park?: string }): boolean {
    const s = this.sites.get(site);
    return (
      (f.site === undefined || f.site === site) &&
      (f.district === undefined || s?.district === f.district) &&
      (f.park === undefined || s?.park === f.park)
    );
  }

  // biome-ignore lint/suspicious/noExplicitAny: filters as the test draws them
  volumes(f: any): Row[] {
    const measures: string[] = f.measures ?? ['collected', 'received', 'consumed', 'produced', 'shipped'];
    const dims: string[] = f.groupBy ?? [];
    const groups = new Map<string, Row>();
    for (const e of this.events) {
      if (!measures.includes(e.measure) || !between(e.day, f.from, f.to) || !this.inScope(e.site, f)) continue;
      if (f.grade !== undefined && e.grade !== f.grade) continue;
      if (f.family !== undefined && e.family !== f.family) continue;
      if (f.sourceClass !== undefined && e.sourceClass !== f.sourceClass) continue;
      const values = dims.map((d) => {
        const s = this.sites.get(e.site);
        const v =
          d === 'site'
            ? e.site
            : d === 'district'
              ? s?.district
              : d === 'park'
                ? s?.park
                : d === 'grade'
                  ? e.grade
                  : d === 'family'
                    ? e.family
                    : e.sourceClass;
        return v ? v : null;
      });
      const period = periodKey(e.day, f.period);
      const key = JSON.stringify([period, ...values]);
      let row = groups.get(key);
      if (!row) {
        row = { period };
        dims.forEach((d, i) => {
          (row as Row)[d] = values[i] ?? null;
        });
        for (const m of measures) row[`${m}_g`] = 0;
        groups.set(key, row);
      }
      row[`${e.measure}_g`] = (row[`${e.measure}_g`] as number) + e.g;
    }
    return [...groups.values()];
  }

  // biome-ignore lint/suspicious/noExplicitAny: filters as the test draws them
  yield(f: any): Row[] {
    const groups = new Map<
      string,
      { period: string; site: string; scrap: number; metal: number; runs: number; mix: Map<string, number> }
    >();
    for (const e of this.events) {
      if ((e.measure !== 'consumed' && e.measure !== 'metal_out') || !between(e.day, f.from, f.to)) continue;
      if (!this.inScope(e.site, f)) continue;
      const period = periodKey(e.day, f.period);
      const key = `${period}|${e.site}`;
      const g = groups.get(key) ?? { period, site: e.site, scrap: 0, metal: 0, runs: 0, mix: new Map() };
      if (e.measure === 'metal_out') {
        g.metal += e.g;
        g.runs += 1;
      } else {
        g.scrap += e.g;
        g.mix.set(e.grade, (g.mix.get(e.grade) ?? 0) + e.g);
      }
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => {
      const yieldPpm = g.scrap > 0 ? ppmOf(g.metal, g.scrap) : null;
      const mix = [...g.mix.entries()]
        .filter(([, x]) => x !== 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([grade, x]) => `${grade || '—'} ${(ppmOf(x, g.scrap) / 10_000).toFixed(1)} %`)
        .join('; ');
      return {
        period: g.period,
        site: g.site,
        runs: g.runs,
        scrap_in_g: g.scrap,
        metal_out_g: g.metal,
        yield_ppm: yieldPpm,
        target_ppm: 900_000,
        target: null,
        status: yieldPpm === null ? null : yieldPpm >= 900_000 ? 'met' : 'below',
        grade_mix: g.scrap > 0 ? mix : null,
      };
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: filters as the test draws them
  dross(f: any): Row[] {
    const bySite = f.groupBy.includes('site');
    const byKind = f.groupBy.includes('kind');
    const groupOf = (e: Event) => [bySite ? e.site : null, byKind ? e.detail : null];
    const groups = new Map<
      string,
      { period: string; group: (string | null)[]; made: number; rec: number; cem: number; disp: number }
    >();
    const bp = this.events.filter((e) => e.measure.startsWith('bp_') && this.inScope(e.site, f));
    for (const e of bp) {
      if (!between(e.day, f.from, f.to) || (e.measure !== 'bp_made' && e.measure !== 'bp_routed')) continue;
      const period = periodKey(e.day, f.period);
      const group = groupOf(e);
      const key = JSON.stringify([period, ...group]);
      const g = groups.get(key) ?? { period, group, made: 0, rec: 0, cem: 0, disp: 0 };
      if (e.measure === 'bp_made') g.made += e.g;
      else if (e.counterpart === 'aluminium_recovery') g.rec += e.g;
      else if (e.counterpart === 'cement_refractory') g.cem += e.g;
      else g.disp += e.g;
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => {
      const last = lastDayOf(g.period, f.period);
      // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings
      const end = last < f.to ? last : f.to;
      let onHand = 0;
      for (const e of bp) {
        if (e.day > end || JSON.stringify(groupOf(e)) !== JSON.stringify(g.group)) continue;
        onHand += e.measure === 'bp_made' || e.measure === 'bp_in' ? e.g : -e.g;
      }
      const row: Row = { period: g.period };
      if (bySite) row.site = g.group[0] || null;
      if (byKind) row.kind = g.group[1] || null;
      return {
        ...row,
        generated_g: g.made,
        recovery_g: g.rec,
        cement_refractory_g: g.cem,
        utilised_g: g.rec + g.cem,
        disposed_g: g.disp,
        on_hand_g: onHand,
        utilisation_ppm: g.made > 0 ? ppmOf(g.rec + g.cem, g.made) : null,
        target_ppm: 1_000_000,
      };
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: filters as the test draws them
  discrepancies(f: any): Row[] {
    const groups = new Map<
      string,
      { from: string; to: string; status: string; ages: number[]; sent: number; got: number; beyond: number }
    >();
    for (const t of this.transit) {
      if (!between(t.day, f.from, f.to)) continue;
      if (f.site !== undefined && t.from !== f.site && t.to !== f.site) continue;
      const status = t.received ? 'resolved' : 'open';
      if (f.status !== 'all' && f.status !== status) continue;
      const key = `${t.from}|${t.to}|${status}`;
      const g = groups.get(key) ?? { from: t.from, to: t.to, status, ages: [], sent: 0, got: 0, beyond: 0 };
      g.sent += t.g;
      g.ages.push(daysApart(t.day, t.received ? t.received.day : f.asOf));
      if (t.received) {
        g.got += t.received.g;
        if (t.received.beyond) g.beyond += 1;
      }
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => {
      const resolved = g.status === 'resolved';
      const sum = g.ages.reduce((s, a) => s + a, 0);
      return {
        route: `${g.from} → ${g.to}`,
        from_site: g.from,
        to_site: g.to,
        status: g.status,
        lots: g.ages.length,
        dispatched_g: g.sent,
        received_g: resolved ? g.got : null,
        difference_g: resolved ? g.sent - g.got : null,
        beyond_tolerance: resolved ? g.beyond : null,
        oldest_days: Math.max(...g.ages),
        mean_days: Math.round(sum / g.ages.length + 1e-9),
      };
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: filters as the test draws them
  shipments(f: any): Row[] {
    const dims: string[] = f.groupBy;
    const groups = new Map<string, Row & { n: number; m: number; r: number; p: number }>();
    for (const e of this.events) {
      if (e.measure !== 'shipped' || !between(e.day, f.from, f.to) || !this.inScope(e.site, f)) continue;
      const values = dims.map((d) => (d === 'chain' ? e.detail : d === 'buyer' ? e.counterpart : e.site));
      const period = periodKey(e.day, f.period);
      const key = JSON.stringify([period, ...values]);
      const g = groups.get(key) ?? { period, n: 0, m: 0, r: 0, p: 0 };
      dims.forEach((d, i) => {
        g[d] = values[i] ?? null;
      });
      g.n += 1;
      g.m += e.g;
      g.r += e.recycledG;
      g.p += e.postG;
      groups.set(key, g);
    }
    return [...groups.values()].map(({ n, m, r, p, ...row }) => ({
      ...row,
      lots: n,
      shipped_g: m,
      recycled_g: r,
      post_consumer_g: p,
      pre_consumer_g: r - p,
      recycled_ppm: ppmOf(r, m),
      post_consumer_ppm: ppmOf(p, m),
    }));
  }

  // biome-ignore lint/suspicious/noExplicitAny: filters as the test draws them
  emissions(f: any): Row[] {
    const factors = f.factorVersion
      ? this.factors.find((x) => x.version === f.factorVersion)
      : [...this.factors].sort((a, b) => a.version - b.version).at(-1);
    if (!factors) throw new Error('no factors');
    const bySite = f.groupBy.includes('site');
    const groups = new Map<string, { period: string; site: string; m: number; r: number }>();
    for (const e of this.events) {
      if (e.measure !== 'produced' || !between(e.day, f.from, f.to) || !this.inScope(e.site, f)) continue;
      const period = periodKey(e.day, f.period);
      const site = bySite ? e.site : '';
      const key = `${period}|${site}`;
      const g = groups.get(key) ?? { period, site, m: 0, r: 0 };
      g.m += e.g;
      g.r += e.recycledG;
      groups.set(key, g);
    }
    const diff = BigInt(factors.primaryKgPerT - factors.recycledKgPerT);
    return [...groups.values()].map((g) => ({
      period: g.period,
      ...(bySite ? { site: g.site } : {}),
      produced_g: g.m,
      recycled_metal_g: g.r,
      avoided_kg: Number((2n * BigInt(g.r) * diff + M) / (2n * M)),
    }));
  }
}
