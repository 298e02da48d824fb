// The writes the crash and concurrency suites make, one small function per
// procedure. A new procedure joins the suites by adding one: it sends the
// write over HTTP and says which ledger entry must exist once the server has
// acknowledged it. The entry is named before the answer arrives, so that a
// write cut off by a kill can be looked for too (it may or may not be there).
import type { EntryView, JsonValue } from '@alutrace/shared';
import type { ServerHttp } from './server-http';

/** A ledger entry of `kind` whose body holds (at least) these fields. */
export interface ExpectedEntry {
  kind: string;
  body: Record<string, JsonValue>;
}

export interface StartedWrite {
  expect: ExpectedEntry;
  /** Settles when the answer arrives: resolves on 2xx with a result, rejects otherwise. */
  acknowledged: Promise<unknown>;
}

/** Starts write number `n` (unique within a run) over HTTP, as a signed-in administrator. */
export type LedgerWrite = (http: ServerHttp, n: number) => StartedWrite;

/** `sites.create`: a collection point with a code made from `n`. */
export const createSiteOverHttp: LedgerWrite = (http, n) => {
  const code = `W${n}`;
  return {
    expect: { kind: 'site.created', body: { code } },
    acknowledged: http.mutate('sites.create', {
      code,
      kind: 'collection_point',
      nameZh: `回收站 ${n}`,
      nameEn: `Collection point ${n}`,
    }),
  };
};

/** `users.create` with a chosen password: the server hashes it (argon2id) before it appends. */
export const createUserOverHttp: LedgerWrite = (http, n) => {
  const username = `writer-${n}`;
  return {
    expect: { kind: 'user.created', body: { username } },
    acknowledged: http.mutate('users.create', {
      username,
      displayName: `Writer ${n}`,
      role: 'official',
      password: 'a long password of theirs',
    }),
  };
};

export function describeExpected(e: ExpectedEntry): string {
  return `${e.kind} ${JSON.stringify(e.body)}`;
}

/** Which of `expected` have no matching entry. */
export function missingEntries(entries: readonly EntryView[], expected: readonly ExpectedEntry[]): ExpectedEntry[] {
  const found = new Set<string>();
  // One key per (kind, field names) shape, so each entry is read once per shape.
  const shapes = new Map<string, { kind: string; fields: string[] }>();
  for (const e of expected) {
    const fields = Object.keys(e.body).sort();
    shapes.set(JSON.stringify([e.kind, fields]), { kind: e.kind, fields });
  }
  for (const { entry } of entries) {
    const body = entry.body as Record<string, JsonValue>;
    for (const { kind, fields } of shapes.values()) {
      if (entry.kind === kind) found.add(matchKey(kind, fields, body));
    }
  }
  return expected.filter((e) => !found.has(matchKey(e.kind, Object.keys(e.body).sort(), e.body)));
}

function matchKey(kind: string, fields: string[], body: Record<string, JsonValue>): string {
  return JSON.stringify([kind, fields.map((f) => body[f] ?? null)]);
}

/** Sequence numbers missing below the highest one (an append-only ledger has none). */
export function seqGaps(entries: readonly EntryView[]): number[] {
  const seen = new Set(entries.map((e) => e.seq));
  const top = entries.reduce((max, e) => Math.max(max, e.seq), -1);
  const gaps: number[] = [];
  for (let seq = 0; seq <= top; seq++) if (!seen.has(seq)) gaps.push(seq);
  return gaps;
}
