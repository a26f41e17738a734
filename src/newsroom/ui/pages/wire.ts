import { diffWords } from 'diff';
import type { User } from '../../../accounts/index.js';
import { bodyFromHtml, bodyText, plainText, type Page, type Section } from '../../../content/index.js';
import { html, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import type { QuarantineEntry, WireAlert, WireItemDetail, WireItemSummary, WireQueueFilter, WireSourceRecord, WireVersion } from '../../../wire/index.js';
import type { Flash } from '../flash.js';
import { shell } from '../layout.js';

interface Common {
  settings: SiteSettings;
  user: User;
  csrf: string;
  flash?: Flash | null;
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const time = (d: Date) => html`<time datetime="${d.toISOString()}">${utc(d)}</time>`;

/** The desk's alerts (agency kills), each to be acknowledged by an editor. */
export function alertList(alerts: WireAlert[], csrf: string): SafeHtml {
  if (!alerts.length) return html``;
  return html`<section class="nr-alerts" role="alert" aria-labelledby="alerts-heading">
<h2 id="alerts-heading">Agency alerts</h2>
<ul role="list">${alerts.map((a) => html`<li>
<strong>${a.kind === 'kill' ? 'KILL' : a.kind.toUpperCase()}</strong> ${time(a.at)}: ${a.message}
${a.articleId !== null ? html` <a href="/newsroom/articles/${String(a.articleId)}">Open the story</a>` : ''}
 <a href="/newsroom/wire/${String(a.itemId)}">Wire item</a>
<form method="post" action="/newsroom/wire/alerts/${String(a.id)}/acknowledge" class="nr-inline">
<input type="hidden" name="_csrf" value="${csrf}">
<button type="submit">Acknowledge</button>
</form></li>`)}</ul>
</section>`;
}

function statusBadges(i: WireItemSummary, now: Date): SafeHtml {
  return html`${i.pubStatus !== 'usable' ? html`<span class="nr-badge nr-badge-unpublished">${i.pubStatus === 'withheld' ? 'withheld' : 'killed'}</span> ` : ''}${
    i.embargoedUntil && i.embargoedUntil > now ? html`<span class="nr-badge nr-badge-in_review">embargo to ${utc(i.embargoedUntil)}</span> ` : ''}${
    i.articleId !== null ? html`<a class="nr-badge nr-badge-published" href="/newsroom/articles/${String(i.articleId)}">${i.filing === 'taken' ? 'taken' : 'filed'}: story ${String(i.articleId)}</a> ` : ''}${
    i.newerVersionWaiting ? html`<span class="nr-badge nr-badge-scheduled">newer version</span>` : ''}`;
}

function pager(p: Page<unknown>, base: string): SafeHtml {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  if (pages === 1) return html``;
  const at = (n: number) => `${base}${base.includes('?') ? '&' : '?'}page=${n}`;
  return html`<nav class="nr-pager" aria-label="Pages"><p>Page ${String(p.page)} of ${String(pages)}
${p.page > 1 ? html` <a href="${at(p.page - 1)}" rel="prev">Newer</a>` : ''}${p.page < pages ? html` <a href="${at(p.page + 1)}" rel="next">Older</a>` : ''}</p></nav>`;
}

export function wireQueuePage(p: Common & {
  page: Page<WireItemSummary>; filter: WireQueueFilter; sources: WireSourceRecord[]; agencies: string[]; sections: Section[];
  alerts: WireAlert[]; quarantined: number; now: Date;
}): SafeHtml {
  const f = p.filter;
  const query = new URLSearchParams(Object.entries({ source: f.source, agency: f.agency, section: f.section, urgency: f.urgency ? String(f.urgency) : '', q: f.text })
    .filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const option = (value: string, label: string, current: string | undefined) => html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Wire', flash: p.flash,
    main: html`<h1>Wire</h1>
${alertList(p.alerts, p.csrf)}
<p class="nr-hint">${String(p.page.total)} items, newest first. ${p.quarantined ? html`<a href="/newsroom/wire/quarantine">${String(p.quarantined)} deliveries in quarantine</a>.` : 'Nothing in quarantine.'}
 <a href="/newsroom/wire/sources">Sources</a>.</p>
<form class="nr-filters" method="get" action="/newsroom/wire" role="search">
<div class="nr-field"><label for="f-source">Source</label><select id="f-source" name="source">${option('', 'All sources', f.source)}${p.sources.map((s) => option(s.slug, s.name, f.source))}</select></div>
<div class="nr-field"><label for="f-agency">Agency</label><select id="f-agency" name="agency">${option('', 'All agencies', f.agency)}${p.agencies.map((a) => option(a, a, f.agency))}</select></div>
<div class="nr-field"><label for="f-section">Section</label><select id="f-section" name="section">${option('', 'Any section', f.section)}${p.sections.map((s) => option(s.slug, s.name, f.section))}</select></div>
<div class="nr-field"><label for="f-urgency">Urgency</label><select id="f-urgency" name="urgency">${option('', 'Any', f.urgency ? String(f.urgency) : '')}${[1, 2, 3, 4, 5].map((u) => option(String(u), u === 1 ? '1 (flash) only' : `${u} or more urgent`, f.urgency ? String(f.urgency) : ''))}</select></div>
<div class="nr-field"><label for="f-q">Headline contains</label><input id="f-q" name="q" value="${f.text ?? ''}"></div>
<button type="submit">Filter</button>
</form>
${p.page.items.length ? html`<table class="nr-table nr-wire">
<thead><tr><th scope="col">Received</th><th scope="col">Urg.</th><th scope="col">Headline</th><th scope="col">Agency</th><th scope="col">Source</th><th scope="col">Versions</th><th scope="col">State</th></tr></thead>
<tbody>${p.page.items.map((i) => html`<tr${i.urgency !== null && i.urgency <= 2 ? html` class="nr-urgent"` : ''}>
<td>${time(i.updatedAt)}</td>
<td>${i.urgency === null ? '' : String(i.urgency)}</td>
<td><a href="/newsroom/wire/${String(i.id)}">${i.headline || i.uri}</a>${i.type !== 'text' ? html` <span class="nr-badge">${i.type}</span>` : ''}</td>
<td>${i.agency}</td><td>${i.source ?? 'import'}</td><td>${String(i.versionCount)}</td>
<td>${statusBadges(i, p.now)}</td>
</tr>`)}</tbody></table>${pager(p.page, `/newsroom/wire${query ? `?${query}` : ''}`)}` : html`<p class="empty">No wire items${query ? ' match these filters' : ' yet: add a source with dateline source add, or import files with dateline import'}.</p>`}`,
  });
}

const compared: [string, (v: WireVersion) => string][] = [
  ['Headline', (v) => plainText(v.item.headline)],
  ['Summary', (v) => plainText(v.item.summary)],
  ['Body', (v) => bodyText(bodyFromHtml(v.item.bodyHtml))],
  ['Byline', (v) => v.item.byline],
  ['Dateline', (v) => v.item.located],
  ['Topics', (v) => v.item.topics.join(', ')],
  ['Urgency', (v) => (v.item.urgency === null ? '' : String(v.item.urgency))],
  ['Status', (v) => v.item.pubStatus],
  ['Embargo', (v) => v.item.embargoedUntil?.toISOString() ?? ''],
  ['Pictures', (v) => v.item.pictures.map((pic) => `${plainText(pic.caption)} (${plainText(pic.credit)})`).join('\n')],
];

const versionLabel = (v: WireVersion) => `${v.version ? `v${v.version}` : `#${v.id}`}, ${utc(v.versionCreatedAt ?? v.receivedAt)}`;

export function wireItemPage(p: Common & {
  item: WireItemDetail;
  versions: WireVersion[]; a: WireVersion | null; b: WireVersion; sections: Section[]; now: Date;
}): SafeHtml {
  const { item, b } = p;
  const latest = b.item;
  const usable = item.pubStatus === 'usable';
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: `Wire: ${item.headline || item.uri}`, flash: p.flash,
    main: html`<p><a href="/newsroom/wire">← Wire</a></p>
<h1>${item.headline || item.uri}</h1>
<p class="nr-hint">${item.agency || 'Unknown agency'} · ${item.format} · ${item.uri} · ${String(item.versionCount)} version${item.versionCount === 1 ? '' : 's'} ${statusBadges(item, p.now)}</p>
${!usable ? html`<p class="nr-flash nr-flash-error" role="alert">The agency ${item.pubStatus === 'withheld' ? 'withheld' : 'killed'} this item: it must not be used${item.articleId !== null ? '; the story made from it was taken down' : ''}.</p>` : ''}
${usable && (item.articleId === null || item.newerVersionWaiting) && (latest.type === 'text' || latest.type === 'composite') ? html`<form method="post" action="/newsroom/wire/${String(item.id)}/take" class="nr-take">
<input type="hidden" name="_csrf" value="${p.csrf}">
${item.articleId === null ? html`<div class="nr-field"><label for="take-section">Section</label><select id="take-section" name="section">${p.sections.map((s) => html`<option value="${s.slug}"${s.slug === item.sectionSlug ? html` selected` : ''}>${s.name}</option>`)}</select></div>
<button type="submit" class="nr-primary">Take into a draft</button>`
  : html`<input type="hidden" name="section" value="">
<button type="submit" class="nr-primary">Update story ${String(item.articleId)} to ${versionLabel(p.versions.find((v) => v.id === item.latestVersionId) ?? b)}</button>`}
</form>` : ''}
<h2>Versions</h2>
<table class="nr-table"><thead><tr><th scope="col">Version</th><th scope="col">Received</th><th scope="col">File</th><th scope="col">Status</th><th scope="col"><span class="nr-visually-hidden">Compare</span></th></tr></thead>
<tbody>${p.versions.map((v, i) => html`<tr>
<td>${versionLabel(v)}${v.id === item.appliedVersionId ? html` <span class="nr-badge nr-badge-published">in the story</span>` : ''}</td>
<td>${time(v.receivedAt)}</td><td>${v.fileName}</td><td>${v.item.pubStatus}</td>
<td>${i > 0 ? html`<a href="/newsroom/wire/${String(item.id)}?a=${String(p.versions[i - 1]!.id)}&amp;b=${String(v.id)}">Compare with the one before</a>` : ''}</td>
</tr>`)}</tbody></table>
${p.a ? html`<h2>${versionLabel(p.a)} and ${versionLabel(b)} side by side</h2>
<p class="nr-hint">Changes: <del>only in the earlier</del>, <ins>only in the later</ins>.</p>
<table class="nr-table nr-compare"><thead><tr><th scope="col">Field</th><th scope="col">${versionLabel(p.a)}</th><th scope="col">${versionLabel(b)}</th></tr></thead>
<tbody>${compared.map(([label, get]) => {
  const before = get(p.a!);
  const after = get(b);
  return html`<tr${before === after ? '' : html` class="nr-changed"`}><th scope="row">${label}</th><td>${before}</td><td>${before === after ? after : diffWords(before, after).map((part) =>
    part.added ? html`<ins>${part.value}</ins>` : part.removed ? html`<del>${part.value}</del>` : html`${part.value}`)}</td></tr>`;
})}</tbody></table>` : html`<h2>${versionLabel(b)}</h2>
<dl class="nr-diff">${compared.map(([label, get]) => (get(b) ? html`<dt>${label}</dt><dd>${get(b)}</dd>` : ''))}</dl>`}
<h2>Rights</h2>
<dl class="nr-diff"><dt>Copyright</dt><dd>${latest.copyrightHolder || '—'} ${latest.copyrightNotice}</dd><dt>Usage terms</dt><dd>${latest.usageTerms || '—'}</dd></dl>`,
  });
}

