import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-content-model.js';
import * as m0002 from './0002-newsroom.js';
import * as m0003 from './0003-search.js';
import * as m0004 from './0004-topic-aliases-and-threads.js';
import * as m0005 from './0005-page-changes.js';
import * as m0006 from './0006-listing-indexes.js';
import * as m0007 from './0007-wire.js';
import * as m0008 from './0008-postgres-search-and-settings.js';
import * as m0009 from './0009-token-expiry-and-revocation.js';
import * as m0010 from './0010-pages.js';
import * as m0011 from './0011-staff-profiles.js';
import * as m0012 from './0012-menus.js';

/** Versioned migrations, in order. Add a file and a line here; never edit a released one. */
const migrations: Record<string, Migration> = {
  '0001-content-model': m0001,
  '0002-newsroom': m0002,
  '0003-search': m0003,
  '0004-topic-aliases-and-threads': m0004,
  '0005-page-changes': m0005,
  '0006-listing-indexes': m0006,
  '0007-wire': m0007,
  '0008-postgres-search-and-settings': m0008,
  '0009-token-expiry-and-revocation': m0009,
  '0010-pages': m0010,
  '0011-staff-profiles': m0011,
  '0012-menus': m0012,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
