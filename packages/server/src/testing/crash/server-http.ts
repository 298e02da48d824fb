// A signed-in HTTP client of the tRPC API as any client sees it: plain JSON,
// one procedure per request (no batching), the session cookie kept like a
// browser's and the Origin a browser would send. The address is read on every
// request, so one client follows a server that is killed and started again.
import type { EntriesPage, EntryView } from '@alutrace/shared';

/** The server answered, but not with 2xx. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

export class ServerHttp {
  private cookie: string | null = null;

  constructor(private readonly baseUrl: () => string) {}

  query<T>(path: string, input?: unknown): Promise<T> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.send<T>(`/trpc/${path}${qs}`, { method: 'GET' });
  }

  mutate<T>(path: string, input: unknown): Promise<T> {
    return this.send<T>(`/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.baseUrl() },
      body: JSON.stringify(input),
    });
  }

  async login(username: string, password: string): Promise<void> {
    await this.mutate('auth.login', { username, password });
    if (!this.cookie) throw new Error(`signing in as ${username} set no session cookie`);
  }

  /** Every entry, oldest first, through `ledger.entries`. */
  async entries(): Promise<EntryView[]> {
    const all: EntryView[] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = await this.query<EntriesPage>('ledger.entries', {
        order: 'oldest',
        limit: 100,
        ...(cursor === undefined ? {} : { cursor }),
      });
      all.push(...page.items);
      if (page.nextCursor === null) return all;
      cursor = page.nextCursor;
    }
  }

  private async send<T>(path: string, init: RequestInit): Promise<T> {
    const url = this.baseUrl();
    const headers = { ...(init.headers as Record<string, string>), ...(this.cookie ? { cookie: this.cookie } : {}) };
    const res = await fetch(`${url}${path}`, { ...init, headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await res.text();
    if (!res.ok) throw new HttpError(res.status, text);
    const [pair] = (res.headers.get('set-cookie') ?? '').split(';');
    if (pair?.includes('=') && !pair.endsWith('=')) this.cookie = pair;
    const body = JSON.parse(text) as { result?: { data: T } };
    if (!body.result) throw new HttpError(res.status, text);
    return body.result.data;
  }
}
