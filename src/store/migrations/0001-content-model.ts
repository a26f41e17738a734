import type { CreateTableBuilder, Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/** Sections, topics, people, agencies, images and articles: the first content model. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const id = <N extends string>(b: CreateTableBuilder<N, never>) =>
    b.addColumn('id', t.idType as 'integer', (c) => {
      const pk = c.primaryKey();
      return t.autoIncrement ? pk.autoIncrement() : pk;
    });

  await id(db.schema.createTable('sections'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  for (const table of ['topics', 'people', 'agencies'] as const) {
    let b = id(db.schema.createTable(table))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull());
    if (table === 'people') b = b.addColumn('bio', 'text', (c) => c.notNull().defaultTo(''));
    if (table === 'agencies') b = b.addColumn('url', 'text');
    await b.addColumn('created_at', t.timestamp, (c) => c.notNull()).execute();
  }

  await id(db.schema.createTable('images'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_uri', 'text')
    .addColumn('variants', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('articles'))
    .addColumn('uri', 'text', (c) => c.unique())
    .addColumn('version', 'text')
    .addColumn('version_created_at', t.timestamp)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', t.json, (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('restrict'))
    .addColumn('dateline_place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('byline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('set null'))
    .addColumn('lead_image_id', 'integer', (c) => c.references('images.id').onDelete('set null'))
    .addColumn('first_published_at', t.timestamp)
    .addColumn('updated_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('modified_at', t.timestamp, (c) => c.notNull())
    .execute();

  // The public site's listings: newest published first, overall and per section / agency.
  await db.schema.createIndex('articles_status_published').on('articles')
    .columns(['status', 'first_published_at']).execute();
  await db.schema.createIndex('articles_section_published').on('articles')
    .columns(['section_id', 'status', 'first_published_at']).execute();
  await db.schema.createIndex('articles_agency_published').on('articles')
    .columns(['agency_id', 'status', 'first_published_at']).execute();
  await db.schema.createIndex('sections_parent').on('sections').column('parent_id').execute();

  for (const [table, other] of [['article_topics', 'topic'], ['article_people', 'person']] as const) {
    const ref = other === 'topic' ? 'topics.id' : 'people.id';
    await db.schema.createTable(table)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn(`${other}_id`, 'integer', (c) => c.notNull().references(ref).onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint(`${table}_pk`, ['article_id', `${other}_id`])
      .execute();
    await db.schema.createIndex(`${table}_by_${other}`).on(table).columns([`${other}_id`, 'article_id']).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['article_people', 'article_topics', 'articles', 'images', 'agencies', 'people', 'topics', 'sections']) {
    await db.schema.dropTable(table).execute();
  }
}
