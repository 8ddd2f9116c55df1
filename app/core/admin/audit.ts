// The admin's audit log: one append-only row per created, changed or deleted record
// (who, what, when, before/after). The table refuses UPDATE and DELETE (a trigger,
// see the accounts migration), so this module only ever inserts.
//
// Where the entry is written: the services own their transactions and their cache
// invalidation, which must happen after commit (invalidating inside an open
// transaction lets a concurrent reader cache the old row again). So instead of
// handing services a transaction, the admin hands them a WriteHook that they run
// inside their transaction: the audit row commits or rolls back with the change.
// A service that does not call the hook still gets audited, right after the write,
// from the before/after the admin can see (see `runAudited`).
import type { Db } from "../db/client.ts";
import type { Tx, WriteHook } from "../db/write-hook.ts";
import type { AnyAdminResource } from "./types.ts";

export interface AuditEntryInput {
  actorId: number | null;
  action: string;
  /** `<appLabel>.<model>`, e.g. `boxes.box`. */
  model: string;
  objectId: string;
  objectRepr: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The transport and credential: "admin", or an API version with the key's fingerprint (app/core/api/audit.ts). */
  via?: string;
}

/** Appends one entry; `db` may be an open transaction. */
export async function writeAuditEntry(db: Db | Tx, entry: AuditEntryInput): Promise<void> {
  await db.auditLogEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action.slice(0, 50),
      model: entry.model.slice(0, 100),
      objectId: entry.objectId.slice(0, 100),
      objectRepr: entry.objectRepr.slice(0, 200),
      before: toJson(entry.before),
      after: toJson(entry.after),
      via: (entry.via ?? "").slice(0, 100),
    },
  });
}

// Dates become ISO strings and undefined disappears, so snapshots diff as plain JSON.
function toJson(snapshot: Record<string, unknown> | null) {
  return snapshot === null ? undefined : (JSON.parse(JSON.stringify(snapshot)) as object);
}

/** The model name the audit log records for a registration. */
export const auditModel = (resource: Pick<AnyAdminResource, "appLabel" | "model">) => `${resource.appLabel}.${resource.model}`;

function entryFor<Row>(resource: AnyAdminResource, actorId: number, action: string, before: Row | null, after: Row | null): AuditEntryInput {
  const subject = (after ?? before) as Row;
  return {
    actorId,
    action,
    model: auditModel(resource),
    objectId: String(resource.idOf(subject)),
    objectRepr: resource.toRepr(subject),
    before: before === null ? null : resource.toAuditSnapshot(before),
    after: after === null ? null : resource.toAuditSnapshot(after),
    via: "admin",
  };
}

/**
 * Runs one admin write with an audit hook. When the service called the hook, the
 * entries are already in its transaction; otherwise they are appended now from
 * what `fallback` reports changed.
 */
export async function runAudited<Row, Result>(options: {
  db: Db;
  resource: AnyAdminResource;
  actorId: number;
  action: string;
  write: (onWrite: WriteHook<Row>) => Promise<Result>;
  fallback: (result: Result) => Promise<Array<{ before: Row | null; after: Row | null }>>;
}): Promise<Result> {
  let hooked = false;
  const onWrite: WriteHook<Row> = async (tx, change) => {
    hooked = true;
    if (change.before === null && change.after === null) return;
    await writeAuditEntry(tx, entryFor(options.resource, options.actorId, options.action, change.before, change.after));
  };
  const result = await options.write(onWrite);
  if (hooked) return result;
  for (const change of await options.fallback(result)) {
    const same =
      change.before !== null &&
      change.after !== null &&
      diffSnapshots(options.resource.toAuditSnapshot(change.before), options.resource.toAuditSnapshot(change.after)).length === 0;
    if ((change.before !== null || change.after !== null) && !same) {
      await writeAuditEntry(options.db, entryFor(options.resource, options.actorId, options.action, change.before, change.after));
    }
  }
  return result;
}

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

export interface AuditHistoryItem {
  id: string;
  createdAt: Date;
  /** `2026-11-23 07:30 UTC`. */
  when: string;
  actor: string;
  action: string;
  objectRepr: string;
  changes: AuditChange[];
}

const MAX_SHOWN = 2000;

function show(value: unknown): string {
  if (value === undefined) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** The fields that differ between two snapshots (all fields for a create or delete). */
export function diffSnapshots(before: unknown, after: unknown): AuditChange[] {
  const a = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields.filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field])).map((field) => ({ field, before: show(a[field]), after: show(b[field]) }));
}

/** The record's audit entries, newest first, each with its field-level diff. */
export async function listAuditHistory(db: Db, options: { model: string; objectId: string; limit: number }): Promise<AuditHistoryItem[]> {
  const rows = await db.auditLogEntry.findMany({
    where: { model: options.model, objectId: options.objectId },
    orderBy: { id: "desc" },
    take: options.limit,
    select: { id: true, createdAt: true, action: true, objectRepr: true, before: true, after: true, actor: { select: { username: true } } },
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    createdAt: row.createdAt,
    when: `${row.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    actor: row.actor?.username ?? "(deleted user)",
    action: row.action,
    objectRepr: row.objectRepr,
    changes: diffSnapshots(row.before, row.after),
  }));
}
