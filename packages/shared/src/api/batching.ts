// tRPC batching: one HTTP request may carry several calls. The server caps
// how many, and some procedures must travel alone — sign-in above all, so
// that one request cannot carry many password guesses past the throttle.
// The web client's links follow the same two rules (packages/web/src/lib/trpc.ts).

/** The most calls one batched request may carry. */
export const MAX_BATCH_SIZE = 10;

/** Procedures that are refused inside a batch. */
export const UNBATCHED_PROCEDURES: ReadonlySet<string> = new Set(['auth.login']);
