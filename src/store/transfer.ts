import type { Kysely } from 'kysely';
import { fail } from '../shared/index.js';
import { followExplicitIds, isPostgres } from './dialects/engine.js';
import type { Database } from './schema.js';

/**
 * What a site export holds, table by table, in an order that satisfies every reference. Left
 * out: what is derived (the search index: rebuilt), passing (sessions, the page-change log) or
 * secret to one installation (the session-signing key, kept in settings: only the publication's
 * own settings row goes across).
 * `later`: columns referring to rows of the same table, written once every row is in.
 * `only`: the rows of a table that belong to the site (a column and its value).
 */
export const exportedTables: readonly { name: keyof Database; key: string[]; later?: string[]; only?: [string, string] }[] = [
  { name: 'users', key: ['id'] },
  { name: 'api_tokens', key: ['id'] },
  { name: 'sections', key: ['id'], later: ['parent_id'] },
  { name: 'topics', key: ['id'] },
  { name: 'topic_aliases', key: ['id'] },
  // A profile's photo is a picture, and pictures come after people.
  { name: 'people', key: ['id'], later: ['photo_id'] },
  { name: 'agencies', key: ['id'] },
  { name: 'images', key: ['id'] },
  { name: 'articles', key: ['id'], later: ['follow_up_of', 'thread_id'] },
  { name: 'article_topics', key: ['article_id', 'topic_id'] },
  { name: 'article_people', key: ['article_id', 'person_id'] },
  { name: 'person_beats', key: ['person_id', 'topic_id'] },
  { name: 'revisions', key: ['id'] },
  { name: 'corrections', key: ['id'] },
  { name: 'pages', key: ['id'] },
  { name: 'page_revisions', key: ['id'] },
  { name: 'audit_log', key: ['id'] },
  { name: 'wire_sources', key: ['id'] },
  { name: 'wire_items', key: ['id'] },
  { name: 'wire_versions', key: ['id'] },
  { name: 'wire_quarantine', key: ['id'] },
  { name: 'wire_alerts', key: ['id'] },
  // Items name their targets by slug or page id (no references to order by).
  { name: 'menus', key: ['name'] },
  // Name, look and standards pages (logo and icon files travel with the media folder).
  { name: 'settings', key: ['key'], only: ['key', 'site'] },
];

export type Row = Record<string, unknown>;

const batch = 500;
// Timestamps: SQLite keeps the text it was given, PostgreSQL normalises it; both are written out
// the one way (ISO 8601, milliseconds, Z), so exports of the same site compare equal.
const timestampColumn = /(^at$|_at$|_until$)/;

/** A row as it is written out: bytes as base64 (marked), timestamps in one canonical form. */
function outward(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (Buffer.isBuffer(v) || v instanceof Uint8Array) out[k] = { base64: Buffer.from(v).toString('base64') };
    else if (typeof v === 'string' && timestampColumn.test(k) && !Number.isNaN(Date.parse(v))) out[k] = new Date(v).toISOString();
    else out[k] = v;
  }
  return out;
}

function inward(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = v !== null && typeof v === 'object' && 'base64' in v ? Buffer.from(String((v as { base64: string }).base64), 'base64') : v;
  }
  return out;
}

/**
 * Every row of every exported table, a batch at a time in key order, each batch after the last
 * key seen (an offset would re-read every earlier row: quadratic on a large site).
 */
export async function* exportRows(db: Kysely<Database>): AsyncGenerator<{ table: string; row: Row }> {
  // One snapshot for the whole export: a story saved meanwhile is in it whole or not at all
  // (a revision without its story would not import). Read-only: writers are not held back.
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  try {
    yield* rowsOf(trx);
    await trx.commit().execute();
  } finally {
    if (!trx.isCommitted) await trx.rollback().execute();
  }
}

