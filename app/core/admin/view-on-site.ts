// "View on site" links: the public address of a record, as the registration reports it.
import type { AnyAdminResource } from "./types.ts";

/** A site-relative path: one leading slash, not `//host` (protocol-relative) nor `/\host`, no control characters. */
const SITE_PATH = /^\/(?![/\\])[^\s\p{C}]*$/u;

/**
 * The link of "View on site" for a record, or null when the registration has none for it.
 * Only same-site paths are linked, so a registration cannot send staff to another origin
 * or to a `javascript:` URL by mistake.
 */
export function viewOnSiteHref(resource: AnyAdminResource, row: unknown): string | null {
  const href = resource.viewOnSite?.(row) ?? null;
  return href !== null && SITE_PATH.test(href) ? href : null;
}
