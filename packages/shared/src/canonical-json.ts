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
  try {
    return fast(value);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    // The slow walk either writes the value exactly (integer-like keys) or
    // refuses it, saying where.
    return canonicalizeByWalk(value);
  }
}

/** Thrown by the fast path, which does not track where it is. */
class Refused extends Error {}

// Deeper than any entry is meant to be; a cycle also ends up here.
const MAX_DEPTH = 256;

/**
 * The canonical form via one native JSON.stringify over a copy whose keys
 * are inserted in sorted order: the ledger canonicalises every entry it
 * appends, so this is a hot path. ECMAScript's JSON.stringify already
 * writes numbers and strings as RFC 8785 requires; what it would get wrong
 * (NaN, undefined, lone surrogates, Dates, …) is refused while copying, and
 * handed back to the careful walk below for a precise message.
 */
function fast(value: unknown): string {
  return JSON.stringify(sortedCopy(value, 0));
}

// Objects keep integer-like keys ("0", "17") first in numeric order whatever
// the insertion order, which is not RFC 8785's order; such keys take the
// slow path.
const INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;

function sortedCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      if (!isWellFormed(value)) throw new Refused('lone surrogate');
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Refused('not finite');
      return value;
    case 'boolean':
      return value;
    case 'object': {
      if (value === null) return null;
      if (depth > MAX_DEPTH) throw new Refused('too deep');
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) out[i] = sortedCopy(value[i], depth + 1);
        return out;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new Refused('not a plain object');
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        // "__proto__" would set the copy's prototype instead of a key.
        if (INDEX_KEY.test(key) || key === '__proto__' || !isWellFormed(key)) throw new Refused('key');
        out[key] = sortedCopy(record[key], depth + 1);
      }
      return out;
    }
    default:
      throw new Refused(typeof value);
  }
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

/**
 * The exact canonical text by string building: for values the fast path
 * cannot take, and as the reference the fast path is tested against.
 */
export function canonicalizeByWalk(value: unknown): string {
  const out: string[] = [];
  write(value, '$', out, new Set());
  return out.join('');
}

function writeString(s: string, path: string, out: string[]): void {
  // RFC 8785 §3.2.2.2: strings must be valid Unicode; a lone surrogate has no
  // UTF-8 encoding, so two implementations could not agree on its bytes.
  if (!isWellFormed(s)) throw new CanonicalJsonError(path, 'string contains a lone surrogate');
  out.push(JSON.stringify(s));
}

function write(value: unknown, path: string, out: string[], seen: Set<object>, depth = 0): void {
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
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(path, `nested deeper than ${MAX_DEPTH} levels`);
  seen.add(obj);
  if (Array.isArray(obj)) {
    out.push('[');
    for (let i = 0; i < obj.length; i++) {
      if (i > 0) out.push(',');
      // Holes read as undefined and are refused like undefined values.
      write(obj[i], `${path}[${i}]`, out, seen, depth + 1);
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
      write(record[key], childPath, out, seen, depth + 1);
    }
    out.push('}');
  }
  seen.delete(obj);
}
