import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../index";
import { auditLog } from "../schema";

export type AuditActor = { id: string; email: string; role: string };

/** One line of the audit log, as an admin action describes its change. */
export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: string | number;
  summary: string;
  before?: unknown;
  after?: unknown;
};

function rowsFor(actor: AuditActor, records: AuditRecord[]) {
  return records.map((r) => ({
    actorId: actor.id,
    actorEmail: actor.email,
    actorRole: actor.role,
    action: r.action,
    entityType: r.entityType,
    entityId: String(r.entityId),
    summary: r.summary,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}

/**
 * Runs an admin change and writes its audit entries in the same transaction: if the change
 * fails nothing is logged, and if the log cannot be written the change is undone.
 */
export async function runAudited<T extends { audit: AuditRecord | AuditRecord[] }>(actor: AuditActor, change: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().transaction(async (tx) => {
    const result = await change(tx);
    const records = Array.isArray(result.audit) ? result.audit : [result.audit];
    if (records.length === 0) throw new Error("An admin change must describe itself in the audit log");
    await tx.insert(auditLog).values(rowsFor(actor, records));
    return result;
  });
}

/** For what is not a change but must be on record (a staff member downloading personal data). */
export async function recordAuditEntries(actor: AuditActor, records: AuditRecord[]) {
  if (records.length > 0) await getDb().insert(auditLog).values(rowsFor(actor, records));
}

export type AuditFilters = { actorId?: string; action?: string; entityType?: string; entityId?: string; from?: Date; to?: Date };

export type AuditEntryDto = {
  id: number;
  actorId: string;
  actorEmail: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

function auditWhere(f: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.actorId) conditions.push(eq(auditLog.actorId, f.actorId));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.entityType) conditions.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.from) conditions.push(gte(auditLog.createdAt, f.from));
  if (f.to) conditions.push(lt(auditLog.createdAt, f.to));
  return conditions.length ? and(...conditions) : undefined;
}

/** Newest first; `limit` + 1 rows are read so the caller knows whether there is a next page. */
export async function listAuditEntries(filters: AuditFilters, { offset = 0, limit = 50 } = {}): Promise<{ entries: AuditEntryDto[]; hasMore: boolean }> {
  const rows = await getDb()
    .select({
      id: auditLog.id,
      actorId: auditLog.actorId,
      actorEmail: auditLog.actorEmail,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(auditWhere(filters))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1)
    .offset(offset);
  return { entries: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** How many entries match, for the log's page count. */
export async function countAuditEntries(filters: AuditFilters): Promise<number> {
  const [row] = await getDb().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(auditWhere(filters));
  return row?.n ?? 0;
}

/** Everyone who has done something on record (as they were then), for the log's filter. */
export async function listAuditActors(): Promise<{ actorId: string; actorEmail: string }[]> {
  const rows = await getDb().execute<{ actor_id: string; actor_email: string }>(
    sql`select distinct on (actor_id) actor_id, actor_email from audit_log order by actor_id, created_at desc`,
  );
  return rows.map((r) => ({ actorId: r.actor_id, actorEmail: r.actor_email })).sort((a, b) => a.actorEmail.localeCompare(b.actorEmail));
}

/** The record types on record, for the log's filter. */
export async function listAuditEntityTypes(): Promise<string[]> {
  const rows = await getDb().execute<{ entity_type: string }>(sql`select distinct entity_type from audit_log order by entity_type`);
  return rows.map((r) => r.entity_type);
}

/** The distinct action names on record, for the log's filter. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await getDb().execute<{ action: string }>(sql`select distinct action from audit_log order by action`);
  return rows.map((r) => r.action);
}
