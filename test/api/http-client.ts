// A minimal client for the tRPC HTTP protocol (plain JSON, no batching), so
// that the API tests see exactly what any HTTP client sees. A Client keeps
// the session cookie like a browser and sends the Origin a browser would.
export interface AppErrorBody {
  code: string;
  params: Record<string, string | number>;
  messageZh: string;
  fields?: Record<string, string[]>;
  fieldsZh?: Record<string, string[]>;
}

export interface HttpResult<T = unknown> {
  status: number;
  body: {
    result?: { data: T };
    error?: { message: string; data: { code: string; httpStatus: number; app: AppErrorBody } };
  };
  headers: Headers;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  body?: string;
}

export class Client {
  cookie: string | null = null;
  bearer: string | null = null;

  constructor(readonly base: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
      ...extra,
    };
  }

  private remember(res: Response): void {
    const set = res.headers.get('set-cookie');
    if (!set) return;
    const [pair] = set.split(';');
    this.cookie = pair && !/=$/.test(pair) ? pair : null;
  }

  async query<T>(path: string, input?: unknown, options: RequestOptions = {}): Promise<HttpResult<T>> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${this.base}/trpc/${path}${qs}`, { headers: this.headers(options.headers) });
    this.remember(res);
    return { status: res.status, body: (await res.json()) as HttpResult<T>['body'], headers: res.headers };
  }

  async mutate<T>(path: string, input?: unknown, options: RequestOptions = {}): Promise<HttpResult<T>> {
    const res = await fetch(`${this.base}/trpc/${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json', origin: this.base, ...options.headers }),
      body: options.body ?? JSON.stringify(input ?? {}),
    });
    this.remember(res);
    return { status: res.status, body: (await res.json()) as HttpResult<T>['body'], headers: res.headers };
  }

  async login(username: string, password: string): Promise<HttpResult> {
    const r = await this.mutate('auth.login', { username, password });
    if (r.status !== 200) throw new Error(`login as ${username} failed: ${JSON.stringify(r.body)}`);
    return r;
  }

  /** Signs in with a password someone else set, and changes it as the server requires. Returns the new one. */
  async loginAndChangePassword(
    username: string,
    password: string,
    newPassword = `${password}-changed`,
  ): Promise<string> {
    await this.login(username, password);
    const r = await this.mutate('auth.changePassword', { currentPassword: password, newPassword });
    if (r.status !== 200) throw new Error(`password change for ${username} failed: ${JSON.stringify(r.body)}`);
    return newPassword;
  }
}

export function data<T>(r: HttpResult<T>): T {
  if (!r.body.result) throw new Error(`expected a result, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body.result.data;
}

export function errorCode(r: HttpResult): string | undefined {
  return r.body.error?.data.app.code;
}
