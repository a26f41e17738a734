import { hasRole, type Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail } from '../../shared/index.js';
import { mayEditProfile } from '../policies.js';
import type { ContentRepository } from '../ports.js';
import type { PersonProfile, ProfileFields } from '../profile-model.js';
import { indexArticle } from '../search-index.js';
import type { CommandContext } from './save-article.js';

/** What an edit of a profile may set; what is left out stays as it is. */
export interface ProfileInput {
  name?: string;
  bio?: string;
  /** A picture of the media library, by id; null removes it. */
  photo?: number | null;
  jobTitle?: string;
  /** Names (or aliases) of existing topics, in order. */
  beat?: string[];
  links?: string[];
  email?: string;
  emailPublic?: boolean;
  team?: string;
  teamPosition?: number;
  position?: number;
  /** The newsroom account that is this person's; null unlinks. */
  userId?: number | null;
}

export const profileLimits = { name: 120, bio: 2000, jobTitle: 120, team: 80, links: 10, url: 500, email: 254, beat: 20, position: 10_000 };

/** Who the person is called, where they stand on the masthead and whose account is theirs: editors decide. */
const editorsOnly = ['name', 'team', 'teamPosition', 'position', 'userId'] as const;

const email = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;

function httpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !/\s/.test(text);
  } catch {
    return false;
  }
}

/** The input's text trimmed and checked field by field (a 400 names the first bad one). */
function cleaned(input: ProfileInput): ProfileInput {
  const out: ProfileInput = { ...input };
  const text = (field: 'name' | 'bio' | 'jobTitle' | 'team' | 'email', max: number) => {
    const v = input[field];
    if (v === undefined) return;
    out[field] = v.trim().replace(field === 'bio' ? /[ \t]+/g : /\s+/g, ' ');
    if (out[field]!.length > max) throw fail('INVALID_INPUT', `at most ${max} characters`, field);
  };
  text('name', profileLimits.name);
  text('bio', profileLimits.bio);
  text('jobTitle', profileLimits.jobTitle);
  text('team', profileLimits.team);
  text('email', profileLimits.email);
  if (out.name !== undefined && !out.name) throw fail('INVALID_INPUT', 'a person needs a name', 'name');
  if (out.email && !email.test(out.email)) throw fail('INVALID_INPUT', 'an e-mail address such as name@example.org', 'email');
  for (const field of ['teamPosition', 'position'] as const) {
    const v = input[field];
    if (v !== undefined && (!Number.isInteger(v) || Math.abs(v) > profileLimits.position)) {
      throw fail('INVALID_INPUT', `a whole number from -${profileLimits.position} to ${profileLimits.position}`, field);
    }
  }
  if (input.links) {
    out.links = [...new Set(input.links.map((l) => l.trim()).filter(Boolean))];
    if (out.links.length > profileLimits.links) throw fail('INVALID_INPUT', `at most ${profileLimits.links} links`, 'links');
    const bad = out.links.find((l) => l.length > profileLimits.url || !httpUrl(l));
    if (bad !== undefined) throw fail('INVALID_INPUT', `"${bad.slice(0, 80)}" is not an http(s) address`, 'links');
  }
  if (input.beat) {
    out.beat = [...new Set(input.beat.map((b) => b.trim()).filter(Boolean))];
    if (out.beat.length > profileLimits.beat) throw fail('INVALID_INPUT', `at most ${profileLimits.beat} topics`, 'beat');
  }
  return out;
}

/** The beat's topic ids, in order: each name must be an existing topic's (or one of its aliases). */
async function beatIds(repo: ContentRepository, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const id = (await repo.topicIdByName(name)) ?? (await repo.topicIdByAlias(name));
    if (id === null) throw fail('INVALID_INPUT', `no topic "${name.slice(0, 80)}": a beat is made of existing topics`, 'beat');
    ids.push(id);
  }
  return [...new Set(ids)];
}

