import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Page } from '../content/index.js';
import { isoString, toDate } from '../shared/index.js';
import type {
  NewSource, QuarantineEntry, WireItemDetail, RecordedVersion, VersionToRecord, WireAlert, WireItemState, WireItemSummary, WireQueueFilter,
  WireSourceRecord, WireStore, WireVersion,
} from '../wire/ports.js';
import { reviveWireItem, type WireItem } from '../wire/wire-item.js';
import { isStale } from '../content/index.js';
import type { Database, WireItemTable, WireSourceTable } from './schema.js';
import { prepared } from './prepared.js';
import { byText } from './dialects/engine.js';

const iso = (d: Date | null) => (d ? isoString(d) : null);

function toSource(r: Selectable<WireSourceTable>): WireSourceRecord {
  return {
    id: r.id, slug: r.slug, name: r.name, kind: r.kind as WireSourceRecord['kind'], location: r.location,
    intervalSeconds: r.interval_seconds, section: r.section_slug, topics: JSON.parse(r.topics) as string[],
    mode: r.mode as WireSourceRecord['mode'], pictureHosts: JSON.parse(r.picture_hosts) as string[], enabled: Boolean(r.enabled),
    pollEtag: r.poll_etag, pollModified: r.poll_modified, lastRunAt: toDate(r.last_run_at),
    lastError: r.last_error,
  };
}

function toState(r: Selectable<WireItemTable>): WireItemState {
  return {
    id: r.id, uri: r.uri, sourceId: r.source_id, latestVersionId: r.latest_version_id, articleId: r.article_id,
    filing: r.filing as WireItemState['filing'], appliedVersionId: r.applied_version_id, version: r.version,
    versionCreatedAt: toDate(r.version_created_at), pubStatus: r.pub_status as WireItemState['pubStatus'],
  };
}

type ItemRow = Selectable<WireItemTable> & { source: string | null };

function toSummary(r: ItemRow): WireItemDetail {
  return {
    id: r.id, uri: r.uri, headline: r.headline, agency: r.agency, source: r.source, format: r.format,
    type: r.item_type as WireItem['type'], urgency: r.urgency, pubStatus: r.pub_status as WireItem['pubStatus'],
    embargoedUntil: toDate(r.embargoed_until), version: r.version, versionCount: r.version_count,
    receivedAt: toDate(r.received_at), updatedAt: toDate(r.updated_at), sectionSlug: r.section_slug,
    articleId: r.article_id, filing: r.filing as WireItemSummary['filing'],
    newerVersionWaiting: r.article_id !== null && r.applied_version_id !== null && r.applied_version_id !== r.latest_version_id,
    latestVersionId: r.latest_version_id, appliedVersionId: r.applied_version_id,
  };
}

/** The columns of wire_items that follow an item's latest version. */
function latestColumns(item: WireItem, now: string) {
  return {
    format: item.format, item_type: item.type, version: item.version, version_created_at: iso(item.versionCreated),
    first_created_at: iso(item.firstCreated), updated_at: now, headline: item.headline.slice(0, 1000),
    agency: item.agency.slice(0, 200), urgency: item.urgency, language: item.language, pub_status: item.pubStatus,
    embargoed_until: iso(item.embargoedUntil),
  };
}

export class KyselyWireStore implements WireStore {
  private readonly recording: ReturnType<typeof recordingStatements>;

  constructor(private readonly db: Kysely<Database>) {
    this.recording = recordingStatements(db);
  }

  async addSource(s: NewSource, now: Date): Promise<WireSourceRecord> {
    const row = await this.db.insertInto('wire_sources').values({
      slug: s.slug, name: s.name, kind: s.kind, location: s.location, token_hash: s.tokenHash, interval_seconds: s.intervalSeconds,
      section_slug: s.section, topics: JSON.stringify(s.topics), mode: s.mode, picture_hosts: JSON.stringify(s.pictureHosts), enabled: 1, next_run_at: null,
      created_at: isoString(now),
    }).returningAll().executeTakeFirstOrThrow();
    return toSource(row);
  }

