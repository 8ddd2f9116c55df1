// `/admin/doc/` (legacy admindocs, urls.md §12): staff only; an index of what is
// documented, the admin's models with their fields, and every URL pattern.
import { describe, expect, it } from "vitest";
import { signInAs } from "../testing/admin.ts";
import { findHtmlProblems } from "../testing/html-structure.ts";
import { createTestUser, signIn } from "../testing/auth.ts";
import { useTestContext } from "../testing/deps.ts";

const ctx = useTestContext();

describe("/admin/doc/", () => {
  it("sends visitors and non-staff to the admin login", async () => {
    const anonymous = await ctx.app.request("/admin/doc/");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/admin/login/?next=/admin/doc/");
    const member = await createTestUser(ctx, { username: "member" });
    const refused = await ctx.app.request("/admin/doc/models/", { headers: { cookie: await signIn(ctx, member.id) } });
    expect(refused.status).toBe(302);
  });

  it("shows staff the index, the models by app with their fields, and the views", async () => {
    const { cookie } = await signInAs(ctx);
    const get = (path: string) => ctx.app.request(path, { headers: { cookie } });

    const index = await get("/admin/doc/");
    expect(index.status).toBe(200);
    expect(index.headers.get("cache-control")).toBe("private, no-store");
    const indexHtml = await index.text();
    expect(indexHtml).toContain('<a href="/admin/doc/models/">Models</a>');
    expect(indexHtml).toContain('<a href="/admin/doc/views/">Views</a>');

    const models = await (await get("/admin/doc/models/")).text();
    expect(models).toContain(">Downloads</h2>");
    expect(models).toContain('<a href="/admin/doc/models/downloads.release/">Release</a>');

    const release = await get("/admin/doc/models/downloads.release/");
    expect(release.status).toBe(200);
    const releaseHtml = await release.text();
    expect(releaseHtml).toContain("<h1>downloads.release</h1>");
    expect(releaseHtml).toContain("<code>name</code>");
    for (const html of [indexHtml, models, releaseHtml]) expect(findHtmlProblems(html)).toEqual([]);

    expect((await get("/admin/doc/models/nothing.here/")).status).toBe(404);

    const views = await (await get("/admin/doc/views/")).text();
    expect(views).toContain("<code>/downloads/feed.rss</code>");
    expect(views).toContain("<code>/admin/doc/views/</code>");
    expect(views).not.toContain("<code>*</code>");
    expect(findHtmlProblems(views)).toEqual([]);
  });
});
