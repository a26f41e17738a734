import type { User } from '../../../accounts/index.js';
import type { Image, Page, PersonProfile } from '../../../content/index.js';
import { html, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import type { Flash } from '../flash.js';
import { shell } from '../layout.js';

/** A profile form's fields as typed (text), so a refused save comes back as it was sent. */
export interface ProfileFormValues {
  name: string;
  jobTitle: string;
  bio: string;
  photo: string;
  beat: string;
  links: string;
  email: string;
  emailPublic: boolean;
  team: string;
  teamPosition: string;
  position: string;
  userId: string;
}

export const formValuesOf = (p: PersonProfile): ProfileFormValues => ({
  name: p.name, jobTitle: p.jobTitle, bio: p.bio, photo: p.photo ? String(p.photo.id) : '', beat: p.beat.map((t) => t.name).join(', '),
  links: p.links.join('\n'), email: p.email, emailPublic: p.emailPublic, team: p.team, teamPosition: String(p.teamPosition),
  position: String(p.position), userId: p.userId === null ? '' : String(p.userId),
});

export function peopleListPage(p: {
  settings: SiteSettings; user: User; csrf: string; page: Page<PersonProfile>; q: string; editable: (person: PersonProfile) => boolean; flash?: Flash | null;
}): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'People', flash: p.flash,
    main: html`<h1>People</h1>
<p>Everyone named in a byline. Give someone a team to list them on the <a href="/staff">staff page</a>.</p>
<form class="nr-search" method="get" action="/newsroom/people" role="search">
<label for="q" class="nr-visually-hidden">Search names</label><input id="q" name="q" value="${p.q}" placeholder="Search names">
<button type="submit">Search</button>
</form>
${p.page.items.length ? html`<table class="nr-table">
<thead><tr><th scope="col">Name</th><th scope="col">Job title</th><th scope="col">Team</th><th scope="col">Author page</th></tr></thead>
<tbody>${p.page.items.map((person) => html`<tr>
<td>${p.editable(person) ? html`<a href="/newsroom/people/${String(person.id)}">${person.name}</a>` : person.name}${person.userId === p.user.id ? ' (you)' : ''}</td>
<td>${person.jobTitle}</td><td>${person.team}</td>
<td><a href="/author/${person.slug}">/author/${person.slug}</a></td>
</tr>`)}</tbody></table>` : html`<p class="empty">No one here yet: people are added by the bylines of stories.</p>`}`,
  });
}

export interface ProfileFormInput {
  settings: SiteSettings;
  user: User;
  csrf: string;
  person: PersonProfile;
  values: ProfileFormValues;
  /** Name, team, places and the account link: an editor's to set. */
  editorial: boolean;
  images: Image[];
  users: User[];
  flash?: Flash | null;
  errorField?: string;
}

function editorialFields(p: ProfileFormInput, invalid: (f: string) => SafeHtml | string): SafeHtml {
  const v = p.values;
  return html`<fieldset><legend>On the staff page</legend>
<div class="nr-grid">
<div class="nr-field"><label for="name">Name <span class="nr-hint">(as in bylines)</span></label><input id="name" name="name" value="${v.name}" required maxlength="120"${invalid('name')}></div>
<div class="nr-field"><label for="team">Team <span class="nr-hint">(e.g. Editors, Reporters; empty: not listed)</span></label><input id="team" name="team" value="${v.team}" maxlength="80"${invalid('team')}></div>
<div class="nr-field"><label for="teamPosition">Team’s place on the page</label><input id="teamPosition" name="teamPosition" value="${v.teamPosition}" inputmode="numeric"${invalid('teamPosition')}></div>
<div class="nr-field"><label for="position">Place in the team</label><input id="position" name="position" value="${v.position}" inputmode="numeric"${invalid('position')}></div>
<div class="nr-field"><label for="userId">Newsroom account <span class="nr-hint">(may edit this profile)</span></label>
<select id="userId" name="userId"${invalid('userId')}><option value="">None</option>${
  p.users.map((u) => html`<option value="${String(u.id)}"${String(u.id) === v.userId ? html` selected` : ''}>${u.name} (${u.email})</option>`)}</select></div>
</div></fieldset>`;
}

export function profileFormPage(p: ProfileFormInput): SafeHtml {
  const v = p.values;
  const invalid = (f: string) => (p.errorField === f ? html` aria-invalid="true"` : '');
  const photos = p.person.photo && !p.images.some((i) => i.id === p.person.photo!.id) ? [p.person.photo, ...p.images] : p.images;
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: `Profile of ${p.person.name}`, flash: p.flash,
    main: html`<h1>Profile of ${p.person.name}</h1>
<p><a href="/author/${p.person.slug}">Their author page</a> · <a href="/newsroom/people">All people</a></p>
<form class="nr-form" method="post" action="/newsroom/people/${String(p.person.id)}">
<input type="hidden" name="_csrf" value="${p.csrf}">
${p.editorial ? editorialFields(p, invalid) : ''}
<div class="nr-grid">
<div class="nr-field"><label for="jobTitle">Job title</label><input id="jobTitle" name="jobTitle" value="${v.jobTitle}" maxlength="120"${invalid('jobTitle')}></div>
<div class="nr-field"><label for="photo">Photo <span class="nr-hint">(from the <a href="/newsroom/media">media library</a>)</span></label>
<select id="photo" name="photo"${invalid('photo')}><option value="">No photo</option>${
  photos.map((i) => html`<option value="${String(i.id)}"${String(i.id) === v.photo ? html` selected` : ''}>#${String(i.id)} ${(i.caption || i.alt || 'untitled').slice(0, 80)}</option>`)}</select></div>
</div>
<div class="nr-field"><label for="bio">Bio</label><textarea id="bio" name="bio" rows="5" maxlength="2000"${invalid('bio')}>${v.bio}</textarea></div>
<div class="nr-field"><label for="beat">Beat <span class="nr-hint">(topics they cover, comma-separated: existing topics)</span></label><input id="beat" name="beat" value="${v.beat}"${invalid('beat')}></div>
<div class="nr-field"><label for="links">Links elsewhere <span class="nr-hint">(one http(s) address a line)</span></label><textarea id="links" name="links" rows="3"${invalid('links')}>${v.links}</textarea></div>
<div class="nr-grid">
<div class="nr-field"><label for="email">Contact e-mail</label><input id="email" name="email" type="email" value="${v.email}" maxlength="254"${invalid('email')}></div>
<div class="nr-field"><input id="emailPublic" name="emailPublic" type="checkbox" value="on"${v.emailPublic ? html` checked` : ''}> <label for="emailPublic">Show the address to readers</label></div>
</div>
<p class="nr-actions"><button type="submit" class="nr-primary">Save profile</button></p>
</form>`,
  });
}
