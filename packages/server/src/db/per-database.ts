// Prepared queries for the hot paths. Building a drizzle query and having
// SQLite compile it costs tens of µs on every call — more than running it —
// so a request's lookups (its session, user, sites) use queries built once
// per database, with placeholders for the values.
import type { AppDb } from './open-database';

/** `build(db)`, made once per database on first use. */
export function perDatabase<T>(build: (db: AppDb) => T): (db: AppDb) => T {
  const built = new WeakMap<AppDb, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}
