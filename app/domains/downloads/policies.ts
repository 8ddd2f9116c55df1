// Who may do what with downloads. Writes are for staff, as legacy pydotorg/resources.py
// (StaffAuthorization) and pydotorg/drf.py (IsStaffOrReadOnly) have it; the API modules
// additionally insist on the credential kind each legacy API accepted (app/core/api).
import { AppError } from "../../core/errors.ts";
import type { CurrentUser } from "../../core/http/env.ts";

/** A person changing downloads, or the system itself (seed, migrations, jobs). */
export type Actor = Pick<CurrentUser, "id" | "isStaff" | "isSuperuser"> | "system";

/** True when the actor may create, change or delete releases, files, operating systems and cycles. */
export function canEditDownloads(actor: Actor | null | undefined): boolean {
  if (!actor) return false;
  return actor === "system" || actor.isStaff || actor.isSuperuser;
}

export function assertCanEditDownloads(actor: Actor | null | undefined): void {
  if (!canEditDownloads(actor)) throw new AppError("FORBIDDEN", "Only staff members can change downloads.");
}

/** The user id recorded as creator or last modifier. */
export function actorId(actor: Actor): number | null {
  return actor === "system" ? null : actor.id;
}

/** Unpublished releases are visible to staff only (legacy OnlyPublishedAuthorization). */
export function canSeeUnpublished(user: Pick<CurrentUser, "isStaff" | "isSuperuser"> | null | undefined): boolean {
  return Boolean(user && (user.isStaff || user.isSuperuser));
}
