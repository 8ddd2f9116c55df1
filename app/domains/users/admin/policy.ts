// Who may change whose privileges in the admin. Django lets anyone with
// `users.change_user` edit anything on a user; python.org staff share the admin, so a
// staff member who is not a superuser may not raise anyone's privileges, their own least.
import { AppError } from "../../../core/errors.ts";
import type { CurrentUser } from "../../../core/http/env.ts";

export interface PrivilegeState {
  id: number | null;
  isStaff: boolean;
  isSuperuser: boolean;
  groupIds: number[];
}

const refuse = (message: string): never => {
  throw new AppError("FORBIDDEN", message);
};

function sameSet<T>(a: T[], b: T[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}

/**
 * Throws FORBIDDEN when a non-superuser `actor` would: touch a superuser, change staff
 * or superuser status, change their own groups, or hand out a group whose permissions
 * they do not hold themselves (`groupPermissions`: group id → its permission names).
 */
export function assertUserChangeAllowed(actor: CurrentUser, before: PrivilegeState | null, after: PrivilegeState, groupPermissions: Map<number, string[]>): void {
  if (actor.isSuperuser) return;
  if (before?.isSuperuser) refuse("Only superusers can change a superuser's account.");
  if (after.isSuperuser !== (before?.isSuperuser ?? false) || after.isStaff !== (before?.isStaff ?? false)) {
    refuse("Only superusers can grant or remove staff or superuser status.");
  }
  const previous = before?.groupIds ?? [];
  if (before && before.id === actor.id && !sameSet(previous, after.groupIds)) refuse("You cannot change your own group memberships.");
  for (const groupId of after.groupIds.filter((id) => !previous.includes(id))) {
    const missing = (groupPermissions.get(groupId) ?? []).filter((permission) => !actor.permissions.has(permission));
    if (missing.length > 0) refuse(`You can only add people to groups whose permissions you hold yourself (missing ${missing.slice(0, 3).join(", ")}).`);
  }
}

/** Throws FORBIDDEN unless the actor may delete this user (never themselves; superusers only by superusers). */
export function assertUserDeleteAllowed(actor: CurrentUser, target: { id: number; isSuperuser: boolean }): void {
  if (target.id === actor.id) refuse("You cannot delete your own account here.");
  if (target.isSuperuser && !actor.isSuperuser) refuse("Only superusers can delete a superuser.");
}

/** Throws FORBIDDEN when a non-superuser would grant permissions they lack or change a group they belong to. */
export function assertGroupChangeAllowed(actor: CurrentUser, group: { name: string | null; before: string[]; after: string[] }): void {
  if (actor.isSuperuser) return;
  const changed = !sameSet(group.before, group.after);
  if (changed && group.name !== null && actor.groups.includes(group.name)) refuse("You cannot change the permissions of a group you belong to.");
  const added = group.after.filter((permission) => !group.before.includes(permission));
  const missing = added.filter((permission) => !actor.permissions.has(permission));
  if (missing.length > 0) refuse(`You can only grant permissions you hold yourself (missing ${missing.slice(0, 3).join(", ")}).`);
}
