// Figure 2: collection.record over HTTP, each request with the operator API
// token of its collection point (Authorization: Bearer, as a weighbridge PC
// sends it), at a fixed concurrency, next to one-row SQLite transactions at
// synchronous FULL in a file beside the server's database (the price of
// durability per request on this disk).
//
// The server runs with its production defaults (synchronous FULL, group
// commit of the appends that arrive in the same turn of the event loop,
// checkpoint interval 1 s, log level info to a file). Requests spread over
// several collection points, each with its own token, so that no site runs
// out of the day's 9,999 lot numbers however long the case runs.
import type { Request } from 'autocannon';
import { databasePath } from '../../src/ledger/open-ledger';
import type { ChildUsage } from '../http/child-protocol';
import { type LoadFigures, runLoad } from '../http/load';
import { type CommitFigures, OneRowCommits, storedCanonicals } from '../http/one-row-commits';
import { CollectionInputs } from './collection-inputs';
import { COLLECTION_POINTS } from './domain-throughput';
import { ServerProcess, SetupClient } from './server-process';

export interface HttpCollectionsOptions {
  workDir: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Write a CPU profile of the server during the timed run here. */
  profileFile?: string | undefined;
  progress(message: string): void;
}

export interface HttpCollectionsFigures {
  load: LoadFigures;
  commits: CommitFigures;
  serverCpuPerRequestUs: number;
  appendsPerCommit: number | null;
  /** Requests sent, warm-up included. */
  requestsSent: number;
  /** Of the stored collection.recorded entries (the first 1,000). */
  meanCanonicalBytes: number;
}

export async function measureHttpCollections(o: HttpCollectionsOptions): Promise<HttpCollectionsFigures> {
  o.progress(`starting the server in a child process (data in ${o.workDir})`);
  const server = await ServerProcess.start(o.workDir);
  try {
    const { url, dataDir } = server.ready;
    const admin = await SetupClient.signIn(url);
    const tokens: { site: string; secret: string }[] = [];
    for (const code of COLLECTION_POINTS) {
      await admin.mutate('sites.create', {
        code,
        kind: 'collection_point',
        nameZh: `${code} 回收站`,
        nameEn: `${code} collection point`,
        district: '平果市',
      });
      const { secret } = await admin.mutate<{ secret: string }>('tokens.create', {
        name: `${code} weighbridge`,
        role: 'operator',
        site: code,
      });
      tokens.push({ site: code, secret });
    }
    const inputs = new CollectionInputs(20261201);
    let n = 0;
    const requests: Request[] = [
      {
        method: 'POST',
        path: '/trpc/collection.record',
        // Made as the request goes out: each a new weighing with a fresh idempotency key.
        setupRequest: (req) => {
          const { site, secret } = tokens[n++ % tokens.length] as { site: string; secret: string };
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
            body: JSON.stringify(inputs.next(site)),
          };
        },
      },
    ];
    // A first collection, so the baseline's rows can be modelled on stored entries.
    const first = tokens[0] as { site: string; secret: string };
    await post(url, first, inputs.next(first.site));
    const commits = new OneRowCommits(o.workDir, storedCanonicals(databasePath(dataDir), 'collection.recorded'));
    o.progress(`one-row FULL commits for ${o.seconds / 2} s`);
    commits.run(o.seconds / 2);
    o.progress(`collection.record: ${o.seconds} s at ${o.connections} connections`);
    let before: ChildUsage | undefined;
    let after: ChildUsage | undefined;
    const load = await runLoad(
      {
        name: 'collection.record',
        url,
        requests,
        connections: o.connections,
        seconds: o.seconds,
        warmupSeconds: o.warmupSeconds,
      },
      {
        beforeTimed: async () => {
          before = await server.request({ type: 'usage' }, 'usage');
          if (o.profileFile) await server.request({ type: 'profile-start' }, 'profiling');
        },
        afterTimed: async () => {
          if (o.profileFile) await server.request({ type: 'profile-stop', file: o.profileFile }, 'profiled');
          after = await server.request({ type: 'usage' }, 'usage');
        },
      },
    );
    o.progress(`one-row FULL commits for ${o.seconds / 2} s`);
    commits.run(o.seconds / 2);
    commits.close();
    if (!before || !after) throw new Error('the server child did not report its usage');
    const groups = after.groupTransactions - before.groupTransactions;
    const written = storedCanonicals(databasePath(dataDir), 'collection.recorded');
    return {
      load,
      commits: commits.figures(),
      serverCpuPerRequestUs: (after.cpuMicros - before.cpuMicros) / Math.max(1, load.requests),
      appendsPerCommit: groups > 0 ? (after.groupAppends - before.groupAppends) / groups : null,
      requestsSent: n,
      meanCanonicalBytes: written.reduce((s, b) => s + b.length, 0) / Math.max(1, written.length),
    };
  } finally {
    await server.stop();
  }
}

async function post(url: string, token: { secret: string }, body: unknown): Promise<void> {
  const res = await fetch(`${url}/trpc/collection.record`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.secret}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`collection.record answered ${res.status}: ${await res.text()}`);
}
