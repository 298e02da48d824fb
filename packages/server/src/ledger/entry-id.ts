// Entry ids are UUIDv7 (RFC 9562 §5.7): time-ordered, so the unique index on
// them grows at its end like the seq. The uuid package draws 16 fresh bytes
// from the OS per id, which costs more than the rest of the id; here random
// bytes come from a pool refilled 4 KiB at a time, and ids made in the same
// millisecond keep their order through uuid's own `seq` counter.
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const POOL = new Uint8Array(16 * 256);
let offset = POOL.length;
let lastMs = -1;
let seq = 0;

export function newEntryId(now = Date.now()): string {
  if (offset === POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const random = POOL.subarray(offset, offset + 16);
  offset += 16;
  // The same monotonic rule as uuid's own state (v7.js, updateV7State): a
  // random 31-bit start each millisecond, +1 within it, the next
  // millisecond when the counter wraps.
  if (now > lastMs) {
    lastMs = now;
    seq =
      (((random[6] as number) & 0x7f) << 24) |
      ((random[7] as number) << 16) |
      ((random[8] as number) << 8) |
      (random[9] as number);
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  return v7({ random, msecs: lastMs, seq });
}
