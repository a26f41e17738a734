import { hasRole, type Actor, type User } from '../../../accounts/index.js';
import { allowedMoves, type Article, type ArticleStatus, type DraftInput, type Image, type Section } from '../../../content/index.js';
import { html, renderBody, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import { localInputValue } from '../forms.js';
import { shell } from '../layout.js';

export interface EditorPageInput {
  settings: SiteSettings;
  user: User;
  actor: Actor;
  csrf: string;
  /** The stored story, or null for a new one. */
  article: Article | null;
  /** What the form shows: the stored story, or what was just submitted when it was refused. */
  draft: DraftInput & { slug?: string };
  sections: Section[];
  images: Image[];
  topics: string[];
  agencies: string[];
  publicUrl: string | null;
  /** The story this one follows up, when linked. */
  followUp?: { id: number; headline: string } | null;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
  errorField?: string;
}

export const statusLabel: Record<ArticleStatus, string> = {
  draft: 'Draft', in_review: 'In review', scheduled: 'Scheduled', published: 'Published', unpublished: 'Unpublished',
};

const moveLabel: Record<ArticleStatus, string> = {
  draft: 'Return to draft', in_review: 'Submit for review', scheduled: 'Schedule', published: 'Publish now', unpublished: 'Unpublish',
};

export function editorPage(p: EditorPageInput): SafeHtml {
  const a = p.article;
  const d = p.draft;
  const action = a ? `/newsroom/articles/${a.id}` : '/newsroom/articles';
  const lead = p.images.find((i) => i.id === d.leadImageId) ?? (a?.leadImage?.id === d.leadImageId ? a?.leadImage : null) ?? null;
  const invalid = (name: string) => (p.errorField === name ? html` aria-invalid="true" aria-describedby="form-error"` : '');
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: a ? `Edit: ${a.headline}` : 'New story', scripts: ['editor'],
    flash: p.flash,
    main: html`<div class="nr-editor-head">
<h1>${a ? 'Edit story' : 'New story'}</h1>
${a ? html`<p class="nr-status">Status: <strong class="nr-badge nr-badge-${a.status}">${statusLabel[a.status]}</strong>${
  a.status === 'scheduled' && a.scheduledAt ? html` for <time datetime="${a.scheduledAt.toISOString()}">${localInputValue(a.scheduledAt, p.settings.timeZone).replace('T', ' ')}</time> (${p.settings.timeZone})` : ''}
 · <a href="/newsroom/articles/${a.id}/preview">Preview</a> · <a href="/newsroom/articles/${a.id}/revisions">Revisions</a>${
  p.publicUrl && a.status === 'published' ? html` · <a href="${p.publicUrl}">On the site</a>` : ''}</p>` : ''}
<p class="nr-autosave" data-autosave-status aria-live="polite"></p>
</div>
${p.errorField ? html`<p id="form-error" class="nr-visually-hidden">Check the ${p.errorField} field.</p>` : ''}
<form class="nr-form" method="post" action="${action}" data-editor data-article-id="${a ? String(a.id) : ''}" data-status="${a?.status ?? 'draft'}">
<input type="hidden" name="_csrf" value="${p.csrf}">
${a ? html`<input type="hidden" name="baseModifiedAt" value="${a.modifiedAt.toISOString()}" data-base-modified>` : ''}
<input type="hidden" name="leadImageTextFor" value="${lead ? String(lead.id) : ''}" data-lead-text-for>
<div class="nr-field"><label for="headline">Headline</label>
<input id="headline" name="headline" required maxlength="300" value="${d.headline}"${invalid('headline')}></div>
<div class="nr-field"><label for="standfirst">Standfirst</label>
<textarea id="standfirst" name="standfirst" rows="2" maxlength="1000"${invalid('standfirst')}>${d.standfirst}</textarea></div>
<div class="nr-field nr-body"><label for="bodyHtml">Body</label>
<textarea id="bodyHtml" name="bodyHtml" rows="16" data-body>${renderBody(d.body)}</textarea></div>
<div class="nr-grid">
<div class="nr-field"><label for="section">Section</label>
<select id="section" name="section"${invalid('section')}>${p.sections.map((s) => html`<option value="${s.slug}"${s.slug === d.sectionSlug ? html` selected` : ''}>${s.name}</option>`)}</select></div>
<div class="nr-field"><label for="topics">Topics <span class="nr-hint">(comma-separated)</span></label>
<input id="topics" name="topics" value="${d.topics.join(', ')}" list="topic-list" autocomplete="off" data-autocomplete="topics"${invalid('topics')}>
<datalist id="topic-list">${p.topics.map((t) => html`<option value="${t}">`)}</datalist></div>
<div class="nr-field"><label for="people">Byline: people <span class="nr-hint">(comma-separated)</span></label>
<input id="people" name="people" value="${d.people.join(', ')}"${invalid('people')}></div>
<div class="nr-field"><label for="agency">Agency credit</label>
<input id="agency" name="agency" value="${d.agency ?? ''}" list="agency-list" autocomplete="off">
<datalist id="agency-list">${p.agencies.map((t) => html`<option value="${t}">`)}</datalist></div>
<div class="nr-field"><label for="byline">Byline as printed <span class="nr-hint">(when no person fits)</span></label>
<input id="byline" name="byline" value="${d.byline}"></div>
<div class="nr-field"><label for="datelinePlace">Dateline place</label>
<input id="datelinePlace" name="datelinePlace" value="${d.datelinePlace}"></div>
<div class="nr-field"><label for="language">Language</label>
<input id="language" name="language" value="${d.language}" maxlength="35"${invalid('language')}></div>
<div class="nr-field"><label for="slug">Address (slug)</label>
<input id="slug" name="slug" value="${d.slug ?? a?.slug ?? ''}" placeholder="made from the headline"${a?.publishedAt ? html` readonly aria-describedby="slug-hint"` : ''}${invalid('slug')}>
${a?.publishedAt ? html`<span id="slug-hint" class="nr-hint">Fixed once published.</span>` : ''}</div>
</div>
<fieldset class="nr-lead">
<legend>Lead image</legend>
<div class="nr-field"><label for="leadImage">Picture</label>
<select id="leadImage" name="leadImage" data-lead-image${invalid('leadImage')}>
<option value="">No lead image</option>
${p.images.map((i) => html`<option value="${String(i.id)}" data-alt="${i.alt}" data-caption="${i.caption}" data-credit="${i.credit}"${i.id === d.leadImageId ? html` selected` : ''}>#${String(i.id)} ${(i.caption || i.alt || 'untitled').slice(0, 80)}${i.credit ? ` (${i.credit})` : ''}</option>`)}
</select></div>
<div class="nr-field"><label for="leadImageFile">Upload a new picture</label>
<input id="leadImageFile" type="file" accept="image/jpeg,image/png,image/webp,image/avif" data-upload>
<span class="nr-hint">Or add pictures in the <a href="/newsroom/media">media library</a>.</span></div>
${lead ? html`<img class="nr-lead-preview" src="/media/${lead.variants.find((v) => v.format === 'jpeg')?.path ?? ''}" alt="" width="${lead.width}" height="${lead.height}">` : ''}
<div class="nr-field"><label for="leadImageAlt">Alt text <span class="nr-hint">(required to publish)</span></label>
<input id="leadImageAlt" name="leadImageAlt" value="${d.leadImageText?.alt ?? lead?.alt ?? ''}"${invalid('leadImage.alt')}></div>
<div class="nr-field"><label for="leadImageCaption">Caption</label>
<input id="leadImageCaption" name="leadImageCaption" value="${d.leadImageText?.caption ?? lead?.caption ?? ''}"></div>
<div class="nr-field"><label for="leadImageCredit">Credit</label>
<input id="leadImageCredit" name="leadImageCredit" value="${d.leadImageText?.credit ?? lead?.credit ?? ''}"></div>
</fieldset>
<p class="nr-actions"><button type="submit" class="nr-primary">Save</button></p>
</form>
${a ? workflow(p, a) : ''}
${a && a.status === 'published' && hasRole(p.actor, 'editor') ? corrections(p, a) : ''}
${a && hasRole(p.actor, 'editor') ? thread(p, a) : ''}`,
  });
}

/** The workflow's buttons, for a story or (with its newsroom address as `base`) a static page. */
export function workflow(
  p: Pick<EditorPageInput, 'actor' | 'csrf' | 'settings'>, a: { id: number; status: ArticleStatus; createdBy: number | null; scheduledAt: Date | null },
  base = `/newsroom/articles/${String(a.id)}`,
): SafeHtml {
  const moves = allowedMoves(p.actor, a);
  if (!moves.length) return html``;
  return html`<section class="nr-workflow" aria-labelledby="workflow-heading">
<h2 id="workflow-heading">Workflow</h2>
${moves.map((to) => html`<form method="post" action="${base}/status" class="nr-inline">
<input type="hidden" name="_csrf" value="${p.csrf}">
<input type="hidden" name="status" value="${to}">
${to === 'scheduled' ? html`<label for="at">Publish at (${p.settings.timeZone})</label>
<input id="at" type="datetime-local" name="at" step="1" required value="${a.scheduledAt ? localInputValue(a.scheduledAt, p.settings.timeZone) : ''}">` : ''}
<button type="submit"${to === 'published' ? html` class="nr-primary"` : ''}>${moveLabel[to]}</button>
</form>`)}
</section>`;
}

/** "Follow-up of": links the story into a thread shown to readers as a timeline. */
function thread(p: EditorPageInput, a: Article): SafeHtml {
  const action = `/newsroom/articles/${String(a.id)}/follow-up`;
  return html`<section class="nr-thread" aria-labelledby="thread-heading">
<h2 id="thread-heading">Thread</h2>
${p.followUp ? html`<p>Follow-up of <a href="/newsroom/articles/${String(p.followUp.id)}">${p.followUp.headline}</a>.</p>
<form method="post" action="${action}"><input type="hidden" name="_csrf" value="${p.csrf}"><input type="hidden" name="of" value=""><button type="submit">Unlink</button></form>`
    : html`<p>Not linked to an earlier story.</p>`}
<form method="post" action="${action}">
<input type="hidden" name="_csrf" value="${p.csrf}">
<div class="nr-field"><label for="follow-up-of">Follow-up of <span class="nr-hint">(the earlier story's address, slug or number)</span></label>
<input id="follow-up-of" name="of" required maxlength="500"></div>
<button type="submit">Link</button>
</form>
</section>`;
}

function corrections(p: EditorPageInput, a: Article): SafeHtml {
  return html`<section class="nr-corrections" aria-labelledby="corrections-heading">
<h2 id="corrections-heading">Corrections and updates</h2>
${a.corrections.length ? html`<ul>${a.corrections.map((c) => html`<li><strong>${c.kind}</strong>: ${c.text}</li>`)}</ul>` : ''}
<form method="post" action="/newsroom/articles/${String(a.id)}/corrections">
<input type="hidden" name="_csrf" value="${p.csrf}">
<div class="nr-field"><label for="kind">Kind</label>
<select id="kind" name="kind"><option value="correction">Correction</option><option value="update">Update</option></select></div>
<div class="nr-field"><label for="correction-text">Text shown to readers</label>
<textarea id="correction-text" name="text" rows="3" required maxlength="4000"></textarea></div>
<button type="submit">Add to the story</button>
</form>
</section>`;
}
