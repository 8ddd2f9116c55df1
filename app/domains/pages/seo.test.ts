// robots.txt, humans.txt, funding.json and the sitemaps; and published pages in search.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { seoRoutes } from "./routes/seo.ts";
import { escapeXml } from "./routes/sitemap-xml.ts";
import type { PageInput } from "./schemas.ts";

const ctx = useTestContext();

const page = (pagePath: string, extra: Partial<PageInput> = {}): PageInput => ({
  title: `Title ${pagePath}`,
  keywords: "",
  description: "",
  path: pagePath,
  content: `## Heading of ${pagePath}\n\nText about snakes.`,
  contentMarkupType: "markdown",
  isPublished: true,
  contentType: "text/html",
  templateName: "",
  ...extra,
});

// python/pythondotorg:templates/robots.txt at 0a7e8d1f.
const LEGACY_ROBOTS_TXT = `# Directions for robots.  See this URL:
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

describe("robots, humans and funding", () => {
  it("serves robots.txt exactly as legacy templates/robots.txt, with no Sitemap line", async () => {
    const response = await ctx.app.request("/robots.txt");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; ?charset=utf-8$/i);
    expect(await response.text()).toBe(LEGACY_ROBOTS_TXT);
    // A file route as it is: no APPEND_SLASH redirect, and the slashed form is not a route.
    expect((await ctx.app.request("/robots.txt/")).status).toBe(404);
    expect(await (await ctx.app.request("/humans.txt")).text()).toContain("/* TEAM */");
  });

  it("serves funding.json with the legacy keys, and JSON errors when the file is missing or broken", async () => {
    const body = (await (await ctx.app.request("/funding.json")).json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["version", "entity", "projects", "funding"]);
    expect(body.version).toBe("v1.0.0");
    const dir = mkdtempSync(path.join(tmpdir(), "funding-"));
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    const pages = { sitemapSections: async () => [], sitemapEntries: async () => null };
    const app = (file: string) => new Hono().route("/", seoRoutes({ pages, siteUrl: "http://testserver", fundingFile: file }));
    const missing = await app(path.join(dir, "nope.json")).request("/funding.json");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "funding.json not found" });
    const invalid = await app(broken).request("/funding.json");
    expect(invalid.status).toBe(500);
    expect(await invalid.json()).toEqual({ error: "Invalid JSON in funding.json" });
  });
});

describe("sitemaps", () => {
  it("indexes one sitemap per section with lastmod from updated, and lists published HTML pages only", async () => {
    await ctx.services.pages.savePage({ input: page("about") });
    await ctx.services.pages.savePage({ input: page("about/help") });
    await ctx.services.pages.savePage({ input: page("psf/draft", { isPublished: false }) });
    await ctx.services.pages.savePage({ input: page("psf/keys", { contentType: "text/plain" }) });
    await ctx.deps.db.page.create({ data: { title: "Café", path: "community/ünïcode-café&co", contentRendered: "" } });
    const index = await ctx.app.request("/sitemap.xml");
    expect(index.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await index.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    expect(xml).toContain("<loc>http://testserver/sitemaps/about.xml</loc><lastmod>");
    expect(xml).toContain("<loc>http://testserver/sitemaps/site.xml</loc>");
    expect(xml).not.toContain("sitemaps/psf.xml");
    const about = await (await ctx.app.request("/sitemaps/about.xml")).text();
    expect(about).toContain("<url><loc>http://testserver/about/</loc><lastmod>");
    expect(about).toContain("<loc>http://testserver/about/help/</loc>");
    const community = await (await ctx.app.request("/sitemaps/community.xml")).text();
    expect(community).toContain(`<loc>http://testserver/community/${encodeURIComponent("ünïcode-café&co")}/</loc>`);
    expect((await ctx.app.request("/sitemaps/psf.xml")).status).toBe(404);
    expect(await (await ctx.app.request("/sitemaps/site.xml")).text()).toContain("<loc>http://testserver/</loc>");
    expect(escapeXml(`a&b<c>"d'\u0001`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
  });
});

describe("search", () => {
  it("indexes published pages with headings and a section facet, and drops unpublished ones", async () => {
    const saved = await ctx.services.pages.savePage({ input: page("about/snakes", { title: "All about snakes" }) });
    await ctx.services.pages.savePage({ input: page("psf/secret", { title: "Secret snakes", isPublished: false }) });
    await ctx.drainJobs();
    const results = await ctx.deps.search.search({ q: "snakes" });
    expect(results.hits.map((hit) => hit.title)).toEqual(["All about snakes"]);
    expect(results.hits[0]).toMatchObject({ type: "page", url: "/about/snakes/" });
    const html = await (await ctx.app.request("/search/?q=snakes")).text();
    expect(html).toMatch(/All about (<mark>)?snakes/);
    expect(html).toContain('href="/about/snakes/"');
    await ctx.services.pages.savePage({ id: saved.id, input: page("about/snakes", { title: "All about snakes", isPublished: false }) });
    await ctx.drainJobs();
    expect((await ctx.deps.search.search({ q: "snakes" })).total).toBe(0);
  });
});
