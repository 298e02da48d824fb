// What SQLite did for one procedure call: the statements it ran (as drizzle
// built them) with their EXPLAIN QUERY PLAN, to say where a slow call's time
// goes. Only for diagnosis in the report; never around a timed call.
import type Database from 'better-sqlite3';

export interface ExplainedStatement {
  sql: string;
  plan: string[];
}

/** Runs `call` while recording the statements run on `client`, then explains each. */
export async function explainCall(
  client: Database.Database,
  call: () => Promise<unknown>,
): Promise<ExplainedStatement[]> {
  const seen: { sql: string; params: unknown[] }[] = [];
  const prepare = client.prepare;
  client.prepare = function (this: Database.Database, sql: string) {
    const statement = prepare.call(this, sql);
    for (const method of ['all', 'get', 'iterate'] as const) {
      const run = statement[method] as (...p: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        seen.push({ sql, params });
        return run.apply(statement, params);
      };
    }
    return statement;
  } as typeof client.prepare;
  try {
    await call();
  } finally {
    client.prepare = prepare;
  }
  return seen.map(({ sql, params }) => ({
    sql,
    plan: (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail),
  }));
}
