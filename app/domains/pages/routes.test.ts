// Fall-through routing of CMS pages and editor redirects (legacy urls.md §1 and §4):
// templates, drafts, content types, slash handling, precedence, and hostile markup.
import { describe, expect, it } from "vitest";
import { signInAs, type SignedIn } from "../../testing/admin.ts";
import { formPost } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import type { PageInput } from "./schemas.ts";

const ctx = useTestContext();

const page = (path: string, extra: Partial<PageInput> = {}): PageInput => ({
  title: `Title of ${path}`,
  keywords: "",
  description: "",
  path,
  content: `Body of **${path}**`,
  contentMarkupType: "markdown",
  isPublished: true,
  contentType: "text/html",
  templateName: "",
  ...extra,
});
const get = (path: string, who?: SignedIn) => ctx.app.request(path, who ? { headers: { cookie: who.cookie } } : {});

describe("CMS pages at their paths", () => {
  it("renders a published page with its title, body, meta and canonical link", async () => {
    await ctx.services.pages.savePage({ input: page("about/help", { description: "Where to get help", keywords: "help, support" }) });
    const response = await get("/about/help/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<title>Title of about/help | Python.org</title>");
    expect(html).toContain('<h1 class="page-title">Title of about/help</h1>');
    expect(html).toContain("Body of <strong>about/help</strong>");
    expect(html).toContain('<meta name="description" content="Where to get help">');
    expect(html).toContain('<meta name="keywords" content="help, support">');
    expect(html).toContain('<link rel="canonical" href="http://testserver/about/help/">');
    expect(html).toContain('class="python pages default-page"');
  });

  it("gives /psf-landing/ and pages under /psf/ the PSF colourway and marks PSF in the network bar, whatever their template", async () => {
    await ctx.services.pages.savePage({ input: page("psf-landing") });
    await ctx.services.pages.savePage({ input: page("psf/mission") });
    for (const path of ["/psf-landing/", "/psf/mission/"]) {
      const html = await (await get(path)).text();
      expect(html).toContain('class="psf pages default-page"');
      expect(html).toMatch(/<li class="network-item network-psf">\s*<a href="\/psf-landing\/" aria-current="(page|true)">PSF<\/a>/);
      expect(html).not.toMatch(/network-python">\s*<a [^>]*aria-current/);
    }
  });

  it("redirects the slash-less path with 301, for any method and without the query string, and answers 404 for unknown paths", async () => {
    await ctx.services.pages.savePage({ input: page("about/help") });
    // Legacy PageFallbackMiddleware builds the target from request.path alone.
    const response = await get("/about/help?x=1");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/about/help/");
    const posted = await ctx.app.request("/about/help", { method: "POST", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(posted.status).toBe(301);
    expect(posted.headers.get("location")).toBe("/about/help/");
    expect((await get("/about/nothing-here/")).status).toBe(404);
    expect((await get("/about/nothing-here")).status).toBe(404);
  });

  it("hides drafts from visitors and shows them to staff with a notice and edit links", async () => {
    const saved = await ctx.services.pages.savePage({ input: page("psf/annual-report/2024", { isPublished: false }) });
    expect((await get("/psf/annual-report/2024/")).status).toBe(404);
    const member = await signInAs(ctx, { isStaff: false });
    expect((await get("/psf/annual-report/2024/", member)).status).toBe(404);
    const staff = await signInAs(ctx);
    const response = await get("/psf/annual-report/2024/", staff);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("private");
    const html = await response.text();
    expect(html).toContain("This page is a draft");
    expect(html).toContain(`href="/admin/pages/page/${saved.id}/change/"`);
  });

  it("uses the page's template: PSF title suffix, full width without sidebar, raw body without layout", async () => {
    await ctx.services.pages.savePage({ input: page("psf/membership", { templateName: "psf/default.html" }) });
    await ctx.services.pages.savePage({ input: page("psf/wide", { templateName: "psf/full-width.html" }) });
    await ctx.services.pages.savePage({ input: page("embed/snippet", { templateName: "pages/raw.html" }) });
    const psf = await (await get("/psf/membership/")).text();
    expect(psf).toContain("<title>Title of psf/membership | Python Software Foundation</title>");
    expect(psf).toContain('class="psf pages default-page"');
    expect(psf).toContain('<aside class="sidebar"');
    expect(await (await get("/psf/wide/")).text()).not.toContain('<aside class="sidebar"');
    const raw = await (await get("/embed/snippet/")).text();
    expect(raw.trim()).toBe("<p>Body of <strong>embed/snippet</strong></p>");
  });

  it("honours the content type: text/plain pages are served as their source text", async () => {
    await ctx.services.pages.savePage({ input: page("about/keys", { contentType: "text/plain", contentMarkupType: "plain", content: "Plain text body.\n<script>x</script>" }) });
    const response = await get("/about/keys/");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe("Plain text body.\n<script>x</script>");
    await ctx.services.pages.savePage({ input: page("about/svg", { contentType: "image/svg+xml", content: "<svg onload=alert(1)>" }) });
    expect((await get("/about/svg/")).headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("lets application routes win over a page at the same path, and refuses other methods with 405", async () => {
    await ctx.services.pages.savePage({ input: page("downloads") });
    expect(await (await get("/downloads/")).text()).not.toContain("Title of downloads");
    await ctx.services.pages.savePage({ input: page("about/help") });
    const post = await ctx.app.request("/about/help/", formPost(ctx, {}));
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("serves a unicode path stored byte for byte", async () => {
    await ctx.deps.db.page.create({ data: { title: "Café", path: "community/ünïcode-café", contentRendered: "<p>unicode</p>" } });
    const response = await get(`/community/${encodeURIComponent("ünïcode-café")}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<p>unicode</p>");
    expect((await get(`/community/${encodeURIComponent("ünïcode-café".normalize("NFD"))}/`)).status).toBe(404);
  });
});

/** Real tags and attributes only: escaped text that merely mentions them is harmless. */
const DANGEROUS_MARKUP = [/<script/i, /<iframe/i, /<[a-z][^>]*\son[a-z]+\s*=/i, /<[a-z][^>]*(href|src)\s*=\s*["']?\s*javascript:/i, /<[a-z][^>]*\sstyle\s*=/i];

describe("hostile page content", () => {
  const HOSTILE =
    '<p>ok</p><script>alert("x")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">j</a><a href=" JaVaScRiPt:alert(3)">k</a><iframe src="https://evil.example/"></iframe><div onclick="alert(4)" style="color:red">d</div>';

  it("never sends scripts, event handlers or javascript: URLs, whatever the markup type", async () => {
    for (const [index, type] of (["html", "markdown_unsafe", "markdown"] as const).entries()) {
      await ctx.services.pages.savePage({ input: page(`hostile/${index}`, { content: HOSTILE, contentMarkupType: type }) });
      const html = await (await get(`/hostile/${index}/`)).text();
      const body = html.slice(html.indexOf('class="page-body"'), html.indexOf("</article>"));
      expect(body).toContain("ok");
      for (const tag of DANGEROUS_MARKUP) expect(body, `${type}: ${tag}`).not.toMatch(tag);
    }
  });

  it("sanitises HTML the legacy site stored already rendered", async () => {
    await ctx.deps.db.page.create({ data: { title: "Legacy", path: "legacy/stored", content: "x", contentMarkupType: "html", contentRendered: HOSTILE } });
    const html = await (await get("/legacy/stored/")).text();
    expect(html).toContain("<p>ok</p>");
    expect(html).not.toMatch(/alert|onerror|onclick|javascript:|<iframe/i);
  });
});

describe("editor redirects", () => {
  it("answers 301 to the new path, 410 for an empty one, and wins over a page at the same path", async () => {
    await ctx.services.pages.saveRedirect({ input: { oldPath: "/old/place/", newPath: "/about/" } });
    await ctx.services.pages.saveRedirect({ input: { oldPath: "/gone/", newPath: "" } });
    await ctx.services.pages.saveRedirect({ input: { oldPath: "/ünïcode-alias/", newPath: "/über/" } });
    await ctx.services.pages.savePage({ input: page("old/place") });
    const moved = await get("/old/place/");
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/about/");
    const gone = await get("/gone/");
    expect(gone.status).toBe(410);
    expect(await gone.text()).toBe("");
    expect((await get("/old/place")).headers.get("location")).toBe("/about/");
    const unicode = await get(`/${encodeURIComponent("ünïcode-alias")}/`);
    expect(unicode.status).toBe(301);
    expect(unicode.headers.get("location")).toBe(`/${encodeURIComponent("über")}/`);
  });

  it("refuses unsafe targets when editing and ignores them when stored", async () => {
    await expect(ctx.services.pages.saveRedirect({ input: { oldPath: "/x/", newPath: "javascript:alert(1)" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await ctx.deps.db.redirect.create({ data: { oldPath: "/evil/", newPath: "//evil.example/" } });
    expect((await get("/evil/")).status).toBe(404);
  });

  it("shows an edit immediately (the cached miss is invalidated)", async () => {
    expect((await get("/later/")).status).toBe(404);
    await ctx.services.pages.saveRedirect({ input: { oldPath: "/later/", newPath: "/now/" } });
    expect((await get("/later/")).status).toBe(301);
  });
});
