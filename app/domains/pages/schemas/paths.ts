// Page paths as legacy stores them: no leading or trailing slash (Page.clean() strips
// them), matched byte for byte. New paths follow legacy PAGE_PATH_RE
// (python/pythondotorg:apps/pages/models.py); older rows such as a unicode path predate
// that validator and are kept as they are.

/** Legacy `is_valid_page_path`, after the slashes are stripped. */
const NEW_PATH = /^[a-z0-9.-]+(\/[a-z0-9.-]+)*$/;

/** Strips surrounding whitespace and slashes, as legacy Page.clean() does, and folds doubled slashes. */
export function normalizePagePath(path: string): string {
  return path
    .trim()
    .replace(/^\/+|\/+$/g, "")
    .replace(/\/{2,}/g, "/");
}

/**
 * What saving did to a typed path, in words for the editor ("" when nothing changed):
 * `typed` as posted, `saved` as stored.
 */
export function describePathChange(typed: string, saved: string): string {
  if (typed === saved) return "";
  const stripped = normalizePagePath(typed);
  const changes = [
    stripped !== typed.trim().replace(/\/{2,}/g, "/") ? "without the leading and trailing slashes" : "",
    /\/{2,}/.test(typed.trim().replace(/^\/+|\/+$/g, "")) ? "with single slashes between segments" : "",
    stripped !== saved && stripped.toLowerCase() === saved ? "in lower case" : "",
  ].filter(Boolean);
  const how = changes.length > 0 ? `: paths are stored ${changes.join(", ")}` : "";
  return `The path “${typed.trim()}” was saved as “${saved}” (the page is at ${pageUrl(saved)})${how}.`;
}

/** True when a new or changed path is acceptable: legacy's character set, and no `.`/`..` segment. */
export function isValidNewPagePath(path: string): boolean {
  return NEW_PATH.test(path) && !path.split("/").some((segment) => segment === "." || segment === "..");
}

/** The site-relative URL of a page, percent-encoded, always with its trailing slash. */
export function pageUrl(path: string): string {
  return `/${path.split("/").map(encodeURIComponent).join("/")}/`;
}

/** The first path segment, used as the search facet and the sitemap section. */
export function pageSection(path: string): string {
  return normalizePagePath(path).split("/")[0] ?? "";
}

/**
 * The stored paths a request path can match, in legacy's order
 * (python/pythondotorg:apps/pages/middleware.py): the path without its leading slash as
 * it is, then with its trailing slash toggled.
 */
export function candidatePaths(requestPath: string): string[] {
  const full = requestPath.replace(/^\//, "");
  if (full === "") return [];
  const toggled = full.endsWith("/") ? full.slice(0, -1) : `${full}/`;
  return toggled === "" ? [full] : [full, toggled];
}
