// Permission checks, one place: superusers hold every permission; others hold what
// they were given directly or through their groups (Django's ModelBackend rules).
import type { CurrentUser } from "../http/env.ts";

/** True when the user may do `permission` (`<appLabel>.<codename>`, e.g. `boxes.change_box`). */
export function hasPermission(user: CurrentUser | null | undefined, permission: string): boolean {
  if (!user) return false;
  return user.isSuperuser || user.permissions.has(permission);
}

/** True when the user holds at least one permission of the app (admin index visibility). */
export function hasAnyPermissionIn(user: CurrentUser | null | undefined, appLabel: string): boolean {
  if (!user) return false;
  if (user.isSuperuser) return true;
  for (const permission of user.permissions) if (permission.startsWith(`${appLabel}.`)) return true;
  return false;
}

export function isInGroup(user: CurrentUser | null | undefined, group: string): boolean {
  return Boolean(user && user.groups.includes(group));
}