  async sources() {
    return (await this.db.selectFrom('wire_sources').selectAll().orderBy(byText(this.db, 'slug')).execute()).map(toSource);
  }

  async sourceBySlug(slug: string) {
    const r = await this.db.selectFrom('wire_sources').selectAll().where('slug', '=', slug).executeTakeFirst();
    return r ? toSource(r) : null;
  }

  async sourceById(id: number) {
    const r = await this.db.selectFrom('wire_sources').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toSource(r) : null;
  }

  async sourceTokenHash(slug: string) {
    const r = await this.db.selectFrom('wire_sources').select('token_hash').where('slug', '=', slug).where('enabled', '=', 1).executeTakeFirst();
    return r?.token_hash ?? null;
  }

  async removeSource(slug: string) {
    const r = await this.db.deleteFrom('wire_sources').where('slug', '=', slug).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async setSourceToken(slug: string, tokenHash: string) {
    await this.db.updateTable('wire_sources').set({ token_hash: tokenHash }).where('slug', '=', slug).execute();
  }

  async setSourceEnabled(slug: string, enabled: boolean) {
    const r = await this.db.updateTable('wire_sources').set({ enabled: enabled ? 1 : 0 }).where('slug', '=', slug).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async claimDueSources(now: Date) {
    const due = await this.db.selectFrom('wire_sources').selectAll()
      .where('enabled', '=', 1).where('kind', 'in', ['folder', 'poll'])
      .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', isoString(now))]))
      .execute();
    const claimed: WireSourceRecord[] = [];
    for (const s of due) {
      const next = isoString(new Date(now.getTime() + s.interval_seconds * 1000));
      // Only the process whose update still sees the old time gets the run.
      const r = await this.db.updateTable('wire_sources').set({ next_run_at: next })
        .where('id', '=', s.id)
        .where((eb) => (s.next_run_at === null ? eb('next_run_at', 'is', null) : eb('next_run_at', '=', s.next_run_at)))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) claimed.push(toSource(s));
    }
    return claimed;
  }

  async recordRun(id: number, run: { at: Date; error: string | null; etag?: string | null; modified?: string | null }) {
    await this.db.updateTable('wire_sources').set({
      last_run_at: isoString(run.at), last_error: run.error,
      ...(run.etag !== undefined ? { poll_etag: run.etag } : {}),
      ...(run.modified !== undefined ? { poll_modified: run.modified } : {}),
    }).where('id', '=', id).execute();
  }

  recordVersions(vs: VersionToRecord[], now: Date): Promise<RecordedVersion[]> {
    const received = isoString(now);
    return this.db.transaction().execute(async (trx) => {
      const out: RecordedVersion[] = [];
      for (const v of vs) out.push(await recordOne(trx, this.recording, v, received));
      return out;
    });
  }

  async itemState(id: number) {
    const r = await this.db.selectFrom('wire_items').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toState(r) : null;
  }

  async versionItem(versionId: number) {
    const r = await this.db.selectFrom('wire_versions').select('content').where('id', '=', versionId).executeTakeFirst();
    return r ? reviveWireItem(r.content) : null;
  }

  async linkArticle(itemId: number, link: { articleId: number; filing: 'auto' | 'taken'; versionId: number }) {
    await this.db.updateTable('wire_items')
      .set({ article_id: link.articleId, filing: link.filing, applied_version_id: link.versionId })
      .where('id', '=', itemId).execute();
  }

  private summaries() {
    return this.db.selectFrom('wire_items as i').leftJoin('wire_sources as s', 's.id', 'i.source_id').selectAll('i').select('s.slug as source');
  }

  async items(f: WireQueueFilter): Promise<Page<WireItemSummary>> {
    let q = this.summaries();
    if (f.source) q = q.where('s.slug', '=', f.source);
    if (f.agency) q = q.where('i.agency', '=', f.agency);
    if (f.section) q = q.where('i.section_slug', '=', f.section);
    if (f.urgency) q = q.where('i.urgency', '<=', f.urgency);
    if (f.text) {
      const pattern = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`lower(i.headline) like lower(${pattern}) escape '\\'`); // case-blind on either engine
    }
    const [rows, count] = await Promise.all([
      q.orderBy('i.updated_at', 'desc').orderBy('i.id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toSummary), total: Number(count.n), page: f.page, pageSize: f.pageSize };
  }

  async itemById(id: number) {
    const r = await this.summaries().where('i.id', '=', id).executeTakeFirst();
    return r ? toSummary(r) : null;
  }

  async itemByArticle(articleId: number) {
    const r = await this.summaries().where('i.article_id', '=', articleId).orderBy('i.id').executeTakeFirst();
    return r ? toSummary(r) : null;
  }

  async versions(itemId: number): Promise<WireVersion[]> {
    const rows = await this.db.selectFrom('wire_versions').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id, version: r.version, versionCreatedAt: toDate(r.version_created_at), receivedAt: toDate(r.received_at),
      fileName: r.file_name, item: reviveWireItem(r.content),
    }));
  }

