import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/**
 * A query built and compiled once, run many times with new values: for the few statements a
 * bulk path runs per item, where building and compiling cost more than SQLite's own work.
 * Built with a marker in place of each value; the marker's position among the compiled
 * parameters is where the value goes. The SQL comes from the dialect, so it suits either engine.
 */
export function prepared<K extends string, R>(db: Kysely<any>, names: readonly K[], build: (p: Record<K, any>) => Compilable<R>) {
  const markers = Object.fromEntries(names.map((n) => [n, `\u0000${n}\u0000`])) as Record<K, string>;
  const compiled = build(markers).compile();
  const slots = compiled.parameters.map((p) => {
    const name = names.find((n) => markers[n] === p);
    if (!name) throw new Error(`prepared query: a parameter is not a marker (${String(p)}) in ${compiled.sql}`);
    return name;
  });
  const { sql } = compiled;
  return async (on: Kysely<any>, values: Record<K, unknown>): Promise<R[]> => {
    const result = await on.executeQuery<R>(CompiledQuery.raw(sql, slots.map((s) => values[s])));
    return result.rows;
  };
}
