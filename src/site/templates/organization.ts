import { standardsFields } from '../../settings/index.js';
import type { SiteSettings } from '../settings.js';
import { absolute } from '../urls.js';

/** The publication's node in JSON-LD: every page's publisher refers to it by this @id. */
export const organizationId = (s: SiteSettings) => `${s.url}/#organization`;

/**
 * schema.org NewsMediaOrganization: name, address, logo, social accounts (sameAs) and the
 * standards pages the admin chose (the Trust Project's and Google News' list).
 */
export function organizationLd(s: SiteSettings): Record<string, unknown> {
  const logo = s.logo?.ld ?? { url: absolute(s.url, '/assets/logo.png'), width: 600, height: 60 };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsMediaOrganization',
    '@id': organizationId(s),
    name: s.name,
    url: s.url,
    logo: { '@type': 'ImageObject', ...logo },
    ...(s.socialAccounts.length ? { sameAs: s.socialAccounts } : {}),
    ...Object.fromEntries(standardsFields.filter((f) => s.standards[f]).map((f) => [f, s.standards[f]])),
  };
}

/** What an article's `publisher` says: a reference to the organisation, with its name for readers that do not follow it. */
export const publisherRef = (s: SiteSettings) => ({ '@type': 'NewsMediaOrganization', '@id': organizationId(s), name: s.name });
