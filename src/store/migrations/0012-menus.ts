import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * The header and footer menus: one row per saved menu, its items as JSON in the API's shape
 * (`[{"label": "About", "page": 3, "children": [...]}]`), read whole on every page render. A menu
 * without a row is the default. Targets are kept by the names the API gives (section and topic
 * slugs, page ids) and looked up when a page is rendered, so a target that goes is left out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.createTable('menus')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('items', t.json, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('menus').execute();
}
