// The `http` scenario: requests per second through the real server, each
// case next to a bare Fastify route served by the same process, and the
// signed-in write next to one-row FULL commits on the same disk.
//
// The server runs in a child process (server-child.ts) and autocannon in
// this one, so they never share an event loop; both listen and connect on
// 127.0.0.1 only. Cases run one after another on one server: the bare route
// first, then healthz, ledger.head, a signed-in read, and the signed-in
// write last (it grows the tables the read would otherwise scan).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request } from 'autocannon';
import { databasePath } from '../../src/ledger/open-ledger';
import type { BenchOptions } from '../bench-options';
import type { ScenarioIo, ScenarioOutput } from '../ledger/ledger-scenario';
import { type CpuProfile, summarizeProfile } from '../report/cpu-profile';
import type { Section } from '../report/section';
import { BENCH_USER, type ChildMessage, type ChildReady, type ChildUsage, type ParentMessage } from './child-protocol';
import { type HttpCase, httpSection } from './http-section';
import { runLoad } from './load';
import { OneRowCommits, storedCanonicals } from './one-row-commits';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const SEEDED_SITES = 20;

interface CaseSpec {
  name: string;
  request: string;
  url: string;
  requests: Request[];
  target?: 'head' | 'write';
}

export async function runHttpScenario(options: BenchOptions, io: ScenarioIo): Promise<ScenarioOutput> {
  const workDir = mkdtempSync(join(options.workDir ?? tmpdir(), 'alutrace-bench-http-'));
  io.progress(`starting the server in a child process (data in ${workDir})`);
  const child = await ServerChild.start(workDir);
  const sections: Section[] = [];
  try {
    const { url, bareUrl } = child.ready;
    const cookie = await signIn(url);
    const mutation = { 'content-type': 'application/json', origin: url, cookie };
    let n = 0;
    const siteInput = (prefix: string) => ({
      code: `${prefix}${(n++).toString(36).toUpperCase().padStart(6, '0')}`,
      kind: 'collection_point',
      nameZh: '平果回收站',
      nameEn: 'Pingguo collection point',
      district: '平果市',
    });
    // A read that returns something: the list of 20 sites.
    for (let i = 0; i < SEEDED_SITES; i++) await post(`${url}/trpc/sites.create`, mutation, siteInput('S'));

    const specs: CaseSpec[] = [
      {
        name: 'bare Fastify route',
        request: 'GET / → {hello}',
        url: bareUrl,
        requests: [{ method: 'GET', path: '/' }],
      },
      { name: 'healthz', request: 'GET /healthz', url, requests: [{ method: 'GET', path: '/healthz' }] },
      {
        name: 'ledger.head',
        request: 'GET /trpc/ledger.head',
        url,
        requests: [{ method: 'GET', path: '/trpc/ledger.head' }],
        target: 'head',
      },
      {
        name: 'signed-in read',
        request: `GET /trpc/sites.list (${SEEDED_SITES} sites)`,
        url,
        requests: [{ method: 'GET', path: '/trpc/sites.list', headers: { cookie } }],
      },
      {
        name: 'signed-in write',
        request: 'POST /trpc/sites.create',
        url,
        requests: [
          {
            method: 'POST',
            path: '/trpc/sites.create',
            headers: mutation,
            setupRequest: (req) => ({ ...req, body: JSON.stringify(siteInput('W')) }),
          },
        ],
        target: 'write',
      },
    ];

    const warmupSeconds = options.quick ? 0.5 : 1;
    const cases: HttpCase[] = [];
    const profiles: string[] = [];
    // The baseline for the write: half of it right before the write case, half right after.
    const commits = new OneRowCommits(workDir, storedCanonicals(databasePath(child.ready.dataDir), 'site.created'));
    for (const spec of specs) {
      if (spec.target === 'write') {
        io.progress(`one-row FULL commits for ${options.seconds / 2} s`);
        commits.run(options.seconds / 2);
      }
      io.progress(`${spec.name}: ${options.seconds} s at ${options.connections} connections`);
      const logBefore = countLines(child.ready.logFile);
      const profileFile = options.cpuProfileDir
        ? join(options.cpuProfileDir, `http-${slug(spec.name)}.cpuprofile`)
        : null;
      let before: ChildUsage | undefined;
      let after: ChildUsage | undefined;
      const figures = await runLoad(
        {
          name: spec.name,
          url: spec.url,
          requests: spec.requests,
          connections: options.connections,
          seconds: options.seconds,
          warmupSeconds,
        },
        {
          // Counters and the profile cover the timed run only.
          beforeTimed: async () => {
            before = await child.request({ type: 'usage' }, 'usage');
            if (profileFile) await child.request({ type: 'profile-start' }, 'profiling');
          },
          afterTimed: async () => {
            if (profileFile) await child.request({ type: 'profile-stop', file: profileFile }, 'profiled');
            after = await child.request({ type: 'usage' }, 'usage');
          },
        },
      );
      if (profileFile) profiles.push(profileNote(spec.name, profileFile));
      if (!before || !after) throw new Error('the server child did not report its usage');
      const groups = after.groupTransactions - before.groupTransactions;
      if (figures.failures > 0)
        io.progress(`  ${figures.failures} failed requests: ${JSON.stringify(figures.statuses)}`);
      const logLines = countLines(child.ready.logFile) - logBefore;
      cases.push({
        figures,
        request: spec.request,
        logLinesPerRequest: logLines / Math.max(1, figures.requests),
        serverCpuPerRequestUs: (after.cpuMicros - before.cpuMicros) / Math.max(1, figures.requests),
        appendsPerCommit: groups > 0 ? (after.groupAppends - before.groupAppends) / groups : null,
        ...(spec.target ? { target: spec.target } : {}),
      });
      if (spec.target === 'write') {
        io.progress(`one-row FULL commits for ${options.seconds / 2} s`);
        commits.run(options.seconds / 2);
      }
    }
    commits.close();
    const bare = (cases[0] as HttpCase).figures;
    const header = [
      `server    alutrace (startServer) and a bare Fastify() in one child process, 127.0.0.1; ` +
        'synchronous FULL, checkpoint interval 1,000 ms (default), log level info to a file',
      `load      autocannon ${options.connections} connections, ${options.seconds} s per case after ${warmupSeconds} s of warm-up, in the parent process`,
    ];
    io.headerLines(header);
    const section = httpSection(cases, bare, commits.figures(), [
      'rate = 2xx responses / duration of the timed run; p50/p99 from every response time (autocannon, sub-ms).',
      'signed in: an admin made with `alutrace user add --password-stdin` before the server started, then auth.login; the cookie on every request.',
      'write: each request a new site code (sites.create: one site.created entry + one sites row), Origin and JSON content type as a browser sends.',
      `one-row FULL commits: better-sqlite3, WAL, synchronous FULL, a file beside the server's database; one BEGIN IMMEDIATE … COMMIT per`,
      `     ledger_entries row (canonical bytes of the server's site.created entries, mean ${commits.figures().meanRowBytes.toFixed(0)} bytes), after 200 warm-up commits;`,
      `     ${options.seconds / 2} s right before the write case and ${options.seconds / 2} s right after it, so that both meet the same disk.`,
      'log lines/req: lines the server wrote to its log during the case, warm-up included, per timed request.',
      "server CPU/req: the server process's user + system CPU time during the timed run, per request (steadier than the rate on a busy machine).",
      'appends/commit: ledger appends per group-commit transaction during the write case (Ledger.appendAsync).',
      ...(profiles.length > 0
        ? [
            'CPU profiles of the server process during the timed runs (the profiler slows every case a little):',
            ...profiles,
          ]
        : []),
    ]);
    sections.push(section);
    io.emit(section);
    return { header, sections };
  } finally {
    await child.stop();
    if (options.keep) io.progress(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

function slug(name: string): string {
  return name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-');
}

function countLines(file: string): number {
  try {
    if (statSync(file).size === 0) return 0;
  } catch {
    return 0;
  }
  let lines = 0;
  const text = readFileSync(file);
  for (let i = text.indexOf(10); i >= 0; i = text.indexOf(10, i + 1)) lines++;
  return lines;
}

function profileNote(name: string, file: string): string {
  const s = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, 6);
  const top = (list: { name: string; share: number }[]) =>
    list.map((c) => `${c.name} ${(c.share * 100).toFixed(0)} %`).join('; ');
  return `     ${name} (${file}): idle ${(s.idleShare * 100).toFixed(0)} %; by package: ${top(s.byPackage)}`;
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(BENCH_USER),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`auth.login answered ${res.status}: ${await res.text()}`);
  return cookie;
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
}

class ServerChild {
  private constructor(
    private readonly process: ChildProcess,
    readonly ready: ChildReady,
  ) {}

  static start(workDir: string): Promise<ServerChild> {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./server-child.ts', import.meta.url)), workDir],
      {
        cwd: SERVER_DIR,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    return new Promise((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`the server child exited (${code}) before it was ready`)));
      proc.on('message', (m: ChildMessage) => {
        if (m.type === 'ready') resolve(new ServerChild(proc, m));
        else if (m.type === 'failed') reject(new Error(`the server child failed:\n${m.message}`));
      });
    });
  }

  send(m: ParentMessage): void {
    this.process.send(m);
  }

  /** Sends `m` and waits for the child's answer of type `answer`. */
  request<T extends ChildMessage['type']>(m: ParentMessage, answer: T): Promise<Extract<ChildMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      const on = (reply: ChildMessage) => {
        if (reply.type === answer) {
          this.process.off('message', on);
          resolve(reply as Extract<ChildMessage, { type: T }>);
        } else if (reply.type === 'failed') {
          this.process.off('message', on);
          reject(new Error(reply.message));
        }
      };
      this.process.on('message', on);
      this.send(m);
    });
  }

  stop(): Promise<void> {
    if (this.process.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.send({ type: 'stop' });
    });
  }
}
