// The real server in a child process (bench/http/server-child.ts: production
// defaults, an administrator made with the CLI, a bare Fastify beside it),
// driven over IPC: ready, usage counters, CPU profiles, stop. The load
// generator stays in this process, so the two never share an event loop.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCH_USER, type ChildMessage, type ChildReady, type ParentMessage } from '../http/child-protocol';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_CHILD = fileURLToPath(new URL('../http/server-child.ts', import.meta.url));

export class ServerProcess {
  private constructor(
    private readonly process: ChildProcess,
    readonly ready: ChildReady,
  ) {}

  /** Starts the server on WORK_DIR/data (which may already hold a ledger). */
  static start(workDir: string): Promise<ServerProcess> {
    const proc = spawn(process.execPath, ['--import', 'tsx', SERVER_CHILD, workDir], {
      cwd: SERVER_DIR,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`the server child exited (${code}) before it was ready`)));
      proc.on('message', (m: ChildMessage) => {
        if (m.type === 'ready') resolve(new ServerProcess(proc, m));
        else if (m.type === 'failed') reject(new Error(`the server child failed:\n${m.message}`));
      });
    });
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
      this.process.send(m);
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
      this.process.send({ type: 'stop' } satisfies ParentMessage);
    });
  }
}

/** A small tRPC-over-HTTP client for set-up calls (not measured). */
export class SetupClient {
  private constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  /** Signs in as the administrator the server child created. */
  static async signIn(url: string): Promise<SetupClient> {
    const res = await fetch(`${url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify(BENCH_USER),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (res.status !== 200 || !cookie) throw new Error(`auth.login answered ${res.status}: ${await res.text()}`);
    return new SetupClient(url, cookie);
  }

  async mutate<T>(path: string, input: unknown): Promise<T> {
    const res = await fetch(`${this.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.url, cookie: this.cookie },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { result?: { data: T } };
    if (res.status !== 200 || !body.result) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
    return body.result.data;
  }
}
