import { html, safeUrl, type SafeHtml } from '../html.js';
import type { SiteSettings } from '../settings.js';

/** The masthead's name: the logo (its alt text is the name), or the name set in type. */
export function brand(s: SiteSettings): SafeHtml {
  const logo = s.logo;
  if (!logo) return html`<a class="brand" href="/">${s.name}</a>`;
  const img = html`<img class="brand-logo" src="${logo.src}" width="${logo.width}" height="${logo.height}" alt="${s.name}">`;
  return html`<a class="brand brand-with-logo" href="/">${logo.sources.length
    ? html`<picture>${logo.sources.map((x) => html`<source type="${x.type}" srcset="${x.srcset}" sizes="20rem">`)}${img}</picture>` : img}</a>`;
}

/**
 * The look's links in the head: site.css, then the theme and the custom CSS (hashed addresses,
 * cached for ever), the icons, the web app manifest and the browser's theme colour.
 */
export function lookLinks(s: SiteSettings): SafeHtml {
  const i = s.icons;
  return html`<link rel="stylesheet" href="/assets/site.css?v=${s.assetVersion}">
${s.stylesheets.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}<link rel="icon" href="${i.favicon.href}" type="${i.favicon.type}"${i.favicon.sizes ? html` sizes="${i.favicon.sizes}"` : ''}>
<link rel="apple-touch-icon" href="${i.appleTouch}">
<link rel="manifest" href="/manifest.webmanifest">
<meta name="theme-color" content="${s.accentColor}">`;
}

const networks: Record<string, string> = {
  'x.com': 'X', 'twitter.com': 'X', 'facebook.com': 'Facebook', 'instagram.com': 'Instagram', 'youtube.com': 'YouTube',
  'linkedin.com': 'LinkedIn', 'tiktok.com': 'TikTok', 'bsky.app': 'Bluesky', 'threads.net': 'Threads', 'whatsapp.com': 'WhatsApp',
  't.me': 'Telegram', 'mastodon.social': 'Mastodon', 'github.com': 'GitHub',
};

/** "Instagram" for https://www.instagram.com/..., else the host itself. */
function networkName(url: string): string {
  const host = new URL(url).hostname.replace(/^(www|m)\./, '');
  return networks[host] ?? host;
}

/** The footer's own lines: the admin's footer text and the social accounts. */
export function footerExtras(s: SiteSettings): SafeHtml {
  return html`${s.footerText ? html`<p class="footer-text">${s.footerText}</p>` : ''}
${s.socialAccounts.length ? html`<p class="social-links">Follow ${s.name}: ${s.socialAccounts.map((url, i) =>
    html`${i ? ' · ' : ''}<a rel="me" href="${safeUrl(url)}">${networkName(url)}</a>`)}</p>` : ''}`;
}
