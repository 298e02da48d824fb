// The naive way to each figure: a GROUP BY over the raw ledger entries,
// reading every body with json_extract, corrections left out by a NOT IN
// over the corrections' bodies. What the aggregates save.
import type Database from 'better-sqlite3';

const BODY = 'CAST(e.canonical AS TEXT)';
const NOT_CORRECTED = `e.seq NOT IN (SELECT json_extract(CAST(c.canonical AS TEXT), '$.body.targetSeq')
  FROM ledger_entries c WHERE c.kind = 'correction.recorded')`;
/** The Shanghai month of occurred_at, and the UTC bounds of a range of Shanghai days. */
const MONTH = "strftime('%Y-%m', e.occurred_at, '+8 hours')";
function bounds(from: string, to: string): [string, string] {
  const start = new Date(Date.parse(`${from}T00:00:00Z`) - 8 * 3_600_000).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 16 * 3_600_000).toISOString();
  return [start, end];
}

function all(db: Database.Database, sql: string, from: string, to: string): unknown[] {
  const [start, end] = bounds(from, to);
  return db.prepare(sql).all({ start, end });
}

/** Collected net mass per Shanghai month, site and grade. */
export function naiveMonthlyCollected(db: Database.Database, from: string, to: string): unknown[] {
  return all(
    db,
    `SELECT ${MONTH} AS month, e.site, json_extract(${BODY}, '$.body.grade') AS grade,
            sum(json_extract(${BODY}, '$.body.netG')) AS g
       FROM ledger_entries e
      WHERE e.kind = 'collection.recorded' AND e.occurred_at >= @start AND e.occurred_at < @end AND ${NOT_CORRECTED}
      GROUP BY 1, 2, 3`,
    from,
    to,
  );
}

/** The five volume measures per month (each a GROUP BY over its kind's bodies). */
export function naiveVolumes(db: Database.Database, from: string, to: string): unknown[] {
  const sql = `
    SELECT ${MONTH} AS month, 'collected' AS m, sum(json_extract(${BODY}, '$.body.netG')) AS g FROM ledger_entries e
     WHERE e.kind = 'collection.recorded' AND e.occurred_at >= @start AND e.occurred_at < @end AND ${NOT_CORRECTED} GROUP BY 1
    UNION ALL
    SELECT ${MONTH}, 'received', sum(json_extract(l.value, '$.receivedG')) FROM ledger_entries e, json_each(${BODY}, '$.body.lots') l
     WHERE e.kind = 'lots.received' AND e.occurred_at >= @start AND e.occurred_at < @end AND ${NOT_CORRECTED} GROUP BY 1
    UNION ALL
    SELECT ${MONTH}, 'consumed', sum(json_extract(i.value, '$.consumedG')) FROM ledger_entries e, json_each(${BODY}, '$.body.inputs') i
     WHERE e.kind = 'processing.recorded' AND e.occurred_at >= @start AND e.occurred_at < @end AND ${NOT_CORRECTED} GROUP BY 1
    UNION ALL
    SELECT ${MONTH}, 'produced', sum(json_extract(o.value, '$.massG')) FROM ledger_entries e, json_each(${BODY}, '$.body.outputs') o
     WHERE e.kind = 'processing.recorded' AND e.occurred_at >= @start AND e.occurred_at < @end AND ${NOT_CORRECTED} GROUP BY 1
    UNION ALL
    SELECT ${MONTH}, 'shipped', sum(json_extract(${BODY}, '$.body.massG')) FROM ledger_entries e
     WHERE e.kind = 'product.shipped' AND e.occurred_at >= @start AND e.occurred_at < @end AND ${NOT_CORRECTED} GROUP BY 1`;
  return all(db, sql, from, to);
}

/** A GROUP BY of one kind's bodies per month and site, summing a mass inside a list of the body (or the body). */
export function naiveByKind(
  db: Database.Database,
  kind: string,
  list: string | null,
  field: string,
  from: string,
  to: string,
): unknown[] {
  const source = list ? `ledger_entries e, json_each(${BODY}, '$.body.${list}') x` : 'ledger_entries e';
  const value = list ? `json_extract(x.value, '$.${field}')` : `json_extract(${BODY}, '$.body.${field}')`;
  return all(
    db,
    `SELECT ${MONTH} AS month, e.site, sum(${value}) AS g FROM ${source}
      WHERE e.kind = '${kind}' AND e.occurred_at >= @start AND e.occurred_at < @end AND ${NOT_CORRECTED}
      GROUP BY 1, 2`,
    from,
    to,
  );
}
