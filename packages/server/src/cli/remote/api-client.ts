// The command line as an API client: tRPC over plain HTTP and JSON, sending
// the API token as `Authorization: Bearer …`, like a weighbridge PC would.
// The server decides everything (rules 1–7, who may act for which site); the
// client only turns its two kinds of failure into something a person can act
// on: the server refused (with a stable code and both languages), or no
// answer came (and a change may or may not have been recorded).
import { type AppErrorData, type ErrorCode, type ErrorParams, formatErrorMessage } from '@alutrace/shared';

/** The server answered, and refused. */
export class ServerRefusal extends Error {
  override readonly name = 'ServerRefusal';
  constructor(
    readonly status: number,
    readonly app: AppErrorData,
    /** The English message (`error.message`). */
    message: string,
    /** The response body as received, for --json. */
    readonly body: unknown,
  ) {
    super(message);
  }

  static of(code: ErrorCode, params: ErrorParams = {}): ServerRefusal {
    const app = { code, params, messageZh: formatErrorMessage(code, params, 'zh') };
    return new ServerRefusal(0, app, formatErrorMessage(code, params, 'en'), null);
  }
}

/** No usable answer came: the server is not running, unreachable, too slow, or not an alutrace server. */
export class NoAnswer extends Error {
  override readonly name = 'NoAnswer';
  constructor(
    readonly en: string,
    readonly zh: string,
    /** False when the request certainly never reached a server (refused connection, unknown host). */
    readonly mayHaveArrived: boolean,
  ) {
    super(en);
  }
}

export interface ApiTarget {
  /** The server's base URL, without a trailing slash. */
  server: string;
  token: string;
  timeoutMs: number;
}

export class ApiClient {
  constructor(readonly target: ApiTarget) {}

  query<T>(path: string, input?: unknown): Promise<T> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.call<T>(`${path}${qs}`, { method: 'GET' });
  }

  mutate<T>(path: string, input: unknown): Promise<T> {
    return this.call<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  }

  private async call<T>(pathAndQuery: string, init: RequestInit): Promise<T> {
    const { server, token, timeoutMs } = this.target;
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${server}/trpc/${pathAndQuery}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          accept: 'application/json',
          authorization: `Bearer ${token}`,
        },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      text = await res.text();
    } catch (e) {
      throw explainFetchFailure(e, server, timeoutMs);
    }
    let body: { result?: { data: T }; error?: { message?: string; data?: { app?: AppErrorData } } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw notAlutrace(server, res);
    }
    if (res.ok && body.result && 'data' in body.result) return body.result.data;
    const app = body.error?.data?.app;
    if (!app?.code) throw notAlutrace(server, res);
    throw new ServerRefusal(res.status, app, body.error?.message ?? app.code, body);
  }
}

function notAlutrace(server: string, res: Response): NoAnswer {
  const what = `HTTP ${res.status}${res.headers.get('content-type') ? `, ${res.headers.get('content-type')}` : ''}`;
  return new NoAnswer(
    `the answer from ${server} (${what}) is not an alutrace API answer: is --server the alutrace server's address?`,
    `${server} 的应答（${what}）不是 alutrace 接口的应答：--server 是否为 alutrace 服务器的地址？`,
    true,
  );
}

function explainFetchFailure(e: unknown, server: string, timeoutMs: number): NoAnswer {
  if (e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
    const s = Math.round(timeoutMs / 1000);
    return new NoAnswer(
      `no answer from ${server} within ${s} s (the server or the network is too slow)`,
      `${server} 在 ${s} 秒内没有应答（服务器或网络过慢）`,
      true,
    );
  }
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (e as { code?: string }).code;
  const host = new URL(server).host;
  switch (code) {
    case 'ECONNREFUSED':
      return new NoAnswer(
        `the server is not running at ${server} (connection refused). Start it with \`pnpm alutrace serve\`, or give its address with --server URL or ALUTRACE_SERVER.`,
        `${server} 上没有运行服务器（连接被拒绝）。请用 \`pnpm alutrace serve\` 启动，或用 --server URL 或 ALUTRACE_SERVER 指定其地址。`,
        false,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new NoAnswer(
        `the host name in ${server} is not known (DNS): check --server or ALUTRACE_SERVER`,
        `无法解析 ${server} 中的主机名：请检查 --server 或 ALUTRACE_SERVER`,
        false,
      );
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new NoAnswer(
        `${host} cannot be reached (${code}): check the network and --server`,
        `无法连接 ${host}（${code}）：请检查网络和 --server`,
        false,
      );
    default: {
      const detail = cause?.message ?? (e as Error).message ?? String(e);
      return new NoAnswer(
        `the connection to ${server} failed before an answer arrived (${code ?? detail})`,
        `与 ${server} 的连接在收到应答前中断（${code ?? detail}）`,
        true,
      );
    }
  }
}
