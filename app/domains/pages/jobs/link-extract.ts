// Finding and classifying the links of a piece of (sanitised) HTML for the link checker:
// `href` and `src` values, entities decoded; site paths and URLs on our own hosts are
// internal, other http(s) URLs external, everything else (mailto:, fragments) skipped.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };

/** Every distinct `href`/`src` value, in document order. */
export function extractLinks(html: string): string[] {
  const links = [...html.matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)].map((match) =>
    (match[1] ?? match[2] ?? match[3] ?? "").replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? "").trim(),
  );
  return [...new Set(links.filter(Boolean))];
}

export type LinkTarget = { internal: true; path: string } | { internal: false; url: string };

/**
 * Resolves `raw` as a browser would on the page at `basePath`, then decides where it goes.
 * Returns null for links the checker does not follow.
 */
export function classifyLink(raw: string, options: { basePath: string; siteOrigin: string; ownHosts: string[] }): LinkTarget | null {
  if (raw.startsWith("#") || /^(mailto|tel|javascript|data|ftp):/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, new URL(options.basePath, options.siteOrigin));
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  const own = url.origin === new URL(options.siteOrigin).origin || options.ownHosts.includes(url.hostname.toLowerCase());
  return own ? { internal: true, path: `${url.pathname}${url.search}` } : { internal: false, url: url.toString() };
}
