import { actorId, actorLabel, type Actor } from '../accounts/model.js';
import type { Page } from '../content/model.js';

export interface AuditEntry {
  actorId: number | null;
  /** Email of the person, or "cli", "wire", "scheduler". */
  actor: string;
  /** e.g. "sign-in", "sign-in-failed", "publish", "unpublish", "correction", "role-change", "token-use" */
  action: string;
  /** What it was done to, e.g. "article:12" or "user:3". */
  subject: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'ip'>> {
  id: number;
  at: Date;
  ip: string | null;
}

/** The newsroom's record of who did what: appended to, never edited. */
export interface AuditLog {
  append(entry: AuditEntry, now: Date): Promise<void>;
  list(q: { page: number; pageSize: number; action?: string }): Promise<Page<AuditRecord>>;
}

/** The entry for something an actor did: who (id, label, address) filled in from the actor. */
export function auditEntry(actor: Actor, action: string, subject: string, detail?: Record<string, unknown>): AuditEntry {
  return {
    actorId: actorId(actor), actor: actorLabel(actor), action, subject, detail,
    ip: actor.kind === 'user' ? actor.ip ?? null : null,
  };
}
