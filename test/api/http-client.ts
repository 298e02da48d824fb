// A minimal client for the tRPC HTTP protocol (plain JSON, no batching), so
// that the API tests see exactly what any HTTP client sees.
export interface HttpResult<T = unknown> {
  status: number;
  body: {
    result?: { data: T };
    error?: {
      message: string;
      data: {
        code: string;
        httpStatus: number;
        app: {
          code: string;
          messageZh: string;
          fields?: Record<string, string[]>;
          fieldsZh?: Record<string, string[]>;
        };
      };
    };
  };
  headers: Headers;
}

export async function query<T>(base: string, path: string, input?: unknown): Promise<HttpResult<T>> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${base}/trpc/${path}${qs}`);
  return { status: res.status, body: (await res.json()) as HttpResult<T>['body'], headers: res.headers };
}

export async function mutate<T>(
  base: string,
  path: string,
  input?: unknown,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult<T>> {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body ?? JSON.stringify(input ?? {}),
  });
  return { status: res.status, body: (await res.json()) as HttpResult<T>['body'], headers: res.headers };
}

export function data<T>(r: HttpResult<T>): T {
  if (!r.body.result) throw new Error(`expected a result, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body.result.data;
}
