// Measures proof latency in a process of its own, so that the tail is not
// stretched by GC of the heap the parent built while filling and hashing.
//
//   node --import tsx bench/ledger/proof-child.ts DATA_DIR SIZE SAMPLES WARMUP
//
// Prints one JSON line (ProofFigures) on stdout.
import { measureProofs } from './proof-latency';

const [dataDir, size, samples, warmup] = process.argv.slice(2);
if (!dataDir || !size || !samples || !warmup) {
  console.error('usage: proof-child.ts DATA_DIR SIZE SAMPLES WARMUP');
  process.exit(2);
}
console.log(JSON.stringify(measureProofs(dataDir, Number(size), Number(samples), Number(warmup))));
