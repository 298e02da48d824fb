// What the lifecycle procedures need, and nothing more: the ledger (its db
// is the transaction inside an append), the sealed-data vault, a clock and
// the configured tolerances. Who is asking is passed per call.
import type { Actor } from '@alutrace/shared';
import type { Ledger } from '../../ledger/ledger';
import type { SealedVault } from '../../sealed/vault';

export interface LifecycleRules {
  /** A receipt differing from its dispatch by more than this share is flagged (rule 5; default 1 %). */
  transitTolerancePct: number;
  /** A run losing more than this share is flagged (rule 3; default 20 %). */
  meltLossFlagPct: number;
}

export const DEFAULT_RULES: LifecycleRules = { transitTolerancePct: 1, meltLossFlagPct: 20 };

export interface LifecycleDeps {
  ledger: Ledger;
  vault: SealedVault;
  now: () => Date;
  rules: LifecycleRules;
}

/** Who records: the actor written into the entry, and the idempotency scope (the calling principal). */
export interface Caller {
  actor: Actor;
  /** e.g. `user:<id>` or `token:<id>`: keys of different callers never collide. */
  scope: string;
  /** Administrators may correct anyone's entries. */
  isAdmin: boolean;
}
