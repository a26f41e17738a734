import type { Image, Person, Topic } from './model.js';

/**
 * What a person's author page and the staff page (the masthead) show of them, beyond the name
 * and bio every byline has. A person with a team is on the staff page.
 */
export interface StaffProfile {
  photo: Image | null;
  jobTitle: string;
  /** The topics they cover, in the order given. */
  beat: Topic[];
  /** Their pages elsewhere (http(s) URLs): schema.org `sameAs`. */
  links: string[];
  /** A contact address; readers see it only when `emailPublic`. */
  email: string;
  emailPublic: boolean;
  /** The staff page's group ("Editors", "Reporters"); empty: not on the staff page. */
  team: string;
  /** The team's place on the staff page (smallest first; a team takes its members' smallest). */
  teamPosition: number;
  /** The person's place within the team (smallest first, then by name). */
  position: number;
  /** The newsroom account that is this person's (they may keep their own profile), if any. */
  userId: number | null;
}

export interface PersonProfile extends Person, StaffProfile {}

/** A profile as readers may see it: the address only when its owner made it public, no account. */
export interface PublicProfile extends Person, Omit<StaffProfile, 'email' | 'emailPublic' | 'userId'> {
  email: string | null;
}

/** A profile's own fields as commands write them (the beat is set separately). */
export interface ProfileFields extends Pick<Person, 'name' | 'bio'>, Omit<StaffProfile, 'photo' | 'beat'> {
  photoId: number | null;
}

export const publicProfile = (p: PersonProfile): PublicProfile => {
  const { email, emailPublic, userId: _userId, ...rest } = p;
  return { ...rest, email: emailPublic && email ? email : null };
};
