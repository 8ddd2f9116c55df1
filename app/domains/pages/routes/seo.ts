// Files for crawlers and people (legacy pydotorg/urls.py): /robots.txt exactly as legacy
// templates/robots.txt (no Sitemap line, urls.md §2), /humans.txt, /funding.json read
// from static/funding.json, and the sitemaps (/sitemap.xml index, /sitemaps/<section>.xml).
import { readFile } from "node:fs/promises";
import { Hono } from "hono";
import type { AppEnv } from "../../../core/http/env.ts";
import type { PagesService } from "../service.ts";
import { sitemapIndexXml, urlsetXml } from "./sitemap-xml.ts";

/** Legacy templates/robots.txt, byte for byte. */
export const ROBOTS_TXT = `# Directions for robots.  See this URL:
# http://www.robotstxt.org/robotstxt.html
# for a description of the file format.

User-agent: HTTrack
User-agent: puf
User-agent: MSIECrawler
Disallow: /

# The Krugle web crawler (though based on Nutch) is OK.
User-agent: Krugle
Allow: /
Disallow: /~guido/orlijn/
Disallow: /webstats/

# No one should be crawling us with Nutch.
User-agent: Nutch
Disallow: /

# Hide old versions of the documentation and various large sets of files.
User-agent: *
Disallow: /~guido/orlijn/
Disallow: /webstats/
`;

export const HUMANS_TXT = `/* the humans responsible & colophon */
/* humanstxt.org */

/* TEAM */
	The Python Software Foundation and the volunteers who edit python.org.
	Contact: https://www.python.org/about/help/
	Site: https://www.python.org/psf/

/* THANKS */
	Revolution Systems and Project Evolution, who built the 2014 site.
	Everyone who reported a bug or a broken link, and everyone who fixed one.
	The people who responsibly reported security problems in the website.

/* SITE */
	Standards: HTML5, CSS3, WCAG 2.2 AA
	Components: TypeScript, Node.js, Hono, Nunjucks, Prisma, PostgreSQL, Redis
	Source: https://github.com/python/pythondotorg
`;

const SECTION_FILE = /^(.+)\.xml$/;

const xml = (body: string) => new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });

export function seoRoutes(deps: { pages: Pick<PagesService, "sitemapSections" | "sitemapEntries">; siteUrl: string; fundingFile: string }) {
  const app = new Hono<AppEnv>({ strict: true });
  const absolute = (path: string) => new URL(path, deps.siteUrl).toString();

  app.get("/robots.txt", (c) => c.text(ROBOTS_TXT));
  app.get("/humans.txt", (c) => c.text(HUMANS_TXT));

  // Legacy views.serve_funding_json: 404 and 500 answer JSON errors of their own.
  app.get("/funding.json", async (c) => {
    const text = await readFile(deps.fundingFile, "utf8").catch(() => null);
    if (text === null) return c.json({ error: "funding.json not found" }, 404);
    try {
      return c.json(JSON.parse(text) as unknown);
    } catch {
      return c.json({ error: "Invalid JSON in funding.json" }, 500);
    }
  });

  app.get("/sitemap.xml", async () => {
    const sections = await deps.pages.sitemapSections();
    return xml(sitemapIndexXml(sections.map((section) => ({ loc: absolute(`/sitemaps/${encodeURIComponent(section.name)}.xml`), lastmod: section.lastmod }))));
  });

  app.get("/sitemaps/:file", async (c) => {
    const match = SECTION_FILE.exec(c.req.param("file"));
    const entries = match ? await deps.pages.sitemapEntries({ section: match[1]! }) : null;
    if (!entries) return c.notFound();
    return xml(urlsetXml(entries.map((entry) => ({ loc: absolute(entry.loc), lastmod: entry.lastmod }))));
  });

  return app;
}
