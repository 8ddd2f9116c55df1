// Legacy many-to-many links of accounts: users_user_groups, auth_group_permissions and
// users_user_user_permissions. Their own `id` is only the batch key; the target rows are
// keyed by the pair. Permissions are re-resolved by (app label, codename).
import { LEGACY_PERMISSION_NAMES, permissionName, resolvePermissionIds, unresolvedPermissionReason } from "../../../core/legacy/permissions.ts";
import { existingIds, syncRows, type TargetRow } from "../../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, MigrationStep } from "../../../core/legacy/types.ts";

/** Keeps rows whose `column` id exists in `table`; skips the others with `reason`. */
async function keepExisting(ctx: BatchContext, rows: LegacyRow[], column: string, table: string, reason: string): Promise<LegacyRow[]> {
  const found = await existingIds(
    ctx.target,
    table,
    rows.map((row) => row[column] as number),
  );
  const kept = rows.filter((row) => found.has(row[column] as number));
  if (kept.length < rows.length) ctx.tally.skip(reason, rows.length - kept.length);
  return kept;
}

/** Maps legacy permission references to target ids; skips the unresolved ones. */
async function withPermissionIds(ctx: BatchContext, rows: LegacyRow[]): Promise<Array<LegacyRow & { permission_id: number }>> {
  const ids = await resolvePermissionIds(ctx.target, rows);
  const resolved: Array<LegacyRow & { permission_id: number }> = [];
  for (const row of rows) {
    const id = row.app_label == null ? undefined : ids.get(permissionName(String(row.app_label), String(row.codename)));
    if (id === undefined) ctx.tally.skip(unresolvedPermissionReason(row));
    else resolved.push({ ...row, permission_id: id });
  }
  return resolved;
}

async function syncPairs(ctx: BatchContext, table: string, columns: [string, string], rows: LegacyRow[]): Promise<void> {
  const pairs = new Map<string, TargetRow>();
  for (const row of rows) {
    const pair = `${String(row[columns[0]])}:${String(row[columns[1]])}`;
    // Possible when two legacy permissions share (app label, codename) and both were linked.
    if (pairs.has(pair)) ctx.tally.skip("same link twice once permissions are matched by app label and codename");
    else pairs.set(pair, { [columns[0]]: row[columns[0]], [columns[1]]: row[columns[1]] });
  }
  await syncRows(ctx, { table, key: columns, columns: [] }, [...pairs.values()]);
}

const USER_MISSING = "user not on the new site (skipped above)";
const GROUP_MISSING = "group not on the new site (skipped above)";

/** users_user_groups → user_groups. */
export const userGroupsStep: MigrationStep = {
  table: "users_user_groups",
  target: "user_groups",
  query: `SELECT link.id AS key, link.user_id, link.group_id FROM users_user_groups AS link`,
  async write(rows, ctx) {
    const withUser = await keepExisting(ctx, rows, "user_id", "users", USER_MISSING);
    const kept = await keepExisting(ctx, withUser, "group_id", "groups", GROUP_MISSING);
    await syncPairs(ctx, "user_groups", ["user_id", "group_id"], kept);
  },
};

/** auth_group_permissions → group_permissions. */
export const groupPermissionsStep: MigrationStep = {
  table: "auth_group_permissions",
  alsoReads: ["auth_permission", "django_content_type"],
  target: "group_permissions",
  query: `SELECT link.id AS key, link.group_id, ct.app_label, perm.codename FROM auth_group_permissions AS link ${LEGACY_PERMISSION_NAMES}`,
  async write(rows, ctx) {
    const kept = await keepExisting(ctx, rows, "group_id", "groups", GROUP_MISSING);
    await syncPairs(ctx, "group_permissions", ["group_id", "permission_id"], await withPermissionIds(ctx, kept));
  },
};

/** users_user_user_permissions → user_permissions. */
export const userPermissionsStep: MigrationStep = {
  table: "users_user_user_permissions",
  alsoReads: ["auth_permission", "django_content_type"],
  target: "user_permissions",
  query: `SELECT link.id AS key, link.user_id, ct.app_label, perm.codename FROM users_user_user_permissions AS link ${LEGACY_PERMISSION_NAMES}`,
  async write(rows, ctx) {
    const kept = await keepExisting(ctx, rows, "user_id", "users", USER_MISSING);
    await syncPairs(ctx, "user_permissions", ["user_id", "permission_id"], await withPermissionIds(ctx, kept));
  },
};

/** Shared with the credentials steps: keep rows whose user was migrated. */
export const keepRowsOfMigratedUsers = (ctx: BatchContext, rows: LegacyRow[]) => keepExisting(ctx, rows, "user_id", "users", USER_MISSING);
