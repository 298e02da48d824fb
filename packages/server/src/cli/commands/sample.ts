import { createHash } from 'node:crypto';
import {
  bytesToHex,
  decodeEntry,
  drawSample,
  Frontier,
  type NoteVerifier,
  parseVerifierKey,
  SAMPLE_STRATA,
  type SampleDraw,
  SamplePopulation,
  sampleParamsSchema,
  verifyCheckpoint,
} from '@alutrace/shared';
import { openDatabase } from '../../db/open-database';
import { databasePath } from '../../ledger/open-ledger';
import { readSigningKey } from '../../ledger/signing-key';
import { type CliIo, type Command, EXIT_FAILED, EXIT_OK, flag, str, UsageError, usageFromIssues } from '../cli-kit';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir';

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'draw lots for physical inspection, seeded by a signed checkpoint (reproducible)',
  usage: [
    'alutrace sample --checkpoint SIZE --count K [--site CODE …] [--kind KIND …] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--strata none|site|kind] [--json]',
    '',
    "Draws the same sample as the officials' web view (audit.sample), from the",
    'log alone: replays the entries before the checkpoint, checks that they give',
    "the checkpoint's root and that its signature verifies, then ranks every lot",
    'in scope by SHA-256(seed ‖ lot id), seed = SHA-256 of the checkpoint and the',
    'parameters (README "Sampling for physical inspection"), and takes the lowest',
    'K per stratum. Anyone with the data directory or its export gets the same lots.',
    '',
    '  --checkpoint SIZE  the tree size of a signed checkpoint (`alutrace checkpoint`)',
    '  --count K          lots per stratum (1–500)',
    '  --site CODE        only lots created at this site (repeat for several)',
    '  --kind KIND        only scrap, product or byproduct lots (repeat for several)',
    '  --from, --to       only lots whose id carries a day in this range (both included)',
    '  --strata S         none (default), site or kind: K lots from each',
    "  --key KEY          the verifier key to check the checkpoint with (default: the data directory's)",
    '  --json             print the draw as JSON',
    DATA_DIR_HELP,
    '',
    'Exit status: 0 drawn, 1 the entries do not match the signed checkpoint, 2 usage or I/O error.',
  ].join('\n'),
  options: {
    ...dataDirOption,
    checkpoint: { type: 'string' },
    count: { type: 'string' },
    site: { type: 'string', multiple: true },
    kind: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    strata: { type: 'string' },
    key: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const size = wholeNumber(str(args, 'checkpoint'), '--checkpoint SIZE');
    const parsed = sampleParamsSchema.safeParse({
      count: wholeNumber(str(args, 'count'), '--count K'),
      sites: (args.values.site as string[] | undefined) ?? [],
      kinds: (args.values.kind as string[] | undefined) ?? [],
      from: str(args, 'from') ?? null,
      to: str(args, 'to') ?? null,
      strata: str(args, 'strata') ?? 'none',
    });
    if (!parsed.success) {
      if (parsed.error.issues.some((i) => i.path[0] === 'strata'))
        throw new UsageError(`--strata: one of ${SAMPLE_STRATA.join(', ')}`);
      throw usageFromIssues(
        parsed.error.issues.map((i) => ({
          ...i,
          path: [{ sites: 'site', kinds: 'kind' }[String(i.path[0])] ?? String(i.path[0])],
        })),
      );
    }
    const dataDir = dataDirOf(args, io);
    const keyText = str(args, 'key');
    let verifier: NoteVerifier;
    try {
      verifier = keyText ? parseVerifierKey(keyText) : readSigningKey(dataDir);
    } catch (e) {
      throw new UsageError(
        keyText
          ? `--key: ${(e as Error).message}`
          : `cannot read the signing key in ${dataDir}: ${(e as Error).message}`,
      );
    }
    const db = openDatabase(databasePath(dataDir), { readonly: true });
    try {
      const client = db.$client;
      const row = client.prepare('SELECT note FROM ledger_checkpoints WHERE tree_size = ?').get(size) as
        | { note: string }
        | undefined;
      if (!row) {
        const recent = (
          client.prepare('SELECT tree_size FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 5').all() as {
            tree_size: number;
          }[]
        ).map((r) => r.tree_size);
        throw new UsageError(
          `no checkpoint was signed at tree size ${size}; the newest are ${recent.join(', ') || 'none'} (\`alutrace checkpoint\` prints the head)`,
        );
      }
      let cp: ReturnType<typeof verifyCheckpoint>;
      try {
        cp = verifyCheckpoint(row.note, verifier);
      } catch (e) {
        io.out(`alutrace sample: REFUSED — the checkpoint of size ${size} does not verify: ${(e as Error).message}`);
        io.out('  抽样被拒绝：该检查点的签名无法验证');
        return EXIT_FAILED;
      }
      const population = new SamplePopulation();
      const frontier = new Frontier();
      const entries = client
        .prepare('SELECT seq, canonical FROM ledger_entries WHERE seq < ? ORDER BY seq')
        .raw()
        .iterate(size) as IterableIterator<[number, Buffer]>;
      for (const [seq, canonical] of entries) {
        const leaf = createHash('sha256').update(Buffer.of(0)).update(canonical).digest();
        frontier.push(leaf);
        let entry: ReturnType<typeof decodeEntry>;
        try {
          entry = decodeEntry(canonical);
        } catch (e) {
          io.out(`alutrace sample: REFUSED — entry ${seq} is not a ledger entry: ${(e as Error).message}`);
          return EXIT_FAILED;
        }
        population.add(entry, leaf.toString('hex'));
      }
      if (population.size !== size || bytesToHex(frontier.root()) !== bytesToHex(cp.root)) {
        io.out(
          `alutrace sample: REFUSED — the ${population.size} entries before ${size} do not give the signed root: the log was altered (run \`alutrace verify\`)`,
        );
        io.out('  抽样被拒绝：账本记录与签名检查点不符，账本可能被篡改');
        return EXIT_FAILED;
      }
      const draw = drawSample(
        population.lots(),
        { origin: cp.origin, treeSize: cp.size, rootHash: bytesToHex(cp.root) },
        parsed.data,
      );
      if (flag(args, 'json')) io.out(JSON.stringify({ ...draw, note: row.note }, null, 2));
      else printDraw(io, draw);
      return EXIT_OK;
    } finally {
      db.$client.close();
    }
  },
};

