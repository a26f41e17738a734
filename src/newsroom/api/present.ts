import { tokenStatus, type Actor, type ApiToken, type User } from '../../accounts/index.js';
import { allowedMoves, type Article, type Image, type NewsroomSummary, type StaticPage } from '../../content/index.js';
import { articlePath, pagePath, renderBody } from '../../site/index.js';

/** The public path a story has, or will have if it is published now. */
export function publicPath(a: Pick<Article, 'slug' | 'section' | 'publishedAt' | 'scheduledAt'>, timeZone: string, now: Date): string {
  return articlePath({ slug: a.slug, section: a.section, firstPublishedAt: a.publishedAt ?? a.scheduledAt ?? now }, timeZone);
}

export function imageJson(i: Image) {
  const jpeg = i.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
  return {
    id: i.id, alt: i.alt, caption: i.caption, credit: i.credit, width: i.width, height: i.height, mime: i.mime,
    src: jpeg.length ? `/media/${(jpeg.find((v) => v.width >= 640) ?? jpeg.at(-1))!.path}` : null,
    thumbnail: jpeg.length ? `/media/${jpeg[0]!.path}` : null,
  };
}

export function articleJson(a: Article, actor: Actor, timeZone: string, now: Date) {
  return {
    id: a.id,
    status: a.status,
    url: publicPath(a, timeZone, now),
    slug: a.slug,
    headline: a.headline,
    standfirst: a.standfirst,
    bodyHtml: renderBody(a.body),
    body: a.body,
    section: a.section.slug,
    topics: a.topics.map((t) => t.name),
    people: a.people.map((p) => p.name),
    agency: a.agency?.name ?? null,
    byline: a.byline,
    datelinePlace: a.datelinePlace,
    language: a.language,
    leadImage: a.leadImage ? imageJson(a.leadImage) : null,
    firstPublishedAt: a.publishedAt?.toISOString() ?? null,
    updatedAt: a.publishedAt ? a.updatedAt.toISOString() : null,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    modifiedAt: a.modifiedAt.toISOString(),
    createdBy: a.createdBy,
    uri: a.uri,
    corrections: a.corrections.map((c) => ({ id: c.id, kind: c.kind, text: c.text, createdAt: c.createdAt.toISOString() })),
    followUpOf: a.followUpOf,
    threadId: a.threadId,
    moves: allowedMoves(actor, a),
  };
}

export function summaryJson(a: NewsroomSummary, timeZone: string, now: Date) {
  return {
    id: a.id,
    status: a.status,
    headline: a.headline,
    section: a.section.slug,
    url: articlePath({ ...a, firstPublishedAt: a.status === 'published' || a.status === 'unpublished' ? a.firstPublishedAt : a.scheduledAt ?? now }, timeZone),
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    modifiedAt: a.modifiedAt.toISOString(),
    createdBy: a.createdBy,
  };
}

export function pageJson(p: StaticPage, actor: Actor) {
  return {
    id: p.id,
    status: p.status,
    url: pagePath(p),
    slug: p.slug,
    title: p.title,
    bodyHtml: renderBody(p.body),
    body: p.body,
    firstPublishedAt: p.publishedAt?.toISOString() ?? null,
    updatedAt: p.publishedAt ? p.updatedAt.toISOString() : null,
    scheduledAt: p.scheduledAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    modifiedAt: p.modifiedAt.toISOString(),
    createdBy: p.createdBy,
    moves: allowedMoves(actor, p),
  };
}

export const userJson = (u: User) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled });

/** A token as the API shows it: never its secret (only POST /tokens returns that, once). */
export function tokenJson(t: ApiToken, now: Date) {
  return {
    id: t.id, userId: t.userId, email: t.email, label: t.label, createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null, status: tokenStatus(t, now),
  };
}
