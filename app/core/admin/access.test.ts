import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, signInAs, syncAdminPermissions } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createAdminRegistry } from "./registry.ts";
import { adminResourcesOf } from "../../app.ts";
import { syncPermissions } from "./permissions-sync.ts";

const ctx = useTestContext();
beforeEach(async () => {
  await syncAdminPermissions(ctx);
});

describe("admin access", () => {
  it("sends anonymous visitors to the admin login page with next (Django's admin_view)", async () => {
    for (const path of ["/admin/", "/admin/boxes/box/", "/admin/boxes/box/1/change/"]) {
      const response = await ctx.app.request(path);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/admin/login/?next=${path}`);
    }
  });

  it("sends signed-in users who are not staff to the admin login page too, whatever their permissions", async () => {
    const member = await signInAs(ctx, { isStaff: false, permissions: ["boxes.change_box"] });
    const response = await ctx.app.request("/admin/boxes/box/", { headers: { cookie: member.cookie } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/login/?next=/admin/boxes/box/");
  });

  it("answers 403 to staff without the model permission, per action", async () => {
    const viewer = await signInAs(ctx, { permissions: ["boxes.view_box"] });
    const headers = { cookie: viewer.cookie };
    expect((await ctx.app.request("/admin/boxes/box/", { headers })).status).toBe(200);
    expect((await ctx.app.request("/admin/boxes/box/add/", { headers })).status).toBe(403);
    expect((await ctx.app.request("/admin/banners/banner/", { headers })).status).toBe(403);
    const post = await ctx.app.request("/admin/boxes/box/add/", adminPost(ctx, viewer.cookie, { label: "x", contentMarkupType: "plain", content: "x" }));
    expect(post.status).toBe(403);
    expect(await ctx.deps.db.box.count()).toBe(0);
  });

  it("shows on the index only the models the user may see; superusers see all", async () => {
    const editor = await signInAs(ctx, { permissions: ["boxes.change_box", "banners.add_banner"] });
    const html = await (await ctx.app.request("/admin/", { headers: { cookie: editor.cookie } })).text();
    expect(html).toContain('href="/admin/boxes/box/"');
    expect(html).toContain('href="/admin/banners/banner/add/"');
    expect(html).not.toContain('href="/admin/banners/banner/"');
    expect(html).not.toContain("/admin/users/user/");

    const root = await signInAs(ctx, { isSuperuser: true });
    const all = await (await ctx.app.request("/admin/", { headers: { cookie: root.cookie } })).text();
    for (const path of ["/admin/boxes/box/", "/admin/banners/banner/", "/admin/users/user/", "/admin/auth/group/"]) expect(all).toContain(`href="${path}"`);
  });

  it("refuses form posts without the CSRF token", async () => {
    const root = await signInAs(ctx, { isSuperuser: true });
    const response = await ctx.app.request("/admin/boxes/box/add/", adminPost(ctx, root.cookie, { label: "x", contentMarkupType: "plain", content: "x" }, { csrf: false }));
    expect(response.status).toBe(403);
    expect(await ctx.deps.db.box.count()).toBe(0);
  });

  it("answers unknown models and malformed ids with 404, never 500", async () => {
    const root = await signInAs(ctx, { isSuperuser: true });
    const headers = { cookie: root.cookie };
    for (const path of [
      "/admin/nothing/here/",
      "/admin/boxes/box/abc/change/",
      "/admin/boxes/box/-1/change/",
      "/admin/boxes/box/0/change/",
      "/admin/boxes/box/99999999999/change/",
      "/admin/boxes/box/2147483647/change/",
      "/admin/boxes/box/1e3/delete/",
      "/admin/boxes/box/%00/history/",
    ]) {
      expect((await ctx.app.request(path, { headers })).status, path).toBe(404);
    }
  });
});

describe("syncPermissions", () => {
  it("creates add/change/delete/view for every registered model, once", async () => {
    const registry = createAdminRegistry(adminResourcesOf(ctx.deps, ctx.registry));
    expect(await syncPermissions(ctx.deps.db, registry)).toEqual({ created: 0 });
    const rows = await ctx.deps.db.permission.findMany({ where: { appLabel: "boxes" }, orderBy: { codename: "asc" } });
    expect(rows.map((row) => [row.codename, row.name])).toEqual([
      ["add_box", "Can add box"],
      ["change_box", "Can change box"],
      ["delete_box", "Can delete box"],
      ["view_box", "Can view box"],
    ]);
    expect(await ctx.deps.db.permission.count()).toBe(registry.resources.length * 4);
  });
});

describe("every registration", () => {
  it("orders by each sortable column both ways and renders its add form", async () => {
    const root = await signInAs(ctx, { isSuperuser: true });
    const headers = { cookie: root.cookie };
    for (const resource of createAdminRegistry(adminResourcesOf(ctx.deps, ctx.registry)).resources) {
      const base = `/admin/${resource.appLabel}/${resource.model}/`;
      for (const column of resource.listColumns.filter((c) => c.sortable)) {
        for (const o of [column.name, `-${column.name}`]) expect((await ctx.app.request(`${base}?o=${o}&q=a`, { headers })).status, `${base}?o=${o}`).toBe(200);
      }
      expect((await ctx.app.request(`${base}add/`, { headers })).status, `${base}add/`).toBe(200);
    }
  });
});
