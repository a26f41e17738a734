import { diffWords } from 'diff';
import type { User } from '../../../accounts/index.js';
import { bodyText, type Article, type ArticleSnapshot, type Revision } from '../../../content/index.js';
import { html, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import { shell } from '../layout.js';

export function revisionListPage(p: { settings: SiteSettings; user: User; csrf: string; article: Article; revisions: Revision[] }): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: `Revisions: ${p.article.headline}`,
    main: html`<h1>Revisions</h1>
<p><a href="/newsroom/articles/${String(p.article.id)}">← Back to “${p.article.headline}”</a></p>
<table class="nr-table"><thead><tr><th scope="col">Saved (UTC)</th><th scope="col">By</th><th scope="col">From</th><th scope="col">What changed</th><th scope="col"><span class="nr-visually-hidden">Compare</span></th></tr></thead>
<tbody>${p.revisions.map((r, i) => html`<tr>
<td><time datetime="${r.createdAt.toISOString()}">${r.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</time></td>
<td>${r.by}</td><td>${r.source}</td><td>${i === p.revisions.length - 1 ? 'first version' : r.changed.join(', ')}</td>
<td><a href="/newsroom/articles/${String(p.article.id)}/revisions/${String(r.id)}">Compare with current</a></td>
</tr>`)}</tbody></table>`,
  });
}

const fields: [keyof ArticleSnapshot, string][] = [
  ['headline', 'Headline'], ['standfirst', 'Standfirst'], ['body', 'Body'], ['sectionSlug', 'Section'], ['topics', 'Topics'],
  ['people', 'People'], ['agency', 'Agency'], ['byline', 'Byline'], ['datelinePlace', 'Dateline'], ['language', 'Language'],
  ['slug', 'Slug'], ['leadImageId', 'Lead image'],
];

const asText = (s: ArticleSnapshot, k: keyof ArticleSnapshot): string => {
  const v = s[k];
  if (k === 'body') return bodyText(s.body);
  if (Array.isArray(v)) return v.join(', ');
  return v === null ? '' : String(v);
};

/** Word-level differences from the revision (old, struck through) to the current text (new, underlined). */
export function diffHtml(before: string, after: string): SafeHtml {
  return html`${diffWords(before, after).map((part) =>
    part.added ? html`<ins>${part.value}</ins>` : part.removed ? html`<del>${part.value}</del>` : html`${part.value}`)}`;
}

/** The comparison of one revision with the current text, for any kind of content at `base` (a story's or a page's newsroom address). */
export function revisionDiffMain(p: {
  csrf: string; base: string; revision: { id: number; createdAt: Date; by: string }; changed: { label: string; before: string; after: string }[]; mayRestore: boolean;
}): SafeHtml {
  return html`<h1>Revision of ${p.revision.createdAt.toISOString().slice(0, 19).replace('T', ' ')} UTC, by ${p.revision.by}</h1>
<p><a href="${p.base}/revisions">← All revisions</a></p>
<p class="nr-hint">Compared with the current text: <del>only in this revision</del>, <ins>only in the current text</ins>.</p>
${p.changed.length ? html`<dl class="nr-diff">${p.changed.map((c) => html`<dt>${c.label}</dt><dd>${diffHtml(c.before, c.after)}</dd>`)}</dl>`
  : html`<p>This revision is the same as the current text.</p>`}
${p.mayRestore && p.changed.length ? html`<form method="post" action="${p.base}/revisions/${String(p.revision.id)}/restore">
<input type="hidden" name="_csrf" value="${p.csrf}">
<button type="submit" class="nr-primary">Restore this revision</button>
</form>` : ''}`;
}

export function revisionDiffPage(p: { settings: SiteSettings; user: User; csrf: string; article: Article; revision: Revision; current: ArticleSnapshot; mayRestore: boolean }): SafeHtml {
  const changed = fields.map(([k, label]) => ({ label, before: asText(p.revision.snapshot, k), after: asText(p.current, k) })).filter((c) => c.before !== c.after);
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Compare revision',
    main: revisionDiffMain({ csrf: p.csrf, base: `/newsroom/articles/${String(p.article.id)}`, revision: p.revision, changed, mayRestore: p.mayRestore }),
  });
}
