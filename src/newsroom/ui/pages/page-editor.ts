import type { Actor, User } from '../../../accounts/index.js';
import { bodyText, mayEdit, type Doc, type Page, type PageRevision, type PageSnapshot, type StaticPage } from '../../../content/index.js';
import { html, pagePath, renderBody, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import { localInputValue } from '../forms.js';
import { shell } from '../layout.js';
import { statusLabel, workflow } from './editor.js';
import { revisionDiffMain } from './revisions.js';

type Flash = { kind: 'ok' | 'error'; text: string } | null | undefined;

const base = (p: Pick<StaticPage, 'id'>) => `/newsroom/pages/${String(p.id)}`;
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function pageListPage(p: { settings: SiteSettings; user: User; csrf: string; page: Page<StaticPage>; flash?: Flash }): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Pages', flash: p.flash,
    main: html`<h1>Pages</h1>
<p class="nr-hint">About us, contact, policies: pages at the top of the site, in no listing or feed. <a href="/newsroom/pages/new">New page</a></p>
${p.page.items.length ? html`<table class="nr-table">
<thead><tr><th scope="col">Title</th><th scope="col">Address</th><th scope="col">Status</th><th scope="col">Last change</th></tr></thead>
<tbody>${p.page.items.map((sp) => html`<tr>
<td><a href="${base(sp)}">${sp.title}</a></td>
<td>${pagePath(sp)}</td>
<td><span class="nr-badge nr-badge-${sp.status}">${statusLabel[sp.status]}</span></td>
<td><time datetime="${sp.modifiedAt.toISOString()}">${when(sp.modifiedAt)}</time></td>
</tr>`)}</tbody></table>` : html`<p class="empty">No pages yet. <a href="/newsroom/pages/new">Write one</a>.</p>`}`,
  });
}

export interface PageEditorInput {
  settings: SiteSettings;
  user: User;
  actor: Actor;
  csrf: string;
  /** The stored page, or null for a new one. */
  page: StaticPage | null;
  /** What the form shows: the stored page, or what was just submitted when it was refused. */
  draft: { title: string; slug: string; body: Doc };
  flash?: Flash;
  errorField?: string;
}

/** The story editor's form with a page's few fields: title, address and body (Tiptap, autosaved while a draft). */
export function pageEditorPage(p: PageEditorInput): SafeHtml {
  const sp = p.page;
  const d = p.draft;
  const invalid = (name: string) => (p.errorField === name ? html` aria-invalid="true" aria-describedby="form-error"` : '');
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: sp ? `Edit page: ${sp.title}` : 'New page', scripts: ['editor'], flash: p.flash,
    main: html`<div class="nr-editor-head">
<h1>${sp ? 'Edit page' : 'New page'}</h1>
${sp ? html`<p class="nr-status">Status: <strong class="nr-badge nr-badge-${sp.status}">${statusLabel[sp.status]}</strong>${
  sp.status === 'scheduled' && sp.scheduledAt ? html` for <time datetime="${sp.scheduledAt.toISOString()}">${localInputValue(sp.scheduledAt, p.settings.timeZone).replace('T', ' ')}</time> (${p.settings.timeZone})` : ''}
 · <a href="${base(sp)}/preview">Preview</a> · <a href="${base(sp)}/revisions">Revisions</a>${
  sp.status === 'published' ? html` · <a href="${pagePath(sp)}">On the site</a>` : ''}</p>` : ''}
<p class="nr-autosave" data-autosave-status aria-live="polite"></p>
</div>
${p.errorField ? html`<p id="form-error" class="nr-visually-hidden">Check the ${p.errorField} field.</p>` : ''}
<form class="nr-form" method="post" action="${sp ? base(sp) : '/newsroom/pages'}" data-editor data-kind="page" data-status="${sp?.status ?? 'draft'}"${
  sp ? html` data-save-url="/api/v1/pages/${String(sp.id)}"` : ''}>
<input type="hidden" name="_csrf" value="${p.csrf}">
${sp ? html`<input type="hidden" name="baseModifiedAt" value="${sp.modifiedAt.toISOString()}" data-base-modified>` : ''}
<div class="nr-field"><label for="title">Title</label>
<input id="title" name="title" required maxlength="200" value="${d.title}"${invalid('title')}></div>
<div class="nr-field"><label for="slug">Address <span class="nr-hint">(${p.settings.url}/…)</span></label>
<input id="slug" name="slug" maxlength="80" value="${d.slug}" placeholder="made from the title"${sp?.publishedAt ? html` readonly aria-describedby="slug-hint"` : ''}${invalid('slug')}>
${sp?.publishedAt ? html`<span id="slug-hint" class="nr-hint">Fixed once published.</span>` : ''}</div>
<div class="nr-field nr-body"><label for="bodyHtml">Body</label>
<textarea id="bodyHtml" name="bodyHtml" rows="16" data-body>${renderBody(d.body)}</textarea></div>
<p class="nr-actions"><button type="submit" class="nr-primary">Save</button></p>
</form>
${sp ? workflow(p, sp, base(sp)) : ''}
${sp && !sp.publishedAt && mayEdit(p.actor, sp) ? html`<form method="post" action="${base(sp)}/delete" class="nr-inline">
<input type="hidden" name="_csrf" value="${p.csrf}">
<button type="submit">Delete this page</button>
</form>` : ''}`,
  });
}

export function pageRevisionListPage(p: { settings: SiteSettings; user: User; csrf: string; page: StaticPage; revisions: PageRevision[] }): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: `Revisions: ${p.page.title}`,
    main: html`<h1>Revisions</h1>
<p><a href="${base(p.page)}">← Back to “${p.page.title}”</a></p>
<table class="nr-table"><thead><tr><th scope="col">Saved (UTC)</th><th scope="col">By</th><th scope="col">From</th><th scope="col">What changed</th><th scope="col"><span class="nr-visually-hidden">Compare</span></th></tr></thead>
<tbody>${p.revisions.map((r, i) => html`<tr>
<td><time datetime="${r.createdAt.toISOString()}">${r.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</time></td>
<td>${r.by}</td><td>${r.source}</td><td>${i === p.revisions.length - 1 ? 'first version' : r.changed.join(', ')}</td>
<td><a href="${base(p.page)}/revisions/${String(r.id)}">Compare with current</a></td>
</tr>`)}</tbody></table>`,
  });
}

const fields: [keyof PageSnapshot, string][] = [['title', 'Title'], ['body', 'Body'], ['slug', 'Address']];
const asText = (s: PageSnapshot, k: keyof PageSnapshot) => (k === 'body' ? bodyText(s.body) : s[k]);

export function pageRevisionDiffPage(p: { settings: SiteSettings; user: User; csrf: string; page: StaticPage; revision: PageRevision; mayRestore: boolean }): SafeHtml {
  const changed = fields.map(([k, label]) => ({ label, before: asText(p.revision.snapshot, k), after: asText(p.page, k) })).filter((c) => c.before !== c.after);
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Compare revision',
    main: revisionDiffMain({ csrf: p.csrf, base: base(p.page), revision: p.revision, changed, mayRestore: p.mayRestore }),
  });
}
