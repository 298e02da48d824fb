// RFC 8785 JSON Canonicalization Scheme (JCS).
//
// The canonical form is what the ledger hashes, so it must be byte-exact
// everywhere: keys sorted by UTF-16 code units (RFC 8785 §3.2.3), numbers in
// ECMAScript's shortest round-trip form (§3.2.2.3), strings escaped as
// ECMAScript's JSON.stringify does (§3.2.2.2). Values JSON cannot represent
// exactly are refused instead of being silently changed.

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Returns the RFC 8785 canonical JSON text of `value`. */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  write(value, '$', out, new Set());
  return out.join('');
}

/** The canonical form as UTF-8 bytes: what gets hashed and stored. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}

const hasWellFormed = typeof ''.isWellFormed === 'function';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormed(s: string): boolean {
  return hasWellFormed ? s.isWellFormed() : !LONE_SURROGATE.test(s);
}

function writeString(s: string, path: string, out: string[]): void {
  // RFC 8785 §3.2.2.2: strings must be valid Unicode; a lone surrogate has no
  // UTF-8 encoding, so two implementations could not agree on its bytes.
  if (!isWellFormed(s)) throw new CanonicalJsonError(path, 'string contains a lone surrogate');
  out.push(JSON.stringify(s));
}

function write(value: unknown, path: string, out: string[], seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
      writeString(value, path, out);
      return;
    case 'number':
      // RFC 8785 §3.2.2.3 is ECMAScript's Number serialization; NaN and the
      // infinities have no JSON form.
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not a JSON number`);
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'bigint':
      throw new CanonicalJsonError(path, 'BigInt is not a JSON value; use a number or a decimal string');
    case 'undefined':
      throw new CanonicalJsonError(path, 'undefined is not a JSON value; omit the field instead');
    case 'function':
    case 'symbol':
      throw new CanonicalJsonError(path, `a ${typeof value} is not a JSON value`);
    case 'object':
      break;
  }
  if (value === null) {
    out.push('null');
    return;
  }
  const obj = value as object;
  if (seen.has(obj)) throw new CanonicalJsonError(path, 'circular reference');
  seen.add(obj);
  if (Array.isArray(obj)) {
    out.push('[');
    for (let i = 0; i < obj.length; i++) {
      if (i > 0) out.push(',');
      // Holes read as undefined and are refused like undefined values.
      write(obj[i], `${path}[${i}]`, out, seen);
    }
    out.push(']');
  } else {
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      const kind = (obj as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new CanonicalJsonError(path, `${kind} is not a plain JSON object`);
    }
    const record = obj as Record<string, unknown>;
    // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 requires.
    const keys = Object.keys(record).sort();
    out.push('{');
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const childPath = `${path}.${key}`;
      if (i > 0) out.push(',');
      writeString(key, childPath, out);
      out.push(':');
      write(record[key], childPath, out, seen);
    }
    out.push('}');
  }
  seen.delete(obj);
}
