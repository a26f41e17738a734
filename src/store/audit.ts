import type { Kysely } from 'kysely';
import type { AuditEntry, AuditLog, AuditRecord } from '../audit/index.js';
import type { Page } from '../content/index.js';
import { isoString, toDate } from '../shared/index.js';
import type { Database } from './schema.js';

export class KyselyAuditLog implements AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  async append(e: AuditEntry, now: Date): Promise<void> {
    await this.db.insertInto('audit_log').values({
      at: isoString(now), actor_id: e.actorId, actor: e.actor, action: e.action, subject: e.subject,
      detail: JSON.stringify(e.detail ?? {}), ip: e.ip ?? null,
    }).execute();
  }

  async list(q: { page: number; pageSize: number; action?: string }): Promise<Page<AuditRecord>> {
    let query = this.db.selectFrom('audit_log');
    if (q.action) query = query.where('action', '=', q.action);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id, at: toDate(r.at), actorId: r.actor_id, actor: r.actor, action: r.action, subject: r.subject,
        detail: JSON.parse(r.detail) as Record<string, unknown>, ip: r.ip,
      })),
      total: Number(count.n), page: q.page, pageSize: q.pageSize,
    };
  }
}
