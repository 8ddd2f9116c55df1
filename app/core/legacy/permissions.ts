// Legacy permissions are keyed by content type id, which differs between databases
// (README "Legacy quirks": resolve content types by (app_label, model), never by id);
// the new schema keys them by (app label, codename). These helpers bridge the two.
import type pg from "pg";

/**
 * SQL joining a legacy table's `permission_id` column (on alias `link`) to the permission's
 * app label and codename; `app_label` is NULL when the content type is gone.
 */
export const LEGACY_PERMISSION_NAMES = `
  JOIN auth_permission AS perm ON perm.id = link.permission_id
  LEFT JOIN django_content_type AS ct ON ct.id = perm.content_type_id`;

/** `<app_label>.<codename>`, the way code names a permission. */
export function permissionName(appLabel: string, codename: string): string {
  return `${appLabel}.${codename}`;
}

/** Target permission ids by `<app_label>.<codename>` for the given legacy rows (`app_label`, `codename`). */
export async function resolvePermissionIds(client: pg.ClientBase, rows: ReadonlyArray<{ app_label?: unknown; codename?: unknown }>): Promise<Map<string, number>> {
  const names = [...new Set(rows.filter((row) => typeof row.app_label === "string").map((row) => permissionName(String(row.app_label), String(row.codename))))];
  if (names.length === 0) return new Map();
  const { rows: found } = await client.query<{ id: number; name: string }>(
    `SELECT id, app_label || '.' || codename AS name FROM permissions WHERE app_label || '.' || codename = ANY($1::text[])`,
    [names],
  );
  return new Map(found.map((row) => [row.name, row.id]));
}

/** The skip reason for a legacy permission reference that did not resolve. */
export function unresolvedPermissionReason(row: { app_label?: unknown }): string {
  return row.app_label == null ? "permission's content type not found (resolved by app_label, model)" : "permission not on the new site (skipped when permissions were migrated)";
}