function wholeNumber(text: string | undefined, what: string): number {
  if (text === undefined) throw new UsageError(`give ${what}`);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`${what}: a whole number, not "${text}"`);
  return Number(text);
}

function printDraw(io: CliIo, d: SampleDraw): void {
  const p = d.params;
  io.out(`sample at checkpoint ${d.checkpoint.origin}, tree size ${d.checkpoint.treeSize}`);
  io.out(`  root        ${d.checkpoint.rootHash} (signature verified)`);
  io.out(
    `  parameters  ${p.count} per ${p.strata === 'none' ? 'sample' : p.strata}; sites ${p.sites.join(', ') || 'all'}; kinds ${p.kinds.join(', ') || 'all'}; days ${p.from ?? 'any'} – ${p.to ?? 'any'}`,
  );
  io.out(`  seed        ${d.seed}`);
  io.out(`              = SHA-256(${d.seedInput})`);
  io.out(`  eligible    ${d.eligible} lots in scope; rank = SHA-256(seed ‖ lot id), lowest first`);
  io.out(
    `  抽样：以签名检查点（树大小 ${d.checkpoint.treeSize}）的根哈希与参数为种子，按哈希排序取每层最小的 ${p.count} 个批次`,
  );
  for (const s of d.strata) {
    io.out('');
    io.out(`${s.key === 'all' ? 'all lots' : s.key}: ${s.lots.length} of ${s.eligible}`);
    s.lots.forEach((l, i) => {
      io.out(
        `  ${String(i + 1).padStart(3)}  ${l.lotId}  ${l.kind.padEnd(9)}  rank ${l.rank.slice(0, 16)}…  /l/${l.lotId}?d=${l.labelDigest}`,
      );
    });
  }
  if (d.strata.length === 0) io.out('no lot is in scope at this checkpoint');
}
