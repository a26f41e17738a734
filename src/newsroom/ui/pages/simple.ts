import type { AuditRecord } from '../../../audit/index.js';
import type { User } from '../../../accounts/index.js';
import type { Image, NewsroomSummary, Page } from '../../../content/index.js';
import { html, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import { shell } from '../layout.js';
import type { WireAlert } from '../../../wire/index.js';
import { alertList } from './wire.js';

export function signInPage(settings: SiteSettings, next: string, error: string | null, email = ''): SafeHtml {
  return shell({
    settings, title: 'Sign in', user: null, csrf: null,
    flash: error ? { kind: 'error', text: error } : null,
    main: html`<section class="nr-signin">
<h1>Sign in to the newsroom</h1>
<form method="post" action="/newsroom/sign-in">
<input type="hidden" name="next" value="${next}">
<div class="nr-field"><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${email}"></div>
<div class="nr-field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<button type="submit" class="nr-primary">Sign in</button>
</form>
</section>`,
  });
}

const statuses = [['', 'All'], ['draft', 'Drafts'], ['in_review', 'In review'], ['scheduled', 'Scheduled'], ['published', 'Published'], ['unpublished', 'Unpublished']] as const;

export function storyListPage(p: { settings: SiteSettings; user: User; csrf: string; page: Page<NewsroomSummary>; status: string; q: string; alerts?: WireAlert[]; flash?: { kind: 'ok' | 'error'; text: string } | null }): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Stories', flash: p.flash,
    main: html`<h1>Stories</h1>
${alertList(p.alerts ?? [], p.csrf)}
<nav class="nr-tabs" aria-label="Filter by status"><ul role="list">${statuses.map(([value, label]) => html`<li><a href="/newsroom${value ? `?status=${value}` : ''}"${p.status === value ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav>
<form class="nr-search" method="get" action="/newsroom" role="search">
${p.status ? html`<input type="hidden" name="status" value="${p.status}">` : ''}
<label for="q" class="nr-visually-hidden">Search headlines</label><input id="q" name="q" value="${p.q}" placeholder="Search headlines">
<button type="submit">Search</button>
</form>
${p.page.items.length ? html`<table class="nr-table">
<thead><tr><th scope="col">Headline</th><th scope="col">Section</th><th scope="col">Status</th><th scope="col">Last change</th></tr></thead>
<tbody>${p.page.items.map((a) => html`<tr>
<td><a href="/newsroom/articles/${String(a.id)}">${a.headline}</a></td>
<td>${a.section.name}</td>
<td><span class="nr-badge nr-badge-${a.status}">${a.status.replace('_', ' ')}</span></td>
<td><time datetime="${a.modifiedAt.toISOString()}">${a.modifiedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</time></td>
</tr>`)}</tbody></table>` : html`<p class="empty">No stories here yet. <a href="/newsroom/articles/new">Write one</a>.</p>`}`,
  });
}

export function mediaPage(p: { settings: SiteSettings; user: User; csrf: string; page: Page<Image>; q: string; flash?: { kind: 'ok' | 'error'; text: string } | null }): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Media library', flash: p.flash,
    main: html`<h1>Media library</h1>
<section class="nr-upload" aria-labelledby="upload-heading">
<h2 id="upload-heading">Upload a picture</h2>
<form method="post" action="/newsroom/media?_csrf=${encodeURIComponent(p.csrf)}" enctype="multipart/form-data">
<div class="nr-field"><label for="alt">Alt text</label><input id="alt" name="alt"></div>
<div class="nr-field"><label for="caption">Caption</label><input id="caption" name="caption"></div>
<div class="nr-field"><label for="credit">Credit</label><input id="credit" name="credit"></div>
<div class="nr-field"><label for="file">File (JPEG, PNG, WebP or AVIF)</label><input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required></div>
<button type="submit" class="nr-primary">Upload</button>
</form>
</section>
<form class="nr-search" method="get" action="/newsroom/media" role="search">
<label for="q" class="nr-visually-hidden">Search captions and credits</label><input id="q" name="q" value="${p.q}" placeholder="Search captions and credits">
<button type="submit">Search</button>
</form>
<ul class="nr-media" role="list">${p.page.items.map((i) => html`<li>
<img src="/media/${i.variants.find((v) => v.format === 'jpeg')?.path ?? ''}" alt="${i.alt}" width="${i.width}" height="${i.height}" loading="lazy">
<form method="post" action="/newsroom/media/${String(i.id)}">
<input type="hidden" name="_csrf" value="${p.csrf}">
<p class="nr-hint">#${String(i.id)} · ${i.width}×${i.height}</p>
<div class="nr-field"><label for="alt-${String(i.id)}">Alt text</label><input id="alt-${String(i.id)}" name="alt" value="${i.alt}"></div>
<div class="nr-field"><label for="caption-${String(i.id)}">Caption</label><input id="caption-${String(i.id)}" name="caption" value="${i.caption}"></div>
<div class="nr-field"><label for="credit-${String(i.id)}">Credit</label><input id="credit-${String(i.id)}" name="credit" value="${i.credit}"></div>
<button type="submit">Save</button>
</form>
</li>`)}</ul>`,
  });
}

export function auditPage(p: { settings: SiteSettings; user: User; csrf: string; page: Page<AuditRecord>; action: string }): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Audit log',
    main: html`<h1>Audit log</h1>
<table class="nr-table"><thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Subject</th><th scope="col">Detail</th><th scope="col">Address</th></tr></thead>
<tbody>${p.page.items.map((e) => html`<tr><td>${e.at.toISOString().slice(0, 19).replace('T', ' ')}</td><td>${e.actor}</td><td>${e.action}</td><td>${e.subject}</td><td>${JSON.stringify(e.detail)}</td><td>${e.ip ?? ''}</td></tr>`)}</tbody></table>`,
  });
}

/**
 * A save that could not be made (signed out meanwhile, or the form's token is stale): nothing the
 * reporter typed is thrown away; it is shown here to copy back once signed in again.
 */
export function unsavedPage(settings: SiteSettings, reason: string, fields: [string, string][]): SafeHtml {
  return shell({
    settings, title: 'Not saved', user: null, csrf: null,
    flash: { kind: 'error', text: `Not saved: ${reason}` },
    main: html`<h1>Your story was not saved</h1>
<p>Copy your text below, <a href="/newsroom/sign-in" target="_blank" rel="noopener">sign in again in a new tab</a>, open the story there and paste it back.</p>
${fields.filter(([, v]) => v).map(([label, value], i) => html`<div class="nr-field"><label for="kept-${String(i)}">${label}</label>
<textarea id="kept-${String(i)}" readonly rows="${String(Math.min(20, Math.max(2, Math.ceil(value.length / 90))))}">${value}</textarea></div>`)}`,
  });
}
