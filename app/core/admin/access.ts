// Who may do what in the admin: Django's model permissions, `<appLabel>.<action>_<model>`.
import { AppError } from "../errors.ts";
import { hasPermission } from "../auth/permissions.ts";
import type { CurrentUser } from "../http/env.ts";
import type { AdminAction, AnyAdminResource } from "./types.ts";

export const ADMIN_ACTIONS: readonly AdminAction[] = ["add", "change", "delete", "view"];

/** The permission string of one action on one model, e.g. `boxes.change_box`. */
export function permissionName(resource: Pick<AnyAdminResource, "appLabel" | "model">, action: AdminAction): string {
  return `${resource.appLabel}.${action}_${resource.model}`;
}

/** True when the user may do `action`; as in Django, change implies view. */
export function can(user: CurrentUser, resource: AnyAdminResource, action: AdminAction): boolean {
  if (hasPermission(user, permissionName(resource, action))) return true;
  return action === "view" && hasPermission(user, permissionName(resource, "change"));
}

/** Throws FORBIDDEN unless the user may do `action`. */
export function assertCan(user: CurrentUser, resource: AnyAdminResource, action: AdminAction): void {
  if (!can(user, resource, action)) {
    throw new AppError("FORBIDDEN", `You do not have permission to ${action} ${resource.verboseNamePlural}.`);
  }
}

/** Every action's answer at once, for templates. */
export function allowedActions(user: CurrentUser, resource: AnyAdminResource): Record<AdminAction, boolean> {
  return {
    view: can(user, resource, "view"),
    add: can(user, resource, "add"),
    change: can(user, resource, "change"),
    delete: can(user, resource, "delete"),
  };
}