export function quarantinePage(p: Common & { page: Page<QuarantineEntry> }): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Wire quarantine', flash: p.flash,
    main: html`<p><a href="/newsroom/wire">← Wire</a></p>
<h1>Quarantine</h1>
<p class="nr-hint">Deliveries that could not be read, kept byte for byte with the reason. After a fix (a parser update, a corrected source), retry them.</p>
${p.page.items.length ? html`<table class="nr-table"><thead><tr><th scope="col">Received</th><th scope="col">Source</th><th scope="col">File</th><th scope="col">Reason</th><th scope="col">Size</th><th scope="col"><span class="nr-visually-hidden">Actions</span></th></tr></thead>
<tbody>${p.page.items.map((q) => html`<tr>
<td>${time(q.receivedAt)}</td><td>${q.source ?? 'import'}</td><td>${q.fileName}</td><td>${q.reason}</td><td>${String(q.size)} bytes</td>
<td><a href="/newsroom/wire/quarantine/${String(q.id)}/original" download>Original</a>
<form method="post" action="/newsroom/wire/quarantine/${String(q.id)}/retry" class="nr-inline">
<input type="hidden" name="_csrf" value="${p.csrf}">
<button type="submit">Retry</button>
</form></td></tr>`)}</tbody></table>${pager(p.page, '/newsroom/wire/quarantine')}` : html`<p class="empty">Nothing in quarantine.</p>`}`,
  });
}

