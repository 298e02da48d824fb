// The fuzzing suites' world: the API tests' server with its sites and users,
// callers of every kind (nobody, a signed-in operator and administrator,
// an operator's API token), and one `exchange` that sends a request and
// checks everything the server promises about any answer.

import { createToken, systemActor } from '@alutrace/server/testing';
import type { Role } from '@alutrace/shared';
import { expect } from 'vitest';
import { buildWorld, PASSWORD, type World } from '../api/world';
import type { KnownValues } from './hostile-values';
import { describeExchange, type Probe, type ProbeResult, responseProblems, send } from './http-probe';
import { changes, snapshot } from './write-watch';

function intFromEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, not ${JSON.stringify(text)}`);
  return n;
}

/** Runs of each property; `ALUTRACE_FUZZ_RUNS=1000 pnpm vitest run test/fuzz` digs deeper. */
export const RUNS = intFromEnv('ALUTRACE_FUZZ_RUNS') ?? 40;
/** The seed of every property in the run: printed by fast-check on failure, and given back here to replay it. */
export const SEED = intFromEnv('ALUTRACE_FUZZ_SEED') ?? Date.now() ^ 0;
/** fast-check's `path` of a failure, with its seed, replays just the counterexample. */
const PATH = process.env.ALUTRACE_FUZZ_PATH;

export function fcOptions(): { seed: number; numRuns: number; path?: string } {
  return { seed: SEED, numRuns: RUNS, ...(PATH ? { path: PATH } : {}) };
}

export type CallerName = 'anonymous' | 'operator' | 'admin' | 'operator-token';
export const CALLERS: CallerName[] = ['anonymous', 'operator', 'admin', 'operator-token'];

export interface Caller {
  name: CallerName;
  /** Credentials, plus the Origin a browser sends with a cookie. */
  headers(): Record<string, string>;
}

export interface FuzzWorld {
  world: World;
  base: string;
  known: KnownValues;
  caller(name: CallerName): Caller;
  /** Sends the request, checks the answer and what it wrote; returns the answer. */
  exchange(probe: Probe): Promise<ProbeResult>;
  stop(): Promise<void>;
}

export async function buildFuzzWorld(): Promise<FuzzWorld> {
  const world = await buildWorld();
  const { app } = world.server;
  const base = world.server.url;
  const cli = systemActor('cli');
  const deviceToken = (await createToken(app, cli, { name: 'fuzz scale', role: 'operator', site: 'PG01' })).secret;
  const spareToken = (await createToken(app, cli, { name: 'fuzz spare', role: 'official' })).token.id;

  // A session that a fuzzed request ended (auth.logout, auth.revokeSession) is
  // replaced before the next request, so every caller stays who it is.
  const sessions = new Map<Role, { id: string; cookie: string }>();
  const cookieOf = (role: Role): string => {
    const current = sessions.get(role);
    const live =
      current &&
      app.db.$client.prepare('SELECT revoked_at IS NULL FROM sessions WHERE id = ?').pluck().get(current.id) === 1;
    if (current && live) return current.cookie;
    const { token, session } = app.auth.sessions.create(world.users[role].id, { ip: '127.0.0.1', userAgent: 'fuzz' });
    const fresh = { id: session.id, cookie: `${app.auth.cookieName}=${token}` };
    sessions.set(role, fresh);
    return fresh.cookie;
  };
  const caller = (name: CallerName): Caller => {
    switch (name) {
      case 'anonymous':
        return { name, headers: () => ({}) };
      case 'operator-token':
        return { name, headers: () => ({ authorization: `Bearer ${deviceToken}` }) };
      default:
        return { name, headers: () => ({ cookie: cookieOf(name), origin: base }) };
    }
  };

  const firstEntry = app.ledger.entryBySeq(0);
  const known: KnownValues = {
    // Only what tests may change freely: the callers' own users and sites stay as they are.
    strings: [
      'PG02',
      'RC02',
      'ZZ99',
      world.target.id,
      world.target.username,
      spareToken,
      ...(firstEntry ? [firstEntry.entry.id] : []),
      // Signed checkpoints, for ledger.verify's trustedCheckpoint: the head, and the first tree's.
      ...[app.ledger.head()?.note, app.ledger.checkpointAt(1)?.note].filter((n): n is string => n !== undefined),
      'site.created',
      'user.created',
      PASSWORD,
      'a long enough password',
      'official',
      'operator',
      'newest',
      'oldest',
    ],
    numbers: [0, 1, 2, app.ledger.size - 1, app.ledger.size, app.ledger.size + 1],
  };

  const rules = { dataDir: world.server.dataDir };
  const exchange = async (probe: Probe): Promise<ProbeResult> => {
    const before = snapshot(app);
    const res = await send(base, probe);
    const wrote = changes(before, snapshot(app));
    const problems = responseProblems(probe, res, rules);
    if (wrote.length > 0 && res.status >= 400) problems.push(`refused (${res.status}) but wrote: ${wrote.join('; ')}`);
    if (wrote.length > 0 && (probe.method === 'GET' || probe.method === 'HEAD')) {
      problems.push(`a ${probe.method} wrote: ${wrote.join('; ')}`);
    }
    expect(problems, describeExchange(probe, res)).toEqual([]);
    return res;
  };

  return { world, base, known, caller, exchange, stop: () => world.stop() };
}
