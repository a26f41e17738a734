import type { Kysely } from 'kysely';
import { publicProfile, type PersonProfile, type PublicProfile, type Topic } from '../../content/index.js';
import type { Database } from '../schema.js';
import { toImage } from './mappers.js';

type Db = Kysely<Database>;

/** Profiles as the site and the newsroom read them. */
export const profileColumns = [
  'id', 'slug', 'name', 'bio', 'user_id', 'photo_id', 'job_title', 'links', 'email', 'email_public', 'team',
  'team_position', 'staff_position',
] as const;
const imageColumns = ['id', 'key', 'mime', 'width', 'height', 'alt', 'caption', 'credit', 'source_uri', 'variants'] as const;

type ProfileRow = {
  id: number; slug: string; name: string; bio: string; user_id: number | null; photo_id: number | null; job_title: string;
  links: string; email: string; email_public: number; team: string; team_position: number; staff_position: number;
};

/** Rows -> profiles, their beats and photos read in one query each (not one per person). */
export async function withDetails(db: Db, rows: ProfileRow[]): Promise<PersonProfile[]> {
  const ids = rows.map((r) => r.id);
  const photoIds = rows.map((r) => r.photo_id).filter((id): id is number => id !== null);
  const [beats, photos] = await Promise.all([
    ids.length ? db.selectFrom('person_beats as b').innerJoin('topics as t', 't.id', 'b.topic_id')
      .select(['b.person_id', 't.id', 't.slug', 't.name']).where('b.person_id', 'in', ids).orderBy('b.position').execute() : [],
    photoIds.length ? db.selectFrom('images').select(imageColumns).where('id', 'in', photoIds).execute() : [],
  ]);
  const beatOf = new Map<number, Topic[]>();
  for (const b of beats) beatOf.set(b.person_id, [...(beatOf.get(b.person_id) ?? []), { id: b.id, slug: b.slug, name: b.name }]);
  const photoOf = new Map(photos.map((p) => [p.id, toImage(p)]));
  return rows.map((r) => ({
    id: r.id, slug: r.slug, name: r.name, bio: r.bio, userId: r.user_id,
    photo: r.photo_id === null ? null : photoOf.get(r.photo_id) ?? null,
    jobTitle: r.job_title, beat: beatOf.get(r.id) ?? [], links: JSON.parse(r.links) as string[],
    email: r.email, emailPublic: r.email_public === 1,
    team: r.team, teamPosition: r.team_position, position: r.staff_position,
  }));
}

export async function personProfile(db: Db, id: number): Promise<PersonProfile | null> {
  const row = await db.selectFrom('people').select(profileColumns).where('id', '=', id).executeTakeFirst();
  return row ? (await withDetails(db, [row]))[0]! : null;
}

export async function authorProfile(db: Db, slug: string): Promise<PublicProfile | null> {
  const row = await db.selectFrom('people').select(profileColumns).where('slug', '=', slug).executeTakeFirst();
  return row ? publicProfile((await withDetails(db, [row]))[0]!) : null;
}

/**
 * The staff page's order: teams by the smallest place any member gives theirs (then by name),
 * people by their place in the team, then by name (code-point order, as on both engines).
 */
function staffOrder<T extends { name: string; team: string; teamPosition: number; position: number }>(people: T[]): T[] {
  const teamRank = new Map<string, number>();
  for (const p of people) teamRank.set(p.team, Math.min(teamRank.get(p.team) ?? Infinity, p.teamPosition));
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...people].sort((a, b) => teamRank.get(a.team)! - teamRank.get(b.team)! || text(a.team, b.team)
    || a.position - b.position || text(a.name, b.name));
}

/** A masthead is tens of people, not thousands: the cap only bounds a mistake. */
const staffLimit = 1000;

export async function staff(db: Db): Promise<PublicProfile[]> {
  const rows = await db.selectFrom('people').select(profileColumns).where('team', '!=', '').limit(staffLimit).execute();
  return staffOrder(await withDetails(db, rows)).map(publicProfile);
}
