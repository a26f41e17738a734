import type { Kysely } from 'kysely';

/**
 * Staff profiles: a person's photo (a picture of the media library), job title, social links, a
 * contact address shown only when its owner chooses, and their place on the staff page (a team,
 * the team's place, theirs within it); the topics they cover (their beat), in order; and the
 * newsroom account that is theirs, if any (one account, one person), so a contributor may keep
 * their own profile. A story's bylines were already ordered (article_people.position).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const people = () => db.schema.alterTable('people');
  await people().addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await people().addColumn('photo_id', 'integer', (c) => c.references('images.id').onDelete('set null')).execute();
  await people().addColumn('job_title', 'text', (c) => c.notNull().defaultTo('')).execute();
  // JSON array of http(s) URLs.
  await people().addColumn('links', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await people().addColumn('email', 'text', (c) => c.notNull().defaultTo('')).execute();
  // 0/1 rather than a boolean: both engines export it the same way.
  await people().addColumn('email_public', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await people().addColumn('team', 'text', (c) => c.notNull().defaultTo('')).execute();
  await people().addColumn('team_position', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await people().addColumn('staff_position', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('people_by_user').on('people').column('user_id').unique().execute();
  await db.schema.createIndex('people_by_team').on('people').columns(['team', 'team_position']).execute();

  await db.schema.createTable('person_beats')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('person_beats_pk', ['person_id', 'topic_id'])
    .execute();
  await db.schema.createIndex('person_beats_by_topic').on('person_beats').column('topic_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_beats').execute();
  await db.schema.dropIndex('people_by_team').execute();
  await db.schema.dropIndex('people_by_user').execute();
  for (const column of ['staff_position', 'team_position', 'team', 'email_public', 'email', 'links', 'job_title', 'photo_id', 'user_id']) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}
