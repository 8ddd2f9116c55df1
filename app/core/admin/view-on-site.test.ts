// "View on site": the change form's object tool and the list's link column, shown only for
// registrations that say where their records live, and only for same-site paths.
import { beforeEach, describe, expect, it } from "vitest";
import { signInAs, syncAdminPermissions, type SignedIn } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";
import type { AnyAdminResource } from "./types.ts";
import { viewOnSiteHref } from "./view-on-site.ts";

const ctx = useTestContext();
let root: SignedIn;
beforeEach(async () => {
  await syncAdminPermissions(ctx);
  root = await signInAs(ctx, { isSuperuser: true });
});

const get = async (path: string) => (await ctx.app.request(path, { headers: { cookie: root.cookie } })).text();

describe("view on site", () => {
  it("links the change form and each list row to the public page, in the same tab", async () => {
    const box = await ctx.deps.db.box.create({ data: { label: "supernav-about", content: "x", contentRendered: "x" } });
    const form = await get(`/admin/boxes/box/${box.id}/change/`);
    const link = /<a href="([^"]*)"([^>]*)>View on site<\/a>/.exec(form);
    expect(link?.[1]).toBe("/box/supernav-about/");
    expect(link?.[2]).not.toContain("target");
    expect(form).toMatch(/<ul class="object-tools">[\s\S]*View on site[\s\S]*<\/ul>/);

    const list = await get("/admin/boxes/box/");
    expect(list).toContain('<th scope="col" class="site-col">On site</th>');
    expect(list).toContain('<a href="/box/supernav-about/" aria-label="View supernav-about on site">View</a>');
  });

  it("shows neither on the add page nor for registrations without public pages", async () => {
    expect(await get("/admin/boxes/box/add/")).not.toContain("View on site");
    const banners = await get("/admin/banners/banner/");
    expect(banners).not.toContain("On site");
  });

  it("links only site-relative paths", () => {
    const resource = (href: string | null) => ({ viewOnSite: () => href }) as unknown as AnyAdminResource;
    expect(viewOnSiteHref(resource("/about/"), {})).toBe("/about/");
    for (const bad of [null, "", "//evil.example/", "/\\evil.example/", "javascript:alert(1)", "https://evil.example/", "about/", "/a b/", "/a\nb/"]) {
      expect(viewOnSiteHref(resource(bad), {}), String(bad)).toBeNull();
    }
    expect(viewOnSiteHref({} as AnyAdminResource, {})).toBeNull();
  });
});