async function* rowsOf(db: Kysely<Database>): AsyncGenerator<{ table: string; row: Row }> {
  const any = db as unknown as Kysely<Record<string, Row>>;
  for (const t of exportedTables) {
    const [first, second] = t.key as [string, string | undefined];
    let last: Row | null = null;
    for (;;) {
      let q = any.selectFrom(t.name).selectAll().orderBy(first);
      if (t.only) q = q.where(t.only[0], '=', t.only[1]);
      if (second) q = q.orderBy(second);
      if (last) {
        const after = last;
        q = second
          ? q.where((eb) => eb.or([eb(first, '>', after[first]), eb.and([eb(first, '=', after[first]), eb(second, '>', after[second])])]))
          : q.where(first, '>', after[first]);
      }
      const rows = await q.limit(batch).execute();
      for (const row of rows) yield { table: t.name, row: outward(row) };
      if (rows.length < batch) break;
      last = rows.at(-1)!;
    }
  }
}

/** How many rows each exported table holds. */
export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const any = db as unknown as Kysely<Record<string, Row>>;
  const counts: Record<string, number> = {};
  for (const t of exportedTables) {
    let q = any.selectFrom(t.name).select((eb) => eb.fn.countAll<number>().as('n'));
    if (t.only) q = q.where(t.only[0], '=', t.only[1]);
    counts[t.name] = Number((await q.executeTakeFirstOrThrow()).n);
  }
  return counts;
}

/**
 * Writes an export's rows into an empty database in one transaction: a file cut short or a row
 * the schema refuses leaves the database as empty as it was. Tables must come in export order.
 */
export async function importRows(db: Kysely<Database>, rows: AsyncIterable<{ table: string; row: Row }>, progress: (rows: number) => void): Promise<Record<string, number>> {
  const known = new Map(exportedTables.map((t) => [t.name as string, t]));
  const order = exportedTables.map((t) => t.name as string);
  return db.transaction().execute(async (trx) => {
    const nonEmpty = Object.entries(await countRows(trx)).filter(([, n]) => n > 0).map(([name]) => name);
    if (nonEmpty.length) throw fail('CONFLICT', `the database is not empty (${nonEmpty.join(', ')}): import a site into a new database`);
    const any = trx as unknown as Kysely<Record<string, Row>>;
    const counts: Record<string, number> = {};
    const later: { table: string; key: Row; values: Row }[] = [];
    let pending: Row[] = [];
    let current: string | null = null;
    let done = 0;
    const flush = async () => {
      if (current && pending.length) await any.insertInto(current).values(pending).execute();
      done += pending.length;
      pending = [];
      progress(done);
    };
    for await (const { table, row } of rows) {
      const spec = known.get(table);
      if (!spec) throw fail('INVALID_INPUT', `unknown table "${table}" in the export`);
      if (table !== current) {
        await flush();
        if (current !== null && order.indexOf(table) <= order.indexOf(current)) throw fail('INVALID_INPUT', `table "${table}" out of order in the export`);
        current = table;
      }
      const values = inward(row);
      const deferred: Row = {};
      for (const c of spec.later ?? []) {
        if (values[c] !== null && values[c] !== undefined) deferred[c] = values[c];
        values[c] = null;
      }
      if (Object.keys(deferred).length) later.push({ table, key: Object.fromEntries(spec.key.map((k) => [k, values[k]])), values: deferred });
      pending.push(values);
      counts[table] = (counts[table] ?? 0) + 1;
      if (pending.length >= batch) await flush();
    }
    await flush();
    for (const l of later) {
      let q = any.updateTable(l.table).set(l.values);
      for (const [k, v] of Object.entries(l.key)) q = q.where(k, '=', v);
      await q.execute();
    }
    // Tables keyed by `id` number their rows (an identity column on PostgreSQL).
    if (isPostgres(trx)) for (const t of exportedTables) if (t.key.join() === 'id') await followExplicitIds(trx, t.name);
    return counts;
  });
}
