// `--at TREE_SIZE`: a report recomputed from the log alone. Reads the
// entries with seq < treeSize (their stored RFC 8785 bytes), checks that
// their Merkle root is the signed checkpoint's, parses each body with the
// shared event schemas and folds them in memory: no derived table is read.
// The contributions are the projection's own (report-contributions.ts), so a
// figure from the log and the same figure from the aggregates can differ only
// if the aggregates do not match the log — which is what an auditor checks.
import { createHash } from 'node:crypto';
import {
  bytesToHex,
  decodeEntry,
  type EmissionFactorVersion,
  Frontier,
  type LedgerEntry,
  readDomainEvent,
  runBalance,
} from '@alutrace/shared';
import { and, asc, gte, lt } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { ledgerEntries } from '../db/schema';
import { AppError } from '../errors';
import type { Ledger } from '../ledger/ledger';
import {
  type Contribution,
  contributionsOf,
  type DispatchedLot,
  type LotAttributes,
} from '../projections/report-contributions';
import { isoWeek } from './periods';
import { type FactRow, type ReportSource, type SiteInfo, sumRows, type YieldTarget } from './report-source';

const BATCH = 2_000;

class LogFold {
  readonly families = new Map<string, string>();
  readonly lots = new Map<string, LotAttributes>();
  readonly sites = new Map<string, SiteInfo>();
  readonly factors: EmissionFactorVersion[] = [];
  /** Yield targets by seq; a redefinition removes the one it supersedes. */
  readonly yieldTargets = new Map<number, YieldTarget>();
  readonly facts = new Map<string, Contribution>();
  private readonly contributions = new Map<number, Contribution[]>();
  /** Each dispatched lot as dispatched, by dispatch and lot. */
  private readonly dispatched = new Map<string, DispatchedLot>();

  private lot = (lotId: string): LotAttributes => {
    const lot = this.lots.get(lotId);
    if (!lot) throw new Error(`log replay: lot ${lotId} is used before it is made`);
    return lot;
  };
  private family = (code: string): string | null => this.families.get(code) ?? null;
  private dispatchedLot = (dispatchId: string, lotId: string): DispatchedLot => {
    const lot = this.dispatched.get(`${dispatchId}/${lotId}`);
    if (!lot) throw new Error(`log replay: lot ${lotId} is received before dispatch ${dispatchId} sends it`);
    return lot;
  };

  apply(seq: number, entry: LedgerEntry): void {
    if (entry.kind === 'site.created' || entry.kind === 'site.updated') {
      this.site(entry);
      return;
    }
    const event = readDomainEvent(entry);
    if (!event) return;
    const site = entry.site ?? '';
    if (event.kind === 'correction.recorded') {
      this.correct(event.body.targetSeq);
      return;
    }
    const made = contributionsOf(event, entry, {
      lot: this.lot,
      gradeFamily: this.family,
      dispatchedLot: this.dispatchedLot,
    });
    if (made.length) this.contributions.set(seq, made);
    for (const c of made) this.addFact(c, 1);
    switch (event.kind) {
      case 'grade.defined':
        this.families.set(event.body.code, event.body.family);
        break;
      case 'collection.recorded': {
        const b = event.body;
        this.lots.set(b.lotId, {
          kind: 'scrap',
          grade: b.grade,
          family: this.family(b.grade),
          sourceClass: b.sourceClass,
          byproductKind: null,
          recycledPpm: 1_000_000,
          postConsumerPpm: b.sourceClass === 'post_consumer' ? 1_000_000 : 0,
        });
        break;
      }
      case 'processing.recorded': {
        const b = event.body;
        const balance = runBalance({
          inputs: b.inputs.map((i) => ({ consumedG: i.consumedG, ...this.lot(i.lotId) })),
          additions: b.additions,
          outputs: b.outputs.map((o) => ({ metal: o.form !== 'sorted_scrap', massG: o.massG })),
          byproductG: 0,
          lossFlagPct: b.lossFlagPct,
          bands: new Map(),
        });
        for (const o of b.outputs) {
          this.lots.set(o.lotId, {
            kind: o.form === 'sorted_scrap' ? 'scrap' : 'product',
            grade: o.grade,
            family: o.grade ? this.family(o.grade) : null,
            sourceClass: null,
            byproductKind: null,
            recycledPpm: balance.recycledPpm,
            postConsumerPpm: balance.postConsumerPpm,
          });
        }
        for (const x of b.byproducts) {
          this.lots.set(x.lotId, {
            kind: 'byproduct',
            grade: null,
            family: null,
            sourceClass: null,
            byproductKind: x.kind,
            recycledPpm: 0,
            postConsumerPpm: 0,
          });
        }
        break;
      }
      case 'lots.dispatched':
        for (const l of event.body.lots) {
          this.dispatched.set(`${event.body.dispatchId}/${l.lotId}`, {
            fromSite: site,
            occurredAt: entry.occurredAt,
            dispatchedG: l.massG,
          });
        }
        break;
      case 'target.defined': {
        const b = event.body;
        if (b.supersedes) this.yieldTargets.delete(b.supersedes.seq);
        if (b.metric === 'yield' && b.active && b.scope.kind !== 'district') {
          this.yieldTargets.set(seq, {
            seq,
            code: b.code,
            site: b.scope.kind === 'site' ? b.scope.site : null,
            from: b.from,
            to: b.to,
            comparison: b.comparison,
            valuePpm: b.value,
          });
        }
        break;
      }
      case 'emission_factors.defined':
        this.factors.push({ ...event.body, seq, definedAt: entry.recordedAt });
        break;
      default:
        break;
    }
  }

