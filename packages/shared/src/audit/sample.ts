// A sample of lots for physical inspection that nobody could have chosen in
// advance and anybody can draw again (README "Sampling for physical
// inspection"). No Math.random: the draw is a hash ranking.
//
//   seed     = SHA-256(JCS({ v: 1, checkpoint: { origin, treeSize, rootHash }, params }))
//   rank(L)  = SHA-256(seed ‖ UTF-8(lot id of L))
//   sample   = in each stratum, the `count` eligible lots of lowest rank
//              (ranks compared as 32-byte big-endian numbers; ties by lot id)
//
// JCS is RFC 8785; rootHash is lower-case hex; params are normalised
// (sample-params.ts: sites and kinds sorted, no repeats). The root of a
// signed checkpoint is unknown until the entries before it are final, so the
// seed cannot be steered by whoever records lots, and the eligible
// population is fixed by the same checkpoint (population.ts).
import { sha256 } from '@noble/hashes/sha2.js';
import type { LotKind } from '../api/lifecycle-api';
import { bytesToHex, concatBytes, utf8ToBytes } from '../bytes';
import { canonicalize } from '../canonical-json';
import { normaliseSampleParams, type SampleParams } from './sample-params';

export const SAMPLE_SEED_VERSION = 1;

/** The signed checkpoint the sample rests on. */
export interface SampleCheckpoint {
  origin: string;
  treeSize: number;
  /** Lower-case hex. */
  rootHash: string;
}

/** A lot that existed at the checkpoint (created by an entry before it, not voided by one before it). */
export interface SampleCandidate {
  lotId: string;
  /** The site in the lot id (the site that created it). */
  site: string;
  kind: LotKind;
  /** The day in the lot id (Asia/Shanghai), as YYYY-MM-DD. */
  day: string;
  createdSeq: number;
  labelDigest: string;
}

export interface SampledLot extends SampleCandidate {
  /** Hex SHA-256(seed ‖ lot id). */
  rank: string;
}

export interface SampleStratum {
  /** The site code, the lot kind, or "all" when the sample is not stratified. */
  key: string;
  /** Eligible lots in this stratum. */
  eligible: number;
  /** The drawn lots, lowest rank first. */
  lots: SampledLot[];
}

export interface SampleDraw {
  checkpoint: SampleCheckpoint;
  params: SampleParams;
  /** The exact text hashed into the seed. */
  seedInput: string;
  seed: string;
  /** Lots in the scope at the checkpoint, all strata together. */
  eligible: number;
  strata: SampleStratum[];
}

export function sampleSeedInput(checkpoint: SampleCheckpoint, params: SampleParams): string {
  return canonicalize({
    v: SAMPLE_SEED_VERSION,
    checkpoint: {
      origin: checkpoint.origin,
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash.toLowerCase(),
    },
    params: normaliseSampleParams(params),
  });
}

export function sampleRank(seed: Uint8Array, lotId: string): Uint8Array {
  return sha256(concatBytes(seed, utf8ToBytes(lotId)));
}

/** "PG01-261128-0007" → { site: "PG01", day: "2026-11-28" }. */
export function lotIdSiteDay(lotId: string): { site: string; day: string } | null {
  const m = /^([A-Z][A-Z0-9]{1,11})-(\d{2})(\d{2})(\d{2})-\d{4}$/.exec(lotId);
  return m ? { site: m[1] as string, day: `20${m[2]}-${m[3]}-${m[4]}` } : null;
}

export function inSampleScope(lot: SampleCandidate, params: SampleParams): boolean {
  if (params.sites.length > 0 && !params.sites.includes(lot.site)) return false;
  if (params.kinds.length > 0 && !params.kinds.includes(lot.kind)) return false;
  if (params.from !== null && lot.day < params.from) return false;
  if (params.to !== null && lot.day > params.to) return false;
  return true;
}

function stratumOf(lot: SampleCandidate, strata: SampleParams['strata']): string {
  return strata === 'site' ? lot.site : strata === 'kind' ? lot.kind : 'all';
}

/**
 * Draws the sample. `population` is every lot that existed at the
 * checkpoint, in any order (the result does not depend on it); lots outside
 * the scope are left out here.
 */
export function drawSample(
  population: Iterable<SampleCandidate>,
  checkpoint: SampleCheckpoint,
  rawParams: SampleParams,
): SampleDraw {
  const params = normaliseSampleParams(rawParams);
  const seedInput = sampleSeedInput(checkpoint, params);
  const seed = sha256(utf8ToBytes(seedInput));
  const byStratum = new Map<string, SampledLot[]>();
  let eligible = 0;
  for (const lot of population) {
    if (!inSampleScope(lot, params)) continue;
    eligible++;
    const key = stratumOf(lot, params.strata);
    let list = byStratum.get(key);
    if (!list) {
      list = [];
      byStratum.set(key, list);
    }
    list.push({ ...lot, rank: bytesToHex(sampleRank(seed, lot.lotId)) });
  }
  // Hex of equal length compares as the numbers do; code-unit order, never the locale's.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const strata = [...byStratum.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([key, lots]): SampleStratum => {
      lots.sort((a, b) => cmp(a.rank, b.rank) || cmp(a.lotId, b.lotId));
      return { key, eligible: lots.length, lots: lots.slice(0, params.count) };
    });
  return { checkpoint, params, seedInput, seed: bytesToHex(seed), eligible, strata };
}
