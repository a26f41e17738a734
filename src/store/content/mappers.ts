import type {
  Agency, ArticleStatus, ArticleSummary, Doc, Image, ImageVariant, Person, Section, Topic,
} from '../../content/index.js';
import { toDate } from '../../shared/index.js';

/** Columns a summary needs, as aliased by `summaryColumns` in reads.ts. */
export interface SummaryRow {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  first_published_at: string | Date | null;
  updated_at: string | Date | null;
  created_at: string | Date;
  section_id: number;
  section_slug: string;
  section_name: string;
  image_id: number | null;
  image_key: string | null;
  image_mime: string | null;
  image_width: number | null;
  image_height: number | null;
  image_alt: string | null;
  image_caption: string | null;
  image_credit: string | null;
  image_source_uri: string | null;
  image_variants: string | null;
}

export function toSummary(row: SummaryRow): ArticleSummary {
  const published = toDate(row.first_published_at) ?? toDate(row.created_at);
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    section: { id: row.section_id, slug: row.section_slug, name: row.section_name },
    firstPublishedAt: published,
    updatedAt: toDate(row.updated_at) ?? published,
    leadImage: row.image_id === null ? null : toImage({
      id: row.image_id,
      key: row.image_key!,
      mime: row.image_mime!,
      width: row.image_width!,
      height: row.image_height!,
      alt: row.image_alt ?? '',
      caption: row.image_caption ?? '',
      credit: row.image_credit ?? '',
      source_uri: row.image_source_uri,
      variants: row.image_variants ?? '[]',
    }),
  };
}

export function toImage(row: {
  id: number; key: string; mime: string; width: number; height: number; alt: string; caption: string;
  credit: string; source_uri: string | null; variants: string;
}): Image {
  return {
    id: row.id,
    key: row.key,
    mime: row.mime,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    sourceUri: row.source_uri,
    variants: JSON.parse(row.variants) as ImageVariant[],
  };
}

export const toSection = (r: {
  id: number; slug: string; name: string; description: string; parent_id: number | null; position: number;
}): Section => ({
  id: r.id, slug: r.slug, name: r.name, description: r.description, parentId: r.parent_id, position: r.position,
});

export const toTopic = (r: { id: number; slug: string; name: string }): Topic => ({ id: r.id, slug: r.slug, name: r.name });
export const toPerson = (r: { id: number; slug: string; name: string; bio: string }): Person => ({
  id: r.id, slug: r.slug, name: r.name, bio: r.bio,
});
export const toAgency = (r: { id: number; slug: string; name: string; url: string | null }): Agency => ({
  id: r.id, slug: r.slug, name: r.name, url: r.url,
});

export const parseDoc = (json: string): Doc => JSON.parse(json) as Doc;
export const asStatus = (s: string): ArticleStatus => s as ArticleStatus;
