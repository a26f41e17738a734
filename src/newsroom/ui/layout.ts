import type { User } from '../../accounts/index.js';
import { html, type SafeHtml } from '../../site/index.js';
import type { SiteSettings } from '../../site/index.js';

export interface ShellInput {
  settings: SiteSettings;
  title: string;
  user: User | null;
  csrf: string | null;
  main: SafeHtml;
  /** Scripts of the newsroom client to load (by name, from /newsroom/assets/). */
  scripts?: string[];
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}

/** The newsroom's page shell: its own header and menu, never indexed, never cached. */
export function shell(p: ShellInput): SafeHtml {
  const s = p.settings;
  const admin = p.user?.role === 'admin';
  return html`<!doctype html>
<html lang="${s.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${p.title} | ${s.name} newsroom</title>
<link rel="stylesheet" href="/assets/site.css?v=${s.assetVersion}">
<link rel="stylesheet" href="/assets/newsroom.css?v=${s.assetVersion}">
<link rel="icon" href="/assets/favicon.svg?v=${s.assetVersion}" type="image/svg+xml">
${(p.scripts ?? []).map((name) => html`<script type="module" src="/newsroom/assets/${name}.js?v=${s.assetVersion}"></script>`)}
</head>
<body class="newsroom">
<a class="skip-link" href="#main">Skip to content</a>
<header class="nr-bar">
<a class="nr-brand" href="/newsroom">${s.name} <span>newsroom</span></a>
${p.user ? html`<nav aria-label="Newsroom">
<ul role="list">
<li><a href="/newsroom">Stories</a></li>
<li><a href="/newsroom/articles/new">New story</a></li>
<li><a href="/newsroom/pages">Pages</a></li>
${p.user.role !== 'contributor' ? html`<li><a href="/newsroom/wire">Wire</a></li>` : ''}
<li><a href="/newsroom/media">Media</a></li>
<li><a href="/newsroom/people">People</a></li>
${p.user.role !== 'contributor' ? html`<li><a href="/newsroom/taxonomy">Sections and topics</a></li>` : ''}
${admin ? html`<li><a href="/newsroom/menus">Menus</a></li>` : ''}
${admin ? html`<li><a href="/newsroom/users">Users</a></li><li><a href="/newsroom/audit">Audit log</a></li>` : ''}
${admin ? html`<li><a href="/newsroom/settings">Settings</a></li>` : ''}
<li><a href="/">Site</a></li>
</ul>
</nav>
<form class="nr-signout" method="post" action="/newsroom/sign-out">
<input type="hidden" name="_csrf" value="${p.csrf ?? ''}">
<span class="nr-who">${p.user.name} (${p.user.role})</span>
<button type="submit">Sign out</button>
</form>` : ''}
</header>
<main id="main" class="nr-main">
${p.flash ? html`<p class="nr-flash nr-flash-${p.flash.kind}" role="${p.flash.kind === 'error' ? 'alert' : 'status'}">${p.flash.text}</p>` : ''}
${p.main}
</main>
</body>
</html>`;
}
