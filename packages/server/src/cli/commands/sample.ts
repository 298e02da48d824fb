import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
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
    'alutrace sample --checkpoint SIZE --count K [--site CODE …] [--kind KIND …] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--strata none|site|kind] [--export FILE] [--json]',
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
    "  --key KEY          the verifier key to check the checkpoint with (default: the data directory's,",
    "                     or the export's; pin the key the operator publishes)",
    '  --export FILE      read an export file (`alutrace export`) instead of the data directory',
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
    export: { type: 'string' },
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
    const exportFile = str(args, 'export');
    const source = exportFile
      ? await exportSource(resolve(io.cwd, exportFile), size)
      : dataDirSource(dataDirOf(args, io), size);
    try {
      const keyText = str(args, 'key');
      let verifier: NoteVerifier;
      try {
        verifier = keyText ? parseVerifierKey(keyText) : source.verifier();
      } catch (e) {
        throw new UsageError(keyText ? `--key: ${(e as Error).message}` : (e as Error).message);
      }
      const note = source.note;
      if (note === null) {
        throw new UsageError(
          `no checkpoint was signed at tree size ${size}; the newest are ${source.recent.join(', ') || 'none'} (\`alutrace checkpoint\` prints the head)`,
        );
      }
      let cp: ReturnType<typeof verifyCheckpoint>;
      try {
        cp = verifyCheckpoint(note, verifier);
      } catch (e) {
        io.out(`alutrace sample: REFUSED — the checkpoint of size ${size} does not verify: ${(e as Error).message}`);
        io.out('  抽样被拒绝：该检查点的签名无法验证');
        return EXIT_FAILED;
      }
      const population = new SamplePopulation();
      const frontier = new Frontier();
      for await (const [seq, canonical] of source.entries()) {
        if (seq !== population.size) break;
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
        if (population.size === size) break;
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
      if (flag(args, 'json')) io.out(JSON.stringify({ ...draw, note }, null, 2));
      else printDraw(io, draw);
      return EXIT_OK;
    } finally {
      source.close();
    }
  },
};

/** Where the entries come from: the data directory (read-only) or an export file. */
interface EntrySource {
  /** The signed note at the tree size asked for, or null. */
  note: string | null;
  /** The newest checkpoint sizes, to name when the one asked for does not exist. */
  recent: number[];
  /** The key to check the note with when none is given. */
  verifier(): NoteVerifier;
  /** Entries from seq 0 on, in order. */
  entries(): AsyncIterable<[number, Uint8Array]> | Iterable<[number, Uint8Array]>;
  close(): void;
}

function dataDirSource(dataDir: string, size: number): EntrySource {
  const db = openDatabase(databasePath(dataDir), { readonly: true });
  const client = db.$client;
  const row = client.prepare('SELECT note FROM ledger_checkpoints WHERE tree_size = ?').get(size) as
    | { note: string }
    | undefined;
  const recent = (
    client.prepare('SELECT tree_size FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 5').all() as {
      tree_size: number;
    }[]
  ).map((r) => r.tree_size);
  return {
    note: row?.note ?? null,
    recent,
    verifier: () => {
      try {
        return readSigningKey(dataDir);
      } catch (e) {
        throw new Error(`cannot read the signing key in ${dataDir}: ${(e as Error).message}`);
      }
    },
    entries: () =>
      client
        .prepare('SELECT seq, canonical FROM ledger_entries WHERE seq < ? ORDER BY seq')
        .raw()
        .iterate(size) as IterableIterator<[number, Buffer]>,
    close: () => client.close(),
  };
}

/** An export file (`alutrace export`): its header's key, its checkpoint lines, then its entries. */
async function exportSource(file: string, size: number): Promise<EntrySource> {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  const it = lines[Symbol.asyncIterator]();
  const parse = (text: string, n: number): Record<string, unknown> => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new UsageError(`${file} line ${n} is not JSON: not an alutrace export`);
    }
  };
  const first = await it.next();
  const header = first.done ? null : parse(first.value, 1);
  if (header?.type !== 'alutrace-ledger-export' || typeof header.verifierKey !== 'string')
    throw new UsageError(`${file} is not an alutrace export (\`alutrace export --out FILE\`)`);
  const key = header.verifierKey;
  const checkpoints = new Map<number, string>();
  let pending: Record<string, unknown> | null = null;
  let n = 1;
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    n++;
    const line = parse(next.value, n);
    if (line.type === 'checkpoint' && typeof line.treeSize === 'number' && typeof line.note === 'string') {
      checkpoints.set(line.treeSize, line.note);
      continue;
    }
    pending = line;
    break;
  }
  async function* entries(): AsyncIterable<[number, Uint8Array]> {
    let line = pending;
    while (line) {
      if (line.type === 'entry' && typeof line.seq === 'number' && typeof line.canonical === 'string')
        yield [line.seq, new TextEncoder().encode(line.canonical)];
      const next = await it.next();
      if (next.done) return;
      n++;
      line = parse(next.value, n);
    }
  }
  return {
    note: checkpoints.get(size) ?? null,
    recent: [...checkpoints.keys()].sort((a, b) => b - a).slice(0, 5),
    verifier: () => parseVerifierKey(key),
    entries,
    close: () => lines.close(),
  };
}

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
