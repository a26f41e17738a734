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
