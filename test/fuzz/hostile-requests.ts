// The fixed requests every procedure gets besides the random ones: each
// wrong method, content types that are not JSON, origins that are not
// ours, bodies that are not JSON or are huge or nested 10 000 deep, query
// strings that do not parse. Listed once, so that each is sent every run.
import type { Caller, FuzzWorld } from './fuzz-world';
import { type JsonSchema, nestedArrays, nestedObjects, RawJson, toJsonText } from './hostile-values';
import type { Probe } from './http-probe';

const JSON_TYPE = { 'content-type': 'application/json' };

export function trpcUrl(path: string, query?: string): string {
  return `/trpc/${path}${query === undefined ? '' : `?${query}`}`;
}

/** A request the server must refuse, or one that may succeed. */
export interface Case {
  name: string;
  /** Built when sent, so that it carries the caller's current session. */
  probe: () => Probe;
  refused?: true;
  status?: number;
}

const BROKEN_BODIES: (string | Buffer)[] = [
  '',
  '{',
  '{"a":',
  'nul',
  '[1,]',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '\ufeff{}',
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), // {"a":"<CESU-8 surrogate>"}
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), // invalid UTF-8
  '{"__proto__":{"isAdmin":true,"role":"admin"}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  'true',
  '1e400',
  '"a string"',
  '[]',
  'null',
  '{"0":{"json":null}}',
];

const BROKEN_QUERIES = [
  'input=%',
  'input=%E0%A4%A',
  'input={',
  'input=undefined',
  'input=',
  'input=1&input=2',
  'input[]=1',
  'input[seq]=1',
  'input=%7B%22seq%22%3A1e400%7D',
  'input=%22%5Cud800%22',
  `input=${encodeURIComponent(nestedArrays(1500).text)}`,
  `input=${encodeURIComponent(nestedObjects(600).text)}`,
  'batch=1',
  'batch=1&input=%7B%7D',
  'batch=1&input=%5B%5D',
  'batch=1&input=%7B%220%22%3A%7B%22seq%22%3A-1%7D%7D',
  'batch=true&input=%7B%7D',
];

/**
 * The requests around one procedure that a hostile client makes, each
 * built when sent so that it carries the caller's current session.
 */