  async agencies() {
    const rows = await this.db.selectFrom('wire_items').select('agency').where('agency', '!=', '').groupBy('agency').orderBy(byText(this.db, 'agency')).limit(200).execute();
    return rows.map((r) => r.agency);
  }

  async quarantine(e: { sourceId: number | null; fileName: string; bytes: Buffer; reason: string }, now: Date) {
    const digest = createHash('sha256').update(e.bytes).digest('hex');
    // The same broken file delivered again is one entry, not a pile of them.
    const held = await this.db.selectFrom('wire_quarantine').select('id')
      .where('digest', '=', digest).where('released_at', 'is', null).executeTakeFirst();
    if (held) return held.id;
    const row = await this.db.insertInto('wire_quarantine').values({
      source_id: e.sourceId, file_name: e.fileName.slice(0, 500), received_at: isoString(now), reason: e.reason.slice(0, 2000),
      bytes: e.bytes, size: e.bytes.length, digest,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  private quarantineRows() {
    return this.db.selectFrom('wire_quarantine as q').leftJoin('wire_sources as s', 's.id', 'q.source_id')
      .select(['q.id', 'q.source_id', 's.slug as source', 'q.file_name', 'q.received_at', 'q.reason', 'q.size', 'q.released_at', 'q.outcome']);
  }

  async quarantined(page: number, pageSize: number): Promise<Page<QuarantineEntry>> {
    const q = this.quarantineRows().where('q.released_at', 'is', null);
    const [rows, count] = await Promise.all([
      q.orderBy('q.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toQuarantine), total: Number(count.n), page, pageSize };
  }

  async quarantinedBytes(id: number) {
    const r = await this.quarantineRows().select('q.bytes').where('q.id', '=', id).executeTakeFirst();
    return r ? { entry: toQuarantine(r), bytes: Buffer.from(r.bytes) } : null;
  }

  async releaseQuarantined(id: number, outcome: string, now: Date) {
    await this.db.updateTable('wire_quarantine').set({ released_at: isoString(now), outcome: outcome.slice(0, 500) }).where('id', '=', id).execute();
  }

  async pruneReleased(before: Date) {
    const r = await this.db.deleteFrom('wire_quarantine').where('released_at', '<', isoString(before)).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async addAlert(a: { kind: string; itemId: number; articleId: number | null; message: string }, now: Date) {
    await this.db.insertInto('wire_alerts').values({
      at: isoString(now), kind: a.kind, item_id: a.itemId, article_id: a.articleId, message: a.message.slice(0, 1000),
    }).execute();
  }

  async openAlerts(): Promise<WireAlert[]> {
    const rows = await this.db.selectFrom('wire_alerts').selectAll().where('acknowledged_at', 'is', null).orderBy('id', 'desc').limit(50).execute();
    return rows.map((r) => ({ id: r.id, at: toDate(r.at), kind: r.kind, itemId: r.item_id, articleId: r.article_id, message: r.message }));
  }

  async acknowledgeAlert(id: number, userId: number, now: Date) {
    const r = await this.db.updateTable('wire_alerts').set({ acknowledged_at: isoString(now), acknowledged_by: userId })
      .where('id', '=', id).where('acknowledged_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}

function toQuarantine(r: {
  id: number; source_id: number | null; source: string | null; file_name: string; received_at: string | Date; reason: string;
  size: number; released_at: string | Date | null; outcome: string | null;
}): QuarantineEntry {
  return {
    id: r.id, sourceId: r.source_id, source: r.source, fileName: r.file_name, receivedAt: toDate(r.received_at), reason: r.reason,
    size: r.size, releasedAt: toDate(r.released_at), outcome: r.outcome,
  };
}

const itemColumns = ['format', 'item_type', 'version', 'version_created_at', 'first_created_at', 'updated_at', 'headline', 'agency',
  'urgency', 'language', 'pub_status', 'embargoed_until'] as const;

/** The statements recording a version runs for every item, compiled once per store. */
function recordingStatements(db: Kysely<Database>) {
  const latest = (p: Record<string, unknown>) => Object.fromEntries(itemColumns.map((c) => [c, p[c]]));
  return {
    itemByUri: prepared(db, ['uri'], (p) => db.selectFrom('wire_items').selectAll().where('uri', '=', p.uri)),
    repeat: prepared(db, ['item', 'digest'], (p) => db.selectFrom('wire_versions').select('id').where('item_id', '=', p.item).where('digest', '=', p.digest)),
    insertItem: prepared(db, ['uri', 'source', 'received', 'section', ...itemColumns], (p) => db.insertInto('wire_items').values({
      uri: p.uri, source_id: p.source, received_at: p.received, section_slug: p.section, latest_version_id: sql.lit(0), version_count: sql.lit(0), ...latest(p),
    } as never).returning('id')),
    insertVersion: prepared(db, ['item', 'version', 'created', 'received', 'digest', 'file', 'content'], (p) => db.insertInto('wire_versions').values({
      item_id: p.item, version: p.version, version_created_at: p.created, received_at: p.received, digest: p.digest, file_name: p.file, content: p.content,
    }).returning('id')),
    updateItem: prepared(db, ['id', 'latest', 'source', ...itemColumns], (p) => db.updateTable('wire_items').set({
      ...latest(p), latest_version_id: p.latest, version_count: sql<number>`version_count + 1`, source_id: sql<number>`coalesce(${p.source}, source_id)`,
    } as never).where('id', '=', p.id).returningAll()),
  };
}

async function recordOne(trx: Kysely<Database>, q: ReturnType<typeof recordingStatements>, v: VersionToRecord, received: string): Promise<RecordedVersion> {
  const existing = (await q.itemByUri(trx, { uri: v.item.uri }))[0] as Selectable<WireItemTable> | undefined;
  const digest = { digest: v.digest };
  if (existing) {
    if ((await q.repeat(trx, { item: existing.id, ...digest })).length) return { outcome: 'unchanged', state: toState(existing) };
    const stored = { version: existing.version, versionCreatedAt: toDate(existing.version_created_at) };
    // A kill is never dropped as out of date: an agency's withdrawal must always take effect.
    const kill = v.item.pubStatus !== 'usable';
    if (!kill && isStale({ version: v.item.version, versionCreatedAt: v.item.versionCreated }, stored)) return { outcome: 'stale', state: toState(existing) };
  }
  const columns = latestColumns(v.item, received);
  const itemId = existing?.id ?? (await q.insertItem(trx, { uri: v.item.uri, source: v.sourceId, received, section: v.sectionSlug, ...columns }))[0]!.id;
  const version = (await q.insertVersion(trx, {
    item: itemId, version: v.item.version, created: columns.version_created_at, received, ...digest, file: v.fileName.slice(0, 500), content: v.content,
  }))[0]!;
  const row = (await q.updateItem(trx, { id: itemId, latest: version.id, source: existing ? v.sourceId : null, ...columns }))[0] as Selectable<WireItemTable>;
  return { outcome: existing ? 'updated' : 'new', state: toState(row) };
}
