// The plan an official follows in the demo: the targets of the base's
// circular-economy plan for 2026 and one incentive scheme for scrap recovered
// at the collection points, each defined by the administrator before the
// first demo day through the same domain functions as the API, so the
// dashboard, the targets page and a statement draft have something to show.
import { type Actor, defineIncentiveSchemeInput, defineTargetInput } from '@alutrace/shared';
import type { App } from '../app/create-app';
import { defineScheme } from '../domain/incentives/schemes';
import { defineTarget } from '../reports/targets/define-target';

const TONNE = 1_000_000;

/** The plan's figures (DOMAIN.md "Why it exists"), sized to the demo's year. */
const TARGETS = [
  {
    code: 'RA-2026',
    nameZh: '2026 年再生铝产量',
    nameEn: 'Recycled aluminium produced in 2026',
    metric: 'produced',
    period: '2026',
    value: 36_000 * TONNE,
  },
  {
    code: 'COLLECT-2026',
    nameZh: '2026 年废铝回收量',
    nameEn: 'Scrap aluminium collected in 2026',
    metric: 'collected',
    period: '2026',
    value: 45_000 * TONNE,
  },
  {
    code: 'YIELD-2026',
    nameZh: '2026 年金属收得率',
    nameEn: 'Metal yield in 2026',
    metric: 'yield',
    period: '2026',
    value: 900_000,
  },
  {
    code: 'DROSS-2026',
    nameZh: '2026 年铝灰渣综合利用率',
    nameEn: 'Aluminium dross and ash utilisation in 2026',
    metric: 'dross_utilisation',
    period: '2026',
    value: 1_000_000,
  },
] as const;

const SCHEME = {
  code: 'RECOVERY-2026',
  nameZh: '2026 年废铝回收补贴',
  nameEn: 'Scrap aluminium recovery incentive 2026',
  from: '2026-01-01',
  to: '2026-12-31',
  rates: [
    { family: null, sourceClass: 'post_consumer', rateFenPerT: 3_000 },
    { family: null, sourceClass: 'pre_consumer', rateFenPerT: 1_500 },
  ],
  siteKinds: ['collection_point'],
  capFen: 5_000_000,
};

export async function defineDemoPlan(app: App, admin: Actor): Promise<void> {
  for (const target of TARGETS) await defineTarget(app, admin, defineTargetInput.parse(target));
  await defineScheme(app, admin, defineIncentiveSchemeInput.parse(SCHEME));
}
