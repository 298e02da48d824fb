// A sample's parameters in the page's address (/audit/sample?size=…&count=…),
// so that a drawn sample can be linked to and drawn again; and the command
// line that draws the same sample (`alutrace sample`).
import type { LotKind, SampleStrata } from '@alutrace/shared';
import { LOT_KINDS, SAMPLE_STRATA } from '@alutrace/shared';

export interface SampleQuery {
  treeSize: number;
  count: number;
  strata: SampleStrata;
  sites: string[];
  kinds: LotKind[];
  from: string | null;
  to: string | null;
}

export function readSampleQuery(search: URLSearchParams): SampleQuery | null {
  const size = Number(search.get('size'));
  const count = Number(search.get('count'));
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(count) || count < 1) return null;
  const strata = search.get('strata') ?? 'none';
  return {
    treeSize: size,
    count,
    strata: (SAMPLE_STRATA as readonly string[]).includes(strata) ? (strata as SampleStrata) : 'none',
    sites: search.getAll('site'),
    kinds: search.getAll('kind').filter((k): k is LotKind => (LOT_KINDS as readonly string[]).includes(k)),
    from: search.get('from') || null,
    to: search.get('to') || null,
  };
}

export function sampleSearch(q: SampleQuery): URLSearchParams {
  const p = new URLSearchParams({ size: String(q.treeSize), count: String(q.count), strata: q.strata });
  for (const s of q.sites) p.append('site', s);
  for (const k of q.kinds) p.append('kind', k);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  return p;
}

export function sampleCommand(q: SampleQuery): string {
  return [
    'pnpm alutrace sample',
    `--checkpoint ${q.treeSize}`,
    `--count ${q.count}`,
    ...q.sites.map((s) => `--site ${s}`),
    ...q.kinds.map((k) => `--kind ${k}`),
    ...(q.from ? [`--from ${q.from}`] : []),
    ...(q.to ? [`--to ${q.to}`] : []),
    ...(q.strata === 'none' ? [] : [`--strata ${q.strata}`]),
  ].join(' ');
}
