// The link checker on the migrated sample: the `pages.check-links` job finds the broken
// internal links of menus, pages and boxes (none of the sample's missing CMS pages exist
// here), and the admin's report lists each with where it was found.
import { afterAll, beforeAll, expect, it } from "vitest";
import { signInAs, syncAdminPermissions } from "../../testing/admin.ts";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { createLegacySampleDatabase, migrateLegacy, type LegacyDatabase } from "../../testing/legacy-sample.ts";
import { CHECK_LINKS_TASK, runLinkCheck } from "./jobs.ts";
import { describeWithLegacySample } from "../../testing/legacy-bed.ts";

describeWithLegacySample("link checker", () => {
  let ctx: TestContext;
  let legacy: LegacyDatabase;

  beforeAll(async () => {
    ctx = await createTestContext();
    legacy = await createLegacySampleDatabase();
    await ctx.reset();
    await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users", "boxes", "pages"] });
    const about = await ctx.deps.db.page.findUniqueOrThrow({ where: { path: "about" } });
    await ctx.services.pages.savePage({
      id: about.id,
      input: { ...about, content: `${about.content}\n<p><a href="/planted/broken/">dead</a> <a href="/about/apps/">alive</a></p>`, contentMarkupType: "html" },
    });
    await ctx.services.boxes.saveBox({ input: { label: "planted-box", content: "[gone](/planted/box-target/)", contentMarkupType: "markdown" } });
  });
  afterAll(async () => {
    await legacy?.drop();
    await ctx?.close();
  });

  it("runs as a cron job and stores one result per link found", async () => {
    expect(ctx.registry.cronItems().some((item) => item.task === CHECK_LINKS_TASK)).toBe(true);
    await ctx.deps.jobs.add(CHECK_LINKS_TASK, {});
    await ctx.drainJobs();
    const broken = await ctx.deps.db.linkCheck.findMany({ where: { ok: false }, select: { sourceType: true, sourceLabel: true, target: true, status: true } });
    const targets = broken.map((row) => `${row.sourceType} ${row.target} ${row.status}`);
    expect(targets).toContain("page /planted/broken/ 404");
    expect(targets).toContain("box /planted/box-target/ 404");
    // Menu items of the real sitetree fixture whose CMS pages the sample does not have.
    for (const target of ["/psf/summary/", "/community/workshops/", "/psf/league/"]) expect(targets).toContain(`nav ${target} 404`);
    const alive = await ctx.deps.db.linkCheck.findFirst({ where: { target: "/about/apps/", sourceType: "page" } });
    expect(alive).toMatchObject({ ok: true, status: 200 });
    // Hidden items are never shown, so they are not checked; external links stay off in tests.
    expect(await ctx.deps.db.linkCheck.count({ where: { target: "/old/" } })).toBe(0);
    expect(await ctx.deps.db.linkCheck.count({ where: { internal: false } })).toBe(0);
  });

  it("replaces the previous run's results", async () => {
    const before = await ctx.deps.db.linkCheck.count();
    await runLinkCheck({
      pages: ctx.services.pages,
      boxes: ctx.services.boxes,
      config: { siteUrl: "http://testserver", external: false, dispatch: (request) => ctx.app.fetch(request) },
    });
    expect(await ctx.deps.db.linkCheck.count()).toBe(before);
  });

  it("lists broken links with the page and the target in the admin report", async () => {
    await syncAdminPermissions(ctx);
    const editor = await signInAs(ctx, { permissions: ["pages.view_linkcheck"] });
    const html = await (await ctx.app.request("/admin/pages/linkcheck/", { headers: { cookie: editor.cookie } })).text();
    expect(html).toContain("Page: About Python™");
    expect(html).toContain("/planted/broken/");
    expect(html).toContain("Box: planted-box");
    expect(html).toContain("Menu item: Executive Summary");
    expect(html).not.toContain("<td>/about/apps/</td>");
    const working = await (await ctx.app.request("/admin/pages/linkcheck/?result=working&q=apps", { headers: { cookie: editor.cookie } })).text();
    expect(working).toContain("/about/apps/");
    const visitor = await signInAs(ctx, { isStaff: false });
    const refused = await ctx.app.request("/admin/pages/linkcheck/", { headers: { cookie: visitor.cookie } });
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toBe("/admin/login/?next=/admin/pages/linkcheck/");
  });
});
