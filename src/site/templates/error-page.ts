import type { Navigation } from '../../content/index.js';
import { html, type SafeHtml } from '../html.js';
import type { SiteSettings } from '../settings.js';
import { layout } from './layout.js';

const texts: Record<number, { title: string; body: string }> = {
  400: { title: 'That request could not be understood', body: 'Something in the address is not quite right.' },
  404: { title: 'Page not found', body: 'We could not find that page. It may never have existed, or the address may be mistyped.' },
  410: { title: 'This story has been removed', body: 'The story that was here is no longer published.' },
  500: { title: 'Something went wrong', body: 'We are having trouble showing this page. Please try again in a moment.' },
};

export function errorPage(status: number, settings: SiteSettings, nav: Navigation, detail?: string): SafeHtml {
  const t = texts[status] ?? texts[status >= 500 ? 500 : 400]!;
  return layout({
    settings,
    nav,
    head: { title: t.title, description: t.body, noindex: true },
    main: html`<section class="error-page">
<p class="kicker">Error ${status}</p>
<h1>${t.title}</h1>
<p>${detail ?? t.body}</p>
<p><a href="/">Go to the home page</a></p>
</section>`,
  });
}
