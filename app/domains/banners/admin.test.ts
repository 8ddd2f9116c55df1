import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, auditRows, followRedirect, signInAs, syncAdminPermissions, type SignedIn } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";

const ctx = useTestContext();
let editor: SignedIn;
beforeEach(async () => {
  await syncAdminPermissions(ctx);
  editor = await signInAs(ctx, { permissions: ["banners.view_banner", "banners.add_banner", "banners.change_banner"] });
});

const get = (path: string) => ctx.app.request(path, { headers: { cookie: editor.cookie } });
const post = (path: string, fields: Record<string, string | string[]>) => ctx.app.request(path, adminPost(ctx, editor.cookie, fields));

async function seed() {
  await ctx.deps.db.banner.createMany({
    data: [
      { title: "Fundraiser", message: "Give", link: "https://donate.python.org/", active: true, psfPagesOnly: false },
      { title: "PSF survey", message: "Tell us", link: "/psf/survey/", active: false, psfPagesOnly: true },
      { title: "Old notice", message: "Gone", link: "/old/", active: false, psfPagesOnly: false },
    ],
  });
  return ctx.deps.db.banner.findMany({ orderBy: { id: "asc" } });
}

describe("banners admin", () => {
  it("filters by active and PSF-only, combined with search", async () => {
    await seed();
    const inactive = await (await get("/admin/banners/banner/?active=0")).text();
    expect(inactive).toContain("PSF survey");
    expect(inactive).toContain("Old notice");
    expect(inactive).not.toContain("Fundraiser");
    expect(inactive).toMatch(/aria-current="true" class="selected">No</);

    const psf = await (await get("/admin/banners/banner/?active=0&psf=1")).text();
    expect(psf).toContain("1 banner.");
    expect(psf).toContain("PSF survey");

    const searched = await (await get("/admin/banners/banner/?q=donate")).text();
    expect(searched).toContain("Fundraiser");
    expect(searched).not.toContain("Old notice");
  });

  it("creates a banner from checkboxes (absent means off) and shows it on the site", async () => {
    const response = await post("/admin/banners/banner/add/", { title: "Python 3.14 is out", message: "Get it now", link: "/downloads/", active: "on" });
    expect(response.status).toBe(303);
    const banner = await ctx.deps.db.banner.findFirstOrThrow();
    expect(banner).toMatchObject({ active: true, psfPagesOnly: false });
    expect(await (await ctx.app.request("/")).text()).toContain("Python 3.14 is out");
  });

  it("refuses a javascript: link with a field error", async () => {
    const response = await post("/admin/banners/banner/add/", { title: "x", message: "y", link: "javascript:alert(1)" });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Use an http(s) URL or a site path starting with /.");
  });

  it("activates selected banners in bulk after confirmation, auditing each change", async () => {
    const [fundraiser, survey, old] = await seed();
    const ids = [fundraiser!.id, survey!.id, old!.id].map(String);
    const ask = await post("/admin/banners/banner/action/", { action: "activate", ids });
    expect(ask.status).toBe(200);
    const page = await ask.text();
    expect(page).toContain("Activate selected banners");
    expect(page).toContain('<input type="hidden" name="confirm" value="yes">');
    expect(await ctx.deps.db.banner.count({ where: { active: true } })).toBe(1);

    const done = await post("/admin/banners/banner/action/", { action: "activate", ids, confirm: "yes" });
    expect(done.status).toBe(303);
    expect(await (await followRedirect(ctx, editor.cookie, done)).text()).toContain("Activate selected banners: done for 2 banners.");
    expect(await ctx.deps.db.banner.count({ where: { active: true } })).toBe(3);
    const rows = await auditRows(ctx, "banners.banner");
    expect(rows.map((row) => [row.action, row.objectId, (row.before as { active: boolean }).active, (row.after as { active: boolean }).active])).toEqual([
      ["activate", String(survey!.id), false, true],
      ["activate", String(old!.id), false, true],
    ]);
  });

  it("refuses bulk actions without the permission, unknown actions and empty selections", async () => {
    const [fundraiser] = await seed();
    const viewer = await signInAs(ctx, { permissions: ["banners.view_banner"] });
    const denied = await ctx.app.request("/admin/banners/banner/action/", adminPost(ctx, viewer.cookie, { action: "deactivate", ids: String(fundraiser!.id), confirm: "yes" }));
    expect(denied.status).toBe(303);
    expect(await ctx.deps.db.banner.count({ where: { active: true } })).toBe(1);

    const unknown = await post("/admin/banners/banner/action/", { action: "drop_table", ids: String(fundraiser!.id), confirm: "yes" });
    expect(await (await followRedirect(ctx, editor.cookie, unknown)).text()).toContain("Choose an action you may run.");
    const none = await post("/admin/banners/banner/action/", { action: "deactivate", ids: ["abc", "-1", "99999999999"], confirm: "yes" });
    expect(await (await followRedirect(ctx, editor.cookie, none)).text()).toContain("Select at least one banner first.");
    const noDelete = await post("/admin/banners/banner/action/", { action: "delete_selected", ids: String(fundraiser!.id), confirm: "yes" });
    expect(noDelete.status).toBe(303);
    expect(await ctx.deps.db.banner.count()).toBe(3);
  });
});
