// What every API write goes through, whatever the version: the permission rule of
// API_WRITE_PERMISSIONS and the audit row. Handlers pass `apiAudit(...)` as the service's
// `onWrite` hook, so the row commits or rolls back with the change, as the admin's do.
import type { Context } from "hono";
import { writeAuditEntry } from "../admin/audit.ts";
import { hasPermission } from "../auth/permissions.ts";
import type { WriteHook } from "../db/write-hook.ts";
import type { AppEnv, CurrentUser } from "../http/env.ts";

/**
 * True when the staff user may make a write that needs `permission` (`<app>.<add|change|delete>_<model>`):
 * always in the legacy "staff" mode; in "model" mode only with that permission (superusers hold all).
 */
export function mayWriteThroughApi(c: Context<AppEnv>, user: CurrentUser, permission: string | undefined): boolean {
  if (permission === undefined || c.get("apiWritePermissions") !== "model") return true;
  return hasPermission(user, permission);
}

/** `api-v1 ApiKey key:1a2b…`: the API version of the request and the credential's fingerprint. */
export function apiVia(c: Context<AppEnv>): string {
  const version = /^\/api\/(v\d+)\//.exec(c.req.path)?.[1] ?? "api";
  return `api-${version} ${c.get("apiCredential") ?? c.get("authMethod") ?? "anonymous"}`;
}

type Snapshot = Record<string, unknown>;

function reprOf(row: Snapshot): string {
  for (const field of ["name", "title", "path", "slug"]) if (typeof row[field] === "string" && row[field]) return row[field];
  return String(row.id ?? "");
}

/**
 * The audit hook of one API write: appends who (the user), how (version and credential) and
 * what (`model`, before and after) in the service's transaction. create/update/delete follows
 * from which side is missing.
 */
export function apiAudit(c: Context<AppEnv>, user: CurrentUser, model: string): WriteHook<object> {
  const via = apiVia(c);
  return async (tx, change) => {
    const before = change.before as Snapshot | null;
    const after = change.after as Snapshot | null;
    const subject = after ?? before;
    if (!subject) return;
    await writeAuditEntry(tx, {
      actorId: user.id,
      action: before === null ? "create" : after === null ? "delete" : "update",
      model,
      objectId: String(subject.id ?? ""),
      objectRepr: reprOf(subject),
      before,
      after,
      via,
    });
  };
}
