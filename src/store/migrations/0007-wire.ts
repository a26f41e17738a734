import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * The wire desk: where agency copy comes from (sources and their rules), every item with every
 * version it arrived in, deliveries that could not be read (kept byte for byte), and alerts
 * editors must see (an agency killed a story we ran).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const id = (name: string) => db.schema.createTable(name)
    .addColumn('id', t.idType as 'integer', (c) => (t.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()));

  await id('wire_sources')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('section_slug', 'text')
    .addColumn('topics', t.json, (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('picture_hosts', t.json, (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('poll_etag', 'text')
    .addColumn('poll_modified', 'text')
    .addColumn('next_run_at', t.timestamp)
    .addColumn('last_run_at', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await id('wire_items')
    .addColumn('uri', 'text', (c) => c.notNull().unique())
    .addColumn('source_id', 'integer')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('version_created_at', t.timestamp)
    .addColumn('first_created_at', t.timestamp)
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('urgency', 'integer')
    .addColumn('language', 'text')
    .addColumn('pub_status', 'text', (c) => c.notNull())
    .addColumn('embargoed_until', t.timestamp)
    .addColumn('section_slug', 'text')
    .addColumn('latest_version_id', 'integer', (c) => c.notNull())
    .addColumn('version_count', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'integer')
    .addColumn('filing', 'text')
    .addColumn('applied_version_id', 'integer')
    .execute();
  await db.schema.createIndex('wire_items_newest').on('wire_items').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('wire_items_article').on('wire_items').column('article_id').execute();

  await id('wire_versions')
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('version_created_at', t.timestamp)
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', t.json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wire_versions_item_digest').on('wire_versions').columns(['item_id', 'digest']).unique().execute();

  await id('wire_quarantine')
    .addColumn('source_id', 'integer')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('bytes', t.blob, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('released_at', t.timestamp)
    .addColumn('outcome', 'text')
    .execute();
  await db.schema.createIndex('wire_quarantine_digest').on('wire_quarantine').column('digest').execute();

  await id('wire_alerts')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', t.timestamp)
    .addColumn('acknowledged_by', 'integer')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['wire_alerts', 'wire_quarantine', 'wire_versions', 'wire_items', 'wire_sources']) {
    await db.schema.dropTable(table).execute();
  }
}
