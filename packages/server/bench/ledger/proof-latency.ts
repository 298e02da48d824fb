// Latency of proofs and roots generated from storage, one call at a time, at
// random sizes and indexes over the whole ledger. The baseline is one
// primary-key read of a leaf hash — the unit proofs are made of — so the
// ratio reads as "this proof costs about N row reads".
import { consistencyProof, inclusionProof, type SubtreeReader, treeRoot } from '@alutrace/shared';
import { openLedger } from '../../src/ledger/open-ledger';
import { SeededRandom } from '../data/seeded-random';
import { runTsxChild } from '../run-child';
import { type LatencySummary, sampleLatency, summarizeLatency } from '../stats';

export interface OperationLatency {
  name: string;
  latency: LatencySummary;
  /** Subtree reads per call (mean), counted in a separate untimed pass. */
  readsPerCall: number;
}

export interface ProofFigures {
  operations: OperationLatency[];
  rowRead: LatencySummary;
}

export function measureProofs(dataDir: string, size: number, samples: number, warmup: number): ProofFigures {
  const random = new SeededRandom(9162);
  const total = samples + warmup;
  // Arguments drawn before timing, so the generator is not measured.
  const sizes = Array.from({ length: total }, () => random.int(1, size));
  const indexes = sizes.map((s) => random.int(0, s - 1));
  const froms = sizes.map((s) => random.int(1, s));
  const seqs = Array.from({ length: total }, () => random.int(0, size - 1));

  const opened = openLedger({ dataDir, synchronous: 'NORMAL' });
  try {
    const tree = opened.ledger.tree;
    const sizeAt = (i: number): number => sizes[i] as number;
    const indexAt = (i: number): number => indexes[i] as number;
    const fromAt = (i: number): number => froms[i] as number;
    const readLeaf = opened.db.$client
      .prepare<[number], [Buffer]>('SELECT leaf_hash FROM ledger_entries WHERE seq = ?')
      .raw();

    const measure = (
      name: string,
      call: (i: number) => unknown,
      count: (read: SubtreeReader, i: number) => unknown,
    ) => ({
      name,
      latency: summarizeLatency(sampleLatency(samples, warmup, call)),
      readsPerCall: countReads(tree.subtree, samples, count),
    });
    return {
      operations: [
        measure(
          'inclusion proof',
          (i) => tree.inclusionProof(indexAt(i), sizeAt(i)),
          (read, i) => inclusionProof(read, indexAt(i), sizeAt(i)),
        ),
        measure(
          'consistency proof',
          (i) => tree.consistencyProof(fromAt(i), sizeAt(i)),
          (read, i) => consistencyProof(read, fromAt(i), sizeAt(i)),
        ),
        measure(
          'root(size)',
          (i) => tree.root(sizeAt(i)),
          (read, i) => treeRoot(read, sizeAt(i)),
        ),
      ],
      rowRead: summarizeLatency(sampleLatency(samples, warmup, (i) => readLeaf.get(seqs[i] as number))),
    };
  } finally {
    opened.close();
  }
}

function countReads(read: SubtreeReader, samples: number, call: (read: SubtreeReader, i: number) => unknown): number {
  let reads = 0;
  const counting: SubtreeReader = (level, index) => {
    reads++;
    return read(level, index);
  };
  for (let i = 0; i < samples; i++) call(counting, i);
  return reads / samples;
}

/** measureProofs in a fresh process (see proof-child.ts). */
export function measureProofsInChild(dataDir: string, size: number, samples: number, warmup: number): ProofFigures {
  return runTsxChild<ProofFigures>(new URL('./proof-child.ts', import.meta.url), [
    dataDir,
    String(size),
    String(samples),
    String(warmup),
  ]);
}
