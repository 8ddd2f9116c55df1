// Who may see and change pages. Drafts are for staff (legacy PageView.get_queryset and
// OnlyPublishedAuthorization); API writes need staff with the credential kind each legacy
// API accepted: v1 (tastypie) `ApiKey` only, v2 (DRF) `Token` only, never a cookie.
import type { CurrentUser } from "../../core/http/env.ts";

/** True for staff and superusers: they see unpublished pages (with a draft notice). */
export function canSeeDrafts(user: Pick<CurrentUser, "isStaff" | "isSuperuser"> | null | undefined): boolean {
  return Boolean(user && (user.isStaff || user.isSuperuser));
}