export function fixedCases(
  { path, type, schema }: { path: string; type: string; schema: JsonSchema | null },
  fw: Pick<FuzzWorld, 'base' | 'caller'>,
): Case[] {
  const admin = fw.caller('admin');
  const operator = fw.caller('operator');
  const anonymous = fw.caller('anonymous');
  const isQuery = type === 'query';
  const post =
    (caller: Caller, body: string | Buffer, headers: Record<string, string> = JSON_TYPE) =>
    (): Probe => ({
      method: 'POST',
      url: trpcUrl(path),
      headers: { ...caller.headers(), ...headers },
      body,
    });
  const out: Case[] = [];

  for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
    if (method === (isQuery ? 'GET' : 'POST')) continue;
    const hasBody = method !== 'GET' && method !== 'HEAD';
    for (const caller of method === 'GET' ? [admin, anonymous] : [admin]) {
      out.push({
        name: `${method} as ${caller.name}`,
        probe: () => ({
          method,
          url: trpcUrl(path, hasBody ? undefined : 'input=%7B%7D'),
          headers: { ...caller.headers(), ...(hasBody ? JSON_TYPE : {}) },
          ...(hasBody ? { body: '{}' } : {}),
        }),
        // HEAD and OPTIONS run nothing (tRPC answers HEAD with 204); the exchange checks that nothing was written.
        ...(method === 'HEAD' || method === 'OPTIONS' ? {} : { refused: true as const }),
      });
    }
  }

  const contentTypes: [string | null, string][] = [
    [null, '{}'],
    ['text/plain', '{}'],
    ['application/x-www-form-urlencoded', 'a=1&seq=0'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
    ['application/json-seq', '{}'],
    ['application/json, text/html', '{}'],
    ['text/json', '{}'],
    ['', '{}'],
  ];
  for (const [type, body] of contentTypes) {
    out.push({
      name: `POST with content type ${JSON.stringify(type)}`,
      probe: () => ({
        method: 'POST',
        url: trpcUrl(path),
        headers: { ...admin.headers(), ...(type === null ? {} : { 'content-type': type }) },
        body,
      }),
      refused: true,
    });
  }
  // JSON all the same: the media type is case-insensitive and its parameters do not change it.
  for (const type of ['APPLICATION/JSON', 'application/json; charset=utf-8', 'application/json; charset=utf-16le']) {
    out.push({ name: `POST with content type ${type}`, probe: post(admin, '{}', { 'content-type': type }) });
  }

  const noOrigin = (extra: Record<string, string>): Record<string, string> => {
    const { origin: _, ...rest } = operator.headers();
    return { ...rest, ...JSON_TYPE, ...extra };
  };
  const refusedOrigins: [string, Record<string, string>][] = [
    ['no Origin, a session cookie', {}],
    ['Origin null', { origin: 'null' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['our host on another port', { origin: `${fw.base.replace(/:\d+$/, '')}:1` }],
    ['no Origin, a foreign Referer', { referer: 'https://evil.example/page' }],
    ['no Origin, an unreadable Referer', { referer: 'not a url' }],
    ['no Origin, a cookie and a non-Bearer Authorization header', { authorization: 'Basic Zm9vOmJhcg==' }],
  ];
  for (const [name, extra] of refusedOrigins) {
    out.push({
      name: `POST with ${name}`,
      probe: () => ({ method: 'POST', url: trpcUrl(path), headers: noOrigin(extra), body: '{}' }),
      refused: true,
    });
  }
  out.push({
    name: 'POST with no Origin but our Referer',
    probe: () => ({
      method: 'POST',
      url: trpcUrl(path),
      headers: noOrigin({ referer: `${fw.base}/admin` }),
      body: '{}',
    }),
  });

  // A query refuses POST before it reads a body, and a mutation GET: a few of the other's cases suffice.
  for (const body of isQuery ? BROKEN_BODIES.slice(0, 3) : BROKEN_BODIES) {
    // Not JSON at all. tRPC reads the body only for a procedure that takes input: one without accepts anything.
    const notJson = typeof body === 'string' && ['{', '{"a":', 'nul', '[1,]', "{'a':1}", '\u0000'].includes(body);
    const refused = notJson && schema !== null;
    out.push({
      name: `POST body ${JSON.stringify(body.toString())}`,
      probe: post(admin, body),
      ...(refused ? { refused } : {}),
    });
  }
  for (const query of isQuery ? BROKEN_QUERIES : BROKEN_QUERIES.slice(0, 3)) {
    out.push({
      name: `GET ?${query.slice(0, 60)}`,
      probe: () => ({ method: 'GET', url: trpcUrl(path, query), headers: admin.headers() }),
    });
  }

  const keys = Object.keys(schema?.properties ?? {});
  const first = keys[0] ?? 'x';
  const bodies: [string, unknown][] = [
    ['10 000 nested arrays', nestedArrays(10_000)],
    ['10 000 nested objects', nestedObjects(10_000)],
    ['an array of 50 000 zeros', new RawJson(`[${'0,'.repeat(49_999)}0]`)],
    [`${first}: 10 000 nested arrays`, { [first]: nestedArrays(10_000) }],
    [`${first}: an array of 50 000 strings`, { [first]: new RawJson(`[${'"PG01",'.repeat(49_999)}"PG01"]`) }],
    // Huge but under the body limit, in every field.
    ...(keys.length ? keys : [first]).flatMap((key): [string, unknown][] => [
      [`${key}: 150 000 ASCII characters`, { [key]: 'a'.repeat(150_000) }],
      [`${key}: 80 000 Chinese characters`, { [key]: '平'.repeat(80_000) }],
    ]),
  ];
  for (const [what, body] of bodies) out.push({ name: `POST ${what}`, probe: post(admin, toJsonText(body)) });
  out.push({
    name: 'POST a body over the limit',
    probe: post(admin, toJsonText({ [first]: 'a'.repeat(300_000) })),
    refused: true,
    status: 413,
  });
  return out;
}
