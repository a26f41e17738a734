import type { ArticleSummary, Image, Page, PublicProfile } from '../../content/index.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import type { SiteSettings } from '../settings.js';
import { absolute, jpegNear, mediaPath, personPath, topicPath } from '../urls.js';
import { picture } from './components.js';
import { layout, type LayoutInput } from './layout.js';
import { collectionPage } from './listing.js';

/**
 * The organisation's node id in every page's JSON-LD: the site-wide NewsMediaOrganization is
 * given this `@id`, so an author's `worksFor` and an article's `publisher` name the same thing.
 */
export const organizationId = (s: SiteSettings) => `${s.url}/#organization`;

const organization = (s: SiteSettings) => ({ '@type': 'NewsMediaOrganization', '@id': organizationId(s), name: s.name, url: s.url });

/** A profile photo: the library's alt text, else the person's name (a portrait is not decoration). */
const photo = (image: Image, name: string, sizes: string): SafeHtml => picture({ ...image, alt: image.alt || name }, { sizes });

const photoUrl = (s: SiteSettings, image: Image | null): string | undefined => {
  const v = image ? jpegNear(image, 640) : undefined;
  return v ? absolute(s.url, mediaPath(v)) : undefined;
};

/** "x.com/mara", "mastodon.social/@mara": where a link goes, shorter than the whole address. */
function linkLabel(url: string): string {
  const u = new URL(url);
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.hostname.replace(/^www\./, '')}${path.length > 1 && path.length <= 40 ? path : ''}`;
}

/** schema.org Person for a profile: only the fields it has; `worksFor` for staff. */
export function personJsonLd(p: PublicProfile, s: SiteSettings) {
  const image = photoUrl(s, p.photo);
  return {
    '@type': 'Person',
    '@id': `${absolute(s.url, personPath(p))}#person`,
    name: p.name,
    url: absolute(s.url, personPath(p)),
    ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
    ...(p.bio ? { description: p.bio } : {}),
    ...(image ? { image } : {}),
    ...(p.links.length ? { sameAs: p.links } : {}),
    ...(p.beat.length ? { knowsAbout: p.beat.map((t) => t.name) } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.team ? { worksFor: organization(s) } : {}),
  };
}

/** A person as a list names them: who, where their page is, what they do, their face. */
function listedPerson(p: PublicProfile, s: SiteSettings) {
  const { '@type': type, '@id': id, name, url, jobTitle, image } = personJsonLd(p, s);
  return { '@type': type, '@id': id, name, url, ...(jobTitle ? { jobTitle } : {}), ...(image ? { image } : {}) };
}

function profileDetails(p: PublicProfile): SafeHtml {
  return html`${p.beat.length ? html`<div class="profile-beat"><h2>Covers</h2><ul role="list">${
  p.beat.map((t) => html`<li><a href="${topicPath(t)}">${t.name}</a></li>`)}</ul></div>` : ''}
${p.links.length ? html`<ul class="profile-links" role="list" aria-label="${p.name} elsewhere">${
  p.links.map((l) => html`<li><a rel="me noopener" href="${safeUrl(l)}">${linkLabel(l)}</a></li>`)}</ul>` : ''}
${p.email ? html`<p class="profile-contact">Contact: <a href="mailto:${p.email}">${p.email}</a></p>` : ''}`;
}

export interface AuthorPageInput {
  settings: SiteSettings;
  nav: LayoutInput['nav'];
  person: PublicProfile;
  page: Page<ArticleSummary>;
}

/** An author's page: their profile, then their stories as any listing; a ProfilePage in JSON-LD. */
export function authorPage(p: AuthorPageInput): SafeHtml {
  const s = p.settings;
  const path = personPath(p.person);
  return collectionPage({
    settings: s, nav: p.nav, page: p.page, path, title: p.person.name, kicker: p.person.jobTitle || 'Author', intro: p.person.bio,
    figure: p.person.photo ? html`<div class="profile-photo">${photo(p.person.photo, p.person.name, '8rem')}</div>` : undefined,
    details: profileDetails(p.person),
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      name: p.person.name,
      url: absolute(s.url, path),
      isPartOf: { '@type': 'WebSite', name: s.name, url: s.url },
      mainEntity: personJsonLd(p.person, s),
    },
  });
}

/** People by team, in the order given (the list is already in staff order). */
function byTeam(people: PublicProfile[]): [string, PublicProfile[]][] {
  const teams = new Map<string, PublicProfile[]>();
  for (const person of people) teams.set(person.team, [...(teams.get(person.team) ?? []), person]);
  return [...teams];
}

function staffCard(p: PublicProfile): SafeHtml {
  return html`<li class="staff-card">
${p.photo ? html`<div class="staff-photo">${photo(p.photo, p.name, '5rem')}</div>` : ''}
<h3><a href="${personPath(p)}">${p.name}</a></h3>
${p.jobTitle ? html`<p class="job-title">${p.jobTitle}</p>` : ''}
</li>`;
}

/** The staff page (the masthead): everyone with a team, team by team; an ItemList in JSON-LD. */
export function staffPage(p: { settings: SiteSettings; nav: LayoutInput['nav']; people: PublicProfile[] }): SafeHtml {
  const s = p.settings;
  const url = absolute(s.url, '/staff');
  const teams = byTeam(p.people);
  return layout({
    settings: s,
    nav: p.nav,
    head: {
      title: 'Staff',
      description: `The journalists of ${s.name}, team by team.`,
      canonical: url,
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'CollectionPage',
        name: `Staff of ${s.name}`,
        url,
        isPartOf: { '@type': 'WebSite', name: s.name, url: s.url },
        about: organization(s),
        mainEntity: {
          '@type': 'ItemList',
          numberOfItems: p.people.length,
          itemListElement: p.people.map((person, i) => ({ '@type': 'ListItem', position: i + 1, item: listedPerson(person, s) })),
        },
      },
    },
    main: html`<header class="collection-head">
<h1>Staff</h1>
<p class="intro">The people who report, edit and photograph ${s.name}.</p>
</header>
${teams.length ? teams.map(([team, people], i) => html`<section class="staff-team" aria-labelledby="team-${String(i + 1)}">
<h2 id="team-${String(i + 1)}" class="rule-heading">${team}</h2>
<ul class="staff-list" role="list">${people.map(staffCard)}</ul>
</section>`) : html`<p class="empty">No one is listed yet.</p>`}`,
  });
}
