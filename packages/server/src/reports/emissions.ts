// Avoided emissions (DOMAIN.md): tonnes of recycled metal × (primary factor −
// recycled factor). The recycled metal is the recycled content of the metal
// produced (ISO 22095 mass balance: primary aluminium added to a melt is not
// counted). Factors come from the ledger (emission_factors.defined), by
// version; the report names the version, and one computed with version 1
// gives the same figure after version 2 is defined (`factorVersion: 1`).
import type { EmissionFactorVersion, EmissionsInput } from '@alutrace/shared';
import { AppError } from '../errors';
import { bucketFor, periodOf } from './periods';
import { type BuiltReport, cell, column, echo, PERIOD_COLUMN, scopeSites, sortRows } from './report-kit';
import type { ReportSource } from './report-source';

/** kg CO2e avoided by `recycledG` grams of metal: g × (kg/t) ÷ 10⁶ g/t, rounded half up. */
export function avoidedKg(
  recycledG: number,
  f: Pick<EmissionFactorVersion, 'primaryKgPerT' | 'recycledKgPerT'>,
): number {
  const n = BigInt(recycledG) * BigInt(f.primaryKgPerT - f.recycledKgPerT);
  const d = 1_000_000n;
  return Number(n >= 0n ? (2n * n + d) / (2n * d) : -((-2n * n + d) / (2n * d)));
}

export function pickFactors(src: ReportSource, version: number | undefined): EmissionFactorVersion {
  const versions = src.emissionFactors();
  const latest = versions.at(-1);
  if (!latest) throw new AppError('EMISSION_FACTORS_MISSING');
  if (version === undefined) return latest;
  const chosen = versions.find((v) => v.version === version);
  if (!chosen) throw new AppError('EMISSION_FACTORS_UNKNOWN', { version, latest: latest.version });
  return chosen;
}

export function buildEmissions(src: ReportSource, input: EmissionsInput): BuiltReport {
  const factors = pickFactors(src, input.factorVersion);
  const bySite = input.groupBy.includes('site');
  const facts = src.facts({
    measures: ['produced'],
    from: input.from,
    to: input.to,
    bucket: bucketFor(input.period),
    by: bySite ? ['site'] : [],
    sites: scopeSites(src.sites(), input),
  });
  const groups = new Map<string, { period: string; site: string; massG: number; recycledG: number; count: number }>();
  for (const f of facts) {
    const period = periodOf(f.bucket, input.period);
    const id = `${period}\u0000${f.site}`;
    const g = groups.get(id) ?? { period, site: f.site, massG: 0, recycledG: 0, count: 0 };
    g.massG += f.massG;
    g.recycledG += f.recycledG;
    g.count += f.count;
    groups.set(id, g);
  }
  const rows = [];
  const totals = { produced_g: 0, recycled_metal_g: 0, avoided_kg: 0 };
  for (const g of groups.values()) {
    if (g.count === 0) continue;
    const avoided = avoidedKg(g.recycledG, factors);
    rows.push({
      period: g.period,
      ...(bySite ? { site: cell(g.site) } : {}),
      produced_g: g.massG,
      recycled_metal_g: g.recycledG,
      avoided_kg: avoided,
    });
    totals.produced_g += g.massG;
    totals.recycled_metal_g += g.recycledG;
    // The total is the sum of the rows, as a reader adding the column gets it.
    totals.avoided_kg += avoided;
  }
  return {
    report: 'emissions',
    title: { zh: '减排量', en: 'Avoided emissions' },
    filters: echo({
      ...input,
      factorVersion: factors.version,
      primaryKgPerT: factors.primaryKgPerT,
      recycledKgPerT: factors.recycledKgPerT,
      primarySource: factors.primarySource,
      recycledSource: factors.recycledSource,
    }),
    columns: [
      PERIOD_COLUMN,
      ...(bySite ? [column('site', '再生铝企业', 'Recycler', 'text')] : []),
      column('produced_g', '再生铝产量', 'Metal produced', 'mass', 't'),
      column('recycled_metal_g', '其中再生料', 'Recycled metal (content)', 'mass', 't'),
      column('avoided_kg', '减排量', 'Avoided emissions', 'co2e', 't'),
    ],
    rows: sortRows(rows, ['period', 'site']),
    totals,
    factorVersions: { emissions: factors.version },
  };
}