  /** The corrected entry stops counting: what it added is taken away. */
  private correct(target: number): void {
    for (const c of this.contributions.get(target) ?? []) this.addFact(c, -1);
  }

  private addFact(c: Contribution, sign: 1 | -1): void {
    const key = [c.measure, c.day, c.site, c.grade, c.sourceClass, c.family, c.detail, c.counterpart].join('\u0000');
    const f = this.facts.get(key) ?? { ...c, massG: 0, count: 0, recycledG: 0, postConsumerG: 0 };
    f.massG += sign * c.massG;
    f.count += sign * c.count;
    f.recycledG += sign * c.recycledG;
    f.postConsumerG += sign * c.postConsumerG;
    this.facts.set(key, f);
  }

  private site(entry: LedgerEntry): void {
    const body = entry.body as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    if (entry.kind === 'site.created') {
      const code = text(body.code) ?? '';
      this.sites.set(code, {
        code,
        kind: text(body.kind) ?? '',
        nameZh: text(body.nameZh) ?? code,
        nameEn: text(body.nameEn) ?? code,
        district: text(body.district),
        park: text(body.park),
      });
      return;
    }
    const current = this.sites.get(text(body.code) ?? '');
    const to = (body.to ?? {}) as Record<string, unknown>;
    if (!current) return;
    for (const f of ['nameZh', 'nameEn'] as const) if (typeof to[f] === 'string') current[f] = to[f] as string;
    for (const f of ['district', 'park'] as const) if (f in to) current[f] = text(to[f]);
  }
}

/** Folds the first treeSize entries of the log, after checking they make the signed checkpoint's tree. */
export function logSource(deps: { db: AppDb; ledger: Ledger }, treeSize: number): ReportSource {
  const checkpoint = deps.ledger.checkpointAt(treeSize);
  if (!checkpoint) throw new AppError('REPORT_CHECKPOINT_UNKNOWN', { treeSize, size: deps.ledger.size });
  const fold = new LogFold();
  const tree = new Frontier();
  for (let from = 0; from < treeSize; from += BATCH) {
    const rows = deps.db
      .select({ seq: ledgerEntries.seq, canonical: ledgerEntries.canonical })
      .from(ledgerEntries)
      .where(and(gte(ledgerEntries.seq, from), lt(ledgerEntries.seq, Math.min(from + BATCH, treeSize))))
      .orderBy(asc(ledgerEntries.seq))
      .all();
    for (const r of rows) {
      if (r.seq !== tree.size) throw new Error(`log replay: entry ${tree.size} is missing`);
      // RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 ‖ entry bytes).
      tree.push(new Uint8Array(createHash('sha256').update(Buffer.of(0)).update(r.canonical).digest()));
      fold.apply(r.seq, decodeEntry(r.canonical));
    }
  }
  if (tree.size !== treeSize || bytesToHex(tree.root()) !== checkpoint.rootHash) {
    throw new Error(`log replay: the entries before ${treeSize} do not make the root of the signed checkpoint`);
  }
  const facts = [...fold.facts.values()];
  return {
    provenance: {
      treeSize,
      rootHash: checkpoint.rootHash,
      checkpoint: checkpoint.note,
      computedFrom: 'log',
    },
    facts: (q) => {
      const rows: FactRow[] = [];
      for (const f of facts) {
        if (!q.measures.includes(f.measure) || f.day > q.to || (q.from !== null && f.day < q.from)) continue;
        if (q.sites !== null && !q.sites.includes(f.site) && !(q.eitherEnd && q.sites.includes(f.counterpart)))
          continue;
        if (q.grade !== undefined && f.grade !== q.grade) continue;
        if (q.family !== undefined && f.family !== q.family) continue;
        if (q.sourceClass !== undefined && f.sourceClass !== q.sourceClass) continue;
        const row: FactRow = {
          measure: f.measure,
          bucket: q.bucket === 'day' ? f.day : q.bucket === 'week' ? isoWeek(f.day) : f.day.slice(0, 7),
          site: '',
          grade: '',
          sourceClass: '',
          family: '',
          detail: '',
          counterpart: '',
          massG: f.massG,
          count: f.count,
          recycledG: f.recycledG,
          postConsumerG: f.postConsumerG,
        };
        for (const k of q.by) row[k] = f[k];
        rows.push(row);
      }
      return [...sumRows(rows, (r) => [r.measure, r.bucket, ...q.by.map((k) => r[k])].join('\u0000')).values()];
    },
    sites: () => fold.sites,
    emissionFactors: () => [...fold.factors].sort((a, b) => a.version - b.version),
    yieldTargets: () => [...fold.yieldTargets.values()].sort((a, b) => a.seq - b.seq),
  };
}
