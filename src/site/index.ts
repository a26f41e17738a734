export { sitePlugin, assetVersion, assetsDir, clientDir, type SitePluginOptions } from './plugin.js';
export { siteSettings, type SiteContext, type SiteSettings } from './settings.js';
export { articlePath } from './urls.js';
export { renderBody } from './render-body.js';
export { escapeHtml, html, safeUrl, type SafeHtml } from './html.js';
export { articlePage } from './templates/article.js';
export { sendPage } from './routes/send.js';
export { PageCache, type CachedPage } from './cache/page-cache.js';
export { cacheable } from './cache/plugin.js';
