// Issue 15 item 5: a URL field accepts only http(s) (or a site path where legacy allows
// one), on every transport; a bad URL stored earlier is never rendered as a link.
import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, signInAs, syncAdminPermissions } from "../../testing/admin.ts";
import { createTestUser } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture, type DownloadsFixture } from "../../testing/factories/downloads.ts";
import { isSafeLink } from "./url-schema.ts";

const HOSTILE_URLS = [
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "java\tscript:alert(1)",
];

describe("isSafeLink", () => {
  it("accepts http(s) URLs, and site paths only when asked", () => {
    expect(isSafeLink("https://docs.python.org/3/whatsnew/")).toBe(true);
    expect(isSafeLink("http://www.python.org/")).toBe(true);
    expect(isSafeLink("/downloads/")).toBe(false);
    expect(isSafeLink("/downloads/", { sitePath: true })).toBe(true);
    for (const value of [...HOSTILE_URLS, "//evil.example/", "/\\evil.example/", "ftp://ftp.python.org/", "https://", "mailto:a@b"]) {
      expect([value, isSafeLink(value, { sitePath: true })]).toEqual([value, false]);
    }
  });
});

describe("URL fields over HTTP", () => {
  const ctx = useTestContext();
  let fx: DownloadsFixture;
  let token: string;
  let apiKey: string;
  beforeEach(async () => {
    fx = await createDownloadsFixture(ctx.services.downloads);
    const staff = await createTestUser(ctx, { username: "staff", isStaff: true });
    token = `Token ${await ctx.services.users.issueAuthToken({ userId: staff.id })}`;
    apiKey = `ApiKey staff:${await ctx.services.users.issueApiKey({ userId: staff.id })}`;
  });
  const notesUrl = async () => (await ctx.deps.db.release.findUniqueOrThrow({ where: { id: fx.releases.py3140 }, select: { releaseNotesUrl: true } })).releaseNotesUrl;

  it("refuses javascript:, data: and vbscript: release notes links through v1, v2 and the admin", async () => {
    const before = await notesUrl();
    await syncAdminPermissions(ctx);
    const editor = await signInAs(ctx, { isSuperuser: true });
    for (const url of HOSTILE_URLS) {
      const v2 = await ctx.app.request(`/api/v2/downloads/release/${fx.releases.py3140}/`, {
        method: "PATCH",
        headers: { Authorization: token, "content-type": "application/json" },
        body: JSON.stringify({ release_notes_url: url }),
      });
      expect([url, v2.status]).toEqual([url, 400]);
      const v1 = await ctx.app.request(`/api/v1/downloads/release/`, {
        method: "POST",
        headers: { Authorization: apiKey, "content-type": "application/json" },
        body: JSON.stringify({ name: "Python 3.99.0", slug: "python-3990", version: 3, release_notes_url: url }),
      });
      expect([url, v1.status]).toEqual([url, 400]);
      const admin = await ctx.app.request("/admin/downloads/release/add/", adminPost(ctx, editor.cookie, { name: "Python 3.99.0", version: "3", releaseNotesUrl: url }));
      expect([url, admin.status]).toEqual([url, 422]);
    }
    expect(await notesUrl()).toBe(before);
    expect(await ctx.deps.db.release.count({ where: { name: "Python 3.99.0" } })).toBe(0);
  });

  it("refuses a protocol-relative banner link, which browsers read as another site", async () => {
    await syncAdminPermissions(ctx);
    const editor = await signInAs(ctx, { permissions: ["banners.add_banner", "banners.view_banner"] });
    const response = await ctx.app.request("/admin/banners/banner/add/", adminPost(ctx, editor.cookie, { title: "x", message: "y", link: "//evil.example/" }));
    expect(response.status).toBe(422);
    expect(await ctx.deps.db.banner.count()).toBe(0);
  });

  it("never renders a javascript: link stored before the check", async () => {
    const release = await ctx.deps.db.release.update({ where: { id: fx.releases.py3140 }, data: { releaseNotesUrl: "javascript:alert(1)" }, select: { slug: true } });
    for (const path of ["/downloads/", `/downloads/release/${release.slug}/`]) {
      const html = await (await ctx.app.request(path)).text();
      expect([path, html.includes("javascript:")]).toEqual([path, false]);
    }
  });
});
