import { z } from 'zod';
import { articleCreate, articlePatch, correctionCreate, followUp, imageText, roleChange, sessionCreate, statusChange, tokenCreate, tokenRenew, topicMerge, topicPatch, topicSuggest } from './schemas.js';
import { pageCreate, pagePatch } from './schemas.js';
import { menuPut } from './schemas.js';
import { profilePatch } from './schemas.js';
import { settingsPatch } from '../../settings/index.js';
import { auditQuery, peopleQuery, searchListQuery, storyListQuery, topicQuery } from '../queries.js';

/** A route's query parameters, from the zod schema the route parses them with. */
const query = (schema: z.ZodObject) => Object.entries(schema.shape).map(([name, field]) => {
  const { $schema: _, ...fieldSchema } = z.toJSONSchema(field as z.ZodType, { io: 'input' });
  return { name, in: 'query', schema: fieldSchema };
});
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const errors = {
  400: { description: 'Invalid input: `{"error": {"code", "message", "field"}}`' },
  401: { description: 'Not signed in (no session cookie or bearer token)' },
  403: { description: 'Signed in, but the role does not allow it, or the CSRF token is missing' },
  404: { description: 'Unknown id' },
};
const lastAdmin = { description: 'Your own account, or the last enabled admin' };
const idParam = (name = 'id') => ({ name, in: 'path', required: true, schema: { type: 'integer' } });

