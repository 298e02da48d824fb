// Raw HTTP for the fuzzing suite: node:http rather than fetch, because fetch
// refuses what hostile clients send (a body on GET, any header size, bytes
// that are not UTF-8), and a check of every answer against what the server
// promises whatever it was sent.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { resolve } from 'node:path';

export interface Probe {
  method: string;
  /** The path and query string, sent as they are. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole request as bytes on the wire, instead of method, url, headers and body (which then only describe it). */
  raw?: string;
}

export interface ProbeResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export function send(base: string, probe: Probe): Promise<ProbeResult> {
  if (probe.raw !== undefined) return sendRaw(base, probe.raw);
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = httpRequest(
      { hostname, port, method: probe.method, path: probe.url, headers: probe.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(probe.body);
  });
}

/**
 * Bytes on a socket, for what no HTTP client sends (a header block over the
 * server's limit, a broken request line); the answer is read until the
 * server closes the connection.
 */
function sendRaw(base: string, request: string): Promise<ProbeResult> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.end(request));
    socket.on('data', (c: Buffer) => chunks.push(c));
    // The server may reset the connection once it has answered a request it would not read.
    socket.on('error', (e: Error) => (chunks.length ? socket.destroy() : fail(e)));
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const [statusLine = '', ...headerLines] = raw
        .subarray(0, split < 0 ? raw.length : split)
        .toString('latin1')
        .split('\r\n');
      const headers: IncomingHttpHeaders = {};
      for (const line of headerLines) {
        const at = line.indexOf(':');
        if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const body = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
      const text = (headers['transfer-encoding'] === 'chunked' ? unchunk(body) : body).toString('utf8');
      done({ status, headers, text });
    });
  });
}

function unchunk(body: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    const size = eol < 0 ? 0 : Number.parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!size) return Buffer.concat(out);
    out.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/** The request and the answer, short enough for a failure message. */
export function describeExchange(probe: Probe, res: ProbeResult | null): string {
  const cut = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}… (${s.length} chars)` : s);
  const body = probe.body === undefined ? '' : typeof probe.body === 'string' ? probe.body : probe.body.toString('hex');
  const lines = [
    `${probe.method} ${cut(probe.url)}`,
    ...Object.entries(probe.headers ?? {}).map(([k, v]) => `${k}: ${cut(v)}`),
    ...(body ? ['', cut(body)] : []),
  ];
  if (res) lines.push('→', `${res.status} ${JSON.stringify(res.headers)}`, cut(res.text));
  return lines.join('\n');
}

// What only a server's insides contain. A marker that the request itself
// carried (an echoed path or origin) proves nothing, so it is not counted.
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const LEAK_MARKERS = ['    at ', '.ts:', '.js:', 'node_modules', 'file://', REPO_ROOT, 'SqliteError', 'SQLITE_'];

export interface ResponseRules {
  /** The server's data directory: never named in an answer. */
  dataDir: string;
}

/**
 * Every broken promise in an answer: a 5xx, a missing security header, an
 * error body not in the one error shape, an internal detail. Empty when the
 * answer keeps them all.
 */
export function responseProblems(probe: Probe, res: ProbeResult, rules: ResponseRules): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`status ${res.status}`);
  if (res.headers['x-content-type-options'] !== 'nosniff') problems.push('no x-content-type-options: nosniff');
  if (!res.headers['content-security-policy']) problems.push('no content-security-policy');
  const sent = `${probe.url}\n${JSON.stringify(probe.headers ?? {})}\n${probe.body?.toString() ?? ''}${probe.raw ?? ''}`;
  for (const marker of [...LEAK_MARKERS, rules.dataDir]) {
    if (res.text.includes(marker) && !sent.includes(marker))
      problems.push(`the body contains ${JSON.stringify(marker)}`);
  }
  if (probe.method === 'HEAD') return problems;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    if (res.status >= 400) problems.push('an error whose body is not JSON');
    return problems;
  }
  if (res.status >= 400 || Array.isArray(body)) {
    // A batch answers an array with one result or error per call.
    for (const item of Array.isArray(body) ? body : [body]) {
      const shapeProblem = errorShapeProblem(item, res.status >= 400 && !Array.isArray(body));
      if (shapeProblem) problems.push(shapeProblem);
    }
  }
  return problems;
}

function errorShapeProblem(item: unknown, mustBeError: boolean): string | null {
  const o = item as { error?: { message?: unknown; data?: { app?: { code?: unknown } } }; result?: unknown } | null;
  if (typeof o !== 'object' || o === null) return 'an answer that is not an object';
  if (o.error === undefined) return mustBeError || o.result === undefined ? 'an error without `error`' : null;
  if (typeof o.error.message !== 'string') return 'an error without a string `error.message`';
  if (typeof o.error.data?.app?.code !== 'string') return 'an error without a string `error.data.app.code`';
  return null;
}
