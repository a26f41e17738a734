import { sql, type Kysely } from 'kysely';
import type { Page, PageRequest, PersonProfile, ProfileFields } from '../../content/index.js';
import type { Database } from '../schema.js';
import { byText } from '../dialects/engine.js';
import { contains } from './newsroom.js';
import { profileColumns, withDetails } from './people.js';

type Db = Kysely<Database>;

/** People as the newsroom lists and edits them: every byline, staff first. */
export async function people(db: Db, q: PageRequest & { text?: string }): Promise<Page<PersonProfile>> {
  let query = db.selectFrom('people');
  if (q.text) query = query.where(contains('name', q.text));
  const [rows, count] = await Promise.all([
    query.select(profileColumns)
      .orderBy(sql`case when team = '' then 1 else 0 end`).orderBy('team_position').orderBy(byText(db, 'team'))
      .orderBy('staff_position').orderBy(byText(db, 'name')).orderBy('id')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await withDetails(db, rows), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

export async function updateProfile(db: Db, id: number, f: ProfileFields): Promise<void> {
  await db.updateTable('people').set({
    name: f.name, bio: f.bio, photo_id: f.photoId, job_title: f.jobTitle, links: JSON.stringify(f.links), email: f.email,
    email_public: f.emailPublic ? 1 : 0, team: f.team, team_position: f.teamPosition, staff_position: f.position, user_id: f.userId,
  }).where('id', '=', id).execute();
}

export async function setPersonBeat(db: Db, personId: number, topicIds: number[]): Promise<void> {
  await db.deleteFrom('person_beats').where('person_id', '=', personId).execute();
  const rows = [...new Set(topicIds)].map((topic_id, position) => ({ person_id: personId, topic_id, position }));
  if (rows.length) await db.insertInto('person_beats').values(rows).execute();
}

export async function personIdOfUser(db: Db, userId: number): Promise<number | null> {
  return (await db.selectFrom('people').select('id').where('user_id', '=', userId).executeTakeFirst())?.id ?? null;
}

export async function userExists(db: Db, userId: number): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function articleIdsOfPerson(db: Db, personId: number): Promise<number[]> {
  return (await db.selectFrom('article_people').select('article_id').where('person_id', '=', personId).execute()).map((r) => r.article_id);
}

export async function personIdsWithPhoto(db: Db, imageId: number): Promise<number[]> {
  return (await db.selectFrom('people').select('id').where('photo_id', '=', imageId).execute()).map((r) => r.id);
}

/**
 * When one topic is merged into another, the beats that named it name the other (kept once).
 * Must run before the merged topic is deleted (its beat rows go with it).
 */
export async function moveBeats(db: Db, fromId: number, intoId: number): Promise<void> {
  const already = db.selectFrom('person_beats').select('person_id').where('topic_id', '=', intoId);
  await db.updateTable('person_beats').set({ topic_id: intoId }).where('topic_id', '=', fromId).where('person_id', 'not in', already).execute();
}