/** The OpenAPI 3.1 description of /api/v1, built from the same zod schemas that validate requests. */
export function openApiDocument(siteUrl: string, siteName: string) {
  return {
    openapi: '3.1.0',
    info: { title: `${siteName} newsroom API`, version: '1.0.0', description: 'Dateline newsroom API: stories, static pages, workflow, revisions, corrections and media.' },
    servers: [{ url: `${siteUrl}/api/v1` }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from `dateline token create --email E` or POST /tokens; it expires (API_TOKEN_DAYS, renewable) and can be revoked: an expired or revoked token answers 401 saying so' },
        session: { type: 'apiKey', in: 'cookie', name: 'dl_session', description: 'From POST /session; state-changing requests must also send X-CSRF-Token' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      '/session': {
        post: { summary: 'Sign in', security: [], requestBody: json(sessionCreate), responses: { 201: ok('The user and the CSRF token'), 401: errors[401], 429: { description: 'Too many failed attempts' } } },
        get: { summary: 'Who am I', responses: { 200: ok('The user and the CSRF token'), 401: errors[401] } },
        delete: { summary: 'Sign out', responses: { 204: { description: 'Signed out' } } },
      },
      '/articles': {
        get: { summary: 'List stories (contributors see their own)', parameters: query(storyListQuery), responses: { 200: ok('A page of stories'), 401: errors[401] } },
        post: { summary: 'Create a draft', requestBody: json(articleCreate), responses: { 201: ok('The story `{id, status, url, ...}`'), ...errors } },
      },
      '/articles/{id}': {
        parameters: [idParam()],
        get: { summary: 'A story', responses: { 200: ok('The story'), ...errors } },
        patch: { summary: 'Edit a story (every save keeps a revision)', requestBody: json(articlePatch), responses: { 200: ok('The story'), ...errors } },
      },
      '/articles/{id}/status': {
        parameters: [idParam()],
        post: { summary: 'Move through the workflow: draft, in_review, scheduled (with at), published, unpublished', requestBody: json(statusChange), responses: { 200: ok('The story'), ...errors, 409: { description: 'Not an allowed move from the current status' } } },
      },
      '/articles/{id}/revisions': {
        parameters: [idParam()],
        get: { summary: 'Revisions, newest first', responses: { 200: ok('An array of revisions'), ...errors } },
      },
      '/articles/{id}/revisions/{rid}/restore': {
        parameters: [idParam(), idParam('rid')],
        post: { summary: 'Restore a revision (as a new save)', responses: { 200: ok('The story'), ...errors } },
      },
      '/articles/{id}/follow-up': {
        parameters: [idParam()],
        put: {
          summary: 'Link the story as a follow-up of another (its id, slug or address), or unlink it with null (editor); the thread shows on the site as a timeline',
          requestBody: json(followUp),
          responses: { 200: ok('The article, with followUpOf and threadId'), ...errors, 409: { description: 'The link would make a circle' } },
        },
      },
      '/articles/{id}/corrections': {
        parameters: [idParam()],
        post: { summary: 'Append a correction or update note to a published story', requestBody: json(correctionCreate), responses: { 201: ok('The correction'), ...errors } },
      },
      '/pages': {
        get: { summary: 'List static pages, last saved first (contributors see their own)', parameters: query(storyListQuery), responses: { 200: ok('`{items: [page], total, page}`'), 401: errors[401] } },
        post: {
          summary: 'Create a static page at /{slug} (the slug is made from the title when not given); with `status` (and `at` for scheduled) it moves through the workflow at once, as stories do',
          requestBody: json(pageCreate),
          responses: { 201: ok('The page `{id, status, url, slug, title, bodyHtml, ...}`'), ...errors, 400: { description: 'Invalid input, or a slug the site itself uses (`field`: slug)' }, 409: { description: 'The slug is a section’s or another page’s address (`field`: slug)' } },
        },
      },
      '/pages/{id}': {
        parameters: [idParam()],
        get: { summary: 'A static page', responses: { 200: ok('The page'), ...errors } },
        patch: {
          summary: 'Edit a page (a revision for every change) and/or move it: draft, in_review, scheduled (with `at`), published, unpublished; only editors schedule, publish and unpublish; the slug is fixed once published',
          requestBody: json(pagePatch),
          responses: { 200: ok('The page'), ...errors, 409: { description: 'Not an allowed move, a slug taken, or the page changed since `baseModifiedAt`' } },
        },
        delete: { summary: 'Delete a page that has never been published; a published (or unpublished) one is refused, so its address keeps answering 410', responses: { 204: { description: 'Deleted' }, ...errors, 409: { description: 'The page has been published: unpublish it instead' } } },
      },
      '/pages/{id}/revisions': {
        parameters: [idParam()],
        get: { summary: 'A page’s revisions, newest first', responses: { 200: ok('An array of `{id, createdAt, by, userId, source, changed, title}`'), ...errors } },
      },
      '/pages/{id}/revisions/{rid}/restore': {
        parameters: [idParam(), idParam('rid')],
        post: { summary: 'Restore a page revision (as a new save)', responses: { 200: ok('The page'), ...errors } },
      },
      '/menus/{name}': {
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: ['header', 'footer'] } }],
        get: { summary: 'A menu (admins): the saved items, or the default (`saved` false: the header is Home and every top-level section)', responses: { 200: ok('`{name, saved, items}`'), ...errors } },
        put: {
          summary: 'Replace a menu (admins): items in order, each `{label}` with one of `section` (slug), `page` (id), `topic` (slug) or `url` (http(s) or a path starting with /); `children` (one level) on header items; an empty list restores the default. Live on every page at once; audited',
          requestBody: json(menuPut),
          responses: { 200: ok('`{name, saved, items}`'), ...errors, 400: { description: 'Invalid input, or a target that does not exist; `field` names the item (`items.2.page`)' } },
        },
      },
      '/images': {
        get: { summary: 'Search the media library by caption, credit or alt text', parameters: query(searchListQuery), responses: { 200: ok('A page of images'), 401: errors[401] } },
        post: {
          summary: 'Upload a picture (JPEG, PNG, WebP or AVIF; type checked from the bytes)',
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, alt: { type: 'string' }, caption: { type: 'string' }, credit: { type: 'string' } }, required: ['file'] } } } },
          responses: { 201: ok('The image'), ...errors, 413: { description: 'Too large' }, 415: { description: 'Not an image Dateline accepts' } },
        },
      },
      '/images/{id}': { parameters: [idParam()], patch: { summary: 'Edit alt text, caption, credit', requestBody: json(imageText), responses: { 200: ok('The image'), ...errors } } },
      '/search': {
        get: {
          summary: 'Search published stories (scope=newsroom adds drafts the signed-in user may see)', security: [],
          parameters: ['q', 'section', 'topic', 'author', 'agency', 'language', 'from', 'to', 'sort', 'page', 'scope'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
          responses: { 200: ok('`{items: [{id, headline, url, snippet, ...}], total, totalIsAtLeast, order, page, suggestion}`: past 1,000 matches `total` is 1000 with `totalIsAtLeast` true and `order` "added" (most recently added first, not ranked)'), 400: errors[400] },
        },
      },
      '/sections': { get: { summary: 'Sections', responses: { 200: ok('An array of sections') } } },
      '/topics': { get: { summary: 'Topic names for autocomplete', parameters: query(topicQuery), responses: { 200: ok('An array of names') } } },
      '/topics/suggest': {
        post: {
          summary: 'Topics for a story from its text: existing topics it names (by name or alias), topics of similar published stories, then new names (people, places, organisations)',
          requestBody: json(topicSuggest),
          responses: { 200: ok('`{suggestions: [{topic: {id, slug, name} | null, name, kind: existing|new, type, score, mentions, reasons}]}`, existing topics first'), ...errors },
        },
      },
      '/topics/{id}': { parameters: [idParam()], patch: { summary: 'Rename a topic or set its aliases (editor)', requestBody: json(topicPatch), responses: { 200: ok('The topic with its aliases'), ...errors, 409: { description: 'An alias already names another topic' } } } },
      '/topics/{id}/merge': { parameters: [idParam()], post: { summary: 'Merge a topic into another; its name becomes an alias (editor)', requestBody: json(topicMerge), responses: { 200: ok('The topic merged into'), ...errors } } },
      '/people': {
        get: { summary: 'People (every byline) with their profiles: staff first, in staff-page order, then by name', parameters: query(peopleQuery), responses: { 200: ok('`{items: [person], total, page}`; a private `email` is null unless you may edit the profile'), 401: errors[401] } },
      },
      '/people/{id}': {
        parameters: [idParam()],
        get: { summary: 'A person with their profile', responses: { 200: ok('`{id, slug, name, url, jobTitle, bio, photo, beat, links, email, emailPublic, team, teamPosition, position, userId}`'), ...errors } },
        patch: { summary: 'Edit a profile (editors, or the person linked to your account; name, team, places and userId: editors); live on the author page, /staff and the stories at once', requestBody: json(profilePatch), responses: { 200: ok('The person'), ...errors, 409: { description: 'The account is linked to another person, or another person has that name' } } },
      },
      '/users': { get: { summary: 'Users (admin)', responses: { 200: ok('An array of users'), 403: errors[403] } } },
      '/users/{id}': {
        parameters: [idParam()],
        patch: { summary: 'Change a role (admin)', requestBody: json(roleChange), responses: { 200: ok('The user'), ...errors } },
        delete: { summary: 'Remove an account with its sessions and tokens (admin); its stories, revisions and audit entries stay', responses: { 204: { description: 'Removed' }, ...errors, 409: lastAdmin } },
      },
      '/users/{id}/disable': {
        parameters: [idParam()],
        post: { summary: 'Disable an account (admin): its sessions end and its tokens are revoked at once', responses: { 200: ok('The user, with `sessionsEnded` and `tokensRevoked`'), ...errors, 409: lastAdmin } },
      },
      '/users/{id}/enable': { parameters: [idParam()], post: { summary: 'Let a disabled account sign in again (admin); its old tokens stay revoked', responses: { 200: ok('The user'), ...errors } } },
      '/tokens': {
        get: {
          summary: 'API tokens, newest first: admins see everyone’s (`user` filters by user id), others their own',
          parameters: [{ name: 'user', in: 'query', schema: { type: 'integer' } }],
          responses: { 200: ok('An array of `{id, userId, email, label, createdAt, expiresAt, lastUsedAt, revokedAt, status: active|expired|revoked}`'), ...errors },
        },
        post: {
          summary: 'Create a token for yourself (needs a password sign-in, not a token); `days` defaults to API_TOKEN_DAYS',
          security: [{ session: [] }], requestBody: json(tokenCreate),
          responses: { 201: ok('The token, with its secret in `token`: shown this once'), ...errors },
        },
      },
      '/tokens/{id}': { parameters: [idParam()], delete: { summary: 'Revoke a token (your own, or anyone’s as admin); it answers 401 from its next request', responses: { 200: ok('The token'), ...errors } } },
      '/tokens/{id}/renew': {
        parameters: [idParam()],
        post: {
          summary: 'Push a token’s expiry out to `days` from now (needs a password sign-in); an expired token works again, a revoked one never',
          security: [{ session: [] }], requestBody: json(tokenRenew),
          responses: { 200: ok('The token'), ...errors, 409: { description: 'The token was revoked, or its account is disabled' } },
        },
      },
      '/audit': { get: { summary: 'The audit log, newest first (admin)', parameters: query(auditQuery), responses: { 200: ok('A page of entries'), 403: errors[403] } } },
      '/settings': {
        get: { summary: 'The site settings (admin): name, tagline, logo, icon, colours, fonts, share picture, social accounts, footer, time zone, language, custom CSS and the standards pages', responses: { 200: ok('The settings, with `fontPairings` to choose from'), ...errors } },
        patch: {
          summary: 'Change site settings (admin); every field optional, unknown ones refused. Colours are `#rrggbb`; a text or accent colour under 4.5:1 on the background is refused with its measured ratio. Standards pages are a page id or an absolute https address (null clears). Live on every page of every node within a second; audited',
          requestBody: json(settingsPatch), responses: { 200: ok('The settings'), ...errors },
        },
      },
      ...Object.fromEntries((['logo', 'icon'] as const).map((what) => [`/settings/${what}`, {
        post: {
          summary: what === 'logo'
            ? 'Upload the logo (admin): an SVG (sanitised: scripts, event handlers, foreignObject and outside references removed) or a PNG, JPEG, WebP or AVIF picture (into the media library, with variants)'
            : 'Upload the square icon (admin): SVG, or a picture at least 180 px square; made into the favicon, apple-touch-icon and the web app manifest’s 192 and 512 px icons',
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } } },
          responses: { 200: ok('The settings'), ...errors, 413: { description: 'Too large' }, 415: { description: 'Not an image Dateline accepts' } },
        },
      }])),
    },
  };
}
