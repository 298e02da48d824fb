// Every procedure, found by walking the router, gets hostile inputs from
// every kind of caller, and the requests a hostile client makes around
// them: wrong methods, content types and origins, broken, huge and deeply
// nested bodies. Whatever comes in: no 5xx, no internal detail, the one
// error shape, the security headers, and nothing written unless the answer
// was a success (see fuzz-world.ts). A procedure added later is fuzzed
// without touching this file.
//
// On failure fast-check prints the seed and the counterexample; see
// test/README.md for replaying it.
import { appRouter } from '@alutrace/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFuzzWorld, CALLERS, type Caller, type CallerName, type FuzzWorld, fcOptions } from './fuzz-world';
import { fixedCases, trpcUrl } from './hostile-requests';
import { hostileValue, inputSchemaOf, type JsonSchema, nearValid, toJsonText } from './hostile-values';
import type { Probe } from './http-probe';

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] };
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(
  ([path, p]) => ({ path, type: p._def.type, schema: inputSchemaOf(p._def.inputs[0]) }),
);

let fw: FuzzWorld;
beforeAll(async () => {
  fw = await buildFuzzWorld();
});
afterAll(async () => {
  await fw?.stop();
});

const JSON_TYPE = { 'content-type': 'application/json' };

function inputQuery(input: unknown): string | undefined {
  return input === undefined ? undefined : `input=${encodeURIComponent(toJsonText(input))}`;
}

/** How the call travels: as the API says, or as a hostile client sends it (each also a fixed case). */
const HOW = ['proper', 'wrong-method', 'text-plain', 'no-origin', 'foreign-origin'] as const;
type How = (typeof HOW)[number];
const anyHow = fc.oneof({ weight: 12, arbitrary: fc.constant('proper' as How) }, fc.constantFrom(...HOW));
// The administrator may call the most procedures, so reaches the most code.
const anyCaller = fc.oneof({ weight: 3, arbitrary: fc.constant<CallerName>('admin') }, fc.constantFrom(...CALLERS));

function callProbe(path: string, type: string, caller: Caller, input: unknown, how: How): Probe {
  const asGet = (type === 'query') !== (how === 'wrong-method');
  if (asGet) return { method: 'GET', url: trpcUrl(path, inputQuery(input)), headers: caller.headers() };
  const headers: Record<string, string> = { ...caller.headers(), ...JSON_TYPE };
  if (how === 'text-plain') headers['content-type'] = 'text/plain';
  if (how === 'no-origin') delete headers.origin;
  if (how === 'foreign-origin') headers.origin = 'https://evil.example';
  return { method: 'POST', url: trpcUrl(path), headers, body: toJsonText(input ?? null) };
}

/** Hostile values, near-valid objects when the procedure has an input schema, and no input at all. */
function inputs(schema: JsonSchema | null): fc.Arbitrary<unknown> {
  const none = fc.constant(undefined);
  if (!schema) return fc.oneof(hostileValue, none);
  return fc.oneof(
    { weight: 4, arbitrary: nearValid(schema, fw.known) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: none },
  );
}

describe.each(procedures)('$path ($type)', ({ path, type, schema }) => {
  it('answers hostile and near-valid inputs from every caller without breaking', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(anyCaller, anyHow, inputs(schema), async (who, how, input) => {
        await fw.exchange(callProbe(path, type, fw.caller(who), input, how));
      }),
      fcOptions(),
    );
  });

  it('refuses wrong methods, content types, origins and broken, huge or deep bodies cleanly', async () => {
    for (const c of fixedCases({ path, type, schema }, fw)) {
      const res = await fw.exchange(c.probe());
      if (c.refused) expect(res.status, `${c.name}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      if (c.status) expect(res.status, `${c.name}: ${res.text.slice(0, 300)}`).toBe(c.status);
    }
  });
});

it('walks a router of known size (a walk that finds nothing proves nothing)', () => {
  expect(procedures.length).toBeGreaterThanOrEqual(23);
  expect(procedures.filter((p) => p.schema).length).toBeGreaterThanOrEqual(15);
});
