export function splitIntoBatches<T>(items: readonly T[], perBatch: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += perBatch) batches.push(items.slice(i, i + perBatch));
  return batches;
}
