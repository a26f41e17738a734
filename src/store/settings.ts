import type { Kysely } from 'kysely';
import type { PublicationSettings, SettingsStore } from '../settings/index.js';
import { KyselyAuditLog } from './audit.js';
import { recordPageChange } from './content/page-changes.js';
import type { Database } from './schema.js';

/** The row holding the publication's settings (the table also keeps the session-signing key). */
const siteKey = 'site';
const scratchPrefix = 'scratch:';

const parse = (value: string | undefined): unknown => {
  if (value === undefined) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
};

/** A row's value, parsed (null when there is none, or it is not JSON). */
const readRow = async (db: Kysely<Database>, key: string): Promise<unknown> =>
  parse((await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value);

export class KyselySettingsStore implements SettingsStore {
  constructor(private readonly db: Kysely<Database>) {}

  async read(): Promise<unknown> {
    return readRow(this.db, siteKey);
  }

  async seed(value: PublicationSettings): Promise<void> {
    await this.db.insertInto('settings').values({ key: siteKey, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doNothing()).execute();
  }

  change<T>(change: Parameters<SettingsStore['change']>[0], now: Date): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const stored = await readRow(trx, siteKey);
      const outcome = change(stored);
      if (!('value' in outcome)) return outcome.result as T;
      const value = JSON.stringify(outcome.value);
      await trx.insertInto('settings').values({ key: siteKey, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
      await new KyselyAuditLog(trx).append(outcome.audit, now);
      // Every public page shows the settings (name, look, menus of standards): all of them go.
      await recordPageChange(trx, ['*'], now);
      return outcome.result as T;
    });
  }

  async readScratch(key: string): Promise<unknown> {
    return readRow(this.db, scratchPrefix + key);
  }

  async writeScratch(key: string, value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    await this.db.insertInto('settings').values({ key: scratchPrefix + key, value: text })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: text })).execute();
  }
}
