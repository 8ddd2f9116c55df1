// sitemaps.org XML, written by hand: a sitemap index and one urlset per section. Every
// value is XML-escaped; URLs are already percent-encoded by the caller.

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids are dropped rather than escaped (they cannot be escaped).
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** The W3C date-time sitemaps expect, to the second, in UTC. */
function lastmod(iso: string | null): string {
  return iso ? `<lastmod>${escapeXml(new Date(iso).toISOString().replace(/\.\d{3}Z$/, "+00:00"))}</lastmod>` : "";
}

/** `<sitemapindex>` of absolute sitemap URLs. */
export function sitemapIndexXml(entries: Array<{ loc: string; lastmod: string | null }>): string {
  const items = entries.map((entry) => `  <sitemap><loc>${escapeXml(entry.loc)}</loc>${lastmod(entry.lastmod)}</sitemap>`);
  return `${HEADER}<sitemapindex ${NS}>\n${items.join("\n")}\n</sitemapindex>\n`;
}

/** `<urlset>` of absolute page URLs. */
export function urlsetXml(entries: Array<{ loc: string; lastmod: string | null }>): string {
  const items = entries.map((entry) => `  <url><loc>${escapeXml(entry.loc)}</loc>${lastmod(entry.lastmod)}</url>`);
  return `${HEADER}<urlset ${NS}>\n${items.join("\n")}\n</urlset>\n`;
}