/** The references an edit makes (picture, account, name) are checked against what exists. */
async function checkReferences(repo: ContentRepository, person: PersonProfile, next: ProfileFields): Promise<void> {
  if (next.photoId !== null && next.photoId !== person.photo?.id && !(await repo.imageById(next.photoId))) {
    throw fail('INVALID_INPUT', `no image with id ${next.photoId}`, 'photo');
  }
  if (next.userId !== null && next.userId !== person.userId) {
    if (!(await repo.userExists(next.userId))) throw fail('INVALID_INPUT', `no user with id ${next.userId}`, 'userId');
    const other = await repo.personIdOfUser(next.userId);
    if (other !== null && other !== person.id) throw fail('CONFLICT', 'that account is already linked to another person', 'userId');
  }
  if (next.name !== person.name) {
    if ((await repo.peopleNamed(next.name)).some((id) => id !== person.id)) {
      throw fail('CONFLICT', `another person is called "${next.name}": bylines would not know which one is meant`, 'name');
    }
  }
}

const fieldsOf = (p: PersonProfile): ProfileFields => ({
  name: p.name, bio: p.bio, photoId: p.photo?.id ?? null, jobTitle: p.jobTitle, links: p.links, email: p.email,
  emailPublic: p.emailPublic, team: p.team, teamPosition: p.teamPosition, position: p.position, userId: p.userId,
});

function merged(before: ProfileFields, input: ProfileInput): ProfileFields {
  const next: ProfileFields = {
    name: input.name ?? before.name, bio: input.bio ?? before.bio,
    photoId: input.photo === undefined ? before.photoId : input.photo,
    jobTitle: input.jobTitle ?? before.jobTitle, links: input.links ?? before.links, email: input.email ?? before.email,
    emailPublic: input.emailPublic ?? before.emailPublic, team: input.team ?? before.team,
    teamPosition: input.teamPosition ?? before.teamPosition, position: input.position ?? before.position,
    userId: input.userId === undefined ? before.userId : input.userId,
  };
  if (next.emailPublic && !next.email) throw fail('INVALID_INPUT', 'give the address to show readers', 'email');
  return next;
}

/**
 * Edits a person's profile in one unit of work: checked (who may, each field, what it refers
 * to), written, audited, and the pages that show it (author page, staff page, the stories and
 * feeds with their byline) purged. An edit that changes nothing writes nothing.
 */
export async function editProfile(ctx: CommandContext, actor: Actor, id: number, raw: ProfileInput): Promise<PersonProfile> {
  const input = cleaned(raw);
  const now = ctx.now();
  return ctx.store.transaction(async (repo) => {
    const person = await repo.personProfile(id);
    if (!person) throw new DatelineError('NOT_FOUND', `no person with id ${id}`);
    if (!mayEditProfile(actor, person)) throw new DatelineError('FORBIDDEN', 'only an editor, or the person themselves, may edit this profile');
    const before = fieldsOf(person);
    const next = merged(before, input);
    const editorial = editorsOnly.find((f) => next[f] !== before[f]);
    if (editorial && !hasRole(actor, 'editor')) throw new DatelineError('FORBIDDEN', `only an editor may change ${editorial}`, { field: editorial });
    await checkReferences(repo, person, next);
    const beat = input.beat ? await beatIds(repo, input.beat) : person.beat.map((t) => t.id);
    const changed: string[] = (Object.keys(next) as (keyof ProfileFields)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
    if (beat.join() !== person.beat.map((t) => t.id).join()) changed.push('beat');
    if (!changed.length) return person;
    await repo.updateProfile(id, next);
    if (changed.includes('beat')) await repo.setPersonBeat(id, beat);
    // Search finds stories by their byline's names.
    if (changed.includes('name')) for (const articleId of await repo.articleIdsOfPerson(id)) await indexArticle(repo, articleId);
    await repo.recordPageChange([`person:${id}`, 'staff'], now);
    await repo.appendAudit(auditEntry(actor, 'profile-edit', `person:${id}`, { name: next.name, changed }), now);
    return (await repo.personProfile(id))!;
  });
}
