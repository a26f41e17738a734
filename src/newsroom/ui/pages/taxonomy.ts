import type { User } from '../../../accounts/index.js';
import type { Section, TopicWithAliases } from '../../../content/index.js';
import { html, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import { shell } from '../layout.js';

export function taxonomyPage(p: {
  settings: SiteSettings; user: User; csrf: string; sections: Section[]; topics: (TopicWithAliases & { stories: number })[];
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}): SafeHtml {
  const byId = new Map(p.sections.map((s) => [s.id, s]));
  const csrf = html`<input type="hidden" name="_csrf" value="${p.csrf}">`;
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Sections and topics', flash: p.flash,
    main: html`<h1>Sections and topics</h1>
<section aria-labelledby="sections-heading">
<h2 id="sections-heading">Sections</h2>
<table class="nr-table"><thead><tr><th scope="col">Name</th><th scope="col">Address</th><th scope="col">Under</th><th scope="col">Menu order</th><th scope="col">Description</th><th scope="col"><span class="nr-visually-hidden">Save</span></th></tr></thead>
<tbody>${p.sections.map((s) => html`<tr>
<td><input form="section-${s.slug}" name="name" value="${s.name}" aria-label="Name of ${s.name}"></td>
<td>/${s.slug}</td><td>${s.parentId === null ? 'Home' : byId.get(s.parentId)?.name ?? ''}</td>
<td><input form="section-${s.slug}" name="position" value="${String(s.position)}" inputmode="numeric" size="3" aria-label="Menu order of ${s.name}"></td>
<td><input form="section-${s.slug}" name="description" value="${s.description}" aria-label="Description of ${s.name}"></td>
<td><form id="section-${s.slug}" method="post" action="/newsroom/sections/${s.slug}">${csrf}<button type="submit">Save</button></form></td>
</tr>`)}</tbody></table>
<form class="nr-form" method="post" action="/newsroom/sections">
${csrf}
<h3>Add a section</h3>
<div class="nr-grid">
<div class="nr-field"><label for="new-name">Name</label><input id="new-name" name="name" required maxlength="80"></div>
<div class="nr-field"><label for="new-slug">Address <span class="nr-hint">(optional)</span></label><input id="new-slug" name="slug" maxlength="80"></div>
<div class="nr-field"><label for="new-parent">Under</label><select id="new-parent" name="parent"><option value="">Home</option>${p.sections.map((s) => html`<option value="${s.slug}">${s.name}</option>`)}</select></div>
<div class="nr-field"><label for="new-description">Description</label><input id="new-description" name="description" maxlength="500"></div>
</div>
<button type="submit" class="nr-primary">Add section</button>
</form>
</section>
<section aria-labelledby="topics-heading">
<h2 id="topics-heading">Topics</h2>
<table class="nr-table"><thead><tr><th scope="col">Topic</th><th scope="col">Stories</th><th scope="col">Rename</th><th scope="col">Also known as <span class="nr-hint">(aliases, comma-separated)</span></th><th scope="col">Merge into</th></tr></thead>
<tbody>${p.topics.map((t) => html`<tr>
<td><a href="/topic/${t.slug}">${t.name}</a></td><td>${String(t.stories)}</td>
<td><form method="post" action="/newsroom/topics/${String(t.id)}" class="nr-inline">${csrf}<input name="name" value="${t.name}" aria-label="New name for ${t.name}"><button type="submit">Rename</button></form></td>
<td><form method="post" action="/newsroom/topics/${String(t.id)}/aliases" class="nr-inline">${csrf}<input name="aliases" value="${t.aliases.join(', ')}" aria-label="Aliases of ${t.name}"><button type="submit">Save</button></form></td>
<td><form method="post" action="/newsroom/topics/${String(t.id)}/merge" class="nr-inline">${csrf}<select name="into" aria-label="Merge ${t.name} into">${
  p.topics.filter((o) => o.id !== t.id).map((o) => html`<option value="${String(o.id)}">${o.name}</option>`)}</select><button type="submit">Merge</button></form></td>
</tr>`)}</tbody></table>
</section>`,
  });
}
