import type { User } from '../../../accounts/index.js';
import type { Image, StaticPage } from '../../../content/index.js';
import { fontPairings, standardsFields, type PublicationSettings, type StandardsField } from '../../../settings/index.js';
import { html, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import { shell } from '../layout.js';
import { colourFields, type SettingsFormValues } from '../settings-form.js';

export interface SettingsPageInput {
  settings: SiteSettings;
  user: User;
  csrf: string;
  /** What the form shows: the stored settings, or what was just posted. */
  values: SettingsFormValues;
  /** The stored settings (the logo and icon, which are sent as files). */
  stored: PublicationSettings;
  pages: StaticPage[];
  images: Image[];
  /** The field a refusal names, and why. */
  error?: { field: string; message: string } | null;
  /** The address of the unsaved settings' preview, after "Preview". */
  previewUrl?: string | null;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}

const standardsLabels: Record<StandardsField, string> = {
  publishingPrinciples: 'Publishing principles', correctionsPolicy: 'Corrections policy', ethicsPolicy: 'Ethics policy',
  masthead: 'Masthead (who is who)', ownershipFundingInfo: 'Ownership and funding', actionableFeedbackPolicy: 'How readers reach us with feedback',
  diversityPolicy: 'Diversity policy',
};
const colourLabels: Record<(typeof colourFields)[number], string> = { accentColor: 'Accent colour', textColor: 'Text colour', backgroundColor: 'Background colour' };

/** /newsroom/settings: the publication's name, look and standards, with a preview before saving. */
export function settingsPage(p: SettingsPageInput): SafeHtml {
  const v = p.values;
  const err = (name: string) => (p.error?.field === name ? html`<p id="${name}-error" class="nr-field-error">${p.error.message}</p>` : '');
  const invalid = (name: string, hint?: string) => (p.error?.field === name
    ? html` aria-invalid="true" aria-describedby="${name}-error${hint ? ` ${hint}` : ''}"` : hint ? html` aria-describedby="${hint}"` : '');
  const text = (name: string, label: string, o: { max?: number; hint?: string; type?: string } = {}) => html`<div class="nr-field">
<label for="${name}">${label}${o.hint ? html` <span class="nr-hint" id="${name}-hint">${o.hint}</span>` : ''}</label>
<input id="${name}" name="${name}" type="${o.type ?? 'text'}" value="${v[name] ?? ''}"${o.max ? html` maxlength="${o.max}"` : ''}${invalid(name, o.hint ? `${name}-hint` : undefined)}>
${err(name)}</div>`;
  const zones = [...new Set([v.timeZone ?? '', 'UTC', ...Intl.supportedValuesOf('timeZone')])].filter(Boolean);
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Site settings', flash: p.flash, scripts: ['settings'],
    main: html`<h1>Site settings</h1>
${p.error ? html`<div class="nr-alerts" role="alert"><p>Not saved: <a href="#${p.error.field}">${p.error.message}</a></p></div>` : ''}
${p.previewUrl ? html`<section class="nr-preview" aria-labelledby="preview-heading">
<h2 id="preview-heading">Preview (not saved yet)</h2>
<iframe class="nr-preview-frame" title="The home page with these settings, not saved yet" src="${p.previewUrl}"></iframe>
</section>` : ''}
<form class="nr-form nr-settings" method="post" action="/newsroom/settings">
<input type="hidden" name="_csrf" value="${p.csrf}">
<fieldset><legend>The publication</legend>
${text('name', 'Name', { max: 120 })}
${text('tagline', 'Tagline', { max: 300 })}
${text('footerText', 'Footer text', { max: 1000, hint: '(a line at the foot of every page)' })}
<div class="nr-grid">
${text('language', 'Default language', { max: 35, hint: '(a language tag: en, fr, pt-BR)' })}
<div class="nr-field"><label for="timeZone">Time zone</label>
<select id="timeZone" name="timeZone"${invalid('timeZone')}>${zones.map((z) => html`<option${z === v.timeZone ? html` selected` : ''}>${z}</option>`)}</select>${err('timeZone')}</div>
</div>
</fieldset>
<fieldset><legend>Colours</legend>
<p class="nr-hint" id="colours-hint">Text and accent colours need a contrast of at least 4.5:1 with the background (WCAG AA).</p>
<div class="nr-grid">
${colourFields.map((c) => html`<div class="nr-field nr-colour" data-colour>
<label for="${c}">${colourLabels[c]} <span class="nr-hint">(#rrggbb)</span></label>
<span class="nr-colour-pair"><input type="color" id="${c}Picker" name="${c}Picker" value="${v[`${c}Picker`] ?? v[c] ?? ''}" aria-label="${colourLabels[c]}: pick" data-colour-picker>
<input id="${c}" name="${c}" value="${v[c] ?? ''}" maxlength="7" pattern="#[0-9a-fA-F]{6}" spellcheck="false" data-colour-text${invalid(c, 'colours-hint')}></span>
<input type="hidden" name="${c}Was" value="${v[`${c}Was`] ?? ''}">
${err(c)}</div>`)}
</div>
<div class="nr-field"><label for="fontPairing">Fonts</label>
<select id="fontPairing" name="fontPairing"${invalid('fontPairing')}>${Object.values(fontPairings).map((f) => html`<option value="${f.id}"${f.id === v.fontPairing ? html` selected` : ''}>${f.label}</option>`)}</select>${err('fontPairing')}</div>
</fieldset>
<fieldset><legend>Sharing</legend>
<div class="nr-field"><label for="shareImage">Share picture <span class="nr-hint" id="shareImage-hint">(shown by social networks for pages without a picture of their own)</span></label>
<select id="shareImage" name="shareImage"${invalid('shareImage', 'shareImage-hint')}><option value="">None</option>${p.images.map((i) => html`<option value="${String(i.id)}"${String(i.id) === v.shareImage ? html` selected` : ''}>#${String(i.id)}: ${i.alt || i.caption || 'untitled picture'}</option>`)}</select>${err('shareImage')}</div>
<div class="nr-field"><label for="socialAccounts">Social accounts <span class="nr-hint" id="socialAccounts-hint">(one https address a line)</span></label>
<textarea id="socialAccounts" name="socialAccounts" rows="3"${invalid('socialAccounts', 'socialAccounts-hint')}>${v.socialAccounts ?? ''}</textarea>${err(p.error?.field.startsWith('socialAccounts') ? p.error.field : 'socialAccounts')}</div>
</fieldset>
<fieldset><legend>Standards</legend>
<p class="nr-hint">The pages readers (and search engines, in the site's NewsMediaOrganization markup) find your standards on: a page of the site, or another address.</p>
${standardsFields.map((f) => standardsField(f, v, p.pages, invalid, err))}
</fieldset>
<div class="nr-field"><label for="customCss">Custom CSS <span class="nr-hint" id="customCss-hint">(added after the site's stylesheet; set --dl-accent, --dl-font-body... on :root, see the README)</span></label>
<textarea id="customCss" name="customCss" rows="8" spellcheck="false"${invalid('customCss', 'customCss-hint')}>${v.customCss ?? ''}</textarea>${err('customCss')}</div>
<p class="nr-actions"><button type="submit" name="intent" value="preview">Preview</button>
<button type="submit" name="intent" value="save" class="nr-primary">Save settings</button></p>
</form>
${artworkForms(p)}`,
  });
}

function standardsField(f: StandardsField, v: SettingsFormValues, pages: StaticPage[], invalid: (n: string, h?: string) => SafeHtml | '', err: (n: string) => SafeHtml | ''): SafeHtml {
  const chosen = v[f] ?? '';
  const known = pages.some((pg) => `page:${pg.id}` === chosen);
  return html`<div class="nr-grid">
<div class="nr-field"><label for="${f}">${standardsLabels[f]}</label>
<select id="${f}" name="${f}"${invalid(f)}><option value="">None</option>${pages.map((pg) => html`<option value="page:${String(pg.id)}"${`page:${pg.id}` === chosen ? html` selected` : ''}>Page: ${pg.title} (/${pg.slug})</option>`)}${
  chosen.startsWith('page:') && !known ? html`<option value="${chosen}" selected>Page #${chosen.slice(5)} (not published)</option>` : ''}<option value="url"${chosen === 'url' ? html` selected` : ''}>The address beside</option></select>${err(f)}</div>
<div class="nr-field"><label for="${f}Url">${standardsLabels[f]}: address <span class="nr-hint">(https, when not a page of the site)</span></label>
<input id="${f}Url" name="${f}Url" type="url" value="${v[`${f}Url`] ?? ''}" placeholder="https://"${invalid(`${f}Url`)}>${err(`${f}Url`)}</div>
</div>`;
}

/** The logo and icon are files: each has a form of its own (multipart, the CSRF token in the address). */
function artworkForms(p: SettingsPageInput): SafeHtml {
  const csrf = html`<input type="hidden" name="_csrf" value="${p.csrf}">`;
  const logo = p.settings.logo;
  const form = (what: 'logo' | 'icon', label: string, hint: string, current: SafeHtml | '') => html`<section class="nr-upload" aria-labelledby="${what}-heading">
<h2 id="${what}-heading">${label}</h2>
${current}
<form method="post" action="/newsroom/settings/${what}?_csrf=${encodeURIComponent(p.csrf)}" enctype="multipart/form-data">
<div class="nr-field"><label for="${what}-file">New ${what} <span class="nr-hint">${hint}</span></label>
<input id="${what}-file" name="file" type="file" required accept="image/svg+xml,image/png,image/jpeg,image/webp,image/avif"></div>
<button type="submit">Upload ${what}</button>
</form>
${current ? html`<form method="post" action="/newsroom/settings/${what}/remove">${csrf}<button type="submit">Remove the ${what}</button></form>` : ''}
</section>`;
  return html`${form('logo', 'Logo', '(SVG, or a PNG, JPEG, WebP or AVIF picture; shown in the masthead instead of the name)',
    logo && p.stored.logo ? html`<p class="nr-logo-now"><img src="${logo.src}" width="${logo.width}" height="${logo.height}" alt="The current logo"></p>` : '')}
${form('icon', 'Icon', '(square, SVG or at least 180 × 180 pixels: the browser tab, home screens and the web app manifest)',
    p.stored.icon ? html`<p><img src="${p.settings.icons.appleTouch}" width="90" height="90" alt="The current icon"></p>` : '')}`;
}
