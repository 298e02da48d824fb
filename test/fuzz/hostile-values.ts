// Inputs nobody should send: wrong types, odd unicode, numbers at and past
// the edges, keys that mean something to JavaScript, and near-valid objects
// derived from a procedure's own input schema (valid but for one field, a
// field missing, a field too many, an array instead), which get past
// validation into the domain code, where the interesting failures are.
import fc from 'fast-check';

/** JSON text that a JavaScript value cannot be written as (`1e400`, `-0`, a nesting 10 000 deep). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify, but RawJson goes in verbatim (and `undefined` is left out, as JSON.stringify does). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function nestedArrays(depth: number): RawJson {
  return new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
}

export function nestedObjects(depth: number, key = 'a'): RawJson {
  return new RawJson(`${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`);
}

/** An object with `key` as an own property, whatever the key ("__proto__" included). */
function withKey(o: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o))
    Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true });
  return copy;
}

export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202egnp.exe',
  '\ufeffPG01',
  '\u200b',
  '\u2028\u2029',
  '😀',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  'Z̴̡̪̫͖̥̔̿̃̈̏',
  'İ',
  'ß',
  'ﬀ',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'ＰＧ０１',
  '平果回收站',
  'שלום',
  '\r\n',
  '\t',
  '%00',
  '%s%n',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally.
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
];

export const NUMBER_LIKE_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '0x10',
  '1_000',
  ' 1 ',
  '１２',
  '1e-400',
];

export const ODD_NUMBERS: unknown[] = [
  0,
  -0,
  -1,
  0.5,
  -0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER - 2,
  new RawJson('-0'),
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('1e-400'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('1.0'),
  new RawJson('1E2'),
];

export const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '0',
  '',
  '\u0000',
  '😀',
];

const oddString = fc.constantFrom(...ODD_STRINGS, ...NUMBER_LIKE_STRINGS);
const oddNumber = fc.constantFrom(...ODD_NUMBERS);
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...ODD_KEYS));

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  oddNumber,
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.string({ maxLength: 20, unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 2, max: 400 }).map(nestedArrays),
);

/** Any JSON value, small enough to travel in a URL; odd leaves are common. */
export const hostileValue: fc.Arbitrary<unknown> = fc
  .letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  }))
  .value.filter((v) => toJsonText(v).length <= 2000);

// ── Near-valid inputs from the input schema ─────────────────────────────
// zod 4 writes its schemas as JSON Schema (`schema.toJSONSchema()`); the
// subset below is what zod emits for objects, strings, numbers, enums,
// arrays and unions.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  maxItems?: number;
}

/** Values that exist on the server (site codes, ids, passwords): a random UUID finds nothing. */
export interface KnownValues {
  strings: string[];
  numbers: number[];
}

function fitsString(s: string, schema: JsonSchema): boolean {
  if (schema.pattern && !new RegExp(schema.pattern).test(s)) return false;
  if (schema.minLength !== undefined && s.length < schema.minLength) return false;
  return schema.maxLength === undefined || s.length <= schema.maxLength;
}

/** Values the schema accepts, or nearly (a generated string may overrun a length). */
export function validFor(schema: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((o) => validFor(o, known)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validFor({ ...schema, type }, known)));
  switch (types[0]) {
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validFor(s, known)]));
      return fc.record(model, { requiredKeys: schema.required ?? [], noNullPrototype: true });
    }
    case 'string': {
      const fitting = known.strings.filter((s) => fitsString(s, schema));
      const fresh =
        schema.format === 'uuid'
          ? fc.uuid()
          : schema.pattern
            ? fc.stringMatching(new RegExp(schema.pattern))
            : fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
      // Known values first: a fresh UUID or site code finds nothing, so the procedure stops at NOT_FOUND.
      return fitting.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fitting) }, fresh) : fresh;
    }
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER);
      const max = Math.min(schema.maximum ?? 1000, Number.MAX_SAFE_INTEGER);
      const fitting = known.numbers.filter((n) => n >= min && n <= max);
      const small = fc.integer({ min, max: Math.min(max, min + 50) });
      return fc.oneof(small, fc.integer({ min, max }), ...(fitting.length ? [fc.constantFrom(...fitting)] : []));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validFor(schema.items ?? {}, known), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    default:
      return hostileValue;
  }
}

function objectKeys(schema: JsonSchema): string[] {
  const own = Object.keys(schema.properties ?? {});
  const nested = (schema.anyOf ?? schema.oneOf ?? []).flatMap(objectKeys);
  return [...new Set([...own, ...nested])];
}

/**
 * Inputs one step from valid: valid, or with one field hostile, one field
 * missing, one field too many, or the object given as an array.
 */
export function nearValid(schema: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  const valid = validFor(schema, known);
  const keys = objectKeys(schema);
  if (keys.length === 0) return fc.oneof(valid, hostileValue);
  const asObject = valid.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
  const field = fc.constantFrom(...keys);
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    fc.tuple(asObject, field, hostileValue).map(([o, k, v]) => withKey(o, k, v)),
    fc.tuple(asObject, field, oddNumber).map(([o, k, v]) => withKey(o, k, v)),
    fc.tuple(asObject, field).map(([o, k]) => Object.fromEntries(Object.entries(o).filter(([name]) => name !== k))),
    fc.tuple(asObject, key, hostileValue).map(([o, k, v]) => withKey(o, k, v)),
    asObject.map((o) => [o]),
    asObject.map((o) => Object.values(o)),
  );
}

/** The JSON Schema of a procedure's input parser, when it has one zod can describe. */
export function inputSchemaOf(parser: unknown): JsonSchema | null {
  const describe = (parser as { toJSONSchema?: (o: object) => JsonSchema } | undefined)?.toJSONSchema;
  if (typeof describe !== 'function') return null;
  try {
    return describe.call(parser, { io: 'input', unrepresentable: 'any' });
  } catch {
    return null;
  }
}