export function sourcesPage(p: Common & { sources: WireSourceRecord[] }): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Wire sources', flash: p.flash,
    main: html`<p><a href="/newsroom/wire">← Wire</a></p>
<h1>Sources</h1>
<p class="nr-hint">Configured with <code>dateline source add</code>.</p>
${p.sources.length ? html`<table class="nr-table"><thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Where</th><th scope="col">Rules</th><th scope="col">Last run</th></tr></thead>
<tbody>${p.sources.map((s) => html`<tr>
<td><a href="/newsroom/wire?source=${s.slug}">${s.name}</a>${s.enabled ? '' : html` <span class="nr-badge">disabled</span>`}</td>
<td>${s.kind}</td><td>${s.kind === 'push' ? `/ingest/${s.slug}` : s.location}</td>
<td>${s.mode === 'publish' ? `publish in ${s.section ?? ''}` : s.mode === 'draft' ? `drafts in ${s.section ?? ''}` : 'wire queue'}${s.topics.length ? `; topics ${s.topics.join(', ')}` : ''}${s.pictureHosts.length ? `; pictures from ${s.pictureHosts.join(', ')}` : ''}</td>
<td>${s.lastRunAt ? time(s.lastRunAt) : '—'}${s.lastError ? html` <span class="nr-badge nr-badge-unpublished">failed</span> ${s.lastError}` : ''}</td>
</tr>`)}</tbody></table>` : html`<p class="empty">No sources yet.</p>`}`,
  });
}
