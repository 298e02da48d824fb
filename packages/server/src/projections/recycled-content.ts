// Rule 4 (ISO 22095 mass balance): the recycled content of a run's outputs
// is the scrap consumed ÷ (scrap consumed + primary additions), the
// post-consumer part kept apart. Each input brings its own content (a
// collection lot is all scrap; a cast ingot re-melted brings what it had),
// so contents are carried through any number of runs. Parts per million,
// integers, computed with BigInt and rounded half up.

export const PPM = 1_000_000;

export interface ContentInput {
  consumedG: number;
  recycledPpm: number;
  postConsumerPpm: number;
}

export function runContent(
  inputs: readonly ContentInput[],
  primaryG: number,
): { recycledPpm: number; postConsumerPpm: number } {
  let recycled = 0n;
  let post = 0n;
  let basis = BigInt(primaryG);
  for (const i of inputs) {
    const c = BigInt(i.consumedG);
    recycled += c * BigInt(i.recycledPpm);
    post += c * BigInt(i.postConsumerPpm);
    basis += c;
  }
  if (basis === 0n) return { recycledPpm: 0, postConsumerPpm: 0 };
  const round = (n: bigint) => Number((2n * n + basis) / (2n * basis));
  return { recycledPpm: round(recycled), postConsumerPpm: round(post) };
}

/** Grams of a lot that the content share stands for, rounded half up. */
export function gramsOf(massG: number, ppm: number): number {
  return Number((2n * BigInt(massG) * BigInt(ppm) + BigInt(PPM)) / (2n * BigInt(PPM)));
}
